"""The PDFs as paper: what a reader holds after printing, measured in the PDFs of the session build.

Read with pdfplumber (characters with their size, font, colour and position) and checked with
PyPI `pdfua`. The limits come from the print stylesheet (print/handout.css): A4 portrait,
a text area 114 mm wide between 48 mm margins, body text 11 pt.

- body text 10.5–11 pt, lines of running text at most 80 characters;
- nothing (text, table rules, boxes) outside the text area, so no table runs past it;
- no page less than a quarter full, except blank pages (added so that a chapter starts on a
  right-hand page and the page count is even), the back page, and in the handbook the last page
  of a chapter;
- no heading as the last line of a page;
- an even page count; every handbook part on an odd (right-hand) page, at most 10 blank pages;
- the A5 booklets: the handout set for A5 (body 9.5–10 pt, margins ≥ 7 pt at the outer corners)
  placed at 100 % two to a side of landscape A4 sheets, a fold mark, short-edge duplex and no
  scaling asked of the viewer, linked from the handouts page with a line on how to print them;
- writing space ≥ 8 mm; checklist columns the same on every page; no underlined links; author,
  publisher and date in every PDF;
- `pdfua`: 0 errors, 0 warnings for every PDF that claims PDF/UA (not the booklets).
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT
from lmp.model import pages as lmp_pages
from lmp import project
from lmp import words as lmp_words
from pdfs import Pdf

from lmp.print import booklets  # noqa: E402
from lmp.print import editions  # the setting editions of each handout
from lmp.print.paper_links import address_limit  # the rule for printed addresses

MM = 72 / 25.4
A4 = (595.28, 841.89)
MARGIN_X = 48 * MM                    # left and right page margin (handout.css @page)
TOP, BOTTOM = 20 * MM, 22 * MM        # top and bottom margin: running title and page number live there
BODY_PT = (10.5, 11.0)
MAX_LINE = 80
MIN_WORDS = 6                         # a line of running text, not a list of letters or a table cell
QUARTER = 0.25
HEADING_RGB = (0.102, 0.137, 0.494)   # #1a237e, the colour of every heading in print
CHAPTER_PT = 16.5                     # chapter (17 pt) and part (20 pt) titles of the handbook
TOLERANCE = 1.0                       # points
# A gap between two characters wider than this (in em) is a space between words: the print's
# typeface, Source Sans 3, has a space of 0.2 em (Liberation Sans 0.28 em); letters inside a word
# touch or kern, and the cover's letter-spaced kind line opens them by 0.06 em.
WORD_GAP = 0.12


def prefix(lang: str) -> str:
    return "" if lang == project.DEFAULT_LANGUAGE else lang + "/"


def handouts(site: Path) -> list[tuple[str, Path]]:
    return [(lang, site / f"{prefix(lang)}themes/{theme}/index.pdf")
            for lang in LANGUAGES for theme in lmp_pages.THEMES]


def handbooks(site: Path) -> list[tuple[str, Path]]:
    return [(lang, site / f"{prefix(lang)}tools/handbook.pdf") for lang in LANGUAGES]


def booklet_files(site: Path) -> list[tuple[str, Path, Path]]:
    return [(lang, pdf, site / booklets.booklet_name(pdf.relative_to(site).as_posix(), lang))
            for lang, pdf in handouts(site)]


A4_CASES = ([("handout", lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES]
            + [("handbook", lang, None) for lang in LANGUAGES])


def a4_pdf(site: Path, kind: str, lang: str, theme: str | None) -> Path:
    if kind == "handbook":
        return site / f"{prefix(lang)}tools/handbook.pdf"
    return site / f"{prefix(lang)}themes/{theme}/index.pdf"


# ---------------------------------------------------------------------------------------------
# Reading a page once

@dataclass
class Line:
    text: str
    size: float
    top: float
    bottom: float
    heading: bool        # every character in the heading colour
    words: int


@dataclass
class Sheet:
    number: int
    width: float
    height: float
    lines: list[Line]                 # in the text area, top to bottom
    fill: float                       # share of the text area's height between first and last mark
    outside: list[str]                # marks outside the text area
    sizes: dict[float, int]
    margins: str = ""                 # text in the margins: running title, page number


def _is_heading_colour(colour) -> bool:
    return (isinstance(colour, (tuple, list)) and len(colour) == 3
            and all(abs(a - b) < 0.02 for a, b in zip(colour, HEADING_RGB)))


@lru_cache(maxsize=None)
def read(pdf: Pdf) -> tuple[Sheet, ...]:
    sheets = []
    for page in pdf.plumber:   # pdfplumber's pages, read once for the run (tests/pdfs.py)
        number, width, height = page.number, page.width, page.height
        area = (MARGIN_X, TOP, width - MARGIN_X, height - BOTTOM)
        chars = [c for c in page.chars if c["text"].strip()]
        body = [c for c in chars if area[1] - TOLERANCE <= c["top"] and c["bottom"] <= area[3] + TOLERANCE]
        rows = defaultdict(list)
        for char in body:
            rows[round(char["top"])].append(char)
        lines = []
        for top in sorted(rows):
            row = sorted(rows[top], key=lambda c: c["x0"])
            text, last = "", None
            for char in row:   # spaces from the gaps between characters
                if last is not None and char["x0"] - last["x1"] > WORD_GAP * char["size"]:
                    text += " "
                text += char["text"]
                last = char
            size = max(c["size"] for c in row)
            lines.append(Line(text, round(size, 2), min(c["top"] for c in row),
                              max(c["bottom"] for c in row),
                              all(_is_heading_colour(c.get("non_stroking_color")) for c in row),
                              len(re.findall(r"\w{2,}", text))))
        marks = [(c["top"], c["bottom"]) for c in body]
        marks += [(e["top"], e["bottom"]) for e in page.edges
                  if area[1] <= e["top"] <= area[3] and (e["x1"] - e["x0"]) < width - 2]
        fill = ((max(b for _, b in marks) - min(t for t, _ in marks)) / (area[3] - area[1])
                if marks else 0.0)
        outside = [f"'{c['text']}' at x={c['x0']:.0f}–{c['x1']:.0f}" for c in body
                   if c["x0"] < area[0] - TOLERANCE or c["x1"] > area[2] + TOLERANCE]
        outside += [f"a rule at x={e['x0']:.0f}–{e['x1']:.0f}" for e in page.edges
                    if area[1] <= e["top"] <= area[3] and (e["x1"] - e["x0"]) < width - 2
                    and (e["x0"] < area[0] - 2 or e["x1"] > area[2] + 2)]
        sizes = defaultdict(int)
        for char in body:
            sizes[round(char["size"], 1)] += 1
        inside = {id(c) for c in body}
        margins = "".join(c["text"] for c in chars if id(c) not in inside)
        sheets.append(Sheet(number, width, height, lines, fill, outside[:5], dict(sizes), margins))
    return tuple(sheets)


def is_blank(sheet: Sheet) -> bool:
    return not sheet.lines and sheet.fill == 0.0


def body_size(sheets) -> float:
    total = defaultdict(int)
    for sheet in sheets[1:]:
        for size, count in sheet.sizes.items():
            total[size] += count
    return max(total, key=total.get)


def chapter_starts(sheets) -> list[Sheet]:
    """Handbook pages that open with a chapter or part title."""
    return [s for s in sheets if s.lines and s.lines[0].size >= CHAPTER_PT and s.number > 1]


# ---------------------------------------------------------------------------------------------
# A4 handouts and handbooks

@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_page_size_type_and_lines(site, pdfs, kind, lang, theme):
    sheets = read(pdfs[a4_pdf(site, kind, lang, theme)])
    wrong = [s.number for s in sheets if abs(s.width - A4[0]) > 1 or abs(s.height - A4[1]) > 1]
    assert not wrong, f"pages not A4 portrait: {wrong}"
    size = body_size(sheets)
    assert BODY_PT[0] - 0.05 <= size <= BODY_PT[1] + 0.05, f"body text {size} pt (want 10.5–11 pt: 100 % scale)"
    long = [f"p.{s.number} ({len(line.text)}): {line.text}" for s in sheets for line in s.lines
            if abs(line.size - size) < 0.1 and line.words >= MIN_WORDS and len(line.text) > MAX_LINE]
    assert not long, f"lines over {MAX_LINE} characters:\n" + "\n".join(long[:10])


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_nothing_outside_the_text_area(site, pdfs, kind, lang, theme):
    problems = [f"p.{s.number}: {', '.join(s.outside)}" for s in read(pdfs[a4_pdf(site, kind, lang, theme)])
                if s.outside]
    assert not problems, "marks outside the text area (a table or box too wide):\n" + "\n".join(problems[:10])


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_no_heading_at_a_page_bottom(site, pdfs, kind, lang, theme):
    sheets = read(pdfs[a4_pdf(site, kind, lang, theme)])
    stranded = [f"p.{s.number}: {s.lines[-1].text}" for s in sheets[2:]   # not the cover or contents
                if s.lines and s.lines[-1].heading and len(s.lines) > 1]
    assert not stranded, "a heading is the last line of a page:\n" + "\n".join(stranded)


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_no_page_under_a_quarter_full(site, pdfs, kind, lang, theme):
    pdf = pdfs[a4_pdf(site, kind, lang, theme)]
    sheets = read(pdf)
    allowed = {len(sheets)}                              # the back page
    if kind == "handout":                                # the last page of self-check questions: the
        allowed.add(pdf.destinations["self-check-key"] - 1)   # answer key starts a page of its own
    if kind == "handbook":                               # a chapter's last page, before the next chapter
        starts = {s.number for s in chapter_starts(sheets)}
        allowed |= {n - 1 for n in starts} | {n - 2 for n in starts if is_blank(sheets[n - 2])}
        allowed |= {len(sheets) - 1, len(sheets) - 2}    # the end of the last chapter before the back page
    thin = [f"p.{s.number}: {s.fill:.0%}" for s in sheets
            if not is_blank(s) and s.fill < QUARTER and s.number not in allowed]
    assert not thin, "pages less than a quarter full:\n" + "\n".join(thin)


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_blank_pages_are_blank(site, pdfs, kind, lang, theme):
    """A page left blank so that a chapter starts on the right, or the back page is even, carries
    no running title or page number either (the count still includes it)."""
    sheets = read(pdfs[a4_pdf(site, kind, lang, theme)])
    marked = [f"p.{s.number}: {s.margins[:60]!r}" for s in sheets if is_blank(s) and s.margins]
    assert not marked, "blank pages with a running title or page number:\n" + "\n".join(marked)
    numbered = [s for s in sheets[1:-1] if not is_blank(s)]
    assert all(s.margins for s in numbered), "a page of text without its running title and page number"


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_even_page_count(site, pdfs, kind, lang, theme):
    sheets = read(pdfs[a4_pdf(site, kind, lang, theme)])
    assert len(sheets) % 2 == 0, f"{len(sheets)} pages: the back page would print on the front of a sheet"
    assert not is_blank(sheets[-1]), "the last page is blank: the back page must be last"


PART_PT = 19.5                        # part titles of the handbook (20 pt)
MAX_BLANK_HANDBOOK = 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handbook_is_a_book(site, pdfs, lang):
    """Only the parts start on a right-hand page (a blank page before one where needed); every
    other chapter starts on the next page: at most 10 blank pages (issue 25: there were 31–32)."""
    sheets = read(pdfs[site / f"{prefix(lang)}tools/handbook.pdf"])
    starts = chapter_starts(sheets)
    assert len(starts) >= 20, f"only {len(starts)} chapter starts found"
    parts = [s for s in starts if s.lines[0].size >= PART_PT]
    assert len(parts) >= 4, f"only {len(parts)} part titles found"
    left = [f"p.{s.number}: {s.lines[0].text}" for s in parts if s.number % 2 == 0]
    assert not left, "parts starting on a left-hand (even) page:\n" + "\n".join(left)
    blank = [s.number for s in sheets if is_blank(s)]
    assert len(blank) <= MAX_BLANK_HANDBOOK, f"{len(blank)} blank pages: {blank}"
    assert any(s.number % 2 == 0 for s in starts if s.lines[0].size < PART_PT), \
        "no chapter on a left-hand page: chapters still wait for a right-hand page"


# ---------------------------------------------------------------------------------------------
# A5 booklets

@pytest.mark.parametrize("lang,theme", [(lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES])
def test_booklet_is_imposed(site, pdfs, lang, theme):
    a4 = site / f"{prefix(lang)}themes/{theme}/index.pdf"
    booklet = site / booklets.booklet_name(a4.relative_to(site).as_posix(), lang)
    assert booklet.exists(), f"{booklet.relative_to(site)} was not made"
    pages, sheets = len(read(pdfs[a4])), read(pdfs[booklet])
    assert len(sheets) * 2 % 4 == 0, f"{len(sheets)} sheet sides: not whole folded sheets"
    # The A5 print has its own page count (test_booklet_is_set_for_a5): at least the A4 one.
    assert len(sheets) * 2 >= pages, f"{pages} A4 pages on {len(sheets)} sheet sides"
    wrong = [s.number for s in sheets if abs(s.width - A4[1]) > 1 or abs(s.height - A4[0]) > 1]
    assert not wrong, f"sheet sides not landscape A4: {wrong}"
    # The first side holds the back page (left) and the cover (right); the cover's title is there.
    reader = pdfs[booklet].reader
    title = lmp_pages.read_page(ROOT / "docs" / f"themes/{theme}/index.{lang}.md", ROOT / "docs").meta["title"]
    assert reader.metadata["/Title"] == lmp_words.ui(lang)["booklet"]["title"].format(title=title)
    assert reader.trailer["/Root"]["/Lang"] == lang
    first = re.sub(r"\s+", " ", pdfs[booklet].page_text(1))
    assert re.sub(r"\s+", " ", title)[:30] in first


def test_booklet_order():
    assert booklets.booklet_order(4) == [(3, 0), (1, 2)]
    # 6 pages: two blank pages before the back page (5), which stays the back cover.
    assert booklets.booklet_order(6) == [(5, 0), (1, None), (None, 2), (3, 4)]
    order = booklets.booklet_order(14)
    placed = sorted(i for side in order for i in side if i is not None)
    assert placed == list(range(14)) and len(order) == 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_page_links_the_booklets(site, lang):
    page = site / f"{prefix(lang)}tools/handouts.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    links = soup.select("a.lmp-booklet[href]")
    targets = {(page.parent / a["href"]).resolve() for a in links}
    expected = {b.resolve() for l, _, b in booklet_files(site) if l == lang}
    assert targets == expected
    assert all(a.get_text(strip=True) == lmp_words.ui(lang)["booklet"]["link"] for a in links)
    # One line says how to print a booklet (the booklet's cover says it too: test_booklet_is_set_for_a5).
    assert soup.select_one("p.lmp-booklet-how").get_text(strip=True) == lmp_words.ui(lang)["booklet"]["how"]
    suffix = lmp_words.ui(lang)["booklet"]["file_suffix"]
    for link in links:
        assert (link.get("type"), link.get("hreflang"), link.has_attr("data-lmp-booklet")) == \
            ("application/pdf", lang, True)
        assert re.fullmatch(rf"laringsmiljoprosjektet-theme-\d-{lang}-{suffix}\.pdf", link["download"])
        handout = link.find_previous_sibling("a")   # beside its handout's link, in the same cell
        assert handout["href"] == link["href"].replace(f"-{suffix}.pdf", ".pdf")


def test_no_page_is_written_again_once_printing_starts(site):
    """Issue #11: each web page is written once, by MkDocs, and never rewritten after the build's
    pages (the booklet links are in the handouts page when it is rendered). Every language's PDFs
    are printed after the last language's pages are written (lmp_mkdocs/exporter.py), so every page
    is older than the oldest PDF; a hook that rewrote a page after printing would make it newer."""
    pdfs = list(site.rglob("*.pdf"))
    assert pdfs, "the session build made no PDFs"
    oldest = min(path.stat().st_mtime_ns for path in pdfs)
    later = [path.relative_to(site).as_posix() for path in site.rglob("*.html")
             if path.stat().st_mtime_ns > oldest]
    assert not later, f"written after the first PDF: {later[:10]}"


# ---------------------------------------------------------------------------------------------
# PDF/UA

def every_pdf(site: Path) -> list[Path]:
    """Every handout, handbook and booklet, and theme 2's setting editions with their booklets
    (lmp/print/editions.py: printed and finished the same way as the handouts; one theme keeps
    the check cheap)."""
    editions_of_theme_2 = [site / name for lang, pdf in handouts(site) if "theme-2" in pdf.as_posix()
                           for name in editions.files(pdf.relative_to(site).as_posix(), {"type": "theme", "pdf": True}, lang)]
    return ([p for _, p in handouts(site)] + [p for _, p in handbooks(site)]
            + [b for _, _, b in booklet_files(site)] + editions_of_theme_2)


def test_pdfua_clean(site):
    """Every PDF that claims PDF/UA (the A4 handouts and handbooks; the booklets do not claim it:
    test_booklet_is_set_for_a5) passes PyPI `pdfua` with 0 errors and 0 warnings."""
    import pdfua
    problems = []
    for path in [p for _, p in handouts(site)] + [p for _, p in handbooks(site)]:
        assert path.exists(), f"{path.relative_to(site)} was not made"
        report = pdfua.validate(str(path))
        for finding in report.findings:
            if finding.severity >= pdfua.Severity.WARNING:
                problems.append(f"{path.relative_to(site)}: {finding.rule_id} {finding.severity.name} "
                                f"{finding.message[:120]}")
    assert not problems, "\n".join(problems[:30])


# ---------------------------------------------------------------------------------------------
# Addresses on paper (issue #13): whole on one line, or "(udir.no, lenke 3)" and a QR code

# A printed address as the hook writes it (lmp/print/paper_links.py `_links_on_paper`): "(host/path)"
# whole, or "(host, lenke 3)" for one too long for a line. Found in the page's text with its line
# ends removed, so that one broken over two lines is found too.
ADDRESS = re.compile(r"\((?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s()]*)?\)")
URL_BELOW_PT = 9.4                    # .lmp-url is 85 % of the body's 11 pt (9.35 pt); table text is 9.5 pt
NUMBERED = re.compile(r"\((?:[a-z0-9-]+\.)+[a-z]{2,},(?= ?[^\W\d_]+ ?\d+\))")


def baseline_lines(page, below: float | None = None) -> list[str]:
    """The lines of one pdfplumber page, characters grouped by their baseline (a line holds text
    of several sizes: the addresses are printed smaller than the words around them); `below`:
    only the characters smaller than that (pt)."""
    rows = defaultdict(list)
    for char in page.chars:
        if char["text"].strip() and (below is None or char["size"] < below):
            rows[round(char["matrix"][5])].append(char)
    lines = []
    for baseline in sorted(rows, reverse=True):
        text, last = "", None
        for char in sorted(rows[baseline], key=lambda c: c["x0"]):
            if last is not None and char["x0"] - last["x1"] > WORD_GAP * char["size"]:
                text += " "
            text += char["text"]
            last = char
        lines.append(text)
    return lines


@lru_cache(maxsize=None)
def printed_addresses(pdf: Pdf) -> tuple[tuple[int, str, bool], ...]:
    """(page, address, whether it is unbroken) for every address printed in the PDF. A whole
    address must be on one line; "(udir.no, lenke 3)" may break only after the comma (in a
    narrow table cell: handout.css), never inside the host or inside "lenke 3)"."""
    found = []
    for page in pdf.plumber:   # pdfplumber's pages, read once for the run (tests/pdfs.py)
        number = page.number
        flat, breaks = "", []
        # The addresses' own characters (.lmp-url: 85 % of the text, at most 9.35 pt): in a table the
        # next cell's words sit on baselines between those of an address broken after its comma.
        for line in baseline_lines(page, below=URL_BELOW_PT):
            flat += line
            breaks.append(len(flat))
        for match in ADDRESS.finditer(flat):
            split = any(match.start() < end < match.end() for end in breaks)
            found.append((number, match.group(), not split))
        for match in NUMBERED.finditer(flat):
            end = flat.index(")", match.end()) + 1
            split = any(match.start() < at < end and at != match.end() for at in breaks)
            found.append((number, flat[match.start():end], not split))
    return tuple(found)


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_no_address_is_split_over_two_lines(site, pdfs, kind, lang, theme):
    found = printed_addresses(pdfs[a4_pdf(site, kind, lang, theme)])
    assert any("/" in address for _, address, _ in found), "no address printed whole: the test reads nothing"
    split = [f"p.{number}: {address}" for number, address, whole in found if not whole]
    assert not split, "addresses broken over two lines:\n" + "\n".join(split[:10])
    # An address printed whole fits on a line where it stands (lmp/print/paper_links.py `prints_whole`).
    limit = address_limit()
    long = [f"p.{number}: {address}" for number, address, _ in found if "/" in address
            and len(address) - 2 > limit]
    assert not long, f"addresses longer than {limit} characters printed whole:\n" + "\n".join(long[:10])


# ---------------------------------------------------------------------------------------------
# Print grade (issue 25): the booklet set for A5, writing space, designed tables, paper conventions

A5_BODY_PT = 9.5
MIN_MARGIN_PT = 7.0
WRITING_LINE_MM = 8.0
LINE_GREY = 0.541                     # #8a8a8a: ruled lines and writing rows (print/handout.css, kit.css)


def _grey(edge) -> bool:
    colour = edge.get("non_stroking_color") or edge.get("stroking_color")
    values = colour if isinstance(colour, (tuple, list)) else (colour,)
    return bool(values) and all(isinstance(v, (int, float)) and abs(v - LINE_GREY) < 0.02 for v in values)


def writing_line_gaps(page) -> list[float]:
    """Vertical gaps (mm) between neighbouring grey ruled lines of the same span with nothing
    printed between them: the space left to write in (ruled lines, the checklist's "who" and "by
    when" cells, the agenda's rows). A row holding text (a task, a group's title) is not counted."""
    spans = defaultdict(list)
    for edge in page.edges:
        if edge["orientation"] == "h" and edge["x1"] - edge["x0"] > 15 * MM and _grey(edge):
            spans[(round(edge["x0"]), round(edge["x1"]))].append(edge["top"])
    chars = [c for c in page.chars if c["text"].strip()]
    gaps = []
    for (x0, x1), tops in spans.items():
        tops = sorted(set(round(t, 1) for t in tops))
        for a, b in zip(tops, tops[1:]):
            if not 2 < b - a < 20 * MM:
                continue
            if any(c["x0"] >= x0 - 1 and c["x1"] <= x1 + 1 and a < c["top"] and c["bottom"] < b for c in chars):
                continue
            gaps.append((b - a) / MM)
    return gaps


def booklet_halves(page):
    """(A5 page's characters, x offset) for the left and the right half of a booklet's sheet side."""
    half = page.width / 2
    left = [c for c in page.chars if c["text"].strip() and c["x1"] <= half]
    right = [c for c in page.chars if c["text"].strip() and c["x0"] >= half]
    return [(left, 0.0), (right, half)]


@pytest.mark.parametrize("lang,theme", [(lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES])
def test_booklet_is_set_for_a5(site, pdfs, lang, theme):
    """The booklet is the handout laid out for A5, placed at 100 %: body 9.5–10 pt, running title
    and page number ≥ 7 pt at the outer corners, writing lines ≥ 8 mm apart, a fold mark, and the
    viewer asked for short-edge duplex and no scaling. It does not claim PDF/UA."""
    a4 = site / f"{prefix(lang)}themes/{theme}/index.pdf"
    pdf = pdfs[site / booklets.booklet_name(a4.relative_to(site).as_posix(), lang)]
    sizes, margin, outer, gaps = defaultdict(int), [], [], []
    for page in pdf.plumber:
        gaps += writing_line_gaps(page)
        for chars, offset in booklet_halves(page):
            for char in chars:
                top = char["top"]
                if top < 16 * MM or top > page.height - 17 * MM:       # the margin boxes
                    margin.append(char["size"])
                    x = char["x0"] - offset
                    side = "left" if x < page.width / 4 else "right"
                    if char["text"].isdigit() and top > page.height - 17 * MM:
                        outer.append((page.number, side, offset))
                else:
                    sizes[round(char["size"], 1)] += 1
    body = max(sizes, key=sizes.get)
    assert A5_BODY_PT - 0.05 <= body <= 10.05, f"body text {body} pt on the A5 page (want 9.5–10)"
    assert margin and min(margin) >= MIN_MARGIN_PT - 0.05, f"running title or page number at {min(margin)} pt"
    # A page number on a left-hand A5 page (the sheet's left half) sits left, on a right-hand one right.
    inner = [(n, side) for n, side, offset in outer if (side == "left") != (offset == 0.0)]
    assert outer and not inner, f"page numbers at the fold: {inner[:5]}"
    assert gaps and min(gaps) >= WRITING_LINE_MM - 0.1, f"writing lines {min(gaps):.1f} mm apart"
    reader = pdf.reader
    preferences = reader.trailer["/Root"]["/ViewerPreferences"]
    assert preferences["/Duplex"] == "/DuplexFlipShortEdge" and preferences["/PrintScaling"] == "/None"
    fold = [e for page in pdf.plumber for e in page.edges
            if e["orientation"] == "v" and abs(e["x0"] - page.width / 2) < 1]
    assert len(fold) >= len(pdf.plumber), "no fold mark at the centre of each sheet side"
    assert b"pdfuaid" not in bytes(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    how = re.sub(r"\s+", "", lmp_words.ui(lang)["booklet"]["how"])
    assert how in re.sub(r"\s+", "", pdf.page_text(1)), "no printing instruction on the first sheet"


@pytest.mark.parametrize("lang,theme", [(lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES])
def test_writing_lines_are_8mm_apart(site, pdfs, lang, theme):
    pdf = pdfs[site / f"{prefix(lang)}themes/{theme}/index.pdf"]
    gaps = [gap for page in pdf.plumber for gap in writing_line_gaps(page)]
    assert gaps and min(gaps) >= WRITING_LINE_MM - 0.1, f"writing lines {min(gaps):.1f} mm apart"


def header_columns(page, cells: list[str], offset: float = 0.0) -> list[tuple[float, ...]]:
    """x of each header cell's first word, for every line of the page that holds all of them in order."""
    found = []
    rows = defaultdict(list)
    for char in page.chars:
        if char["text"].strip():
            rows[round(char["top"])].append(char)
    for row in rows.values():
        words, last = [], None
        for char in sorted(row, key=lambda c: c["x0"]):
            if last is None or char["x0"] - last["x1"] > WORD_GAP * char["size"]:
                words.append([char["x0"], ""])
            words[-1][1] += char["text"]
            last = char
        xs, at = [], 0
        for cell in cells:
            first = cell.split()[0]
            match = next((i for i in range(at, len(words)) if words[i][1] == first), None)
            if match is None:
                break
            xs.append(words[match][0] % offset if offset else words[match][0])
            at = match + 1
        if len(xs) == len(cells):
            found.append(tuple(round(x, 0) for x in xs))
    return found


@pytest.mark.parametrize("kind", ["handout", "booklet"])
def test_checklist_columns_stay_on_continuation_pages(site, pdfs, kind):
    """The checklist's proportional columns (kit.css) are the same on every page it runs over
    (print/table-headers.js carries the <colgroup> over): the review found 87/87/88/88 pt on the
    continuation page. At least one checklist in each kind runs over a page."""
    continued = 0
    for lang, a4 in handouts(site):
        pdf = pdfs[a4 if kind == "handout" else site / booklets.booklet_name(a4.relative_to(site).as_posix(), lang)]
        words = lmp_words.ui(lang)["handouts"]
        cells = [words["done"], *words["checklist_head"]]
        seen = [cols for page in pdf.plumber
                for cols in header_columns(page, cells, page.width / 2 if kind == "booklet" else 0.0)]
        assert seen, f"{a4.relative_to(site)}: no checklist header found"
        continued += len(seen) > 1
        assert len(set(seen)) == 1, f"{a4.relative_to(site)} ({kind}): header columns differ: {seen}"
        assert seen[0][2] - seen[0][1] > 0.4 * (seen[0][3] - seen[0][0]), "the task column is not the widest"
    assert continued, "no checklist runs over a page: the test reads nothing"


@pytest.mark.parametrize("kind,lang,theme", A4_CASES)
def test_no_underline_under_link_text(site, pdfs, kind, lang, theme):
    """Paper has no underlined links (their address is printed after them): no rule drawn inside
    or just under a link's box."""
    found = []
    for page in pdfs[a4_pdf(site, kind, lang, theme)].plumber:
        for x0, top, x1, bottom in page.links:
            for edge in page.edges:
                if (edge["orientation"] == "h" and edge["x0"] >= x0 - 1 and edge["x1"] <= x1 + 1
                        and top <= edge["top"] <= bottom + 2 and edge["x1"] - edge["x0"] > 3):
                    found.append(f"p.{page.number} at y={edge['top']:.0f}")
                    break
    assert not found, "underlined links:\n" + "\n".join(found[:10])


def test_every_pdf_names_its_author_publisher_and_date(site, pdfs):
    from lmp.model import identity
    names = identity.load()
    for lang, path in handouts(site) + handbooks(site) + [(l, b) for l, _, b in booklet_files(site)]:
        info = pdfs[path].reader.metadata
        where = path.relative_to(site)
        assert info.get("/Author") == names.operator(lang), where
        assert info.get("/Publisher") == names.owner(lang), where
        assert re.fullmatch(r"D:\d{8}", str(info.get("/CreationDate", ""))), where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_is_set_in_the_programme_typeface(site, pdfs, lang):
    """Paper in the programme's typeface (data/identity.yml; the faces of docs/assets/fonts/fonts.css,
    lmp/print/handouts.py `_font_faces`): in a handout, its A5 booklet and the handbook nearly every
    character is set in it (code and symbols such as ☐ come from other fonts), and the embedded
    faces are its regular, bold and italic by their own weight (the font files' OS/2 table: the
    files' names all say "ExtraLight"), so neither every face read as regular nor all text bold."""
    from collections import Counter
    from lmp.model import identity
    face = re.sub(r"\W", "", identity.load().typeface)          # "SourceSans3": its PostScript names' start
    handout = a4_pdf(site, "handout", lang, "theme-1")
    booklet = next(b for l, pdf, b in booklet_files(site) if l == lang and pdf == handout)
    for path in (handout, booklet, a4_pdf(site, "handbook", lang, None)):
        pdf, where = pdfs[path], path.relative_to(site)
        fonts = Counter(char["fontname"].split("+", 1)[-1] for page in pdf.plumber
                        for char in page.chars if char["text"].strip())
        share = sum(count for name, count in fonts.items() if name.startswith(face)) / sum(fonts.values())
        assert share >= 0.95, f"{where}: {share:.0%} in {face}: {fonts.most_common(6)}"
        styles = {(weight, italic) for name, weight, italic in pdf.faces if name.startswith(face)}
        assert {(400, False), (700, False), (400, True)} <= styles, f"{where}: {sorted(pdf.faces)}"
        print(f"{where}: {share:.1%} of the characters in {face}, faces (weight, italic) {sorted(styles)}")
