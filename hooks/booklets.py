"""An A5 booklet beside each seminar handout: the A4 pages, scaled to A5, imposed two-up on landscape
A4 sheets in booklet order, to print double-sided (flip on the short edge), fold and nest.

- After hooks/handouts.py has finished the A4 PDFs (post_build, priority -97), each theme
  handout `themes/theme-1/index.pdf` gets `themes/theme-1/index-<suffix>.pdf` (suffix per
  language: data/ui.<lang>.yml, section `booklet`).
- Booklet order: the pages are padded with blank pages (before the back page) to a multiple of 4, N;
  sheet k holds pages (N-1-2k, 2k) in front and (2k+1, N-2-2k) behind: folded and nested, the
  stack reads 1, 2, 3, …
- Tagging: the placed pages are form XObjects; their own marked content is dropped (it belongs to
  the A4 file's structure tree) and each placed page becomes one tagged section whose /ActualText
  is that page's text, in reading order (A4 page order, not sheet order). hooks/pdf_ua.py adds the
  XMP metadata; PyPI `pdfua` checks the booklets like every PDF (tests/test_paper.py).
- The handouts page (tools/handouts) gets a link to the booklet beside each handout's link.
"""
from __future__ import annotations

import logging
import posixpath
import re
import sys
import warnings
from html import escape
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402
import pdf_ua  # noqa: E402

pikepdf = _site.lazy_import("pikepdf")   # imported when a booklet is made (see pdf_ua)

LOG = logging.getLogger("mkdocs.hooks.booklets")
SHEET = (841.89, 595.28)          # landscape A4 in points; each half is an A5 page
HANDOUTS_PAGE = "tools/handouts"  # the page with the list of PDFs
_built: dict[str, tuple[str, str]] = {}  # A4 PDF (site path) → (booklet, its download name)
_pages: list = []


def booklet_name(pdf: str, lang: str) -> str:
    """themes/theme-1/index.pdf → themes/theme-1/index-hefte.pdf (nb) / index-booklet.pdf (en)."""
    return posixpath.splitext(pdf)[0] + "-" + _site.ui(lang)["booklet"]["file_suffix"] + ".pdf"


def booklet_order(count: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page indexes (0-based; None = blank) of each side of each sheet, in print order.
    Blank pages to make a multiple of 4 go before the last page, so the back page stays the back
    cover."""
    total = -(-count // 4) * 4
    pages = list(range(count - 1)) + [None] * (total - count) + [count - 1]
    sides = []
    for k in range(total // 4):
        sides.append((pages[total - 1 - 2 * k], pages[2 * k]))
        sides.append((pages[2 * k + 1], pages[total - 2 - 2 * k]))
    return sides


def _without_marked_content(document: pikepdf.Pdf, form: pikepdf.Stream) -> None:
    """Drop BDC/BMC/EMC from a placed page: its tags belong to the A4 file's structure tree."""
    kept = [op for op in pikepdf.parse_content_stream(form)
            if str(op.operator) not in ("BDC", "BMC", "EMC")]
    form.write(pikepdf.unparse_content_stream(kept))


def page_texts(path: Path) -> list[str]:
    """Each page's text, whitespace collapsed (PDFium: ~20× faster than pypdf on a handout)."""
    import pypdfium2

    texts = []
    document = pypdfium2.PdfDocument(path)
    try:
        for page in document:
            text = page.get_textpage()
            texts.append(re.sub(r"\s+", " ", text.get_text_range()).strip())
            text.close()
            page.close()
    finally:
        document.close()
    return texts


def impose(source: Path, target: Path, title: str, lang: str) -> int:
    """Write the booklet of `source` to `target`; return its number of sheet sides (pages)."""
    texts = page_texts(source)
    with pikepdf.open(source) as a4, pikepdf.new() as out:
        count = len(a4.pages)
        with warnings.catch_warnings():       # named destinations are not needed: no links
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(a4.pages)        # copies the pages into `out`, to place them
        originals = list(out.pages)
        forms = []
        for page in originals:
            form = page.as_form_xobject()
            _without_marked_content(out, form)
            forms.append(out.make_indirect(form))

        root = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = out.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root, K=pikepdf.Array()))
        root.K = document
        sections: dict[int, pikepdf.Dictionary] = {}
        parent_tree = []
        width, height = SHEET
        half = width / 2
        for number, (left, right) in enumerate(booklet_order(count)):
            sheet = out.add_blank_page(page_size=SHEET)
            sheet.obj.StructParents = number
            content, mcid, marks = [], 0, []
            for slot, index in enumerate((left, right)):
                if index is None:
                    continue
                name = sheet.add_resource(forms[index], pikepdf.Name.XObject)
                box = pikepdf.Rectangle(slot * half, 0, (slot + 1) * half, height)
                placement = sheet.calc_form_xobject_placement(forms[index], name, box)
                content.append(b"/Sect <</MCID %d>> BDC " % mcid + placement + b" EMC")
                section = out.make_indirect(pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem, S=pikepdf.Name.Sect, P=document,
                    Pg=sheet.obj, K=mcid, ActualText=pikepdf.String(texts[index] or " ")))
                sections[index] = section
                marks.append(section)
                mcid += 1
            sheet.obj.Contents = out.make_stream(b"\n".join(content))
            parent_tree += [number, pikepdf.Array(marks)]
        for _ in originals:                    # only the sheets remain
            del out.pages[0]
        document.K = pikepdf.Array([sections[i] for i in sorted(sections)])
        root.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(parent_tree)))
        root.ParentTreeNextKey = len(parent_tree) // 2
        out.Root.StructTreeRoot = root
        out.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        out.docinfo.Subject = pikepdf.String(_site.ui(lang)["booklet"]["how"])
        pdf_ua.declare_pdf_ua(out, title=title, lang=lang)
        out.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return len(out.pages)


