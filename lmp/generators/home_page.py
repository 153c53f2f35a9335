"""The home page's generated parts: where the programme is now, and the list of the four themes.

- `<!-- lmp:home-now -->` becomes the "where the programme is now" block: the semester and its theme,
  the next national gathering and the next steps, worked out from data/programme.yml and the build
  date. The date is today's, or LMP_BUILD_DATE=YYYY-MM-DD (tests, or a build for a given day).
  Before semester 1 starts and after semester 4 ends the block says so; between two semesters it
  names the next one. That is what a reader without JavaScript sees. The reader's browser works
  "now" out again at the moment of reading (assets/javascripts/home-now.js): the programme's
  calendar goes into the page as JSON (`lmp-now-data`), cut into the periods between its dates
  (a semester's start and end, a gathering's end), each with the block now_block gives inside it,
  so an offline copy opened months later does not call a past gathering "next". One source for the
  wording: now_block, also for the browser.
- `<!-- lmp:home-themes -->` becomes the four themes, each with its title from the theme page's own
  front matter (one source for the title).
Words come from data/ui.<lang>.yml (home, home_terms), markup from overrides/lmp/home-now.html; dates and gathering formats from lmp/generators/programme.py.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re


from lmp import markers
from lmp import words as lmp_words
from lmp.errors import BuildError
from lmp.generators import programme
from lmp.model import catalogue
from lmp.model import info
from lmp.model import pages
from lmp.templates import render

markers.register("home-now", "home-themes", owner="home_page")

log = logging.getLogger("mkdocs.hooks.home_page")

PAGE_TYPE = "home"
DATE_VARIABLE = "LMP_BUILD_DATE"
SCRIPT = "assets/javascripts/home-now.js"
DAY = dt.timedelta(days=1)
VARIANT = re.compile(r'<div class="lmp-now" ([^>]*\bdata-from=[^>]*)>(.*?)</div>', re.DOTALL)
ATTRIBUTE = re.compile(r'data-([a-z]+)="([^"]*)"')
VARIANTS = re.compile(r'<div class="lmp-now-variants" hidden[^>]*>(.*?)</div>\s*<!-- /lmp-now-variants -->', re.DOTALL)


def build_date() -> dt.date:
    value = os.environ.get(DATE_VARIABLE)
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BuildError(f"{DATE_VARIABLE}={value!r} is not a date: write it as YYYY-MM-DD") from None


def phase(data: dict, today: dt.date) -> tuple[str, dict | None]:
    """('before' | 'during' | 'upcoming' | 'after', the semester it concerns)."""
    semesters = sorted(data["semesters"], key=lambda s: s["start"])
    if today < semesters[0]["start"]:
        return "before", semesters[0]
    for semester in semesters:
        if semester["start"] <= today <= semester["end"]:
            return "during", semester
        if today < semester["start"]:
            return "upcoming", semester
    return "after", semesters[-1]


def now_block(data: dict, today: dt.date, lang: str, root: str, theme_titles: dict,
              period: tuple[str, str] | None = None) -> str:
    words = lmp_words.ui(lang)["home"]
    state, semester = phase(data, today)
    count = len(data["semesters"])
    term = semester["term"][lang]
    theme, gathering = None, None
    if state in ("during", "upcoming"):
        headline = words["semester" if state == "during" else "upcoming"].format(
            n=semester["number"], count=count, term=term)
        theme = {"id": semester["theme"], "title": theme_titles.get(semester["theme"], semester["theme"])}
    else:
        if lmp_words.ui(lang)["home_terms"]["lower_case_in_sentence"]:   # "høsten 2025" mid-sentence
            term = term[:1].lower() + term[1:]
        headline = words[state].format(term=term)
    upcoming = [g for g in sorted(data["gatherings"], key=lambda g: g["start"]) if g["end"] >= today]
    if upcoming:
        g = upcoming[0]
        gathering = words["gathering"].format(title=g["title"][lang],
                                              date=programme.date_range(g["start"], g["end"], lang),
                                              format=programme.TEXT[lang][g["format"]])
    return render("home-now.html", words=words, state=state, number=semester["number"], headline=headline,
                  theme=theme, gathering=gathering, root=root,
                  steps=[step.format(root=root, theme=semester["theme"]) for step in words["steps"][state]],
                  today=programme.date_range(today, today, lang), period=period) + "\n"


def periods(data: dict) -> list[tuple[dt.date | None, dt.date | None]]:
    """The calendar cut where the block can change: [from, until) between a semester's start,
    the day after a semester's end and the day after a gathering's end; open at both ends."""
    cuts = sorted({s["start"] for s in data["semesters"]} | {s["end"] + DAY for s in data["semesters"]}
                  | {g["end"] + DAY for g in data["gatherings"]})
    return list(zip([None, *cuts], [*cuts, None]))


def variants(data: dict, lang: str, root: str, theme_titles: dict) -> str:
    """Every block the programme can show, each marked with the period it holds for (hidden; the
    HTML stage moves them into the page's JSON, page_content)."""
    blocks = []
    for start, until in periods(data):
        day = start if start else until - DAY
        period = (start.isoformat() if start else "", until.isoformat() if until else "")
        blocks.append(now_block(data, day, lang, root, theme_titles, period))
    return ('<div class="lmp-now-variants" hidden markdown>\n\n' + "\n".join(blocks)
            + "\n</div>\n<!-- /lmp-now-variants -->\n")


def theme_list(titles: dict, root: str) -> str:
    return "\n".join(f"{number}. [{titles[theme]}]({root}themes/{theme}/index.md)"
                     for number, theme in enumerate(pages.THEMES, start=1) if theme in titles) + "\n"


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("type") != PAGE_TYPE:
        return markdown
    lang = page.lang
    titles = {p.meta["id"]: str(p.meta["title"]) for p in catalogue.pages(site.docs_dir, lang)
              if p.meta.get("type") == "theme"}
    root = "../" * page.src_uri.count("/")
    data = pages.load_programme()
    block = now_block(data, build_date(), lang, root, titles) + "\n" + variants(data, lang, root, titles)
    markdown = markers.fill(markdown, "home-now", block, f"docs/{page.src_path}")
    return markers.fill(markdown, "home-themes", theme_list(titles, root), f"docs/{page.src_path}")


def page_content(html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    """The hidden blocks become JSON for the script (not text of the page: search does not index
    them, a screen reader never meets them)."""
    found = VARIANTS.search(html)
    if page.meta.get("type") != PAGE_TYPE or not found:
        return html
    lang = page.lang
    data = {"as_of": lmp_words.ui(lang)["home"]["as_of"],
            "months": programme.TEXT[lang]["months"], "day_suffix": programme.TEXT[lang]["day_suffix"],
            "periods": [{**dict(ATTRIBUTE.findall(attributes)), "html": body.strip()}
                        for attributes, body in VARIANT.findall(found.group(1))]}
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # never ends the <script>
    script = info.relative_url(SCRIPT, page.url)
    return (html[:found.start()] + f'<script type="application/json" id="lmp-now-data">{payload}</script>'
            + html[found.end():] + f'\n<script src="{script}" defer></script>\n')
