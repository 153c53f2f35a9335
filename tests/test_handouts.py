"""The printed PDFs: a seminar handout per theme and language, the whole handbook per language.

Read with pypdf from the session build (`site`): metadata, tagging, outline, text, links, size;
and the web side: each PDF page's download link leads to the PDF in the page's own language, the
handouts page lists every PDF with its page count and size, and print-only parts stay out of the
web pages while web-only parts stay out of the PDFs.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, _site

sys.path.insert(0, str(ROOT / "hooks"))
import handouts  # noqa: E402

DOCS = ROOT / "docs"
MAX_BYTES = 2 * 1024 * 1024
PAGE_LABEL = {"nb": "side {} av {}", "en": "page {} of {}"}


def prefix(lang: str) -> str:
    return "" if lang == _site.DEFAULT_LANGUAGE else lang + "/"


def handout_cases():
    return [(lang, theme) for lang in LANGUAGES for theme in _site.THEMES]


def squash(text: str) -> str:
    """Text for comparison: one space between words, soft hyphens and ¶ gone."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("¶", "")).strip()


def plain(markdown: str) -> str:
    """The words a Markdown fragment prints as."""
    text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return squash(text)


def reflection_questions(page: _site.Page) -> list[str]:
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


@lru_cache(maxsize=None)
def pdf_text(path: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() or "" for page in PdfReader(path).pages)


def source(key: str, lang: str) -> _site.Page:
    return _site.read_page(DOCS / f"{key}.{lang}.md", DOCS)


def handout_pdf(site: Path, lang: str, theme: str) -> Path:
    return site / f"{prefix(lang)}themes/{theme}/index.pdf"


def handbook_pdf(site: Path, lang: str) -> Path:
    return site / f"{prefix(lang)}{handouts.HANDBOOK}.pdf"


def all_pdfs():
    return ([("handout", lang, theme) for lang, theme in handout_cases()]
            + [("handbook", lang, None) for lang in LANGUAGES])


def pdf_path(site, kind, lang, theme):
    return handout_pdf(site, lang, theme) if kind == "handout" else handbook_pdf(site, lang)


# ---------------------------------------------------------------------------------------------
# Every PDF: metadata, tagging, outline, page numbers, size, links

@pytest.mark.parametrize("kind,lang,theme", all_pdfs())
def test_pdf_is_accessible_and_sane(site, kind, lang, theme):
    path = pdf_path(site, kind, lang, theme)
    assert path.exists(), f"{path.relative_to(site)} was not made"
    assert path.stat().st_size < MAX_BYTES, f"{path.name}: {path.stat().st_size} bytes (limit 2 MB)"
    reader = PdfReader(path)
    count = len(reader.pages)
    low, high = (4, 40) if kind == "handout" else (20, 600)
    assert low <= count <= high, f"{path.relative_to(site)}: {count} pages"

    title = (source(f"themes/{theme}/index", lang).meta["title"] if kind == "handout"
             else handouts.TEXT[lang]["handbook_title"])
    assert reader.metadata.get("/Title") == title
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == lang
    assert bool(root["/MarkInfo"]["/Marked"]), "not marked as tagged"
    assert "/StructTreeRoot" in root
    outline = reader.outline
    assert len(outline) > 0, "no bookmarks"

    text = pdf_text(path)
    assert squash(PAGE_LABEL[lang].format(2, count)) in squash(text[1]), "no page-number footer"
    assert squash(PAGE_LABEL[lang].format(count - 1, count)) in squash(text[count - 2])
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
def test_pdf_links_lead_somewhere(site, kind, lang, theme):
    reader = PdfReader(pdf_path(site, kind, lang, theme))
    destinations = set(reader.named_destinations)
    problems, checked = [], 0
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            checked += 1
            action = annotation.get("/A")
            if action is None:
                dest = annotation.get("/Dest")
                if isinstance(dest, str) and dest not in destinations:
                    problems.append(f"page {number}: internal link to missing {dest}")
                continue
            uri = str(action.get_object().get("/URI", ""))
            # The session build has no public address: no links to the site (hooks/pdf_export.py).
            parts = urlsplit(uri)
            if not ((parts.scheme in ("http", "https") and "." in parts.netloc)
                    or (parts.scheme == "mailto" and "@" in parts.path)):
                problems.append(f"page {number}: malformed address {uri!r}")
    assert checked > 0, "a PDF without a single link"
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# Handouts: content from the theme page's Markdown

