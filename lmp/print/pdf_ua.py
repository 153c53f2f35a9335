"""PDF/UA repairs to the tagged PDFs Chromium prints: plain functions on an open pikepdf document,
and `finish`, the post-step of every printed PDF (bytes in, bytes out). Plain functions:
lmp_mkdocs/exporter.py calls `finish` on each print before it goes into the PDF cache (so a PDF from
the cache is finished already), lmp/print/booklets.py `declare_pdf_ua` for the booklets. Checked by
PyPI `pdfua` in tests/test_paper.py (0 errors, 0 warnings for every PDF).

What Chromium leaves out, and what each function adds:
- `mark_artifacts`: the running header, the page numbers (Paged.js margin boxes), page and box
  backgrounds, rules and icons are drawn outside any marked-content sequence, so they are neither
  tagged content nor artifacts. Each such text object, path and image is wrapped in an
  /Artifact sequence; tagged content is not touched.
- `describe_links`: link annotations have no /Contents. Each gets the text of its link in the
  printed HTML (internal links: the text of the link to that id; else the address, written short).
- `declare_pdf_ua`: no XMP metadata. We write dc:title, dc:language and pdfuaid:part = 1 (and keep
  /Lang, /DisplayDocTitle and the document title that Chromium sets; set them if missing).
"""
from __future__ import annotations

import io
import re
from urllib.parse import unquote, urlsplit


from lmp import project

bs4 = project.lazy_import("bs4")           # also when a PDF is finished
pikepdf = project.lazy_import("pikepdf")   # imported when a PDF is finished: an HTML-only build never needs it

PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
# Operators that put marks on the page, by kind. Text objects (BT…ET) are handled as a whole.
PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
PATH_BUILD = {"m", "l", "c", "v", "y", "h", "re"}
CLIP = {"W", "W*"}
SINGLE_PAINT = {"Do", "sh"}


def finish(pdf: bytes, html: str) -> bytes:
    """Chromium's PDF of `html` (the printed HTML, before mkdocs-exporter's preprocessing), repaired
    with pikepdf (qpdf):
    - its bookmarks lose the space where a heading wraps ("godebarnehage"): put back the heading's
      own text, matched by its letters;
    - the PDF/UA repairs (`make_accessible`);
    - it writes every structure element (the tags) as a plain object: object streams make the
      handbook less than half its size (2.9 → 1.2 MB) without touching content or tags."""
    soup = bs4.BeautifulSoup(html, "lxml")
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    headings = {squeeze(h.get_text(" ", strip=True)): re.sub(r"\s+", " ", h.get_text(" ", strip=True))
                for h in soup.find_all(re.compile(r"^h[1-6]$"))}
    finished = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        with document.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                better = headings.get(squeeze(item.title or ""))
                if better:
                    item.title = better
                stack += list(item.children)
        make_accessible(document, soup)
        declare_metadata(document, **printed_metadata(soup))
        document.save(finished, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                      compress_streams=True)
    return finished.getvalue()


def make_accessible(document: pikepdf.Pdf, html: str | BeautifulSoup | None = None,
                    title: str | None = None, lang: str | None = None) -> None:
    """Every repair, in place. `html` is the printed HTML, or its parse (for the links'
    descriptions)."""
    mark_artifacts(document)
    describe_links(document, html)
    declare_pdf_ua(document, title=title, lang=lang)


# ---------------------------------------------------------------------------------------------
# Untagged page content → artifacts

def _form_is_tagged(document: pikepdf.Pdf, page: pikepdf.Page, name) -> bool:
    """A form XObject that holds marked content of its own is tagged content: leave its Do."""
    xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
    xobject = xobjects.get(name)
    if xobject is None or xobject.get("/Subtype") != "/Form":
        return False
    return b"BDC" in xobject.read_bytes() or b"BMC" in xobject.read_bytes()


def _artifact_runs(operations, page, document):
    """Yield (start, end) index ranges (end exclusive) of unmarked marks to wrap."""
    names = [str(operation.operator) for operation in operations]   # each operator's name once
    path_or_clip = PATH_BUILD | CLIP
    depth, index, count = 0, 0, len(names)
    while index < count:
        operator = names[index]
        if operator in ("BDC", "BMC"):
            depth += 1
        elif operator == "EMC":
            depth = max(0, depth - 1)
        elif depth == 0:
            if operator == "BT":
                end = index
                while end < count and names[end] != "ET":
                    if names[end] in ("BDC", "BMC"):
                        break  # tagged text inside this text object: leave it alone
                    end += 1
                if end < count and names[end] == "ET":
                    yield index, end + 1
                    index = end + 1
                    continue
            elif operator in PATH_BUILD:
                end = index
                while end < count and names[end] in path_or_clip:
                    end += 1
                if end < count and names[end] in PATH_PAINT:
                    if CLIP.isdisjoint(names[index:end]):
                        yield index, end + 1
                    index = end + 1
                    continue
                index = end
                continue
            elif operator in SINGLE_PAINT or operator == "BI":
                if not (operator == "Do" and _form_is_tagged(document, page, operations[index].operands[0])):
                    yield index, index + 1
        index += 1


