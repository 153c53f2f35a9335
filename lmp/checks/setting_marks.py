"""Text for one setting: every `data-for` mark in a page names known settings (lmp.model.settings:
barnehage, skole, sfo), sits where attr_list turns it into an attribute (a heading, a line of its own
under a paragraph or list item, a `<div … markdown>`), and every language of a page carries the same
marks in the same order (the languages show the same text to the same reader).

Each problem is `docs/<file>:<line>: <what is wrong>` (fatal under --strict).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lmp.model import settings
from lmp.model import site as model


def _marks(page):
    fenced, found = False, []
    lines = page.body.splitlines()
    for offset, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced:
            found.extend(settings.marks(line, page.body_line + offset))
    return found


def check(docs_dir: Path):
    by_key = defaultdict(dict)
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        found = model.unchanged("setting_marks", str(page.path), (page.text,), lambda: _marks(page))
        by_key[page.key][page.lang] = (rel, found)
        for line, value, where in found:
            problem = settings.problem(value, where)
            if problem:
                yield f"{rel}:{line}", problem
    for languages in by_key.values():
        first, *others = sorted(languages)   # alphabetical: en is compared with nb and nn
        rel, marks = languages[first]
        for lang in others:
            other_rel, other = languages[lang]
            wanted = [(value, where) for _, value, where in marks]
            got = [(value, where) for _, value, where in other]
            if wanted != got:
                index = next((i for i, (a, b) in enumerate(zip(wanted, got)) if a != b), min(len(wanted), len(got)))
                line = other[index][0] if index < len(other) else (other[-1][0] if other else 1)
                yield (f"{other_rel}:{line}", f"setting marks differ from {rel}: mark {index + 1} is "
                       f"{got[index][0] if index < len(got) else 'missing'!s}, there "
                       f"{wanted[index][0] if index < len(wanted) else 'none'}; every language marks the same text")
