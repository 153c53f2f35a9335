"""Printable PDFs from the same Markdown as the web pages: a seminar kit for every theme and the
whole handbook, in each language. mkdocs-exporter prints them (lmp_mkdocs/exporter.py); this module
decides what goes into the printed HTML and where the PDFs are offered. Words come from
data/ui.<lang>.yml (section `handouts`), markup from overrides/lmp/handout-*.html.

- Seminar kit (theme pages): the exporter keeps each `pdf: true` page's HTML in `page.html` (its
  on_post_page, priority 100); after the build (post_build, before the exporter prints) we turn
  that copy into the kit: a cover (programme, kind, theme, semester, the national gathering from
  data/programme.yml, language, the content's date from git), a start page (what the theme is
  about, an agenda frame for the seminar to fill in, contents with page numbers), the module,
  ruled lines under each reflection question and each task, a between-session checklist built
  from the module's tasks (task ☐, who, by when), the staff-meeting plan marked for whoever leads
  it, a notes page and a back page (QR code and short addresses to the page online and to the
  other language, only when the build has a public address). Links to another part of the same
  PDF print "se side 7": print/page-refs.js fills the page numbers in after layout.
  The web page itself is not changed by any of it.
- Handbook: tools/handbook.<lang>.md is an ordinary `pdf: true` page. Its web page says what the
  PDF is; its printed HTML is replaced by every page of the language in navigation order,
  headings demoted by their depth in the navigation, ids prefixed per page, links between pages
  turned into links inside the PDF. So the handbook is one exporter PDF: tagged, with /Lang,
  /Title and an outline.
- Download links: each PDF page's link is in the theme (overrides/partials/content.html includes
  lmp/handout-download.html with what this module puts in `page.meta["lmp_pdf"]`), to the PDF of the
  page's own language (the exporter's own button points English pages at the Norwegian PDF with
  use_directory_urls: false, exporter issues #44/#60). The build fails if a PDF page comes out
  without it. `<!-- lmp:handouts-list -->` (tools/handouts) becomes a table of the language's
  PDFs, with Markdown links that MkDocs validates: every PDF is registered as a file of the build
  (`on_files`). Both show what is known before printing (format and paper), so no built file is
  rewritten after the build.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from lmp import markers
from lmp import project
from lmp import words as lmp_words
from lmp.model import pages
from lmp.errors import BuildError
from lmp.print import editions  # (the setting editions of each handout: their files and links)
from lmp.print import booklets  # (has_booklet, booklet_name, download_name: the booklets' files and links)
from lmp.print.markup import HANDBOOK, _inline_text, _key_of, _nodes, _one, words
from lmp.print.paper_links import (_addresses, _links_on_paper, keep_other_schemes, qr_svg, short_address,
                                   site_links_as_text)
from lmp.generators import programme  # (date_range and the gathering format words)
from lmp.generators import self_check  # (the questions as the templates show them)
from lmp.model import self_check as self_check_data
from lmp.model import identity
from lmp.templates import render

bs4 = project.lazy_import("bs4")   # imported when a PDF's HTML is made: an HTML-only build never needs it
if TYPE_CHECKING:
    from bs4 import Tag

MARKER = "handouts-list"              # <!-- lmp:handouts-list --> becomes the table of PDFs
markers.register(MARKER, owner="handouts")
LINES_PER_QUESTION = 6
LINES_PER_TASK = 3
LINES_ON_NOTES_PAGE = 24
LINES_ON_A5_NOTES_PAGE = 18           # the same page in the A5 booklet (print/booklet.css)
AGENDA_ROWS = 6                       # the agenda grid on the start page: time, activity, who
TASK_SECTIONS = ("tasks-working-group", "tasks-all-staff")


# ---------------------------------------------------------------------------------------------
# Small helpers

def pdf_dest(html_dest: str) -> str:
    """The exporter writes the PDF next to the page: themes/theme-1/index.pdf."""
    return posixpath.splitext(html_dest)[0] + ".pdf"


def _relative(target: str, from_dest: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(from_dest) or ".")


def content_version(paths: list[Path], docs_dir: str) -> tuple[bool, dt.date]:
    """(True, date of the last commit changing the pages in `paths`): the date the web pages show
    (lmp.model.pages.last_updated); (False, newest file date) when they have uncommitted changes
    or git does not know them: a working draft."""
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    days = [pages.last_updated(f.relative_to(docs_dir).as_posix(), docs_dir) for f in files if f.suffix == ".md"]
    try:
        run = dict(cwd=project.ROOT, capture_output=True, text=True, timeout=20, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *map(str, paths)], **run)
        if days and None not in days and not dirty.stdout.strip():
            return True, max(days)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    newest = max((f.stat().st_mtime for f in files), default=0)
    return False, dt.date.fromtimestamp(newest)


def version_text(paths: list[Path], lang: str, docs_dir: str) -> str:
    """'29. november 2026': the date of the content, for people; a draft says so."""
    commit, day = content_version(paths, docs_dir)
    when = programme.date_range(day, day, lang)
    return when if commit else words(lang)["draft"].format(date=when)


def _page_of_css(lang: str) -> str:
    """'side {page} av {pages}' → a CSS content value with Paged.js' page counters."""
    parts = re.split(r"(\{page\}|\{pages\})", words(lang)["page_of"])
    css = []
    for part in parts:
        if part == "{page}":
            css.append("counter(page)")
        elif part == "{pages}":
            css.append("counter(pages)")
        elif part:
            css.append(_css_string(part))
    return " ".join(css)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------------------------
