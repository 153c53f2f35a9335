"""The printed PDFs: a seminar kit per theme and language, the whole handbook per language.

Read with pypdf from the session build (`site`): metadata, tagging, outline, text, links, size;
the kit's parts (cover with a date for people, agenda frame, checklist rows = the module's tasks,
six ruled lines per reflection question measured in the drawing, notes page, page numbers after
links inside the PDF, a QR code drawn as vectors that decodes to the page's address); and the web
side: each PDF page's download link leads to the PDF in the page's own language, the handouts page
lists every PDF, and print-only parts stay out of the web pages while web-only parts stay out of
the PDFs. Words come from data/ui.<lang>.yml, as in the build.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ADDRESS, LANGUAGES, ROOT, assert_reported, fault_injector, replace_line
from lmp.model import pages as lmp_pages
from lmp.model import site as model
from lmp import project as lmp_project
from lmp import words as lmp_words
from pdfs import Pdf

from lmp.print import handouts  # noqa: E402
from lmp.print import paper_links
from lmp.print import markup
from lmp_mkdocs import printing
from lmp.model.info import PageInfo

DOCS = ROOT / "docs"


def words(lang: str) -> dict:
    return lmp_words.ui(lang)["handouts"]


MAX_BYTES = 2 * 1024 * 1024
PAGE_LABEL = {"nb": "side {} av {}", "en": "page {} of {}", "nn": "side {} av {}"}
VERSION_DATE = {"nb": r"{} \d{{1,2}}\. [a-zæøå]+ \d{{4}}", "en": r"{} \d{{1,2}} [A-Z][a-z]+ \d{{4}}",
                "nn": r"{} \d{{1,2}}\. [a-zæøå]+ \d{{4}}"}


def prefix(lang: str) -> str:
    return "" if lang == lmp_project.DEFAULT_LANGUAGE else lang + "/"


def handout_cases():
    return [(lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES]


def squash(text: str) -> str:
    """Text for comparison: one space between words, soft hyphens and ¶ gone."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("¶", "")).strip()


def plain(markdown: str) -> str:
    """The words a Markdown fragment prints as."""
    text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return squash(text)


def reflection_questions(page: lmp_pages.Page) -> list[str]:
    """The numbered items of the page's #reflection section, as printed text."""
    lines, inside = [], False
    for line in page.body.splitlines():
        if line.startswith("## "):
            inside = "#reflection" in line
            continue
        if inside:
            lines.append(line)
    questions = []
    for line in lines:
        item = re.match(r"^\d+\.\s+(.*)", line)
        if item:
            questions.append(item.group(1))
        elif questions and line.startswith("   ") and line.strip():
            questions[-1] += " " + line.strip()
    return [plain(q) for q in questions]


def source(key: str, lang: str) -> lmp_pages.Page:
    return lmp_pages.read_page(DOCS / f"{key}.{lang}.md", DOCS)


def handout_pdf(site: Path, lang: str, theme: str) -> Path:
    return site / f"{prefix(lang)}themes/{theme}/index.pdf"


def handbook_pdf(site: Path, lang: str) -> Path:
    return site / f"{prefix(lang)}{markup.HANDBOOK}.pdf"


def all_pdfs():
    return ([("handout", lang, theme) for lang, theme in handout_cases()]
            + [("handbook", lang, None) for lang in LANGUAGES])


def pdf_path(site, kind, lang, theme):
    return handout_pdf(site, lang, theme) if kind == "handout" else handbook_pdf(site, lang)


# ---------------------------------------------------------------------------------------------
# Every PDF: metadata, tagging, outline, page numbers, size, links

@pytest.mark.parametrize("kind,lang,theme", all_pdfs())
def test_pdf_is_accessible_and_sane(site, pdfs, kind, lang, theme):
    path = pdf_path(site, kind, lang, theme)
    assert path.exists(), f"{path.relative_to(site)} was not made"
    assert path.stat().st_size < MAX_BYTES, f"{path.name}: {path.stat().st_size} bytes (limit 2 MB)"
    pdf = pdfs[path]
    reader, count = pdf.reader, pdf.pages
    low, high = (4, 40) if kind == "handout" else (20, 600)
    assert low <= count <= high, f"{path.relative_to(site)}: {count} pages"

    title = (source(f"themes/{theme}/index", lang).meta["title"] if kind == "handout"
             else words(lang)["handbook_title"])
    assert reader.metadata.get("/Title") == title
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == lang
    assert bool(root["/MarkInfo"]["/Marked"]), "not marked as tagged"
    assert "/StructTreeRoot" in root
    outline = reader.outline
    assert len(outline) > 0, "no bookmarks"

    text = pdf.text
    assert squash(PAGE_LABEL[lang].format(2, count)) in squash(text[1]), "no page-number footer"
    # the last page with text before the back page is numbered of the whole (a page left blank
    # before the back page, so that the sheets come out even, carries nothing)
    last = max(index for index in range(count - 1) if squash(text[index]))
    assert squash(PAGE_LABEL[lang].format(last + 1, count)) in squash(text[last])
    # Bookmarks keep the spaces of headings that wrap (Chromium drops them; the hook restores them).
    titles = []
    stack = list(outline)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack += item
        else:
            titles.append(item.title)
    assert all("  " not in t for t in titles)
    if kind == "handout":
        assert title in titles


