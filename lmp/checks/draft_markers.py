"""Readers get settled guidance: no working notes, doubts or unchecked sources on a page.

The phrases live in one data file, data/draft-markers.yml (nb, en and both). The build fails
under --strict with `docs/<file>:<line>: draft marker '<phrase>' …` for each phrase in a page's
Markdown, and with `docs/<file>: generated text …` for one that generated text or a data file put into the
rendered page (the handouts and the handbook are printed from these pages). Doubts go to
REVIEW-REGISTER.md instead.
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from lmp import project
from lmp.model import info
from lmp.model import pages
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.draft_markers")

ADVICE = "readers get settled guidance: rewrite it, and put the doubt in REVIEW-REGISTER.md"


def load_markers(path: str | Path | None = None) -> list[str]:
    path = path or project.path("data", "draft-markers.yml")
    groups = pages.load_yaml(path)
    return [phrase for phrases in groups.values() for phrase in phrases]


def pattern(markers: list[str]) -> re.Pattern:
    """One expression for all phrases: case ignored, any whitespace run between words."""
    words = ("\\s+".join(map(re.escape, phrase.split())) for phrase in markers)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


HIDDEN = re.compile(r"\{[^}\n]*\}|\]\([^)\n]*\)|^\[[^\]\n]+\]:.*$", re.MULTILINE)


def find(text: str, markers: re.Pattern):
    """(line number, phrase) of every draft marker in the text a reader sees: heading ids, link
    targets and link definitions are blanked out first (a stable id such as #brochure stays)."""
    text = HIDDEN.sub(lambda match: " " * len(match.group(0)), text)
    for match in markers.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, " ".join(match.group(0).split())


def check(docs_dir: Path, markers: list[str] | None = None):
    expression = pattern(markers or load_markers())
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        found = model.unchanged("draft_markers", str(page.path), (page.text, expression.pattern),
                                 lambda: list(find(page.text, expression)))
        for line, phrase in found:
            yield f"{rel}:{line}", f"draft marker '{phrase}' on a reader page: {ADVICE}"


def visible_text(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page_html))


def page_content(page_html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    expression = model.once(site.docs_dir, "draft_markers", lambda: pattern(load_markers()))
    name = f"{page.lang}:{page.src_uri}"   # looked at again only if changed
    found = model.unchanged("draft_markers_html", name, (page_html, expression.pattern),
                             lambda: list(find(visible_text(page_html), expression)))
    for _, phrase in found:
        log.warning("docs/%s: generated text contains the draft marker '%s': %s",
                    page.src_uri, phrase, ADVICE)
    return page_html