# Collecting the pages of this build; the PDFs as files of the build

# ---------------------------------------------------------------------------------------------
# The table of PDFs (tools/handouts)

def pdf_table(page, documents: list[tuple[dict, str]], enabled: bool) -> str:
    """The table of the language's PDFs (tools/handouts): `documents` are (front matter, src_uri)
    of every PDF page of the page's language."""
    lang = page.lang
    rows = []
    for meta, src in sorted(documents, key=lambda item: (item[0].get("semester") is None,
                                                         item[0].get("semester") or 0, item[1])):
        pdf = _key_of(src) + ".pdf"
        booklet = booklets.has_booklet(meta) and {
            "href": _relative(booklets.booklet_name(pdf, lang), page.src_uri),
            "name": booklets.download_name(meta, lang)}
        rows.append({"title": meta["title"], "semester": meta.get("semester"),
                     "href": _relative(pdf, page.src_uri),
                     "name": f'laringsmiljoprosjektet-{meta["id"]}-{lang}.pdf', "booklet": booklet,
                     "editions": editions.links(_relative(pdf, page.src_uri), meta, lang),
                     "edition_booklets": editions.links(_relative(pdf, page.src_uri), meta, lang, booklet=True)})
    return render("handout-list.html", rows=rows, words=words(lang), lang=lang,
                  booklet=lmp_words.ui(lang)["booklet"], view=lmp_words.ui(lang)["view"], enabled=enabled)


def download(page) -> dict:
    """What the page's PDF download link shows (overrides/lmp/handout-download.html reads it from
    the page's `lmp_pdf`)."""
    lang = page.lang
    kind = ("theme" if page.meta.get("type") == "theme"
            else "handbook" if _key_of(page.src_uri) == HANDBOOK else "page")
    return {"href": posixpath.basename(pdf_dest(page.dest_uri)), "lang": lang,
            "name": f'laringsmiljoprosjektet-{page.meta.get("id", "page")}-{lang}.pdf',
            "label": words(lang)["button"][kind], "info": words(lang)["format"],
            "editions": editions.links(posixpath.basename(pdf_dest(page.dest_uri)), page.meta, lang),
            "editions_intro": lmp_words.ui(lang)["view"]["editions_intro"]}


def with_pdf_table(markdown: str, page, documents, enabled: bool) -> str:
    """`<!-- lmp:handouts-list -->` replaced by the table of the language's PDFs."""
    if not any(markers.find(markdown, MARKER)):
        return markdown
    return markers.replace(markdown, MARKER, lambda marker: pdf_table(page, documents, enabled))