@pytest.mark.parametrize("lang,theme", handout_cases())
def test_handout_has_the_theme(site, lang, theme):
    page = source(f"themes/{theme}/index", lang)
    text = squash(" ".join(pdf_text(handout_pdf(site, lang, theme))))
    assert squash(page.meta["title"]) in text
    questions = reflection_questions(page)
    assert questions, "the theme page has no reflection questions to print"
    missing = [q for q in questions if q not in text]
    assert not missing, "reflection questions missing from the handout:\n" + "\n".join(missing)
    # The cover: semester, the national gathering (from data/programme.yml) and the language.
    cover = squash(pdf_text(handout_pdf(site, lang, theme))[0])
    semester = page.meta["semester"]
    gathering = next(g for g in _site.load_programme()["gatherings"] if g["semester"] == semester)
    assert gathering["title"][lang] in cover
    assert str(gathering["start"].year) in cover
    assert handouts.TEXT[lang]["language_name"] in cover
    assert handouts.TEXT[lang]["version"] in cover
    # Lovdata addresses are written out, since a printed link cannot be clicked.
    assert "lovdata.no/dokument/NL/lov/" in text
    # Web-only parts stay out: the download link and the reading time.
    assert handouts.TEXT[lang]["button"]["theme"] not in text
    assert not re.search(r"Lesetid|Reading time", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handbook_has_every_page(site, lang):
    text = squash(" ".join(pdf_text(handbook_pdf(site, lang))))
    missing = [page.meta["title"] for page in _site.iter_pages(DOCS)
               if page.lang == lang and page.key != handouts.HANDBOOK and page.meta.get("title")
               and squash(page.meta["title"]) not in text]
    assert not missing, "pages missing from the handbook:\n" + "\n".join(missing)


# ---------------------------------------------------------------------------------------------
# The web side

@pytest.mark.parametrize("lang,theme", handout_cases())
def test_download_link_points_at_own_language(site, lang, theme):
    html_file = site / f"{prefix(lang)}themes/{theme}/index.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    link = soup.select_one(".lmp-pdf-download a[href]")
    assert link is not None, "no download link on the theme page"
    assert link.get_text(strip=True) == handouts.TEXT[lang]["button"]["theme"]
    target = (html_file.parent / link["href"]).resolve()
    assert target == handout_pdf(site, lang, theme).resolve()
    assert PdfReader(target).trailer["/Root"]["/Lang"] == soup.html["lang"] == lang
    info = soup.select_one(".lmp-pdf-download [data-lmp-pdf]").get_text(strip=True)
    assert re.fullmatch(r"\d+ (sider|pages), [\d.,]+ (kB|MB)", info), info
    # Print-only parts never reach the web page.
    assert not soup.select(".lmp-cover, .lmp-lines, .lmp-toc, .lmp-back")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_page_lists_every_pdf(site, lang):
    html_file = site / f"{prefix(lang)}tools/handouts.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    rows = soup.select("table.lmp-pdf-list tbody tr")
    expected = {handout_pdf(site, lang, t).resolve() for t in _site.THEMES} | {handbook_pdf(site, lang).resolve()}
    listed = set()
    for row in rows:
        link = row.select_one("a[href]")
        target = (html_file.parent / link["href"]).resolve()
        listed.add(target)
        pages = row.select_one('[data-lmp-field="pages"]').get_text(strip=True)
        assert pages == str(len(PdfReader(target).pages)), f"{link['href']}: {pages}"
        assert re.fullmatch(r"[\d.,]+ (kB|MB)", row.select_one('[data-lmp-field="size"]').get_text(strip=True))
    assert listed == expected
