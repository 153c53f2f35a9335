"""The «Før neste fagsamling» / "Before the next seminar" box at the top of each theme module.

Checks (file:line, fatal under --strict) that every theme module opens with the box, an admonition
`!!! note "<TITLE>"`, of at most MAX_WORDS words, holding the marker `<!-- lmp:between-reading -->`.
This module replaces the marker with the reading time of the between-session reading: the box, the
`between-sessions` section, and every section of the page that the box or that section links to
(`(#legal-anchors)`…). It gives the minutes at the site's words per minute and at the slower
second-language figure (both in lmp/model/pages.py, with their reasons).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path


from lmp import markers
from lmp import project
from lmp import words as lmp_words
from lmp.model import info
from lmp.model import pages
from lmp.model import reading
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.before_next_seminar")

MAX_WORDS = 250
MARKER = "<!-- lmp:between-reading -->"
markers.register("between-reading", owner="before_next_seminar")
SECTION = "between-sessions"
BOX_START = re.compile(r'^!!! note "([^"]*)"\s*$')
IN_PAGE_LINK = re.compile(r"\]\(#([A-Za-z0-9_-]+)\)")


def check(docs_dir: Path):
    for page in model.iter_pages(docs_dir):
        if page.meta.get("type") != "theme" or page.lang not in project.LANGUAGES:
            continue
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        for line, problem in problems(page):
            yield f"{rel}:{line}", problem


def box(lines: list[str], opening: bool = True) -> tuple[int, int] | None:
    """(first, end) line indexes of the admonition the body opens with (or, with opening=False,
    the first box before any heading: the reading time is written above it by then), or None."""
    if opening:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
    else:
        first = next((i for i, line in enumerate(lines) if BOX_START.match(line) or line.startswith("#")), None)
    if first is None or not BOX_START.match(lines[first]):
        return None
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    return first, end


def problems(page: pages.Page):
    lines = page.body.splitlines()
    title = lmp_words.ui(page.lang)["before_next_seminar"]["title"]
    found = box(lines)
    if not found or BOX_START.match(lines[found[0]]).group(1) != title:
        yield page.body_line, (f'a theme module opens with the box !!! note "{title}" '
                               "(see CONTRIBUTING.md, theme module)")
        return
    first, end = found
    text = "\n".join(lines[first + 1:end])
    words = reading.word_count(text)
    if words > MAX_WORDS:
        yield page.body_line + first, f'the box "{title}" has {words} words (at most {MAX_WORDS})'
    if MARKER not in text:
        yield page.body_line + first, f'the box "{title}" needs the marker {MARKER} for its reading time'


def between_reading(markdown: str) -> str:
    """The text of the between-session reading: the box, the section, and what they link to."""
    lines = markdown.splitlines()
    headings = pages.Page(path=Path(), key="", lang=None, body=markdown, body_line=0).headings()
    found = box(lines, opening=False)
    chosen = set(range(*found)) if found else set()

    def section(anchor):
        for index, (level, _, heading_id, line) in enumerate(headings):
            if heading_id == anchor:
                end = next((other[3] for other in headings[index + 1:] if other[0] <= level), len(lines))
                return set(range(line, end))
        return set()

    chosen |= section(SECTION)
    linked = {m for i in sorted(chosen) for m in IN_PAGE_LINK.findall(lines[i])}
    for anchor in linked:
        chosen |= section(anchor)
    return "\n".join(lines[i] for i in sorted(chosen) if MARKER not in lines[i])


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("type") != "theme" or MARKER not in markdown:
        return markdown
    lang = page.lang
    words = reading.word_count(between_reading(markdown))
    sentence = lmp_words.ui(lang)["before_next_seminar"]["time"].format(
        minutes=reading.minutes_for(words),
        second=reading.minutes_for(words, reading.SECOND_LANGUAGE_WORDS_PER_MINUTE))
    return re.sub(r"(?m)^([ \t]*)" + re.escape(MARKER),
                  lambda m: f"{m.group(1)}{sentence}\n{m.group(1)}{{: .lmp-between-time .lmp-web-only }}", markdown)
