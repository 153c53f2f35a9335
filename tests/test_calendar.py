"""The programme calendar: data/programme.yml → calendar page, .ics files and diagrams."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from lmp import project
from lmp.model import pages
import make_timeline_svg  # noqa: E402

# The brochure's five national gatherings, typed here on purpose (not read from the data file).
BROCHURE_GATHERINGS = [
    (dt.date(2025, 4, 24), dt.date(2025, 4, 24), "physical"),
    (dt.date(2025, 9, 23), dt.date(2025, 9, 24), "physical"),
    (dt.date(2026, 1, 28), dt.date(2026, 1, 29), "digital"),
    (dt.date(2026, 9, 16), dt.date(2026, 9, 17), "digital"),
    (dt.date(2027, 1, 27), dt.date(2027, 1, 28), "digital"),
]
PAGES = {"calendar": "tools/calendar.html", "organisation": "tools/organisation-chart.html"}


def built(site: Path, lang: str, page: str) -> Path:
    return site / (page if lang == project.DEFAULT_LANGUAGE else f"{lang}/{page}")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_data_file_holds_the_brochure_gatherings():
    data = pages.load_programme()
    found = [(g["start"], g["end"], g["format"]) for g in data["gatherings"]]
    assert found == BROCHURE_GATHERINGS
    for g in data["gatherings"]:
        assert set(g) >= {"id", "start", "end", "format", "title"}
        assert set(g["title"]) == set(LANGUAGES)


def ics_link(site: Path, lang: str) -> Path:
    page = built(site, lang, PAGES["calendar"])
    links = [a["href"] for a in soup(page).select("article a[href$='.ics']")]
    assert len(links) == 1, f"{page}: expected one link to the .ics file, found {links}"
    assert not links[0].startswith(("/", "http")), "the link must be relative (file:// and sub-paths)"
    assert links[0].endswith(f".{lang}.ics"), "each page links the calendar in its own language"
    return (page.parent / links[0]).resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ics_parses_and_holds_the_five_gatherings(html_site, lang):
    path = ics_link(html_site, lang)
    assert path.is_file(), f"{path} is linked from the calendar page but was not built"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert len(events) == 5
    data = sorted(pages.load_programme()["gatherings"], key=lambda g: g["start"])
    for event, (start, end, _), g in zip(events, BROCHURE_GATHERINGS, data):
        # All-day events: DTSTART;VALUE=DATE, DTEND the (exclusive) day after the last day.
        assert "VALUE=DATE" in event["DTSTART"].to_ical().decode() or event["DTSTART"].params.get("VALUE") == "DATE"
        assert type(event.decoded("DTSTART")) is dt.date and type(event.decoded("DTEND")) is dt.date
        assert event.decoded("DTSTART") == start == g["start"]
        assert event.decoded("DTEND") == end + dt.timedelta(days=1) == g["end"] + dt.timedelta(days=1)
        assert g["title"][lang] in str(event["SUMMARY"])
        assert str(event["DESCRIPTION"]).strip()
        assert isinstance(event.decoded("DTSTAMP"), dt.datetime) and event.decoded("DTSTAMP").tzinfo
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 5
    # RFC 5545: lines are CRLF-terminated and folded at 75 octets.
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.count(b"\r\n") >= raw.count(b"\n")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_page_shows_the_gatherings_from_the_data(html_site, lang):
    path = built(html_site, lang, PAGES["calendar"])
    text = soup(path).select_one("article").get_text(" ")
    for g in pages.load_programme()["gatherings"]:
        assert g["title"][lang] in text
    assert "2025" in text and "2027" in text
    assert "lmp:" not in path.read_text(encoding="utf-8"), "a marker was left unreplaced (it would be an HTML comment)"
    # Readers get settled text: the half-years as plain facts, not how the editors worked them out.
    assert not re.search(r"følger av datoen|følgjer av datoen|follows from (the|its)", text)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name, page, svg", [
    ("timeline", PAGES["calendar"], "semester-timeline"),
    ("organisation", PAGES["organisation"], "organisation"),
])
def test_diagrams_are_served_with_text_alternatives(html_site, lang, name, page, svg):
    html = built(html_site, lang, page)
    images = [img for img in soup(html).select("article img") if svg in img.get("src", "")]
    assert len(images) == 1, f"{html}: no <img> of {svg}"
    image = images[0]
    assert len(image.get("alt", "")) > 60, "the diagram needs a real alt text"
    target = (html.parent / image["src"]).resolve()
    assert target.is_file() and target.is_relative_to(html_site.resolve()), "served from the site itself"
    svg_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "xml")
    root = svg_soup.find("svg")
    assert root["role"] == "img" and root["lang"] == lang
    assert root.find("title").get_text().strip() and root.find("desc").get_text().strip()
    assert "http" not in re.sub(r'xmlns="[^"]+"', "", str(svg_soup)), "no external references"
    # A text alternative on the page: a list or a table after the image with the same content.
    article = soup(html).select_one("article")
    after = article.find_all(["table", "ol", "ul"])
    assert after, "the page needs a table or list with the diagram's content"


def test_timeline_svgs_are_up_to_date():
    """The committed timeline SVGs are what scripts/make_timeline_svg.py draws from the data."""
    for lang in LANGUAGES:
        committed = Path(str(make_timeline_svg.OUT).format(lang=lang)).read_text(encoding="utf-8")
        assert committed == make_timeline_svg.render(lang), (
            f"semester-timeline.{lang}.svg is stale: run python scripts/make_timeline_svg.py")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_text_alternative_matches_the_data(html_site, lang):
    data = pages.load_programme()
    table = soup(built(html_site, lang, PAGES["calendar"])).select_one("article #timeline ~ table")
    assert table is not None
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]
    assert [row[0] for row in rows] == [str(s["number"]) for s in data["semesters"]]
    for row, semester in zip(rows, data["semesters"]):
        assert row[1] == semester["term"][lang]
    svg = Path(str(make_timeline_svg.OUT).format(lang=lang)).read_text(encoding="utf-8")
    for semester in data["semesters"]:
        assert semester["term"][lang] in svg


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisation_list_names_every_actor(html_site, lang):
    actors = {
        "nb": ["Utdanningsdirektoratet", "Læringsmiljøsenteret", "Barnehage- og skoleeier", "styringsgruppa",
               "Styrer eller rektor", "Arbeidsgruppa", "Alle ansatte", "Statsforvalteren", "PPT",
               "Barn og elever", "Foreldre"],
        "en": ["Directorate for Education and Training", "Centre for Learning Environment",
               "kindergarten and school owner", "steering group", "head", "working group", "All staff",
               "County Governor", "PPT", "Children and pupils", "Parents"],
        "nn": ["Utdanningsdirektoratet", "Læringsmiljøsenteret", "Barnehage- og skoleeigar", "styringsgruppa",
               "Styrar eller rektor", "Arbeidsgruppa", "Alle tilsette", "Statsforvaltaren", "PPT",
               "Barn og elevar", "Foreldre"],
    }[lang]
    article = soup(built(html_site, lang, PAGES["organisation"])).select_one("article")
    listed = " ".join(li.get_text(" ") for li in article.select("#as-a-list ~ ol li, #as-a-list ~ ul li"))
    svg = (built(html_site, lang, PAGES["organisation"]).parent / article.select_one("img[src*=organisation]")["src"]).read_text(encoding="utf-8")
    for actor in actors:
        assert actor.lower() in listed.lower(), f"the list does not name {actor}"
    for actor in actors[-4:]:
        assert actor.split()[0] in svg