def without_wrapped_caption(html: str) -> str:
    return WRAPPED_CAPTION.sub(r"\1\2", html) if 'class="lmp-pdf-list"' in html else html


# md_in_html does not know <caption> and wraps it in a paragraph: unwrap it in the table we made.
WRAPPED_CAPTION = re.compile(r'(<table class="lmp-pdf-list">\s*)<p>(<caption>.*?</caption>)</p>', re.DOTALL)


# ---------------------------------------------------------------------------------------------
# Printed HTML: what every PDF gets

# What the web has and paper does not: elements with one of these classes, elements of these
# kinds, and scripts in the article. Found in one pass over the tree (a CSS select() per selector
# walked the handbook sixteen times).
WEB_ONLY_CLASSES = frozenset({"md-path", "lmp-reading-time", "headerlink", "lmp-web-only",
                              "lmp-pdf-download", "md-content__button", "md-source-file",
                              # a dated dashboard and filter counts have no place in a printed book
                              "lmp-now", "lmp-group-count", "lmp-audience-none",
                              # the reading builder's bar and assignment: empty until a reader chooses
                              # (the browser prints a chosen assignment; the handbook leaves the tool out)
                              "lmp-bar", "lmp-assignment",
                              # the setting view's links (print CSS hides them too)
                              "lmp-view"})
WEB_ONLY_ELEMENTS = frozenset({"form", "button", "input", "select", "textarea", "noscript", "iframe",
                               "video", "audio"})


def _web_only(element: Tag) -> bool:
    if element.name in WEB_ONLY_ELEMENTS:
        return True
    # a script inside the page's content (Material's <article class="md-content__inner">)
    if element.name == "script" and element.find_parent(class_="md-content__inner") is not None:
        return True
    classes = element.get("class")
    return bool(classes) and not WEB_ONLY_CLASSES.isdisjoint(classes)


