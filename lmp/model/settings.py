"""The settings a text applies to: kindergarten, school, SFO. ONE definition for the web page's
setting view, the search index, the per-setting handouts and booklets, and the slide decks.

The contract, in the built HTML: an element whose text applies to some settings only carries
`data-for` with their names, space-separated (`data-for="barnehage"`, `data-for="skole sfo"`).
Text without it applies to every setting. How an author marks a section in the Markdown, and the
check that rejects an unknown value with file:line, are the content model's (lmp/generators/,
lmp/checks/); what leaves the Markdown is always this attribute.

A unit in the programme is either a kindergarten or a school with its SFO, so printed material comes
in two editions: `barnehage` (kindergarten text) and `skole` (school and SFO text).
"""
from __future__ import annotations

import re

from lmp import project

bs4 = project.lazy_import("bs4")

SETTINGS = ("barnehage", "skole", "sfo")
ATTRIBUTE = "data-for"
# The front matter's and the self-check data's words for the settings (lmp/model/pages.py SETTINGS).
FRONT_MATTER = {"kindergarten": "barnehage", "school": "skole", "sfo": "sfo"}
# The printed editions and the settings each one holds.
EDITIONS = {"barnehage": frozenset({"barnehage"}), "skole": frozenset({"skole", "sfo"})}


def values(attribute: str | None) -> frozenset[str]:
    """The settings named by a `data-for` value (empty: applies to all)."""
    return frozenset((attribute or "").split())


def from_front_matter(names) -> str:
    """A `data-for` value from front-matter setting names ("" for none or all of them)."""
    named = {FRONT_MATTER[name] for name in names or []}
    return "" if len(named) == len(SETTINGS) else " ".join(s for s in SETTINGS if s in named)


def applies(attribute: str | None, settings: frozenset[str] | set[str]) -> bool:
    """Whether text marked `data-for=attribute` applies to any of `settings`."""
    named = values(attribute)
    return not named or bool(named & set(settings))


def filter_html(html: str, edition: str) -> str:
    """The HTML with every element marked for other settings than the edition's removed."""
    keep = EDITIONS[edition]
    soup = bs4.BeautifulSoup(html, "html.parser")
    for element in soup.select(f"[{ATTRIBUTE}]"):
        if element.decomposed:   # inside an element removed before it
            continue
        if not applies(element.get(ATTRIBUTE), keep):
            element.decompose()
    return str(soup)


# The Markdown syntax (CONTRIBUTING.md, "Text for one setting"): attr_list's own attribute, written
# as it leaves the Markdown. On a heading it marks the heading's whole section (up to the next heading
# of the same or a higher level: lmp/generators/setting_view.py wraps it in one <section>):
#     ### Skjerpet aktivitetsplikt { #enhanced-duty data-for="barnehage" }
# On a line of its own at the end of a paragraph or a list item it marks that block:
#     - **SFO:** SFO er med i skolens handlingsplan …
#       { data-for="skole sfo" }
# Around anything larger (an admonition, several blocks): <div data-for="barnehage" markdown> … </div>.
MARK = re.compile(r"""data-for\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'}>]+))""")
_HEADING = re.compile(r"^#{1,6}[ \t]+.*\{[^}]*data-for[^}]*\}\s*$")
_BLOCK = re.compile(r"^\s*\{:?[^{}]*data-for[^{}]*\}\s*$")
_HTML = re.compile(r"^\s*<(div|section)\b[^>]*\bdata-for\b[^>]*>")


def marks(text: str, first_line: int = 1):
    """(line, value, where) of every `data-for` mark in Markdown text; where is "heading", "block",
    "html" or "inline" (a mark that attr_list would leave as visible text)."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        if "data-for" not in line:
            continue
        where = ("heading" if _HEADING.match(line) else "block" if _BLOCK.match(line)
                 else "html" if _HTML.match(line) else "inline")
        for match in MARK.finditer(line):
            yield number, next(group for group in match.groups() if group is not None), where


def problem(value: str, where: str) -> str | None:
    """What is wrong with one mark, or None."""
    named = value.split()
    unknown = [name for name in named if name not in SETTINGS]
    if not named or unknown:
        return (f"data-for=\"{value}\": unknown setting {', '.join(unknown) or '(empty)'}; "
                f"use {', '.join(SETTINGS)}, space-separated")
    if where == "inline":
        return (f"data-for=\"{value}\" is not on a heading, on a line of its own under a paragraph or "
                "list item, or on a <div … markdown>: attr_list would show it as text")
    return None


def heading_mark(heading_line: str) -> frozenset[str]:
    """The settings a heading's mark names (empty: the section applies to all)."""
    if not _HEADING.match(heading_line):
        return frozenset()
    match = MARK.search(heading_line)
    return values(next(group for group in match.groups() if group is not None)) if match else frozenset()
