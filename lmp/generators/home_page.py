"""The home page's generated parts: where the programme is now, and the list of the four themes.

- `<!-- lmp:home-now -->` becomes the "where the programme is now" block: the semester and its theme,
  the next national gathering and the next steps, worked out from data/programme.yml and the build
  date. The date is today's, or LMP_BUILD_DATE=YYYY-MM-DD (tests, or a build for a given day).
  Before semester 1 starts and after semester 4 ends the block says so; between two semesters it
  names the next one.
- `<!-- lmp:home-themes -->` becomes the four themes, each with its title from the theme page's own
  front matter (one source for the title).
Words come from data/ui.<lang>.yml (home, home_terms), markup from overrides/lmp/home-now.html; dates and gathering formats from lmp/generators/programme.py.
"""
from __future__ import annotations

import datetime as dt
import logging
import os


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


def now_block(data: dict, today: dt.date, lang: str, root: str, theme_titles: dict) -> str:
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
                  today=programme.date_range(today, today, lang)) + "\n"


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
    block = now_block(pages.load_programme(), build_date(), lang, root, titles)
    markdown = markers.fill(markdown, "home-now", block, f"docs/{page.src_path}")
    return markers.fill(markdown, "home-themes", theme_list(titles, root), f"docs/{page.src_path}")