def _printable(root: Tag, site_url: str | None = None) -> None:
    """Drop web-only parts, open tabs one after the other. A download link (.lmp-download: a Word
    template, a calendar file) prints as its text and, with a public address, the file's address
    (`_links_on_paper`); without one it is left out."""
    for download in root.find_all(class_="lmp-download"):
        if site_url:
            download["class"] = [c for c in download.get("class", []) if c != "lmp-web-only"]
        else:
            download.decompose()
    for tabs in root.find_all(class_="tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(".tabbed-labels > label")]
        blocks = tabs.select(".tabbed-content > .tabbed-block")
        flat = []
        for label, block in zip(labels, blocks):
            flat.append(_one(render("handout-tab-label.html", label=label)))
            flat.extend(list(block.contents))
        for node in flat:
            tabs.insert_before(node)
        tabs.decompose()
    for element in [element for element in root.find_all(True) if _web_only(element)]:
        element.decompose()
    _flat_setting_sections(root)
    _column_widths(root)


def _flat_setting_sections(root: Tag) -> None:
    """A section marked for some settings (div.lmp-for-section, lmp/model/settings.py) prints flat:
    its mark on each of its parts, its label on a line before them. Paged.js lost the text after a heading
    that ended a page inside such a wrapper (the handbook's "Framework Plan for SFO"), and a flat
    heading keeps its text by the heading's tail (print/handout.css). The editions still leave the
    parts out by their marks."""
    for section in root.find_all("div", class_="lmp-for-section"):
        mark, label = section.get("data-for"), section.get("data-for-label")
        parts = [child for child in section.children if isinstance(child, bs4.Tag)]
        for part in parts:
            if not part.get("data-for"):   # a part marked itself is marked for fewer settings: its own
                part["data-for"] = mark
        if label:   # the label's chip (CSS ::before) on a line of its own, not inside the heading
            chip = bs4.BeautifulSoup("<p></p>", "html.parser").p
            chip["data-for"], chip["data-for-label"] = mark, label
            section.insert(0, chip)
        section.unwrap()


MIN_COLUMN = 0.12   # of the table's width: "Nr." and "Tid (min)" get what they need, no more


def _column_widths(root: Tag) -> None:
    """Columns in proportion to what they hold (a <colgroup> with fixed shares, which Paged.js
    keeps on every page the table runs over: print/table-headers.js), not equal shares: the
    staff meeting's "Tid (min)" took a third of the width. Tables of the site's own markup (with a
    class or a colgroup) are designed already; tables with links keep equal columns, which
    lmp/print/paper_links.py `address_limit` counts on."""
    maker = bs4.BeautifulSoup("", "html.parser")
    for table in root.find_all("table"):
        if table.get("class") or table.find("colgroup") or table.find("a"):
            continue
        rows = [row.find_all(["td", "th"], recursive=False) for row in table.find_all("tr")]
        count = max((len(cells) for cells in rows), default=0)
        if count < 2:
            continue
        needs = [1] * count
        for cells in rows:
            if len(cells) != count or any(cell.get("colspan") for cell in cells):
                continue
            for index, cell in enumerate(cells):
                text = cell.get_text(" ", strip=True)
                longest = max((len(word) for word in text.split()), default=0)
                needs[index] = max(needs[index], min(len(text), 60), 2 * longest)
        shares = [max(MIN_COLUMN, need / sum(needs)) for need in needs]
        colgroup = maker.new_tag("colgroup")
        for share in shares:
            colgroup.append(maker.new_tag("col", attrs={"style": f"width: {100 * share / sum(shares):.1f}%"}))
        caption = table.find("caption", recursive=False)
        if caption is not None:
            caption.insert_after(colgroup)   # a caption comes first in a table
        else:
            table.insert(0, colgroup)


def _section_after(heading: Tag):
    """The elements after an H2/H3 up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            return
        yield sibling


def _lines(count: int) -> Tag:
    return _one(render("handout-lines.html", count=count))


def _write_in(article: Tag) -> None:
    """Ruled lines under each reflection question and under each task."""
    for anchor, count in [("reflection", LINES_PER_QUESTION)] + [(a, LINES_PER_TASK) for a in TASK_SECTIONS]:
        heading = article.find(id=anchor)
        if not heading:
            continue
        for block in list(_section_after(heading)):
            if block.name in ("ol", "ul"):
                for item in block.find_all("li", recursive=False):
                    item.append(_lines(count))


def _tasks(article: Tag) -> list[tuple[str, list[str]]]:
    """(heading, [task text]) for each task list of the module, before ruled lines are added."""
    groups = []
    for anchor in TASK_SECTIONS:
        heading = article.find(id=anchor)
        if not heading:
            continue
        tasks = [_inline_text(item)
                 for block in _section_after(heading) if block.name in ("ol", "ul")
                 for item in block.find_all("li", recursive=False)]
        if tasks:
            groups.append((heading.get_text(" ", strip=True), tasks))
    return groups


def _key_points(article: Tag) -> list[str]:
    """The module's own summary (its #key-points list), for the start page."""
    heading = article.find(id="key-points")
    if heading is None:
        return []
    return [_inline_text(item)
            for block in _section_after(heading) if block.name in ("ol", "ul")
            for item in block.find_all("li", recursive=False)]


ACTION_LINES = 4


def _action_card(article: Tag, text: dict) -> None:
    """The module's closing summary (#key-points) repeats the start page's: on paper it becomes
    an action card, a page of its own with ruled lines (overrides/lmp/handout-action-card.html)."""
    heading = article.find(id="key-points")
    if heading is None:
        return
    for block in list(_section_after(heading)):
        block.decompose()
    heading.replace_with(_one(render("handout-action-card.html", words=text, count=ACTION_LINES)))


def _after_section(article: Tag, anchor: str) -> Tag | None:
    """The last element of the section that starts at the heading with id `anchor`."""
    heading = article.find(id=anchor)
    if heading is None:
        return None
    last = heading
    for block in _section_after(heading):
        last = block
    return last


def _contents(entries: list[tuple[int, str, str]], lang: str) -> Tag:
    """Contents with page numbers (Paged.js fills target-counter); entries: (depth, id, text)."""
    return _one(render("handout-contents.html", entries=entries, words=words(lang)))


MARGIN_BOX = "font-size: 7.5pt; color: #555;"   # the running title and the page number: ≥ 7 pt on every paper size
NO_BOXES = ("@top-left { content: none; } @top-right { content: none; } "
            "@bottom-left { content: none; } @bottom-right { content: none; }")


def _page_style(running: str | None, lang: str, folio: str | None = None) -> str:
    """Per-document @page margin boxes, mirrored for double-sided printing: the running title
    (else the current chapter's) at the top and 'side 3 av 12' (`folio`: another CSS content
    value) at the bottom, both at the outer corner (left on a left-hand page, right on a right-hand
    page); none on the cover, the back page or a page left blank (Paged.js adds one so that a part
    starts on a right-hand page; it still counts). The chapter title is taken here (`string-set`
    is Paged.js CSS, unknown to the Nu checker that checks the stylesheets)."""
    title = _css_string(running) if running else "string(chapter)"
    folio = folio or _page_of_css(lang)
    head = (f"content: {title}; {MARGIN_BOX} vertical-align: bottom; padding-bottom: 5mm; "
            "white-space: nowrap;")
    number = f"content: {folio}; {MARGIN_BOX} vertical-align: top; padding-top: 5mm;"
    return (f"@page :left {{ @top-left {{ {head} text-align: left; }} "
            f"@bottom-left {{ {number} text-align: left; }} }}"
            f"@page :right {{ @top-right {{ {head} text-align: right; }} "
            f"@bottom-right {{ {number} text-align: right; }} }}"
            f"@page :first {{ {NO_BOXES} }} @page :blank {{ {NO_BOXES} }} @page back {{ {NO_BOXES} }}"
            ".md-typeset .lmp-part__title, .md-typeset .lmp-chapter__title "
            "{ string-set: chapter content(text); }")


FONT_URL = re.compile(r'url\("([^"/:]+)"\)')


def _font_faces() -> str:
    """The programme's typeface (data/identity.yml `typeface`) for paper: the web's @font-face rules
    (docs/assets/fonts/fonts.css, the one source of the faces' weights, styles and unicode ranges)
    with each file's address made absolute (file://: the printed HTML is a temporary file) and
    `font-display: block` (`optional` may leave a print on the fallback: paper waits for its face),
    and the family on the text. Off (typeface.on_paper: false) or no fonts.css: nothing, and the
    print keeps its fallback (the system's sans-serif)."""
    face = identity.load()
    css_file = project.path("docs", "assets", "fonts", "fonts.css")
    if not face.on_paper or not css_file.is_file():
        return ""
    css = css_file.read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)

    def absolute(match: re.Match) -> str:
        file = css_file.parent / match.group(1)
        if not file.is_file():
            raise BuildError(f"docs/assets/fonts/fonts.css: no font file {match.group(1)!r} beside it")
        return f"url({_css_string(file.resolve().as_uri())})"

    css = FONT_URL.sub(absolute, css)
    css = re.sub(r"font-display:\s*[a-z]+", "font-display: block", css)
    family = ", ".join([_css_string(face.typeface), *face.fallback])   # generic names unquoted
    return css.strip() + f"\nbody, .md-typeset {{ font-family: {family}; }}\n"


