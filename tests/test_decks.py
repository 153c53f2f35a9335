"""The staff meeting's slide decks (lmp/outputs/decks.py), read back from the session's build with
a public address (`address_site`: every deck has its closing QR code):

- every theme, language and setting edition has its deck, linked from the theme page, the
  handouts page and the tools page
- python-pptx reads each: 16:9; every slide has a unique title in its title placeholder and
  speaker notes; the plan's minutes add up to the number in its heading (45); every run is at
  least 18 pt and carries the language of its deck; no shape reaches beyond the slide; the text
  is near-black on white or white on the theme colour (≥ 4.5:1); the QR code has alt text and
  leads to the page; the key points and questions are the page's own
- LibreOffice Impress opens every deck and converts it to PDF (one soffice call for all), with
  a page per slide
- text marked for one setting (`data-for`) stays out of the other edition; an edition whose
  plan loses a step no longer adds up and stops the build naming the page
- fault injection (the content checks, in the shared fault build): a plan whose minutes do not
  add up, and a theme page without a section the deck needs, stop the build with file:line
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ADDRESS, LANGUAGES, ROOT, assert_reported, fault_injector, replace_line
from lmp import project
from lmp.errors import BuildError
from lmp.model import identity, settings
from lmp.outputs import decks
from lmp.print.paper_links import short_address

THEMES = ("theme-1", "theme-2", "theme-3", "theme-4")
LANG_TAG = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
EMU_PER_INCH = 914400


def _deck_files(site: Path) -> list[Path]:
    return sorted((site / decks.DECK_DIR).glob("*.pptx"))


def _page(site: Path, lang: str, key: str) -> Path:
    return site / (key if lang == project.DEFAULT_LANGUAGE else f"{lang}/{key}")


_READ: dict = {}


def _read(path: Path):
    """The deck as python-pptx reads it, once per run."""
    if path not in _READ:
        from pptx import Presentation
        _READ[path] = Presentation(str(path))
    return _READ[path]


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text


def _runs(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    yield shape, run


@pytest.fixture(scope="module")
def built(address_site) -> dict[tuple[str, str, str], Path]:
    """{(theme, lang, edition): deck} of the build."""
    found = {}
    for path in _deck_files(address_site):
        match = re.fullmatch(r"(theme-\d)-(\w\w)-(\w+)\.pptx", path.name)
        assert match, path
        found[match.groups()] = path
    return found


def test_every_theme_language_and_edition_has_its_deck(built):
    assert set(built) == {(t, lang, e) for t in THEMES for lang in LANGUAGES for e in settings.EDITIONS}


def test_the_decks_are_linked_from_the_theme_handouts_and_tools_pages(address_site, built):
    for lang in LANGUAGES:
        for key in ("tools/handouts.html", "tools/index.html"):
            page = _page(address_site, lang, key)
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            links = {(page.parent / a["href"]).resolve() for a in soup.select('a[href$=".pptx"]')}
            assert links == {built[t, lang, e].resolve() for t in THEMES for e in settings.EDITIONS}, page
            for a in soup.select('a[href$=".pptx"]'):
                assert a.get("type") == decks.PPTX_TYPE and a.has_attr("download"), a
        for theme in THEMES:
            page = _page(address_site, lang, f"themes/{theme}/index.html")
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            box = soup.select_one(".lmp-decks")
            assert box is not None and "lmp-web-only" in box["class"], page
            assert box.find_previous("h2")["id"] == decks.PLAN, "the links close the staff-meeting plan"
            links = {(page.parent / a["href"]).resolve() for a in box.select("a[href]")}
            assert links == {built[theme, lang, e].resolve() for e in settings.EDITIONS}, page
            assert "lmp-deck-size" not in box.get_text() and re.search(r"\(\d+ kB\)", box.get_text()), box


def test_every_deck_reads_back_as_the_issue_asks(address_site, built):
    look = identity.load()
    import zxingcpp
    from PIL import Image
    for (theme, lang, edition), path in built.items():
        deck = _read(path)
        where = path.name
        width, height = deck.slide_width, deck.slide_height
        assert abs(width / height - 16 / 9) < 0.01, where
        titles = [_title(slide) for slide in deck.slides]
        assert all(titles) and len(set(titles)) == len(titles), (where, titles)
        colour = look.theme_colour(theme).lstrip("#").upper()
        for slide in deck.slides:
            name = f"{where}, «{_title(slide)}»"
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), f"{name}: no notes"
            # reading order: the title first
            assert slide.shapes[0].is_placeholder and slide.shapes[0] == slide.shapes.title, name
            own = slide._element.xpath("./p:cSld/p:bg/p:bgPr/a:solidFill/a:srgbClr/@val")
            background = own[0].upper() if own else "FFFFFF"
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0, name
                assert shape.left + shape.width <= width and shape.top + shape.height <= height, \
                    f"{name}: {shape.name} reaches beyond the slide"
                if shape.shape_type == 13:   # a picture: the QR code
                    descr = shape._element.xpath("./p:nvPicPr/p:cNvPr/@descr")
                    assert descr and descr[0].strip(), f"{name}: a picture without alt text"
                    code = zxingcpp.read_barcodes(Image.open(io.BytesIO(shape.image.blob)))
                    page = ADDRESS + (f"{lang}/" if lang != project.DEFAULT_LANGUAGE else "") + \
                        f"themes/{theme}/index.html"
                    assert [c.text for c in code] == [page], name
                    assert short_address(page) in descr[0], descr
            for shape, run in _runs(slide):
                assert run.font.size is not None and run.font.size.pt >= 18, \
                    f"{name}: {run.text!r} is smaller than 18 pt"
                assert run._r.rPr.get("lang") == LANG_TAG[lang], f"{name}: {run.text!r} has no language"
                assert run.font.name == look.typeface, name
                fill = (str(shape.fill.fore_color.rgb) if shape.fill.type == 1 else background)
                ratio = identity.contrast("#" + str(run.font.color.rgb), "#" + fill)
                assert ratio >= 4.5, f"{name}: {run.text!r} at {ratio:.1f}:1"
                if shape == slide.shapes.title and not own:
                    assert fill == colour, name
            for paragraph in slide.notes_slide.notes_text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run._r.rPr.get("lang") == LANG_TAG[lang], f"{name}: a note without its language"


_SOUPS: dict = {}


def _soup(path: Path) -> BeautifulSoup:
    if path not in _SOUPS:
        _SOUPS[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return _SOUPS[path]


def _page_items(site: Path, lang: str, theme: str, anchor: str) -> list[str]:
    soup = _soup(_page(site, lang, f"themes/{theme}/index.html"))
    heading = soup.find(id=anchor)
    items = heading.find_next(["ul", "ol"]).find_all("li", recursive=False)
    return [re.sub(r"\s+", " ", li.get_text(" ", strip=True)) for li in items]


def _norm(text: str) -> str:
    return re.sub(r"\s+([,.;:?)])", r"\1", re.sub(r"\s+", " ", text)).replace("( ", "(").strip()


def test_the_slides_are_the_page_s_own_words_and_the_plan_adds_up(address_site, built):
    for (theme, lang, edition), path in built.items():
        deck = _read(path)
        slides = list(deck.slides)
        texts = ["\n".join(shape.text_frame.text for shape in slide.shapes
                           if shape.has_text_frame and shape != slide.shapes.title) for slide in slides]
        titles = [_title(slide) for slide in slides]
        # The plan: its steps' minutes add up to the number in its title (45), a slide per step
        plan = next(i for i, title in enumerate(titles) if re.search(r"\b45\b", title))
        steps = re.findall(r"^• (\d+)–(\d+) ", texts[plan], re.M)
        assert steps and steps[0][0] == "0", (path.name, texts[plan])
        assert sum(int(end) - int(start) for start, end in steps) == 45, (path.name, steps)
        assert all(int(steps[i][1]) == int(steps[i + 1][0]) for i in range(len(steps) - 1)), steps
        step_titles = titles[plan + 1:plan + 1 + len(steps)]
        for (start, end), slide_index in zip(steps, range(plan + 1, plan + 1 + len(steps))):
            notes = slides[slide_index].notes_slide.notes_text_frame.text
            assert f"({start}–{end})" in notes, (path.name, titles[slide_index], notes)
        assert len(set(step_titles)) == len(steps)
        # The key points and the questions are the page's, word for word
        shown = "\n".join(texts)
        for item in _page_items(address_site, lang, theme, decks.KEY_POINTS):
            assert _norm(item) in _norm(shown.replace("• ", "")), (path.name, item)
        questions = _page_items(address_site, lang, theme, decks.REFLECTION)
        prompt_texts = [text for text in texts if _norm(text) in {_norm(q) for q in questions}]
        assert len(prompt_texts) == len(questions), (path.name, len(prompt_texts), len(questions))
        # a step that names reflection questions by number has them in its script (theme 1: 5 and 6)
        if theme == "theme-1":
            notes = [slide.notes_slide.notes_text_frame.text for slide in slides[plan + 1:plan + 1 + len(steps)]]
            assert any(_norm(questions[4]) in _norm(n) and _norm(questions[5]) in _norm(n) for n in notes), path.name
        # the closing slide names the page's address
        assert address_site and ADDRESS.split("//")[1].split("/")[0] in texts[-1], texts[-1]


def test_libreoffice_opens_every_deck_with_a_page_per_slide(built, tmp_path):
    """One soffice call converts every deck to PDF, in a profile of its own."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Impress (soffice) is missing: .ci/run installs libreoffice-impress"
    out = tmp_path / "pdf"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, built.values())],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    import pdfplumber
    bottom = (decks.HEIGHT - decks.BODY_BOTTOM) * 72 + 2      # the foot of every text box, in points
    right = (decks.WIDTH - decks.MARGIN) * 72 + 2
    for path in built.values():
        pdf = out / (path.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice made no PDF of {path.name}: {result.stdout[-1000:]}{result.stderr[-1000:]}"
        with pdfplumber.open(pdf) as document:
            assert len(document.pages) == len(_read(path).slides), path.name
            # as LibreOffice sets the text (in its stand-in for the typeface): none below its box
            # or past the right margin, so the estimate in decks._lines leaves room enough
            for number, page in enumerate(document.pages, start=1):
                outside = [c["text"] for c in page.chars
                           if c["text"].strip() and (c["bottom"] > bottom or c["x1"] > right)]
                assert not outside, f"{path.name}, slide {number}: text beyond its box: {''.join(outside)[:80]!r}"


def test_a_long_list_continues_on_balanced_slides_that_each_fit():
    items = [f"• Item {n}: " + "a sentence of some length that wraps " * (n % 3 + 2) for n in range(14)]
    width, height = decks.WIDTH - 2 * decks.MARGIN, decks.HEIGHT - decks.BODY_TOP - decks.BODY_BOTTOM
    chunks = decks._chunks(items, width, height)
    assert len(chunks) > 1 and [item for chunk, _ in chunks for item in chunk] == items
    assert all(decks.fits(chunk, size, width, height) and size >= 20 for chunk, size in chunks)
    assert min(len(chunk) for chunk, _ in chunks) > 1, [len(chunk) for chunk, _ in chunks]


# ---------------------------------------------------------------------------------------------
# Setting editions: the `data-for` contract (lmp/model/settings.py), on a built page's HTML

def _content_html(site: Path, lang: str, theme: str) -> str:
    soup = BeautifulSoup(_page(site, lang, f"themes/{theme}/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    for h1 in article.find_all("h1"):
        h1.decompose()
    return article.decode_contents()


def _page_info(lang: str, theme: str):
    from lmp.model import pages
    from lmp.model.info import PageInfo, SiteInfo
    src = f"themes/{theme}/index.{lang}.md"
    meta = pages.read_page(ROOT / "docs" / src, ROOT / "docs").meta
    page = PageInfo(src_uri=src, lang=lang, meta=meta,
                    dest_uri=("" if lang == project.DEFAULT_LANGUAGE else f"{lang}/") + f"themes/{theme}/index.html")
    site = SiteInfo(docs_dir=str(ROOT / "docs"), site_dir="", config_file=str(ROOT / "mkdocs.yml"),
                    site_name="Læringsmiljøprosjektet", public_address=None)
    return page, site


def _deck_text(data: bytes) -> str:
    from pptx import Presentation
    deck = Presentation(io.BytesIO(data))
    return "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_text_marked_for_one_setting_stays_out_of_the_other_edition(address_site, monkeypatch):
    monkeypatch.setenv("LMP_BUILD_CACHE", "off")
    html = _content_html(address_site, "en", "theme-2")
    soup = BeautifulSoup(html, "html.parser")
    points = soup.find(id="key-points").find_next("ul").find_all("li", recursive=False)
    points[0]["data-for"] = "barnehage"
    points[1]["data-for"] = "skole sfo"
    first, second = (re.sub(r"\s+", " ", p.get_text(" ", strip=True)) for p in points[:2])
    page, site = _page_info("en", "theme-2")
    made = decks.made(str(soup), page, site)
    kindergarten, school = (_deck_text(made[e]) for e in ("barnehage", "skole"))
    assert _norm(first)[:60] in _norm(kindergarten) and _norm(first)[:60] not in _norm(school)
    assert _norm(second)[:40] in _norm(school) and _norm(second)[:40] not in _norm(kindergarten)
    assert "Kindergarten" in kindergarten and "School and SFO" in school
    # with no marks, the editions differ only in their label
    unmarked = BeautifulSoup(html, "html.parser")
    for element in unmarked.select("[data-for]"):
        del element["data-for"]
    html = str(unmarked)
    plain = decks.made(html, page, site)
    assert _deck_text(plain["barnehage"]).replace("Kindergarten", "School and SFO") == _deck_text(plain["skole"])
    assert decks.made(html, page, site) == plain, "the same page made again gives other bytes"


def test_an_edition_whose_plan_loses_a_step_stops_the_build(address_site):
    html = _content_html(address_site, "nb", "theme-2")
    soup = BeautifulSoup(html, "html.parser")
    soup.find(id="staff-meeting").find_next("table").select("tbody tr")[-1]["data-for"] = "skole"
    page, site = _page_info("nb", "theme-2")
    with pytest.raises(BuildError, match=r"docs/themes/theme-2/index\.nb\.md: the staff-meeting plan's steps "
                                         r"add up to 43 minutes in the barnehage edition, not the 45"):
        decks.content(str(soup), page, "barnehage")
    assert len(decks.content(str(soup), page, "skole").steps) == 6


# ---------------------------------------------------------------------------------------------
# Fault injection in the shared content-fault build: the check stops the build with file:line

@fault_injector("decks")
def inject_deck_faults(project_dir: Path) -> dict[str, str]:
    theme3 = project_dir / "docs/themes/theme-3/index.en.md"
    line = replace_line(theme3, "| 42–45 |", "| 42–44 | Agree who rewrites the procedure | Working group |")
    theme4 = project_dir / "docs/themes/theme-4/index.nn.md"
    text = theme4.read_text(encoding="utf-8")
    theme4.write_text(text.replace("## Refleksjonsspørsmål { #reflection }", "## Refleksjonsspørsmål"),
                      encoding="utf-8")
    body_line = text.splitlines().index("---", 1) + 2
    return {f"docs/themes/theme-3/index.en.md:{line}":
            "the staff-meeting plan's steps add up to 44 minutes, not the 45",
            f"docs/themes/theme-4/index.nn.md:{body_line}": "the slide deck needs a section { #reflection }"}


def test_a_plan_that_does_not_add_up_or_a_missing_section_stops_the_build(combined_faults):
    expected, result, before, after = combined_faults["decks"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)
    assert before == after, "the build changed the author's files"