@pytest.mark.parametrize("kind,lang,theme", all_pdfs())
def test_pdf_links_lead_somewhere(site, pdfs, kind, lang, theme):
    pdf = pdfs[pdf_path(site, kind, lang, theme)]
    destinations = set(pdf.reader.named_destinations)
    problems, checked = [], 0
    for number, annotations in enumerate(pdf.annotations, start=1):
        for annotation in annotations:
            if annotation.subtype != "/Link":
                continue
            checked += 1
            if not annotation.action:
                dest = annotation.dest   # a named destination (None for an explicit one)
                if dest is not None and dest not in destinations:
                    problems.append(f"page {number}: internal link to missing {dest}")
                continue
            uri = annotation.uri or ""
            # The session build has no public address: no links to the site (lmp_mkdocs/exporter.py).
            parts = urlsplit(uri)
            if not ((parts.scheme in ("http", "https") and "." in parts.netloc)
                    or (parts.scheme == "mailto" and "@" in parts.path)):
                problems.append(f"page {number}: malformed address {uri!r}")
    assert checked > 0, "a PDF without a single link"
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# Handouts: content from the theme page's Markdown

@pytest.mark.parametrize("lang,theme", handout_cases())
def test_handout_has_the_theme(site, pdfs, lang, theme):
    page = source(f"themes/{theme}/index", lang)
    text = squash(" ".join(pdfs[handout_pdf(site, lang, theme)].text))
    assert squash(page.meta["title"]) in text
    questions = reflection_questions(page)
    assert questions, "the theme page has no reflection questions to print"
    missing = [q for q in questions if q not in text]
    assert not missing, "reflection questions missing from the handout:\n" + "\n".join(missing)
    # The cover: semester, the national gathering (from data/programme.yml) and the language.
    cover = squash(pdfs[handout_pdf(site, lang, theme)].text[0])
    semester = page.meta["semester"]
    gathering = next(g for g in lmp_pages.load_programme()["gatherings"] if g["semester"] == semester)
    assert gathering["title"][lang] in cover
    assert str(gathering["start"].year) in cover
    assert words(lang)["language_name"] in cover
    # Who owns and who runs the programme, as text (data/identity.yml), and whose booklet it is.
    from lmp.model import identity
    names = identity.load()
    assert squash(words(lang)["sender"].format(owner=names.owner(lang), operator=names.operator(lang))) in cover
    assert squash(words(lang)["belongs"]) in cover
    # The module's closing summary is an action card on paper (the start page has the summary).
    for prompt in words(lang)["action_prompts"]:
        assert squash(prompt) in text
    # A version people read: "Versjon 29. november 2026", not a commit hash.
    assert re.search(VERSION_DATE[lang].format(re.escape(words(lang)["version"])), cover), cover
    assert not re.search(r"\b[0-9a-f]{7,40}\b", cover), "a commit hash on the cover"
    # Lovdata addresses are written out, since a printed link cannot be clicked.
    assert "lovdata.no/dokument/NL/lov/" in text
    # Web-only parts stay out: the download link and the reading time.
    assert words(lang)["button"]["theme"] not in text
    assert not re.search(r"Lesetid|Reading time", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handbook_has_every_page(site, pdfs, lang):
    text = squash(" ".join(pdfs[handbook_pdf(site, lang)].text))
    missing = [page.meta["title"] for page in model.iter_pages(DOCS)
               if page.lang == lang and page.key != markup.HANDBOOK and page.meta.get("title")
               and squash(page.meta["title"]) not in text]
    assert not missing, "pages missing from the handbook:\n" + "\n".join(missing)


# ---------------------------------------------------------------------------------------------
# The web side

@pytest.mark.parametrize("lang,theme", handout_cases())
def test_download_link_points_at_own_language(site, pdfs, lang, theme):
    html_file = site / f"{prefix(lang)}themes/{theme}/index.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    link = soup.select_one(".lmp-pdf-download a[href]")
    assert link is not None, "no download link on the theme page"
    assert link.get_text(strip=True) == words(lang)["button"]["theme"]
    target = (html_file.parent / link["href"]).resolve()
    assert target == handout_pdf(site, lang, theme).resolve()
    assert pdfs[target].reader.trailer["/Root"]["/Lang"] == soup.html["lang"] == lang
    # What is known before printing (no built file is rewritten after the PDFs exist).
    assert soup.select_one(".lmp-pdf-download__info").get_text(strip=True) == words(lang)["format"]
    # Print-only parts never reach the web page.
    assert not soup.select(".lmp-cover, .lmp-lines, .lmp-toc, .lmp-back")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_page_lists_every_pdf(site, pdfs, lang):
    html_file = site / f"{prefix(lang)}tools/handouts.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    rows = soup.select("table.lmp-pdf-list tbody tr")
    expected = {handout_pdf(site, lang, t).resolve() for t in lmp_pages.THEMES} | {handbook_pdf(site, lang).resolve()}
    listed = set()
    for row in rows:
        link = row.select_one("a[href]")
        target = (html_file.parent / link["href"]).resolve()
        listed.add(target)
        assert link["hreflang"] == lang and link["type"] == "application/pdf"
        assert pdfs[target].reader.trailer["/Root"]["/Lang"] == lang
        assert row.select("td")[-1].get_text(strip=True) == words(lang)["format"]
    assert listed == expected
    assert soup.select_one("table.lmp-pdf-list caption").parent.name == "table"


# ---------------------------------------------------------------------------------------------
# The seminar kit: what a facilitator holds at the seminar

def numbered_items(page: lmp_pages.Page, anchor: str) -> list[str]:
    """The numbered items of the section `{ #anchor }` of a page's Markdown."""
    items, inside = [], False
    for line in page.body.splitlines():
        if re.match(r"^#{2,3} ", line):
            inside = f"#{anchor}" in line
            continue
        if inside and re.match(r"^\d+\.\s", line):
            items.append(line)
    return items


@pytest.mark.parametrize("lang,theme", handout_cases())
def test_kit_start_page_and_checklist(site, pdfs, lang, theme):
    pdf = pdfs[handout_pdf(site, lang, theme)]
    text = pdf.text
    w = words(lang)
    start = squash(text[1])
    # the start page: the summary and the agenda grid; the contents follow (on it or the next page)
    assert w["summary"] in start and w["agenda"] in start
    assert w["contents"] in start + squash(text[2])
    # The agenda frame: date, place and supervisor with nothing filled in.
    for field in w["agenda_fields"]:
        assert re.search(rf"\b{re.escape(field)}\b", start), field
    # One checklist row per task of the module (☐, who, by when).
    page = source(f"themes/{theme}/index", lang)
    tasks = sum(len(numbered_items(page, anchor)) for anchor in handouts.TASK_SECTIONS)
    assert tasks > 0
    assert " ".join(text).count("☐") == tasks
    checklist = squash(text[pdf.destinations["lmp-checklist-title"] - 1])
    assert all(head in checklist for head in w["checklist_head"])
    # The staff-meeting plan is marked for whoever leads the meeting.
    meeting = squash(text[pdf.destinations["staff-meeting"] - 1])
    assert w["leader"] in meeting


@pytest.mark.parametrize("lang,theme", handout_cases())
def test_reflection_questions_have_six_lines_each(site, pdfs, lang, theme):
    pdf = pdfs[handout_pdf(site, lang, theme)]
    marks = pdf.destinations
    first, last = marks["reflection"], marks["staff-meeting"]
    heading = {"nb": "Refleksjonsspørsmål", "en": "Reflection questions", "nn": "Refleksjonsspørsmål"}[lang]
    counts: dict[int, int] = {}
    current = None
    for number in range(first, last + 1):
        found, rules = pdf.drawing(number)
        found.sort(key=lambda item: -item[0])
        top = next((y for y, t in found if t.startswith(heading[:5])), None) if number == first else None
        bottom = None
        if number == last:  # the staff-meeting heading ends the section
            bottom = next((y for y, t in found if re.match(r"(Personalmøte|A 45-minute)", t)), None)
        questions = [(y, int(t[:-1])) for y, t in found if re.fullmatch(r"\d+\.", t)
                     and (top is None or y < top) and (bottom is None or y > bottom)]
        for y in sorted(rules, reverse=True):
            if (top is not None and y > top) or (bottom is not None and y < bottom):
                continue
            above = [q for q in questions if q[0] > y]
            if above:
                current = min(above, key=lambda q: q[0] - y)[1]
            if current is not None:
                counts[current] = counts.get(current, 0) + 1
    expected = len(reflection_questions(source(f"themes/{theme}/index", lang)))
    assert sorted(counts) == list(range(1, expected + 1)), counts
    short = {q: n for q, n in counts.items() if n < 6}
    assert not short, f"questions with fewer than 6 ruled lines: {short}"


@pytest.mark.parametrize("lang,theme", handout_cases())
def test_notes_page_before_the_back_page(site, pdfs, lang, theme):
    pdf = pdfs[handout_pdf(site, lang, theme)]
    notes = pdf.destinations["lmp-notes-title"]
    assert notes == pdf.pages - 1, "the notes page is not the last page before the back page"
    found, rules = pdf.drawing(notes)
    body = [t for y, t in found if 60 < y < 780]   # between the running header and the footer
    assert "".join(body).replace(" ", "") == words(lang)["notes"].replace(" ", "")
    assert len(rules) >= 20


@pytest.mark.parametrize("lang,theme", handout_cases())
def test_links_inside_the_pdf_print_their_page(site, pdfs, lang, theme):
    """"mellomarbeidet (se side 7)": each link to another part of the handout names the page its
    target is on (print/page-refs.js fills it in after Paged.js has laid out the pages)."""
    pdf = pdfs[handout_pdf(site, lang, theme)]
    text = squash(" ".join(pdf.text))
    marks = pdf.destinations
    page = source(f"themes/{theme}/index", lang)
    links = re.findall(r"\[([^\]]+)\]\(#([\w-]+)\)", page.body)
    assert links, "no internal links to check"
    see = words(lang)["see_page"]
    for label, anchor in links:
        expected = f"{plain(label)} ({see.format(page=marks[anchor])})"
        # a line may end after a hyphen of the label ("community-" / "building"): the text reads it "- "
        assert re.search(re.escape(expected).replace(r"\-", r"-\s?"), text), expected
    assert not re.search(r"\((se side|see page) 0+\)", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handbook_links_print_their_page(site, pdfs, lang):
    pdf = pdfs[handbook_pdf(site, lang)]
    text = squash(" ".join(pdf.text))
    pages = pdf.pages
    see = re.escape(words(lang)["see_page"]).replace(re.escape("{page}"), r"(\d+)")
    numbers = [int(n) for n in re.findall(see, text)]
    assert len(numbers) > 50
    assert all(1 < n <= pages for n in numbers)
    assert not re.search(r"\((se side|see page) 0+\)", text)


def test_qr_code_is_vector_and_decodes(page, tmp_path):
    """The back page's QR code (segno, inline SVG) printed by Chromium: vector paths, no image,
    and a decoder (zxing-cpp) reads the page's address back from a rendering of the PDF."""
    import zxingcpp
    from PIL import Image

    address = "https://example.org/laringsmiljo/en/themes/theme-2/index.html"
    back = "".join(map(str, markup._nodes(handouts.render(
        "handout-back.html", words=words("en"), site_name="Site", qr=paper_links.qr_svg(address),
        page_address=address, addresses=[("Page", paper_links.short_address(address), address)],
        copyright="Owner"))))
    css = (ROOT / "print/kit.css").read_text(encoding="utf-8")
    page.set_content(f'<html lang="en"><head><style>{css}</style></head>'
                     f'<body class="md-typeset">{back}</body></html>')
    pdf = page.pdf(format="A4")
    reader = PdfReader(BytesIO(pdf))
    resources = reader.pages[0].get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert not images, "the QR code is a bitmap"
    assert paper_links.short_address(address) == "example.org/laringsmiljo/en/themes/theme-2"
    assert "example.org/laringsmiljo/en/themes/theme-2" in reader.pages[0].extract_text()
    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) renders the page for the decoder"
    (tmp_path / "back.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "back.pdf"),
                    str(tmp_path / "back")], check=True)
    decoded = [code.text for code in zxingcpp.read_barcodes(Image.open(tmp_path / "back.png"))]
    assert decoded == [address]