# ---------------------------------------------------------------------------------------------
# Build events

def on_pre_build(config, **kwargs):
    _built.clear()
    _pages.clear()


def _pdf_on(config) -> bool:
    plugin = config.plugins.get("exporter-pdf")
    return bool(plugin and plugin.config.enabled)


def on_post_page(output, page, config, **kwargs):
    if page.meta.get("type") == "theme" and page.meta.get("pdf"):
        _pages.append(page)
    return output


def _lang(page) -> str:
    return getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE


@event_priority(-98)  # after hooks/handouts.py has finished the A4 PDFs (-97), before i18n (-100)
def on_post_build(config, **kwargs):
    if not _pdf_on(config):
        return
    site = Path(config.site_dir)
    languages = set()
    for page in _pages:
        lang = _lang(page)
        pdf = posixpath.splitext(page.file.dest_uri)[0] + ".pdf"
        if not (site / pdf).exists():
            continue
        booklet = booklet_name(pdf, lang)
        title = _site.ui(lang)["booklet"]["title"].format(title=page.meta["title"])
        impose(site / pdf, site / booklet, title, lang)
        suffix = _site.ui(lang)["booklet"]["file_suffix"]
        _built[pdf] = (booklet, f'laringsmiljoprosjektet-{page.meta.get("id", "handout")}-{lang}-{suffix}.pdf')
        languages.add(lang)
    for lang in languages:
        _link_from_handouts_page(site, lang)


def _link_from_handouts_page(site: Path, lang: str) -> None:
    """Beside each handout's link in the list of PDFs: a link to its booklet."""
    prefix = "" if lang == _site.DEFAULT_LANGUAGE else lang + "/"
    path = site / f"{prefix}{HANDOUTS_PAGE}.html"
    if not path.exists():
        return
    html = path.read_text(encoding="utf-8")
    words = _site.ui(lang)["booklet"]
    base = posixpath.dirname(f"{prefix}{HANDOUTS_PAGE}.html")

    def add(match):
        href = match.group(1)
        target = posixpath.normpath(posixpath.join(base, href))
        if target not in _built:
            return match.group(0)
        booklet, name = _built[target]
        link = posixpath.relpath(booklet, base)
        return (match.group(0) + f' <a class="lmp-booklet" data-lmp-booklet="" href="{escape(link)}" '
                f'type="application/pdf" hreflang="{lang}" download="{escape(name)}">'
                f'{escape(words["link"])}</a>')

    changed = re.sub(r'<a [^>]*href="([^"]+\.pdf)"[^>]*>.*?</a>(?! <a class="lmp-booklet")', add, html,
                     flags=re.DOTALL)
    if changed != html:
        path.write_text(changed, encoding="utf-8")
