"""One reading-time figure per page: the minutes under a page's title are the sum of the minutes
the reading-assignment builder's catalogue gives its sections, and the minutes a reading list shows
for "the whole page". Read from the built HTML only (no browser), so a hook that counts other
words, or rounds differently, fails here.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from lmp import project
from lmp.model import reading

PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else f"{lang}/" for lang in project.LANGUAGES}
SHOWN = {"nb": r"Lesetid: ca\. (\d+) min", "en": r"Reading time: about (\d+) min", "nn": r"Lesetid: ca\. (\d+) min"}
WHOLE = {"nb": "hele siden", "en": "the whole page", "nn": "heile sida"}
LANGS = pytest.mark.parametrize("lang", project.LANGUAGES)


def built(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path).read_text(encoding="utf-8")


def catalogue(site: Path, lang: str) -> list[dict]:
    page = built(site, lang, "tools/reading-builder.html")
    match = re.search(r'<script type="application/json" id="lmp-catalogue">(.*?)</script>', page, re.S)
    assert match, "the reading-assignment builder embeds no catalogue"
    return json.loads(match.group(1))["entries"]


def builder_minutes(site: Path, lang: str) -> dict[str, int]:
    """{page path from the site's language root: minutes of all its sections in the builder}."""
    minutes: dict[str, int] = {}
    for entry in catalogue(site, lang):
        assert entry["minutes"] == reading.section_minutes(entry["words"]), entry
        path = (Path("tools") / entry["url"].split("#")[0]).as_posix()
        path = re.sub(r"^tools/\.\./", "", path)
        minutes[path] = minutes.get(path, 0) + entry["minutes"]
    return minutes


def shown_minutes(site: Path, lang: str, path: str) -> int:
    match = re.search(SHOWN[lang], built(site, lang, path))
    assert match, f"{PREFIX[lang]}{path} shows no reading time"
    return int(match.group(1))


@LANGS
def test_every_page_shows_the_builders_figure(html_site, lang):
    pages = builder_minutes(html_site, lang)
    assert len(pages) >= 4 + 5 + 8  # themes, topics, roles
    for path, minutes in pages.items():
        assert shown_minutes(html_site, lang, path) == minutes, \
            f"{PREFIX[lang]}{path}: {shown_minutes(html_site, lang, path)} min under the title, {minutes} in the builder"


@LANGS
def test_reading_lists_show_the_pages_figure_for_a_whole_page(html_site, lang):
    page = built(html_site, lang, "tools/reading-lists.html")
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    whole = 0
    for row in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        if len(cells) < 3 or html.unescape(re.sub(r"<[^>]+>", "", cells[1])).strip() != WHOLE[lang]:
            continue
        href = re.search(r'href="([^"#]+)"', cells[0]).group(1)
        path = re.sub(r"^\.\./", "", (Path("tools") / href).as_posix().replace("tools/../", ""))
        listed = int(re.match(r"\s*(\d+) min", cells[2]).group(1))
        assert listed == shown_minutes(html_site, lang, path), f"reading lists: {path} {listed} min"
        whole += 1
    assert whole >= 8, "the reading lists should list whole pages (every semester's theme module…)"