# ---------------------------------------------------------------------------------------------
# Addresses on paper: too long for a line → "(udir.no, lenke 3)" and a QR code in the links part

def cited_links(pdf: Pdf) -> tuple[dict[int, set[str]], dict[int, int]]:
    """({number: addresses of the links it is printed after}, {number: page of its entry}). The
    "lenke 3" after a link is a link to the entry #lmp-link-3; the link before it in the page's
    annotations (Chromium writes them in the order of the text) is the link it numbers."""
    entries = {int(name.rsplit("-", 1)[1]): page for name, page in pdf.destinations.items()
               if re.fullmatch(r"lmp-link-\d+", name)}
    cited: dict[int, set[str]] = {}
    for annotations in pdf.annotations:
        last = None
        for annotation in annotations:
            uri = annotation.uri
            dest = (annotation.dest or "").lstrip("/")
            if uri is not None:
                last = uri
            elif re.fullmatch(r"lmp-link-\d+", dest):
                assert last is not None, f"{dest} cited after no link"
                cited.setdefault(int(dest.rsplit("-", 1)[1]), set()).add(last)
    return cited, entries


def decoded_qr_codes(path: Path, page: int, folder: Path) -> set[str]:
    """The addresses of every QR code on one page, read from a 400 dpi rendering (pdftoppm)."""
    import zxingcpp
    from PIL import Image

    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) renders the page for the decoder"
    out = folder / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "400", "-gray", "-png", "-singlefile", "-f", str(page), "-l",
                    str(page), str(path), str(out)], check=True)
    return {code.text for code in zxingcpp.read_barcodes(Image.open(f"{out}.png"))}


