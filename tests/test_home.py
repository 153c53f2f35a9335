"""The home page: a landing page with four start paths and a "where the programme is now" block
that is right before, during and after the programme.

The block is `home_page.now_block(data, day, lang, root, theme titles)`, a pure function of the
build date: it is tested for each phase by rendering it as the page renders it (Markdown in an HTML
div), in milliseconds, instead of building the site on three days. One test checks on the built
home page that the block is the one now_block gives for the build's day (the wiring), and the
parsing of LMP_BUILD_DATE (a bad value stops the build with a clear message) is tested on
`home_page.build_date`.

Expected values come from data/programme.yml, data/ui.<lang>.yml and the theme pages' front
matter, never typed into the test.
"""
from __future__ import annotations

import datetime as dt
import functools
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from lmp.model.info import PageInfo, SiteInfo
from lmp_mkdocs.errors import engine_errors

from conftest import LANGUAGES, ROOT
from lmp import project
from lmp import words as lmp_words
from lmp.model import pages
from lmp.model import site as model
from lmp.generators import home_page  # noqa: E402
from lmp.generators import programme  # noqa: E402

PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else f"{lang}/" for lang in project.LANGUAGES}
PATHS = ("start-staff", "start-supervisor", "start-new", "start-leader")
DATA = pages.load_programme()
FIRST, LAST = DATA["semesters"][0], DATA["semesters"][-1]
SECOND = DATA["semesters"][1]
DATES = {  # phase -> build date
    "before": FIRST["start"] - dt.timedelta(days=1),
    "during": SECOND["start"] + dt.timedelta(days=10),
    "after": LAST["end"] + dt.timedelta(days=1),
}


@functools.cache   # the sources are read once per language, not once per rendered block
def theme_titles(lang):
    return {p.meta["id"]: p.meta["title"] for p in model.iter_pages(ROOT / "docs")
            if p.lang == lang and p.meta.get("type") == "theme"}


def soup(site, lang):
    return BeautifulSoup((site / PREFIX[lang] / "index.html").read_text("utf-8"), "lxml")


@functools.cache
def home_root(lang) -> str:
    """The `root` the hook passes for the home page (index.<lang>.md is at the top of docs/)."""
    home = next(p for p in model.iter_pages(ROOT / "docs") if p.key == "index" and p.lang == lang)
    return "../" * home.path.relative_to(ROOT / "docs").as_posix().count("/")


def rendered_block(day: dt.date, lang: str):
    """The block as the home page gets it on `day`: now_block's Markdown-in-HTML through the
    extensions the site uses for it (md_in_html, attr_list; mkdocs.yml markdown_extensions)."""
    source = home_page.now_block(DATA, day, lang, home_root(lang), theme_titles(lang))
    html = markdown.markdown(source, extensions=["md_in_html", "attr_list"])
    return BeautifulSoup(html, "lxml").select_one(".lmp-now")