def booklet_style(page) -> str:
    """What the A5 print of a handout adds to its A4 HTML (lmp_mkdocs/exporter.py prints it for
    the booklet): print/booklet.css (A5 page, type and space set for A5) and margin boxes with the
    page number alone (the booklet's blank pages, added to make whole sheets, would make a total
    wrong)."""
    css = project.path("print", "booklet.css").read_text(encoding="utf-8")
    return css + _page_style(page.meta["title"], page.lang, folio="counter(page)")


def _finish(soup, title: str, running: str | None, lang: str, site, date: dt.date | None = None) -> str:
    if site.public_address is None:
        site_links_as_text(soup)
    keep_other_schemes(soup)
    soup.title.string = title
    names = identity.load()
    for name, content in (("author", names.operator(lang)), ("dcterms.publisher", names.owner(lang)),
                          ("dcterms.modified", date.isoformat() if date else None)):
        if content:
            soup.head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))
    style = soup.new_tag("style")
    style.string = _font_faces() + _page_style(running, lang)
    soup.head.append(style)
    return str(soup)


def _back_page(site, page, lang: str) -> list:
    """Where the document comes from, the addresses and a QR code to the page online (no
    addresses and no code without a public address)."""
    site_url = site.public_address
    page_address = site_url + page.dest_uri if site_url else ""
    return _nodes(render("handout-back.html", words=words(lang), site_name=site.site_name,
                         qr=qr_svg(page_address) if site_url else None, page_address=page_address,
                         addresses=_addresses(site, page, lang),
                         copyright=site.copyright or site.site_name))