@pytest.mark.parametrize("kind,lang,theme", all_pdfs())
def test_long_links_are_numbered_with_a_qr_code_that_decodes(site, pdfs, kind, lang, theme, tmp_path):
    path = pdf_path(site, kind, lang, theme)
    pdf = pdfs[path]
    cited, entries = cited_links(pdf)
    # Every handout cites Udir's 350-character reading of § 12-4; the handbook several such links.
    assert cited, "no link printed as '(host, lenke N)'"
    assert sorted(entries) == list(range(1, len(entries) + 1)), f"entries numbered {sorted(entries)}"
    assert sorted(cited) == sorted(entries), f"cited {sorted(cited)}, listed {sorted(entries)}"
    addresses = {}
    for number, uris in cited.items():
        assert len(uris) == 1, f"{words(lang)['link_number'].format(number=number)} numbers {uris}"
        addresses[number] = uris.pop()
    assert len(set(addresses.values())) == len(addresses), "one address under two numbers"
    text = squash(" ".join(pdf.text))
    codes = {}
    for number, address in sorted(addresses.items()):
        host = urlsplit(address).netloc.removeprefix("www.")
        assert f"({host}, {words(lang)['link_number'].format(number=number)})" in text
        page = entries[number]
        if page not in codes:
            codes[page] = decoded_qr_codes(path, page, tmp_path)
        # Each entry's code is on the page of its entry and opens the whole address.
        assert address in codes[page], f"no QR code of {address} on page {page} (decoded: {codes[page]})"
    # Each entry is named by what it opens (a Word template by its title), never by a link's
    # generic words ("Last ned malen som Word-fil"; with a public address the handbook has them).
    listed = squash(" ".join(pdf.text[page - 1] for page in set(entries.values())))
    assert squash(lmp_words.ui(lang)["docx"]["link"]) not in listed
    # The links part is in the contents, before the notes page in a handout.
    marks = pdf.destinations
    if kind == "handout":
        assert marks["lmp-links-title"] < marks["lmp-notes-title"]
    assert squash(words(lang)["links"]) in squash(" ".join(pdf.text[1:3]))