def words_of(block) -> str:
    return " ".join(block.get_text(" ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_is_a_landing_page_with_four_paths(html_site, lang):
    page = soup(html_site, lang)
    home = next(p for p in model.iter_pages(ROOT / "docs") if p.key == "index" and p.lang == lang)
    assert page.title.string.strip() == home.meta["title"], "the tab title repeats the site name"
    assert page.select_one("article h1").get_text(strip=True) == home.meta["title"]
    cards = page.select("article .grid .card")
    assert [card.h3["id"] for card in cards] == list(PATHS)
    for card in cards:
        icon = card.select_one("h3 .twemoji svg")
        assert icon is not None, f"{card.h3['id']}: no inline SVG icon"
        assert len(card.select("a[href]")) >= 3, f"{card.h3['id']}: too few ways on"
    # The themes are listed with the titles of the theme pages themselves.
    listed = [a.get_text(strip=True) for a in page.select("h2#themes + ol a")]
    assert listed == [theme_titles(lang)[t] for t in pages.THEMES]
    # Icons are inlined: nothing on the page points at another host.
    assert not page.select('img[src^="http"], script[src^="http"], link[href^="http"][rel=stylesheet]')


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("phase", DATES)
def test_where_the_programme_is_now(lang, phase):
    day, words = DATES[phase], lmp_words.ui(lang)["home"]
    block = rendered_block(day, lang)
    assert block is not None and block["data-phase"] == phase
    text = words_of(block)
    assert words["as_of"].format(date=programme.date_range(day, day, lang)) in text
    upcoming = [g for g in DATA["gatherings"] if g["end"] >= day]
    if phase == "during":
        assert block["data-semester"] == str(SECOND["number"])
        assert SECOND["term"][lang] in text
        theme_link = block.find("a", href=f"themes/{SECOND['theme']}/index.md")
        assert theme_link and theme_link.get_text(strip=True) == theme_titles(lang)[SECOND["theme"]]
        assert block.find("a", href=f"themes/{SECOND['theme']}/index.md#between-sessions")
    if phase in ("before", "during"):
        nxt = min(upcoming, key=lambda g: g["start"])
        assert f"{nxt['title'][lang]}, {programme.date_range(nxt['start'], nxt['end'], lang)}" in text
        assert words["next_gathering"] in text
    if phase == "before":
        assert FIRST["term"][lang].lower() in text.lower()
        assert words["semester"].split("{")[0] not in text
    if phase == "after":
        assert not upcoming
        assert words["next_gathering"] not in text
        assert LAST["term"][lang].lower() in text.lower()
        assert block.find("a", href="tools/onboarding.md")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_between_two_semesters_the_block_names_the_next_one(lang):
    words = lmp_words.ui(lang)["home"]
    gaps = [(s, t) for s, t in zip(DATA["semesters"], DATA["semesters"][1:]) if t["start"] - s["end"] > dt.timedelta(days=1)]
    assert gaps, "data/programme.yml has no break between two semesters"
    for ended, following in gaps:
        block = rendered_block(ended["end"] + dt.timedelta(days=1), lang)
        assert (block["data-phase"], block["data-semester"]) == ("upcoming", str(following["number"]))
        headline = words["upcoming"].format(n=following["number"], count=len(DATA["semesters"]),
                                            term=following["term"][lang])
        assert headline in words_of(block)
        assert block.find("a", href=f"themes/{following['theme']}/index.md")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_gathering_is_the_next_one_up_to_its_last_day(lang):
    """On the last day of a national gathering, the block still names it as the next one."""
    words = lmp_words.ui(lang)["home"]
    for g in DATA["gatherings"]:
        text = words_of(rendered_block(g["end"], lang))
        assert f"{words['next_gathering']}: {g['title'][lang]}, " \
               f"{programme.date_range(g['start'], g['end'], lang)}" in text, (g["id"], text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_built_home_page_shows_the_block_of_its_build_day(html_site, lang):
    """The wiring: the built home page holds the block now_block gives for the day it was built
    (the build date is today's when LMP_BUILD_DATE is unset; the page's file time is that day),
    its Markdown links turned into the pages' addresses."""
    index = html_site / PREFIX[lang] / "index.html"
    day = dt.date.fromtimestamp(index.stat().st_mtime)
    built = soup(html_site, lang).select_one("article .lmp-now")
    expected = rendered_block(day, lang)
    assert built is not None, "the home page has no 'where the programme is now' block"
    assert (built["data-phase"], built["data-semester"]) == (expected["data-phase"], expected["data-semester"])
    assert words_of(built) == words_of(expected)
    links = [a["href"] for a in expected.select("a[href]")]
    assert links and [a["href"] for a in built.select("a[href]")] == \
        [href.replace(".md", ".html", 1) for href in links]


def home_page_of(lang):
    """The home page as the hook gets it in a build (its meta, file and the config's docs_dir)."""
    home = next(p for p in model.iter_pages(ROOT / "docs") if p.key == "index" and p.lang == lang)
    src = home.path.relative_to(ROOT / "docs").as_posix()
    page = PageInfo(src_uri=src, lang=lang, meta=home.meta)
    return home, page, SiteInfo(docs_dir=str(ROOT / "docs"), site_dir="", config_file=str(ROOT / "mkdocs.yml"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_hook_fills_the_block_for_the_build_date(monkeypatch, lang):
    """LMP_BUILD_DATE sets the day whose block the hook puts into the home page's marker."""
    home, page, config = home_page_of(lang)
    monkeypatch.setenv(home_page.DATE_VARIABLE, DATES["during"].isoformat())
    filled = home_page.page_markdown(home.body, page, config)
    block = home_page.now_block(DATA, DATES["during"], lang, home_root(lang), theme_titles(lang))
    assert block.strip() in filled and "<!-- lmp:home-now -->" not in filled


def test_the_build_date_is_today_without_lmp_build_date(monkeypatch):
    monkeypatch.delenv(home_page.DATE_VARIABLE, raising=False)
    assert home_page.build_date() == dt.date.today()


def test_a_bad_build_date_fails_the_build_with_a_clear_message(monkeypatch):
    """The generator raises a BuildError on the home page; the adapter gives it to MkDocs as a
    PluginError (lmp_mkdocs/errors.py): MkDocs stops the build and prints the message alone."""
    home, page, config = home_page_of(project.DEFAULT_LANGUAGE)
    monkeypatch.setenv(home_page.DATE_VARIABLE, "29.11.2026")
    with pytest.raises(PluginError) as error:
        engine_errors(home_page.page_markdown)(home.body, page, config)
    assert "LMP_BUILD_DATE" in str(error.value) and "YYYY-MM-DD" in str(error.value)


# The reader's clock (assets/javascripts/home-now.js): the day before the programme, a day in a
# semester just after a gathering, the day after it ended. Each must show the block now_block gives
# for that day, dated that day, whatever day the site was built.
CLOCKS = [DATES["before"], DATA["gatherings"][2]["end"] + dt.timedelta(days=1), DATES["after"]]


def test_the_reader_s_browser_works_out_now_at_the_moment_of_reading(html_site, browser):
    """Three clocks, each in one language (one page load each)."""
    from conftest import serve
    base, server = serve(html_site)
    context = browser.new_context()
    try:
        for lang, day in zip(LANGUAGES, CLOCKS):
            page = context.new_page()
            page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12, 0))
            page.goto(f"{base}{PREFIX[lang]}index.html", wait_until="domcontentloaded")
            page.wait_for_selector(f"article .lmp-now[data-today='{day.isoformat()}']", timeout=5_000)
            built = BeautifulSoup(page.locator("article .lmp-now").evaluate("e => e.outerHTML"), "lxml").div
            expected = rendered_block(day, lang)
            assert (built["data-phase"], built["data-semester"]) == (expected["data-phase"], expected["data-semester"]), day
            assert words_of(built) == words_of(expected), (lang, day)
            assert [a["href"] for a in built.select("a[href]")] == \
                [a["href"].replace(".md", ".html", 1) for a in expected.select("a[href]")], (lang, day)
            page.close()
    finally:
        context.close()
        server.shutdown()


@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844)])
def test_now_is_in_the_first_screen(html_site, browser, width, height):
    """The block's heading and its first line (the semester) are in the first screen."""
    from conftest import serve
    base, server = serve(html_site)
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(base + "index.html", wait_until="domcontentloaded")
        for selector in ("article h2#now", "article .lmp-now p"):
            box = page.locator(selector).first.bounding_box()
            assert box and box["y"] + box["height"] <= height, (selector, box)
    finally:
        context.close()
        server.shutdown()
