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

from lmp import project

bs4 = project.lazy_import("bs4")

SETTINGS = ("barnehage", "skole", "sfo")
ATTRIBUTE = "data-for"
# The printed editions and the settings each one holds.
EDITIONS = {"barnehage": frozenset({"barnehage"}), "skole": frozenset({"skole", "sfo"})}


def values(attribute: str | None) -> frozenset[str]:
    """The settings named by a `data-for` value (empty: applies to all)."""
    return frozenset((attribute or "").split())


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
