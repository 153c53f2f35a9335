"""One syntax for every generated block in Markdown:

    <!-- lmp:NAME -->            e.g. <!-- lmp:programme-gatherings -->
    <!-- lmp:NAME ARGUMENTS -->  e.g. <!-- lmp:theme-title theme-2 -->

A module that fills a marker registers its names at import time (`register("programme-gatherings")`);
The adapter imports every module before the first page is read, so the registry is complete when the
check (lmp/checks/marker_names.py) reports an unknown name as `docs/<file>:<line>`.
Plain functions, no MkDocs objects: the domain logic stays portable.
"""
from __future__ import annotations

import logging
import re
from typing import Callable, Iterator, NamedTuple

MARKER = re.compile(r"<!--\s*lmp:([a-z0-9-]+)(?:[ \t]+([^>]*?))?\s*-->")

KNOWN: dict[str, str] = {}   # name → the module that fills it

# The syntax before `lmp:` (`<!-- programme:ics -->`, `<!-- step: a b -->`, `<!-- path-total -->`,
# `{{ law acts }}`): one lowercase word, maybe a colon and arguments. Reported, so that an old
# marker never stays in a page as an invisible comment.
OLD_STYLE = re.compile(r"<!--\s*(?!lmp:)[a-z][a-z0-9-]*(?::[a-z0-9-]+|:[ \t][^>]*?)?\s*-->"
                       r"|^\{\{\s*law\s+[\w-]+\s*\}\}[ \t]*$", re.MULTILINE)

log = logging.getLogger("mkdocs.hooks.markers")


class Marker(NamedTuple):
    name: str
    args: str          # the text after the name ('' when none)
    line: int          # 1-based line in the markdown given
    text: str          # the marker as written


def register(*names: str, owner: str = "") -> None:
    for name in names:
        KNOWN[name] = owner


def find(markdown: str, name: str | None = None) -> Iterator[Marker]:
    for match in MARKER.finditer(markdown):
        if name is None or match.group(1) == name:
            yield Marker(match.group(1), (match.group(2) or "").strip(),
                         markdown.count("\n", 0, match.start()) + 1, match.group(0))


def unknown(markdown: str) -> list[Marker]:
    return [m for m in find(markdown) if m.name not in KNOWN]


def old_style(markdown: str) -> list[tuple[int, str]]:
    """(line, text) of each marker written in the syntax before `lmp:`."""
    return [(markdown.count("\n", 0, m.start()) + 1, m.group(0)) for m in OLD_STYLE.finditer(markdown)]


def replace(markdown: str, name: str, fill: Callable[[Marker], str]) -> str:
    """Replace every `<!-- lmp:name … -->` with fill(marker)."""
    def sub(match: re.Match) -> str:
        marker = Marker(match.group(1), (match.group(2) or "").strip(),
                        markdown.count("\n", 0, match.start()) + 1, match.group(0))
        return fill(marker) if marker.name == name else match.group(0)
    return MARKER.sub(sub, markdown)


def fill(markdown: str, name: str, text: str, where: str) -> str:
    """Replace `<!-- lmp:name -->` with `text`; warn `where` (e.g. docs/tools/x.nb.md) lacks it."""
    if next(find(markdown, name), None) is None:
        log.warning("%s: the marker <!-- lmp:%s --> is missing, so nothing was generated", where, name)
        return markdown
    return replace(markdown, name, lambda marker: text)