def mark_artifacts(document: pikepdf.Pdf) -> int:
    """Wrap untagged marks in /Artifact sequences; return how many were wrapped."""
    wrapped = 0
    for page in document.pages:
        operations = pikepdf.parse_content_stream(page)
        runs = list(_artifact_runs(operations, page, document))
        if not runs:
            continue
        out, done = [], 0   # the operations with each run between BMC /Artifact and EMC
        for start, end in runs:
            out += operations[done:start]
            out.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            out += operations[start:end]
            out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            done = end
        out += operations[done:]
        page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(out))
        wrapped += len(runs)
    return wrapped


# ---------------------------------------------------------------------------------------------
# Link descriptions

def short_address(uri: str) -> str:
    """https://www.udir.no/laring/ → udir.no/laring; mailto:a@b.no → a@b.no."""
    parts = urlsplit(uri)
    if parts.scheme == "mailto":
        return unquote(parts.path)
    text = parts.netloc.removeprefix("www.") + unquote(parts.path).rstrip("/")
    return text or uri


def _link_texts(html: str | BeautifulSoup | None) -> tuple[dict[str, str], dict[str, str]]:
    """(href → link text, id → link text of a link to #id) from the printed HTML (or its parse)."""
    by_href, by_id = {}, {}
    if not html:
        return by_href, by_id
    soup = html if isinstance(html, bs4.BeautifulSoup) else bs4.BeautifulSoup(html, "lxml")
    for link in soup.find_all("a", href=True):
        text = re.sub(r"\s+", " ", link.get_text(" ", strip=True)).strip()
        if not text:
            continue
        href = link["href"]
        by_href.setdefault(href, text)
        if href.startswith("#"):
            by_id.setdefault(unquote(href[1:]), text)
    return by_href, by_id


def describe_links(document: pikepdf.Pdf, html: str | BeautifulSoup | None = None) -> int:
    """Give every link annotation a /Contents; return how many were added."""
    by_href, by_id = _link_texts(html)
    added = 0
    for page in document.pages:
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            if str(annotation.get("/Contents", "")).strip():
                continue
            action = annotation.get("/A")
            text = None
            if action is not None and "/URI" in action:
                uri = str(action.URI)
                text = by_href.get(uri) or short_address(uri)
            else:
                dest = annotation.get("/Dest")
                if dest is None and action is not None:
                    dest = action.get("/D")
                name = str(dest) if isinstance(dest, (pikepdf.String, pikepdf.Name, str)) else ""
                text = by_id.get(name.lstrip("/")) or name.lstrip("/") or None
            if not text:
                continue
            annotation.Contents = pikepdf.String(text)
            added += 1
    return added


# ---------------------------------------------------------------------------------------------
# Who made the document, who publishes it, and its date (the printed HTML's <meta> elements:
# lmp/print/handouts.py `_finish`, from data/identity.yml and the content's date from git)

META = {"author": "author", "publisher": "dcterms.publisher", "date": "dcterms.modified"}


def printed_metadata(soup) -> dict:
    """{author, publisher, date} from the printed HTML's <meta> elements (missing ones left out)."""
    found = {}
    for key, name in META.items():
        element = soup.find("meta", attrs={"name": name})
        if element is not None and element.get("content"):
            found[key] = element["content"]
    return found


def declare_metadata(document: pikepdf.Pdf, author: str | None = None, publisher: str | None = None,
                     date: str | None = None) -> None:
    """Author, publisher and date (YYYY-MM-DD) in the XMP metadata and the document information."""
    with document.open_metadata(set_pikepdf_as_editor=False) as meta:
        if author:
            meta["dc:creator"] = [author]
        if publisher:
            meta["dc:publisher"] = [publisher]
        if date:
            meta["xmp:CreateDate"] = date
            meta["xmp:ModifyDate"] = date
    if publisher:
        document.docinfo.Publisher = pikepdf.String(publisher)
    if date:
        stamp = "D:" + date.replace("-", "")
        document.docinfo.CreationDate = pikepdf.String(stamp)
        document.docinfo.ModDate = pikepdf.String(stamp)


def read_metadata(document: pikepdf.Pdf) -> dict:
    """{author, publisher, date} of a finished PDF (for the booklet made from it)."""
    info = document.docinfo
    date = str(info.get("/CreationDate", ""))[2:10]
    found = {"author": str(info.get("/Author", "")), "publisher": str(info.get("/Publisher", "")),
             "date": f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else ""}
    return {key: value for key, value in found.items() if value}


# ---------------------------------------------------------------------------------------------
# XMP metadata declaring PDF/UA

def declare_pdf_ua(document: pikepdf.Pdf, title: str | None = None, lang: str | None = None,
                   claim: bool = True) -> None:
    """Title, language and DisplayDocTitle; with `claim`, pdfuaid:part = 1 (a booklet does not
    claim PDF/UA: its pages are placed forms, not a real structure; the A4 PDF is the accessible one)."""
    title = title or str(document.docinfo.get("/Title", "")) or None
    lang = lang or str(document.Root.get("/Lang", "")) or None
    if lang:
        document.Root.Lang = pikepdf.String(lang)
    if title:
        document.docinfo.Title = pikepdf.String(title)
    if "/ViewerPreferences" not in document.Root:
        document.Root.ViewerPreferences = pikepdf.Dictionary()
    document.Root.ViewerPreferences.DisplayDocTitle = True
    with document.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.register_xml_namespace(PDFUA_NS, "pdfuaid")
        if title:
            meta["dc:title"] = title
        if lang:
            meta["dc:language"] = [lang]
        if claim:
            meta["pdfuaid:part"] = "1"
