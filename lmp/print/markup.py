"""What every printed document is made of: the handouts' interface words, HTML fragments from the
templates (overrides/lmp/handout-*.html), and which page is the handbook."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lmp import project
from lmp import words as lmp_words
from lmp.errors import BuildError

bs4 = project.lazy_import("bs4")   # imported when a PDF's HTML is made: an HTML-only build never needs it
if TYPE_CHECKING:
    from bs4 import Tag

HANDBOOK = "tools/handbook"           # the page whose PDF is the whole handbook


def words(lang: str) -> dict:
    """The handouts' interface words in `lang` (data/ui.<lang>.yml); a missing one fails."""
    try:
        return lmp_words.ui(lang)["handouts"]
    except KeyError as error:
        raise BuildError(f"data/ui.{lang}.yml: no section 'handouts' ({error})") from None


def _key_of(src_uri: str) -> str:
    stem = src_uri[: -len(".md")]
    for code in project.LANGUAGES:
        if stem.endswith("." + code):
            return stem[: -len(code) - 1]
    return stem


def _nodes(html: str) -> list:
    """Template output as nodes that can be inserted into any tree."""
    return list(bs4.BeautifulSoup(html, "html.parser").contents)


def _one(html: str) -> Tag:
    return next(node for node in _nodes(html) if isinstance(node, bs4.Tag))


def _inline_text(element: Tag) -> str:
    """An element's words as one line (inline markup such as <abbr> adds no spaces)."""
    return re.sub(r"\s+", " ", element.get_text()).strip()