# ---------------------------------------------------------------------------------------------
# The seminar kit (theme pages)

def _gathering(semester: int, lang: str) -> str | None:
    data = pages.load_programme()
    for gathering in data.get("gatherings", []):
        if gathering.get("semester") == semester:
            when = programme.date_range(gathering["start"], gathering["end"], lang)
            form = programme.TEXT[lang].get(gathering["format"], gathering["format"])
            return f'{gathering["title"][lang]}, {when} ({form})'
    return None


def _term(semester: int, lang: str) -> str | None:
    for entry in pages.load_programme().get("semesters", []):
        if entry.get("number") == semester:
            return entry["term"][lang]
    return None


def _cover(site, title: str, kind: str, lead: str, rows, lang: str, colour: str | None = None,
           owner_field: bool = False) -> Tag:
    """The cover: the programme, who owns and who runs it (as text, data/identity.yml), the
    document's kind and title, its details; a handout's in its theme's colour, with a line for
    whose booklet it is."""
    names = identity.load()
    sender = words(lang)["sender"].format(owner=names.owner(lang), operator=names.operator(lang))
    return _one(render("handout-cover.html", programme=site.site_name, kind=kind, title=title,
                       lead=lead, rows=rows, sender=sender, colour=colour,
                       owner_field=owner_field, words=words(lang),
                       how=lmp_words.ui(lang)["booklet"]["how"] if owner_field else None))


def _self_check(article: Tag, page, site) -> None:
    """The theme's self-check questions on paper, where the web page has them (`_printable` has
    dropped the web's questions and left their box): each question with boxes to tick, then the
    answer key on a page of its own (overrides/lmp/handout-self-check.html, print/kit.css)."""
    box = article.select_one(".lmp-self-check")
    if box is None:
        return
    questions = self_check_data.questions(site.root, str(page.meta.get("id")), page.lang)
    titles = {heading["id"]: _inline_text(heading)
              for heading in article.find_all(re.compile(r"^h[2-6]$"), id=True)}
    box.clear()
    if questions:
        for node in _nodes(render("handout-self-check.html", questions=self_check.view(questions, titles),
                                  words=lmp_words.ui(page.lang)["self_check"])):
            box.append(node)


