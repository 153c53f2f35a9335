"""The home page: a landing page with four start paths and a "where the programme is now" block
that is right before, during and after the programme (builds with LMP_BUILD_DATE injected).

Expected values come from data/programme.yml, data/ui.<lang>.yml and the theme pages' front
matter, never typed into the test.
"""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, mkdocs_build
import _site  # noqa: E402  (conftest put hooks/ on the path)
import programme  # noqa: E402

PREFIX = {lang: "" if lang == _site.DEFAULT_LANGUAGE else f"{lang}/" for lang in _site.LANGUAGES}
PATHS = ("start-staff", "start-supervisor", "start-new", "start-leader")
DATA = _site.load_programme()
FIRST, LAST = DATA["semesters"][0], DATA["semesters"][-1]
SECOND = DATA["semesters"][1]
DATES = {  # phase -> build date
    "before": FIRST["start"] - dt.timedelta(days=1),
    "during": SECOND["start"] + dt.timedelta(days=10),
    "after": LAST["end"] + dt.timedelta(days=1),
}


def theme_titles(lang):
    return {p.meta["id"]: p.meta["title"] for p in _site.iter_pages(ROOT / "docs")
            if p.lang == lang and p.meta.get("type") == "theme"}


def soup(site, lang):
    return BeautifulSoup((site / PREFIX[lang] / "index.html").read_text("utf-8"), "lxml")


@pytest.fixture(scope="module")
def dated_sites(tmp_path_factory):
    """The site (HTML only) built on three days: before, during and after the programme."""
    sites = {}
    for phase, day in DATES.items():
        target = tmp_path_factory.mktemp(f"home-{phase}") / "site"
        result = mkdocs_build(ROOT, target, pdf=False, env={"LMP_BUILD_DATE": day.isoformat()})
        assert result.returncode == 0, result.stderr[-4000:]
        sites[phase] = target
    return sites


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_is_a_landing_page_with_four_paths(site, lang):
    page = soup(site, lang)
    home = next(p for p in _site.iter_pages(ROOT / "docs") if p.key == "index" and p.lang == lang)
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
    assert listed == [theme_titles(lang)[t] for t in _site.THEMES]
    # Icons are inlined: nothing on the page points at another host.
    assert not page.select('img[src^="http"], script[src^="http"], link[href^="http"][rel=stylesheet]')


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("phase", DATES)
def test_where_the_programme_is_now(dated_sites, lang, phase):
    day, words = DATES[phase], _site.ui(lang)["home"]
    block = soup(dated_sites[phase], lang).select_one("article .lmp-now")
    assert block is not None and block["data-phase"] == phase
    text = " ".join(block.get_text(" ").split())
    assert words["as_of"].format(date=programme.date_range(day, day, lang)) in text
    upcoming = [g for g in DATA["gatherings"] if g["end"] >= day]
    if phase == "during":
        assert block["data-semester"] == str(SECOND["number"])
        assert SECOND["term"][lang] in text
        theme_link = block.find("a", href=f"themes/{SECOND['theme']}/index.html")
        assert theme_link and theme_link.get_text(strip=True) == theme_titles(lang)[SECOND["theme"]]
        assert block.find("a", href=f"themes/{SECOND['theme']}/index.html#between-sessions")
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
        assert block.find("a", href="tools/onboarding.html")


def test_a_bad_build_date_fails_the_build_with_a_clear_message(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site", pdf=False, env={"LMP_BUILD_DATE": "29.11.2026"})
    assert result.returncode != 0
    assert "LMP_BUILD_DATE" in result.stderr and "YYYY-MM-DD" in result.stderr
