"""HTML → Word for lmp/outputs/docx_templates.py: python-docx, imported only when a file is converted.

See lmp/outputs/docx_templates.py for what the Word file holds and when it is made."""
from __future__ import annotations

import io
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from docx import Document
from docx.oxml import OxmlElement
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from lmp import words as lmp_words

HEADING_LEVEL = {"h2": 1, "h3": 2, "h4": 3}
A4 = (Mm(210), Mm(297))
MARGIN = Cm(2)
LINK_COLOUR = RGBColor(0x1A, 0x4B, 0x9B)   # 8.6:1 on white
SKIP_CLASSES = {"lmp-web-only", "headerlink", "lmp-reading-time"}



def html_to_docx(html: str, title: str, lang: str, description: str = "", base: str | None = None) -> bytes:
    document = Document()
    for section in document.sections:   # python-docx's blank document is US Letter
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    props = document.core_properties
    words = lmp_words.ui(lang)["docx"]
    props.title, props.language, props.subject = title, words["word_language"], description
    props.author = words["author"]
    _set_default_language(document, words["word_language"])
    document.add_heading(title, level=0)
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):   # a Word file has no "current page": make links absolute
        if base:
            link["href"] = urljoin(base, link["href"])
        elif not urlsplit(link["href"]).scheme and not _skipped(link):
            # No public address (SITE_URL unset): a link to the site could only point at a path that
            # leads nowhere from a Word file, so it stays as its words, like in the PDFs.
            link.unwrap()
    _blocks(document, soup, {"heading": title})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_default_language(document, code: str) -> None:
    """Spell-checking and screen readers read the text as `code` (w:docDefaults/w:lang)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), code)


def _skipped(tag: Tag) -> bool:
    return bool(SKIP_CLASSES & set(tag.get("class") or [])) or tag.name in ("script", "style", "hr")


def _blocks(document, parent, state, style=None):
    for node in parent.children:
        if isinstance(node, NavigableString):
            if node.strip() and not isinstance(parent, BeautifulSoup):
                document.add_paragraph(node.strip(), style=style)
            continue
        if not isinstance(node, Tag) or _skipped(node):
            continue
        name = node.name
        if name in HEADING_LEVEL:
            text = _text(node)
            document.add_heading(text, level=HEADING_LEVEL[name])
            state["heading"] = text
        elif name == "p":
            bold = "admonition-title" in (node.get("class") or [])
            _inline(document.add_paragraph(style=style), node, bold=bold)
        elif name in ("ul", "ol"):
            _list(document, node, 1)
        elif name == "table":
            _table(document, node, state)
        elif name == "blockquote":
            _blocks(document, node, state, style="Quote")
        elif name == "dl":
            for item in node.find_all(["dt", "dd"], recursive=False):
                _inline(document.add_paragraph(style=style), item, bold=item.name == "dt")
        elif name == "summary":
            _inline(document.add_paragraph(style=style), node, bold=True)
        else:  # div, section, details, figure…: their children
            _blocks(document, node, state, style)


def _list(document, node: Tag, level: int):
    kind = "List Number" if node.name == "ol" else "List Bullet"
    style = kind if level == 1 else f"{kind} {min(level, 3)}"
    for item in node.find_all("li", recursive=False):
        paragraph = document.add_paragraph(style=style)
        nested = []
        for child in item.children:
            if isinstance(child, Tag) and child.name in ("ul", "ol"):
                nested.append(child)
            elif isinstance(child, Tag) and child.name == "p":
                _inline(paragraph, child)
            else:
                _inline_node(paragraph, child, False, False)
        for child in nested:
            _list(document, child, level + 1)


def _table(document, node: Tag, state):
    rows = node.find_all("tr")
    if not rows:
        return
    width = max(len(row.find_all(["th", "td"], recursive=False)) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    # python-docx has no API for header rows or a table's alt text: its public `element` (the
    # document's lxml element) and the OOXML elements, not its private `_tbl`/`_tr`.
    table_xml = document.element.body.findall(qn("w:tbl"))[-1]     # add_table appends to the body
    _table_caption(table_xml, state.get("heading", ""))
    for row in rows:
        cells = row.find_all(["th", "td"], recursive=False)
        header = all(cell.name == "th" for cell in cells)
        word_row = table.add_row()
        if header:                                     # repeat on each page; marks a header row
            _row_properties(table_xml.findall(qn("w:tr"))[-1]).append(OxmlElement("w:tblHeader"))
        elif not any(_text(cell) for cell in cells):
            word_row.height = Cm(1.2)                  # an empty row to write in
        for index, cell in enumerate(cells):
            paragraph = word_row.cells[index].paragraphs[0]
            _inline(paragraph, cell, bold=header)
    document.add_paragraph()


def _row_properties(row_xml):
    """A table row's <w:trPr>, made as its first child (OOXML order) when it has none."""
    properties = row_xml.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        row_xml.insert(0, properties)
    return properties


def _table_caption(table_xml, caption: str):
    """Alternative text for the table (Word: Table Properties → Alt Text)."""
    table_properties = table_xml.find(qn("w:tblPr"))
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        table_properties.append(element)


def _inline(paragraph, node: Tag, bold=False, italic=False):
    for child in node.children:
        _inline_node(paragraph, child, bold, italic)


def _inline_node(paragraph, node, bold, italic):
    if isinstance(node, NavigableString):
        raw = str(node)
        text = " ".join(raw.split())
        if raw[:1].isspace() and paragraph.runs and not paragraph.text.endswith(" "):
            text = " " + text
        if raw[-1:].isspace() and text.strip():
            text += " "
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
        return
    if not isinstance(node, Tag) or _skipped(node):
        return
    if node.name == "br":
        paragraph.add_run().add_break()
    elif node.name in ("strong", "b"):
        _inline(paragraph, node, True, italic)
    elif node.name in ("em", "i"):
        _inline(paragraph, node, bold, True)
    elif node.name == "code":
        run = paragraph.add_run(node.get_text())
        run.font.name, run.font.size = "Consolas", Pt(10)
    elif node.name == "a" and node.get("href", "").startswith(("http://", "https://")):
        _hyperlink(paragraph, node["href"], " ".join(node.get_text(" ").split()), bold, italic)
    elif node.name in ("ul", "ol", "table"):
        return  # block content inside inline context is handled by its caller
    else:
        _inline(paragraph, node, bold, italic)


def _hyperlink(paragraph, url: str, text: str, bold, italic):
    """A real Word hyperlink (w:hyperlink with an external relationship), underlined and coloured."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = paragraph.add_run(text)                  # made by python-docx, then moved into the link
    run.bold, run.italic = bold or None, italic or None
    run.underline, run.font.color.rgb = True, LINK_COLOUR
    paragraph_xml = run.element.getparent()         # the run's public lxml element; its parent: <w:p>
    link.append(run.element)
    paragraph_xml.append(link)


def _text(node: Tag) -> str:
    copy = BeautifulSoup(str(node), "html.parser")
    for tag in copy.find_all(class_=list(SKIP_CLASSES)):
        tag.decompose()
    return " ".join(copy.get_text(" ").split())