def _handout_html(page, site) -> str:
    lang, text = page.lang, words(page.lang)
    soup = bs4.BeautifulSoup(page.html, "lxml")
    article = soup.select_one("article.md-content__inner")
    for element in soup.find_all(class_="md-path"):
        element.decompose()
    _printable(article, site.public_address)
    tasks = _tasks(article)
    summary = _key_points(article)
    _write_in(article)
    _action_card(article, text)

    title = page.meta["title"]
    semester = page.meta.get("semester")
    h1 = article.find("h1")
    if h1 is not None:
        h1.decompose()
    rows = []
    if semester:
        term = _term(semester, lang)
        rows.append((text["semester"], f"{semester} – {term}" if term else str(semester)))
        gathering = _gathering(semester, lang)
        if gathering:
            rows.append((text["gathering"], gathering))
    rows.append((text["language"], text["language_name"]))
    rows.append((text["version"], version_text([Path(page.abs_src_path)], lang, site.docs_dir)))
    _, day = content_version([Path(page.abs_src_path)], site.docs_dir)
    if site.public_address:
        rows.append((text["web"], short_address(site.public_address + page.dest_uri)))

    if tasks:
        # The checklist follows the last task list (the between-session section ends with it).
        last = _after_section(article, TASK_SECTIONS[-1]) or _after_section(article, TASK_SECTIONS[0])
        last.insert_after(_one(render("handout-checklist.html", words=text, groups=tasks)))
    meeting = article.find(id="staff-meeting")
    if meeting is not None:
        meeting.insert_after(_one(render("handout-leader.html", words=text)))
    _self_check(article, page, site)
    article.append(_one(render("handout-notes-page.html", words=text, count=LINES_ON_NOTES_PAGE,
                                  fit=LINES_ON_A5_NOTES_PAGE)))
    in_pdf = {element["id"] for element in article.find_all(id=True)}
    _links_on_paper(article, page, site, lang, in_pdf)

    entries = [(1, h2["id"], h2.get_text(" ", strip=True)) for h2 in article.find_all("h2", id=True)]
    theme = str(page.meta.get("id", ""))
    colour = identity.load().themes.get(theme)
    cover = _cover(site, title, text["handout"], page.meta.get("description", ""), rows, lang,
                   colour=colour, owner_field=True)
    start = _one(render("handout-start.html", words=text, entries=entries, summary=summary,
                        agenda_rows=AGENDA_ROWS))
    article.insert(0, cover)
    cover.insert_after(start)
    for node in _back_page(site, page, lang):
        article.append(node)
    if colour:
        soup.body["style"] = f"--lmp-theme: {colour};"
    return _finish(soup, title, title, lang, site, day)


def printed_html(page, site, entries=()) -> str:
    """The HTML a PDF page prints: a seminar kit (theme), the handbook (`entries`: every page of the
    language in navigation order, as (depth, section title or None, page or None)) or the page."""
    if page.meta.get("type") == "theme":
        return _handout_html(page, site)
    if _key_of(page.src_uri) == HANDBOOK:
        return _handbook_html(page, site, entries)
    soup = bs4.BeautifulSoup(page.html, "lxml")
    article = soup.select_one("article.md-content__inner") or soup.body
    _printable(article)
    _links_on_paper(article, page, site, page.lang,
                    {element["id"] for element in article.find_all(id=True)})
    return _finish(soup, page.meta["title"], page.meta["title"], page.lang, site)


# ---------------------------------------------------------------------------------------------
# The download link on the web page is in the theme (overrides/partials/content.html): it must be
# there on every page that has a PDF.

# ---------------------------------------------------------------------------------------------
# The handbook: every page of the language in navigation order, in one printed document

def _slug(dest: str, lang: str) -> str:
    if lang != project.DEFAULT_LANGUAGE and dest.startswith(lang + "/"):
        dest = dest[len(lang) + 1:]
    return "hb-" + re.sub(r"[^a-z0-9]+", "-", posixpath.splitext(dest)[0].lower()).strip("-")


def _printed_body(page, site_url: str | None) -> Tag:
    """A page's content as it prints: parsed once, web-only parts and scripts gone."""
    body = bs4.BeautifulSoup(f"<div>{page.content or ''}</div>", "html.parser").div
    _printable(body, site_url)
    for script in body.find_all("script"):  # data for the page's own scripts (the builder's catalogue)
        script.decompose()
    return body


def _chapter_title(page) -> str:
    """A chapter's title in the handbook: the page's own title (front matter), not its navigation
    label, so the home page is not a chapter called «Hjem» / «Heim» / "Home" in a printed book."""
    return (page.meta or {}).get("title") or page.title


