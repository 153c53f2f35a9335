"""The site's own stylesheets served as ONE file, `assets/stylesheets/lmp.css`, made at each build.

Each stylesheet in the page head holds back the first paint until it has arrived: six small files
of our own beside Material's two cost a phone on a slow line more than their bytes (Lighthouse, theme
2: 0.92 with six files, 0.96 with one, 8 December 2026). The parts stay separate files in docs/ (one
concern each, as authors find them); mkdocs.yml `extra.stylesheets` lists them in their order and
`extra_css` names the bundle only. A part's relative `url()`s (fonts.css: its font files) are rebased
to the bundle's folder. A generated part (identity-data.css, from data/identity.yml) is given as text.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from lmp.errors import BuildError

BUNDLE = "assets/stylesheets/lmp.css"
URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


def _rebased(css: str, part: str) -> str:
    here, there = posixpath.dirname(part), posixpath.dirname(BUNDLE)

    def rebase(match):
        quote, url = match.groups()
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", url, re.IGNORECASE):   # absolute, data:, #fragment
            return match.group(0)
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(here, url)), there)
        return f"url({quote}{moved}{quote})"
    return URL.sub(rebase, css)


def bundle(docs_dir: str | Path, parts: list[str], generated: dict[str, str]) -> str:
    """The parts, in their order, each under a comment naming its source."""
    out = []
    for part in parts:
        if part in generated:
            text = generated[part]
        else:
            path = Path(docs_dir) / part
            if not path.is_file():
                raise BuildError(f"mkdocs.yml: extra.stylesheets names {part}, which is not in docs/")
            text = path.read_text(encoding="utf-8")
        out.append(f"/* ---- {part} ---- */\n{_rebased(text, part)}")
    return "\n".join(out) + "\n"