def test_the_form_of_a_printed_address():
    """lmp/print/paper_links.py `prints_whole`: an address prints whole where it fits on a line, at the
    print layout's sizes (print/handout.css), else as its host and a number."""
    css = (ROOT / "print/handout.css").read_text(encoding="utf-8")
    # The layout the limit is worked out from is the stylesheet's.
    margins = re.search(r"@page \{[^}]*margin: \S+ (\d+)mm \S+ (\d+)mm;", css)
    assert 210 - int(margins[1]) - int(margins[2]) == paper_links.TEXT_WIDTH_MM
    assert re.search(r"\.lmp-url \{ font-size: (\d+)%", css)[1] == str(round(paper_links.URL_SCALE * 100))
    assert re.search(r"\.md-typeset \{ font-size: ([\d.]+)pt", css)[1] == f"{paper_links.BODY_PT:g}"
    assert f"table.lmp-pdf-list {{ font-size: {paper_links.TABLE_PT:g}pt; }}" in css
    assert (f"table:has(th:nth-child({paper_links.NARROW_TABLE_COLUMNS})) {{ font-size: "
            f"{paper_links.NARROW_TABLE_PT:g}pt; }}") in css
    assert f"padding: 1.2mm {paper_links.CELL_PADDING_MM / 2:g}mm" in css
    assert ".lmp-url__part { white-space: nowrap; }" in css

    section = "lovdata.no/dokument/NL/lov/2005-06-17-64/§41"
    article = "lovdata.no/dokument/NL/lov/1999-05-21-30/bkn/ARTIKKEL_12"
    udir = paper_links.short_address(
        "https://udir.no/regelverkstolkninger/opplaring/lov-om-grunnskoleopplaringa-og-den-vidaregaande-"
        "opplaringa-opplaringslova/fjerde-del--fellesreglar-for-grunnskoleopplaringa-og-den-vidaregaande-"
        "opplaringa-for-barn-og-unge/kapittel-12-skolemiljoet-til-elevane/-12-4-plikt-til-a-sikre-eit-"
        "trygt-og-godt-psykososialt-skolemiljo-aktivitetsplikt-og-dokumentasjonsplikt")
    assert paper_links.prints_whole(section)
    assert not paper_links.prints_whole(article)   # 56 characters: over the 114 mm line's 54
    assert not paper_links.prints_whole(udir)
    # In a table's cell by the cell's width: a short address fits a half-width column, not a
    # quarter-width one; a section of an act fits neither.
    assert paper_links.prints_whole("udir.no/lk20/overordnet-del", columns=2)
    assert not paper_links.prints_whole("udir.no/lk20/overordnet-del", columns=4)
    assert not paper_links.prints_whole(section, columns=2)
    assert paper_links.prints_whole("udir.no/lk20", columns=4)
    # The limit is the width in characters less the parentheses, and narrows with the columns.
    limits = [paper_links.address_limit(n) for n in (None, 2, 3, 4, 6, 7)]
    assert limits == sorted(limits, reverse=True) and limits[0] == 54
    assert all(paper_links.prints_whole("x" * limit, n) and not paper_links.prints_whole("x" * (limit + 1), n)
               for limit, n in zip(limits, (None, 2, 3, 4, 6, 7)))


