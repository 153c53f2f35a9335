"""Every generated-block marker in a page is one a generator fills (lmp/markers.py).

`<!-- lmp:NAME … -->` with a NAME no module registered, or a marker in the syntax before `lmp:`
(`<!-- programme:ics -->`, `<!-- step: … -->`, `{{ law acts }}`), would stay in the page as an
invisible comment or as text; so would a theme title marker with an unknown theme id. Each is a warning `docs/<file>:<line>: …` (fatal under --strict).
Runs at on_config: the adapter has imported every module by then, so every name is registered.
"""
from __future__ import annotations

import logging
from pathlib import Path


from lmp import markers
from lmp.model import pages
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.markers")


def check(docs_dir: Path):
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        for line, problem in problems(page.body):
            yield f"{rel}:{page.body_line + line - 1}", problem


def problems(body: str):
    """(line in body, problem) for each unknown or old-style marker, in order."""
    found = [(m.line, f"unknown marker {m.text} (known: {', '.join(sorted(markers.KNOWN))})")
             for m in markers.unknown(body)]
    found += [(line, f"old marker syntax {text}: write <!-- lmp:NAME ARGS --> (CONTRIBUTING.md)")
              for line, text in markers.old_style(body)]
    found += [(m.line, f"unknown theme '{m.args}' in {m.text} (known: {', '.join(pages.THEMES)})")
              for m in markers.find(body, "theme-title") if m.args not in pages.THEMES]
    return sorted(found)
