"""An A5 booklet beside each seminar handout: the A4 pages, scaled to A5, imposed two-up on landscape
A4 sheets in booklet order, to print double-sided (flip on the short edge), fold and nest.

- Right after a theme handout `themes/theme-1/index.pdf` is printed, in a thread while Chromium
  prints the other documents, `themes/theme-1/index-<suffix>.pdf` is imposed (suffix per
  language: data/ui.<lang>.yml, section `booklet`): on_post_page gives the page's
  `lmp_after_print` to lmp_mkdocs/exporter.py, which runs it after the page's print. A booklet
  whose A4 PDF, title, language and imposing code are unchanged comes from the PDF cache
  (lmp/print/pdf_cache.py).
- Booklet order: the pages are padded with blank pages (before the back page) to a multiple of 4, N;
  sheet k holds pages (N-1-2k, 2k) in front and (2k+1, N-2-2k) behind: folded and nested, the
  stack reads 1, 2, 3, …
- Tagging: the placed pages are form XObjects; their own marked content is dropped (it belongs to
  the A4 file's structure tree) and each placed page becomes one tagged section whose /ActualText
  is that page's text, in reading order (A4 page order, not sheet order). lmp/print/pdf_ua.py adds the
  XMP metadata; PyPI `pdfua` checks the booklets like every PDF (tests/test_paper.py).
- The handouts page (tools/handouts) links each booklet beside its handout from the start: the
  booklet is a file of the build (lmp/print/handouts.py `on_files`, so `--strict` validates the link)
  and the link is in the list's template (overrides/lmp/handout-list.html); no built file is
  rewritten after the build.
"""
from __future__ import annotations

import logging
import posixpath
import re
import threading
import warnings
from functools import partial
from pathlib import Path

from lmp import project
from lmp import words
from lmp.print import pdf_cache
from lmp.print import pdf_ua

pikepdf = project.lazy_import("pikepdf")   # imported when a booklet is made (see pdf_ua)

LOG = logging.getLogger("mkdocs.hooks.booklets")
_PDFIUM = threading.Lock()        # booklets are imposed in threads (lmp_mkdocs/exporter.py `_print_of`)
SHEET = (841.89, 595.28)          # landscape A4 in points; each half is an A5 page


def has_booklet(meta: dict) -> bool:
    """A page printed as a handout (a theme page with `pdf: true`) gets a booklet."""
    return meta.get("type") == "theme" and bool(meta.get("pdf"))


def download_name(meta: dict, lang: str) -> str:
    suffix = words.ui(lang)["booklet"]["file_suffix"]
    return f'laringsmiljoprosjektet-{meta.get("id", "handout")}-{lang}-{suffix}.pdf'


def booklet_name(pdf: str, lang: str) -> str:
    """themes/theme-1/index.pdf → themes/theme-1/index-hefte.pdf (nb) / index-booklet.pdf (en)."""
    return posixpath.splitext(pdf)[0] + "-" + words.ui(lang)["booklet"]["file_suffix"] + ".pdf"


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
    """Each page's text, whitespace collapsed (PDFium: ~20× faster than pypdf on a handout).
    PDFium is not thread-safe, not even for different documents: one booklet's at a time."""
    import pypdfium2

    texts = []
    with _PDFIUM:
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
        out.docinfo.Subject = pikepdf.String(words.ui(lang)["booklet"]["how"])
        pdf_ua.declare_pdf_ua(out, title=title, lang=lang)
        out.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return len(out.pages)


def make(source: Path, target: Path, title: str, lang: str) -> None:
    """The booklet of `source` from the PDF cache when its A4 PDF, title, language and the code
    that imposes it are unchanged; else imposed, and kept in the cache."""
    key = pdf_cache.key("", also=(source.read_bytes(), title, lang, Path(__file__).read_bytes(),
                                  Path(pdf_ua.__file__).read_bytes()))
    cached = pdf_cache.get(key, count=False)
    if cached:
        target.write_bytes(cached[0])
        return
    pages = impose(source, target, title, lang)
    pdf_cache.put(key, target.read_bytes(), pages)


# ---------------------------------------------------------------------------------------------
# Build events


def after_print(site_dir: Path, dest_uri: str, meta: dict, lang: str) -> list:
    """What to do once a handout's PDF is written (in a thread, while Chromium prints the other
    documents): its booklet."""
    if not has_booklet(meta):
        return []
    pdf = posixpath.splitext(dest_uri)[0] + ".pdf"
    title = words.ui(lang)["booklet"]["title"].format(title=meta["title"])
    return [partial(make, site_dir / pdf, site_dir / booklet_name(pdf, lang), title, lang)]