def test_links_on_paper_numbers_long_addresses_once():
    """`_links_on_paper` on a small printed page: a short address whole, a long one numbered (the
    same number wherever it is cited), in a table cell by the cell's width; one links part."""
    from types import SimpleNamespace
    long = "https://example.org/" + "a-long-path-segment/" * 4
    html = (f'<article><p><a href="https://udir.no/lk20/">LK20</a> and <a href="{long}">report</a>.</p>'
            '<table><tr><th>A</th><th>B</th><th>C</th><th>D</th></tr><tr><td>'
            '<a href="https://lovdata.no/dokument/NL/lov/2005-06-17-64/§41">§ 41</a></td><td>'
            f'<a href="{long}">again</a></td><td></td><td></td></tr></table>'
            '<section class="lmp-notes-page"></section></article>')
    article = BeautifulSoup(html, "html.parser").article
    page = PageInfo(src_uri="themes/theme-1/index.en.md", lang="en", meta={}, dest_uri="themes/theme-1/index.html")
    paper_links._links_on_paper(article, page, SimpleNamespace(public_address=None), "en", set())
    shown = [squash(span.get_text()) for span in article.select(".lmp-url")]
    assert shown == ["(udir.no/lk20)", "(example.org, link 1)", "(lovdata.no, link 2)",
                     "(example.org, link 1)"]
    assert all(span.select_one(".lmp-url__part") for span in article.select(".lmp-url"))
    part = article.select_one(".lmp-links")
    assert part is not None and part.find_next_sibling(class_="lmp-notes-page") is not None
    entries = part.select("li.lmp-links__entry")
    assert [li["id"] for li in entries] == ["lmp-link-1", "lmp-link-2"]
    assert entries[0].select_one("a")["href"] == long and "report" in entries[0].get_text()
    assert entries[0].select_one("figure[role=img] svg") is not None
    label = words("en")["link_qr"].format(number=1, address=long)
    assert entries[0].select_one("figure")["aria-label"] == label


@fault_injector("handouts", stage="render")   # MkDocs validates links while rendering
def inject_pdf_links(project: Path) -> dict[str, str]:
    """A Markdown link to a PDF the build makes and one to a PDF it does not make, on one page of
    the render-stage fault build (conftest.py `combined_faults`: PDF=false, --strict)."""
    page = project / "docs" / "tools" / "handouts.nb.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\nSe [heftet for tema 1](../themes/theme-1/index.pdf).\n"
                    + "\nSe [heftet for tema 9](../themes/theme-9/index.pdf).\n", encoding="utf-8")
    return {}


def test_links_to_pdfs_are_validated(combined_faults):
    """The PDFs are files of the build: a Markdown link to one passes --strict, a link to a PDF
    that is not made fails it, naming the page (also in a preview without PDFs).

    Both links are in the combined fault build: the bad one must give a warning (under --strict,
    a failed build) naming the page and the PDF; the good one must give none (nothing in the
    build's output names it), which is what makes a build with it alone pass."""
    _, result, _, _ = combined_faults["handouts"]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"WARNING[^\n]*tools/handouts\.nb\.md[^\n]*themes/theme-9/index\.pdf", output), output[-3000:]
    good = [line for line in output.splitlines() if "theme-1/index.pdf" in line]
    assert not good, "the link to a PDF the build makes was reported:\n" + "\n".join(good)


