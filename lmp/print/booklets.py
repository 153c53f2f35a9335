"""An A5 booklet beside each seminar handout: the handout laid out for A5 (a second print of its HTML
with print/booklet.css: 10 pt body, page numbers at the outer corners), its pages placed at 100 %
two-up on landscape A4 sheets in booklet order, to print double-sided (flip on the short edge),
fold and nest. Each sheet side has a faint fold mark at the centre (top and bottom edge); the file
asks the viewer for short-edge duplex and no scaling (/ViewerPreferences).

- Right after a theme handout `themes/theme-1/index.pdf` is printed, in a thread while Chromium
  prints the other documents, `themes/theme-1/index-<suffix>.pdf` is imposed (suffix per
  language: data/ui.<lang>.yml, section `booklet`) from the A5 print (`page.lmp_a5`, made by
  lmp_mkdocs/exporter.py): on_post_page gives the page's `lmp_after_print` to exporter.py, which
  runs it after the page's print. A booklet whose A5 print, title, language and imposing code are
  unchanged comes from the PDF cache (lmp/print/pdf_cache.py). Author, publisher and date are the
  A4 PDF's.
- Booklet order: the pages are padded with blank pages (before the back page) to a multiple of 4, N;
  sheet k holds pages (N-1-2k, 2k) in front and (2k+1, N-2-2k) behind: folded and nested, the
  stack reads 1, 2, 3, …
- Tagging: the placed pages are form XObjects; their own marked content is dropped (it belongs to
  the A4 file's structure tree) and each placed page becomes one tagged section whose /ActualText
  is that page's text, in reading order (page order, not sheet order). That is a print derivative,
  not a PDF/UA structure: the booklet does not claim PDF/UA (the A4 PDF is the accessible one);
  lmp/print/pdf_ua.py writes its title, language and metadata.
- The handouts page (tools/handouts) links each booklet beside its handout from the start: the
  booklet is a file of the build (lmp/print/handouts.py `on_files`, so `--strict` validates the link)
  and the link is in the list's template (overrides/lmp/handout-list.html); no built file is
  rewritten after the build.
"""
from __future__ import annotations

import logging
import posixpath
import re
import tempfile
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
A5 = (419.53, 595.28)             # the A5 print's page: placed at 100 % (tests/test_paper.py)
FOLD_MARK = 14.17                 # 5 mm of dashed line at the fold, top and bottom of each side


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


def impose(source: Path, target: Path, title: str, lang: str, metadata: dict | None = None) -> int:
    """Write the booklet of `source` (the A5 print) to `target`; return its number of sheet sides."""
    texts = page_texts(source)
    with pikepdf.open(source) as a4, pikepdf.new() as out:
        count = len(a4.pages)
        size = tuple(float(v) for v in a4.pages[0].mediabox[2:])
        if abs(size[0] - A5[0]) > 2 or abs(size[1] - A5[1]) > 2:
            raise ValueError(f"booklets: {source} is not an A5 print ({size[0]:.0f} × {size[1]:.0f} pt)")
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
            content.append(_fold_mark(width, height))
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
        pdf_ua.declare_pdf_ua(out, title=title, lang=lang, claim=False)
        pdf_ua.declare_metadata(out, **(metadata or {}))
        out.Root.ViewerPreferences.Duplex = pikepdf.Name.DuplexFlipShortEdge
        out.Root.ViewerPreferences.PrintScaling = pikepdf.Name("/None")
        out.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return len(out.pages)


def _fold_mark(width: float, height: float) -> bytes:
    """A faint dashed line at the fold, at the top and the bottom edge of a sheet side (an artifact)."""
    x = width / 2
    return (b"/Artifact BMC q 0.6 G 0.4 w [2 2] 0 d %.2f 0 m %.2f %.2f l S %.2f %.2f m %.2f %.2f l S Q EMC"
            % (x, x, FOLD_MARK, x, height - FOLD_MARK, x, height))


def make(a5: bytes | None, a4: Path, target: Path, title: str, lang: str) -> None:
    """The booklet of the A5 print `a5` from the PDF cache when the print, title, language and the
    code that imposes it are unchanged; else imposed, and kept in the cache. Its author, publisher
    and date are the A4 PDF's (`a4`, finished before)."""
    if not a5:
        raise ValueError(f"booklets: no A5 print of {a4} (lmp_mkdocs/exporter.py `_print`)")
    with pikepdf.open(a4) as document:
        metadata = pdf_ua.read_metadata(document)
    key = pdf_cache.key("", also=(a5, title, lang, repr(sorted(metadata.items())),
                                  Path(__file__).read_bytes(), Path(pdf_ua.__file__).read_bytes()))
    cached = pdf_cache.get(key, count=False)
    if cached:
        target.write_bytes(cached[0])
        return
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "a5.pdf"
        source.write_bytes(a5)
        pages = impose(source, target, title, lang, metadata)
    pdf_cache.put(key, target.read_bytes(), pages)


# ---------------------------------------------------------------------------------------------
# Build events


def _make_later(a5, a4: Path, target: Path, title: str, lang: str) -> None:
    make(a5(), a4, target, title, lang)


def after_print(site_dir: Path, dest_uri: str, meta: dict, lang: str, a5) -> list:
    """What to do once a handout's PDF is written (in a thread, while Chromium prints the other
    documents): its booklet, from its A5 print (`a5()`: the bytes exporter.py printed)."""
    if not has_booklet(meta):
        return []
    pdf = posixpath.splitext(dest_uri)[0] + ".pdf"
    title = words.ui(lang)["booklet"]["title"].format(title=meta["title"])
    return [partial(_make_later, a5, site_dir / pdf, site_dir / booklet_name(pdf, lang), title, lang)]
