"""The page model: every page of every language, read and parsed ONCE per build, shared by all.

`lmp_mkdocs/start.py` (the first handler of the plugin) is its thin MkDocs
adapter. At the start of each build (its on_config, before any check or generator) it

1. resets every piece of per-build state that a module registered with `per_build()`, so that a
   rebuild in the same process (`mkdocs serve`) starts from what a clean build starts from;
2. reads and parses every Markdown source under docs_dir once (`Site`), for both languages.

The checks (page_schema, translation_pairs, …), the section catalogue (lmp/model/catalogue.py) and
every generator then read the pages from this model: `pages.iter_pages`, `pages.theme_title` and
`_catalogue.load` all go through `current()`. Everything here is plain Python on paths and
strings (no MkDocs object), so it can be used by scripts and tests, and ported to another engine.

Outside a build (scripts, unit tests on fixture folders) a lookup for a folder that is not the
current build's parses that folder afresh on each call: nothing stale is ever served.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lmp import cache, project
from lmp.model import pages

_STATE: list = []                 # containers registered with per_build()
_CURRENT: dict[str, "Site"] = {}  # docs_dir → the model of the build in progress (one at a time)


def per_build(container):
    """Register a module-level dict, list or set that holds state of ONE build: it is emptied at
    the start of each build (`start_build`). Returns the container, so a module writes
    `PAGES = model.per_build({})`."""
    _STATE.append(container)
    return container


# The content and data problems the checks found in this build: (logger name, 'file:line', problem).
# lmp_mkdocs/start.py stops a strict build on them before anything is rendered, or, in a preview
# (`mkdocs serve --no-strict`), logs them and shows each on its page.
PROBLEMS: list = per_build([])

# The pages' last-commit dates (pages.last_updated): read from git once per build.
per_build(pages.GIT_DATES)


def reset_state() -> None:
    for container in _STATE:
        container.clear()


class Site:
    """Every page under one docs folder, parsed once, in path order; and what is derived from
    them once per language (the section catalogue), computed on first use."""

    def __init__(self, docs_dir: str | Path):
        self.docs_dir = Path(docs_dir)
        self.pages: list[pages.Page] = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            self.pages.append(pages.parse_page(path, self.docs_dir))
        self.by_path = {page.path.relative_to(self.docs_dir).as_posix(): page for page in self.pages}
        self.derived: dict = {}   # e.g. ("catalogue", "nb") → list of catalogue.Entry

    def page(self, relative: str) -> pages.Page | None:
        """The page at a path relative to docs_dir, e.g. 'themes/theme-1/index.nb.md'."""
        return self.by_path.get(relative)

    def once(self, key, compute):
        """compute() the first time `key` is asked for in this build, the same value afterwards."""
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]


def _key(docs_dir: str | Path) -> str:
    # As given, not resolved: the pages' paths are built on it, and callers relate them to it.
    return str(Path(docs_dir))


def start_build(docs_dir: str | Path) -> Site:
    """The start of a build: per-build state emptied, every page read and parsed once."""
    reset_state()
    _CURRENT.clear()
    site = _CURRENT[_key(docs_dir)] = Site(docs_dir)
    return site


def building(docs_dir: str | Path) -> Site | None:
    """The model of the build in progress for docs_dir, or None outside a build."""
    return _CURRENT.get(_key(docs_dir))


def once(docs_dir: str | Path, key, compute):
    """compute() once per build of docs_dir (kept by the build's model, so a rebuild computes it
    afresh); outside a build, on every call. For what a module would otherwise redo on every page
    (a data file loaded and checked, a pattern compiled)."""
    site = building(docs_dir)
    return site.once(key, compute) if site else compute()


_MEMO: dict = {}   # (kind, name) → (inputs, result): keyed on content, so valid across builds


def unchanged(kind: str, name: str, inputs: tuple, compute):
    """compute() for one file's check, or its last result while `inputs` (the file's text and
    everything else the result depends on, compared by value) are unchanged: under `mkdocs serve`
    a save re-checks only the edited file. One entry per (kind, name): nothing piles up. Content,
    not state (nothing of a build survives that a clean build would not compute the same). A new
    process takes the result from `.cache/checks/` (`cache.result`: keyed on the inputs and the
    site's code), so the result must be JSON: lists (not tuples), strings, numbers."""
    cached = _MEMO.get((kind, name))
    if cached is None or cached[0] != inputs:
        cached = _MEMO[(kind, name)] = (inputs, cache.result(kind, name, inputs, compute))
    return cached[1]


def current(docs_dir: str | Path) -> Site:
    """The model of the build in progress for docs_dir; outside a build, a fresh one."""
    return building(docs_dir) or Site(docs_dir)


def iter_pages(docs_dir: str | Path):
    """Every page under docs_dir in path order, from the build's page model :
    parsed once per build. Each caller gets its own copy of the front matter, so nothing one module
    changes reaches another."""
    for page in current(docs_dir).pages:
        yield replace(page, meta=pages.plain_copy(page.meta))



def theme_title(theme: str, lang: str, docs_dir: str | Path | None = None) -> str:
    """The title of a theme module (`theme-1`…), from its page's front matter: the one source of
    the theme's name for every page, table, calendar file and handout that names it."""
    relative = f"themes/{theme}/index.{lang}.md"
    docs_dir = docs_dir or project.path("docs")
    site = building(docs_dir)
    page = site.page(relative) if site else pages.read_page(Path(docs_dir) / relative, Path(docs_dir))
    return str((page.meta.get("title") if page else None) or theme)