SCREEN_ONLY = {"nb": ["Ctrl+P", "rulle den sidelengs"], "en": ["Ctrl+P", "scroll it sideways"],
               "nn": ["Ctrl+P", "rulle han sidelengs"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screen_only_content_stays_out_of_the_handbook(site, pdfs, lang):
    """Keyboard hints, "scroll sideways" and the reading builder (a screen tool with nothing to
    read on paper) are not printed; the builder's headings would otherwise stand on an empty page."""
    pdf = pdfs[handbook_pdf(site, lang)]
    text = squash(" ".join(pdf.text))
    for phrase in SCREEN_ONLY[lang]:
        assert phrase not in text, phrase
    # No chapter for the builder: neither its title nor its headings among the bookmarks.
    builder = source("tools/reading-builder", lang)
    outline, titles = list(pdf.reader.outline), set()
    while outline:
        item = outline.pop()
        if isinstance(item, list):
            outline += item
        else:
            titles.add(squash(item.title))
    assert squash(source("tools/reading-lists", lang).meta["title"]) in titles  # its neighbour is there
    for heading in [builder.meta["title"]] + [h[1] for h in builder.headings()]:
        assert squash(heading) not in titles, heading


# ---------------------------------------------------------------------------------------------
# The internals this relies on (fast; each names its user)

def test_material_content_partial_is_the_one_copied():
    """overrides/partials/content.html copies Material's (adding the PDF link); handouts.on_config
    fails the build when Material's changes. Same check here, without a build."""
    import hashlib
    import material
    theirs = Path(material.__file__).parent / "templates" / "partials" / "content.html"
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == printing.MATERIAL_CONTENT
    ours = (ROOT / "overrides" / "partials" / "content.html").read_text(encoding="utf-8")
    assert ours.count('{% include "lmp/handout-download.html" %}') == 1


def test_a_build_without_pdfs_publishes_no_pdf_file(html_site):
    """lmp_mkdocs/printing.py: every PDF and booklet is a file of the build (links to them are
    validated) that MkDocs writes empty and the exporter writes over; a build without PDFs removes
    the empty files, so no empty or stale PDF is published."""
    assert sorted(p.relative_to(html_site).as_posix() for p in html_site.rglob("*.pdf")) == []


# ---------------------------------------------------------------------------------------------
# Short addresses of the site's own for paper (issue 25): data/short-links.yml, <site>/l/<name>/

def test_short_addresses_replace_long_ones_on_paper():
    """With a public address, a link to a long address that has a short one prints the short
    one whole (no numbered entry), and its QR code, where one is made, is at most version 4; the
    long Udir § 12-4 address alone would need version 12."""
    import segno
    from types import SimpleNamespace
    from lmp.print import short_links
    links = short_links.load()
    udir = links["12-4"]
    assert len(udir) > 300 and segno.make(udir, error="l").version > 10
    address = "https://example.org/laringsmiljo/"
    html = (f'<article><p><a href="{udir}">Udirs tolkning</a>.</p>'
            '<section class="lmp-notes-page"></section></article>')
    article = BeautifulSoup(html, "html.parser").article
    page = PageInfo(src_uri="themes/theme-1/index.nb.md", lang="nb", meta={}, dest_uri="themes/theme-1/index.html")
    site = SimpleNamespace(public_address=address, site_name="x", copyright=None)
    paper_links._links_on_paper(article, page, site, "nb", set())
    assert squash(article.select_one(".lmp-url").get_text()) == "(example.org/laringsmiljo/l/12-4)"
    assert article.select_one(".lmp-links") is None
    for name in links:   # every short address: a small code
        assert segno.make(f"{address}{short_links.FOLDER}/{name}/", error="l").version <= 4, name
    # Without a public address there is no host for a short address: the long one stays.
    article = BeautifulSoup(html, "html.parser").article
    paper_links._links_on_paper(article, page, SimpleNamespace(public_address=None), "nb", set())
    assert "lenke 1" in squash(article.select_one(".lmp-url").get_text())


def test_forwarding_pages_are_published_with_a_public_address(address_site, html_site):
    """Each short address is a static page that forwards without a script or another host (a meta
    refresh and a plain link), to the target data/short-links.yml names; none without SITE_URL."""
    from lmp.print import short_links
    links = short_links.load()
    assert links
    for name, url in links.items():
        page = address_site / short_links.FOLDER / name / "index.html"
        assert page.is_file(), page
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url={url}"
        assert soup.find("a", href=url) is not None
        assert not soup.find_all(["script", "style", "link", "img", "iframe"])
    assert not (html_site / short_links.FOLDER).exists()


@fault_injector("short_links")
def inject_short_link_fault(project: Path) -> dict[str, str]:
    """A short address whose target is neither a reference of includes/links.md nor a law id."""
    line = replace_line(project / "data" / "short-links.yml", "  nou-2015-2:", "  nou-2015-2: nou-2015-9")
    return {f"data/short-links.yml:{line}": "'nou-2015-9' is not a reference of includes/links.md"}


def test_a_bad_short_link_fails_the_build_with_file_and_line(combined_faults):
    expected, result, before, after = combined_faults["short_links"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)


def qr_version(svg) -> int:
    """The version of a QR code as `paper_links.qr_svg` draws it (segno: 4 units a module, a quiet
    zone of 4 modules), read from the drawing's size: 17 + 4 × version modules a side."""
    side = float(re.search(r'viewBox="0 0 ([\d.]+) ', str(svg), re.IGNORECASE)[1]) / 4 - 2 * 4   # (HTML parsers lower-case it)
    return int((side - 17) / 4)


def test_every_qr_code_on_paper_is_version_4_at_most(address_site, site):
    """Issue 25: every QR code on paper is at most version 4, with a public address (ADDRESS): the
    back page's code of every PDF; the code of every PDF and booklet (the handouts page's table);
    and the numbered links of every page as the handbook prints it, through the print's own steps
    (`_printable` keeps a template's, a deck's or the calendar's download link, `_links_on_paper`
    numbers what does not fit on a line): the handbook is every page of its language (its links to
    pages lead inside it), so this covers each handbook's codes, the site's own .docx, .pptx and
    .ics files among them. A numbered link is named by what it opens (data-lmp-label: a template's
    title, a deck's or a PDF's theme), never by the link's own words alone ("Last ned malen som
    Word-fil", "A5-hefte (PDF)", "Barnehage")."""
    from types import SimpleNamespace
    assert qr_version(paper_links.qr_svg("https://example.org/x", error="l")) == 2
    info = SimpleNamespace(public_address=ADDRESS)
    generic = {text for lang in LANGUAGES for ui in [lmp_words.ui(lang)]   # a link's own words, alone
               for text in [ui["docx"]["link"], ui["booklet"]["link"], *ui["view"]["editions"].values(),
                            *ui["decks"]["editions"].values()]}
    versions, own = {}, set()
    for path in sorted(address_site.rglob("*.html")):
        dest = path.relative_to(address_site).as_posix()
        if dest.startswith(("l/", "assets/")) or dest == "404.html":
            continue
        html = path.read_text(encoding="utf-8")
        start, end = html.find('<article class="md-content__inner'), html.rfind("</article>")
        if start < 0 or end < 0:
            continue
        article = BeautifulSoup(html[start:end + len("</article>")], "lxml").article   # (the page's text only: fast)
        lang = next((lang for lang in LANGUAGES if dest.startswith(lang + "/")), lmp_project.DEFAULT_LANGUAGE)
        page = PageInfo(src_uri=dest.removeprefix(prefix(lang)).replace(".html", f".{lang}.md"), lang=lang,
                        meta={}, dest_uri=dest)
        handouts._printable(article, ADDRESS)
        if not re.search(r"themes/theme-\d/index\.html$", dest):   # a handbook chapter, not a handout:
            for link in article.select("a[href]"):   # its links to pages go inside the handbook
                if urlsplit(link["href"]).path.endswith(".html") and not urlsplit(link["href"]).scheme:
                    del link["href"]
        for link in article.select(".lmp-download a[href]"):
            own.add(link["href"].rsplit("/", 1)[-1])
            if link["href"].endswith(".docx"):   # named by its page's title on paper
                title = source(page.src_uri.removesuffix(f".{lang}.md"), lang).meta["title"]
                assert paper_links._link_description(link) == \
                    lmp_words.ui(lang)["docx"]["paper"].format(title=title), dest
        paper_links._links_on_paper(article, page, info, lang, set())
        for entry in article.select(".lmp-links__entry"):
            url = entry.select_one(".lmp-links__text a")["href"]
            versions[url] = qr_version(entry.select_one(".lmp-links__qr svg"))
            text = entry.select_one(".lmp-links__text")
            label = squash(" ".join(t for t in text.find_all(string=True, recursive=False)))
            assert label and label not in generic, f"{dest}: {url} numbered as {label!r}"
    assert any(name.endswith(".docx") for name in own) and any(name.endswith(".ics") for name in own), own
    import segno   # the codes `qr_svg` makes of these addresses (a code's version does not depend on its mask)
    sample = ADDRESS + "en/themes/theme-2/index-skole-booklet.pdf"
    assert segno.make(sample, error="l", mask=0).version == qr_version(paper_links.qr_svg(sample, error="l"))
    for pdf in site.rglob("*.pdf"):
        dest = pdf.relative_to(site).as_posix()
        versions[ADDRESS + dest] = segno.make(ADDRESS + dest, error="l", mask=0).version
        if pdf.with_suffix(".html").is_file():   # a page's own PDF: its back page's code, to the page
            back = ADDRESS + dest.removesuffix(".pdf") + ".html"
            versions[back] = segno.make(back, error="m", mask=0).version
    assert len(versions) > 50, versions
    too_big = {url: version for url, version in versions.items() if version > 4}
    assert not too_big, f"QR codes above version 4: {too_big}"
    print(f"largest QR version on paper: {max(versions.values())} ({len(versions)} codes)")