def _chapter(page, body: Tag, level: int, handbook_dest: str, slugs: dict) -> Tag:
    """One page (its `_printed_body`) as a chapter: title at `level`, its headings below it, ids
    prefixed, links to pages in the handbook made links inside it."""
    prefix = slugs[page.dest_uri]
    for element in body.find_all(True):
        if element.name and re.fullmatch(r"h[1-6]", element.name):
            element.name = f"h{min(6, int(element.name[1]) + level - 1)}"
        if element.get("id"):
            element["id"] = f"{prefix}--{element['id']}"
        for attribute in ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers"):
            if element.get(attribute):
                value = element[attribute]
                value = value if isinstance(value, list) else value.split()
                element[attribute] = " ".join(f"{prefix}--{v}" for v in value)
        base = posixpath.dirname(page.dest_uri)
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if not value or urlsplit(value).scheme or value.startswith("//"):
                continue
            parts = urlsplit(value)
            if not parts.path:
                element[attribute] = f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}"
                continue
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if attribute == "href" and target in slugs:
                element[attribute] = (f"#{slugs[target]}--{parts.fragment}" if parts.fragment
                                      else f"#{slugs[target]}")
            else:
                element[attribute] = (_relative(target, handbook_dest)
                                      + (f"#{parts.fragment}" if parts.fragment else ""))
    section = _one(render("handout-chapter.html", anchor=prefix, level=level, title=_chapter_title(page)))
    for node in list(body.contents):
        section.append(node)
    return section


def _has_print_content(body: Tag) -> bool:
    """Whether a page's printed body has anything besides headings."""
    return any(element.get_text(strip=True) for element in body.find_all(True, recursive=False)
               if not re.fullmatch(r"h[1-6]", element.name or ""))


def _handbook_html(page, site, entries) -> str:
    lang, text = page.lang, words(page.lang)
    soup = bs4.BeautifulSoup(page.html, "lxml")
    article = soup.select_one("article.md-content__inner")
    for element in soup.find_all(class_="md-path"):
        element.decompose()
    entries = [(depth, title, item) for depth, title, item in entries
               if item is None or item.dest_uri != page.dest_uri]
    slugs = {item.dest_uri: _slug(item.dest_uri, lang) for _, _, item in entries if item}
    site_url = site.public_address
    article.clear()

    rows = [(text["language"], text["language_name"]),
            (text["version"], version_text([Path(site.docs_dir)], lang, site.docs_dir))]
    _, day = content_version([Path(site.docs_dir)], site.docs_dir)
    if site.public_address:
        rows.append((text["web"], short_address(site.public_address)))
    article.append(_cover(site, text["handbook"], "", site.site_description or "", rows, lang))

    # A page with nothing to read on paper (a screen-only tool such as the reading builder) is
    # left out; links to it then lead to its address online like any page outside the PDF.
    bodies = {item.dest_uri: _printed_body(item, site_url) for _, _, item in entries if item}
    for dest, body in bodies.items():
        if not _has_print_content(body):
            del slugs[dest]
    toc, chapters, section_no = [], [], 0
    for index, (depth, title, item) in enumerate(entries):
        level = min(6, depth + 2)
        if item is None:
            section_no += 1
            following = entries[index + 1] if index + 1 < len(entries) else None
            if (following and following[2] is not None and following[2].dest_uri in slugs
                    and _chapter_title(following[2]) == title):
                continue   # the part's first page has its title: one heading, not two (`_chapter` below)
            anchor = f"hb-section-{section_no}"
            chapters.append(_one(render("handout-part.html", anchor=anchor, level=level, title=title)))
            toc.append((depth + 1, anchor, title))
        elif item.dest_uri in slugs:
            chapter = _chapter(item, bodies[item.dest_uri], level, page.dest_uri, slugs)
            previous = entries[index - 1] if index else None
            if previous and previous[2] is None and previous[1] == _chapter_title(item):
                chapter["class"] = chapter.get("class", []) + ["lmp-chapter--part"]   # opens the part
                heading = chapter.find(class_="lmp-chapter__title")
                heading.name = f"h{min(6, previous[0] + 2)}"
                heading["class"] = heading.get("class", []) + ["lmp-part__title"]
                toc.append((previous[0] + 1, slugs[item.dest_uri], _chapter_title(item)))
            else:
                toc.append((depth + 1, slugs[item.dest_uri], _chapter_title(item)))
            chapters.append(chapter)
    article.append(_contents(toc, lang))
    for chapter in chapters:
        article.append(chapter)
    _links_on_paper(article, page, site, lang, {element["id"] for element in article.find_all(id=True)})
    for node in _back_page(site, page, lang):
        article.append(node)
    soup.body["class"] = soup.body.get("class", []) + ["lmp-handbook"]
    return _finish(soup, text["handbook_title"], None, lang, site, day)

