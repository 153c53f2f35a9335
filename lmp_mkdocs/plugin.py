"""The MkDocs plugin `lmp`: the one adapter between MkDocs and the site's logic (the `lmp` package).

mkdocs.yml names it last among the plugins. Each module below is one concern; the table says, per
MkDocs event, which of their handlers run and in what order (MkDocs runs handlers by priority, then
in the order they are registered: this order). Every handler takes MkDocs' objects and calls the
package with plain values; nothing in `lmp` imports MkDocs (tests/test_package.py).
"""
from __future__ import annotations

import importlib

from mkdocs.plugins import EVENTS, BasePlugin, CombinedEvent

from lmp_mkdocs.errors import engine_errors

# The order of work (it was the list of hook files in mkdocs.yml).
MODULES = (
    "lmp_mkdocs.start",                      # per-build state reset, pages parsed once, the checks' verdict
    "lmp_mkdocs.guard",                      # an untested version of a patched package stops the build
    "lmp_mkdocs.jinja_cache",                # theme templates compiled once
    "lmp_mkdocs.theme_files",                # the theme's files listed once per build
    "lmp_mkdocs.serve",                      # serve: a save rebuilds only its language
    "lmp_mkdocs.checks",                     # every content check, once per build, before rendering
    "lmp_mkdocs.pages",                      # the generators fill each page (lmp.generators)
    "lmp_mkdocs.stylesheet",                 # the parts of the one stylesheet are not published on their own
    "lmp_mkdocs.identity",                   # the one stylesheet, with the CSS made from data/identity.yml
    "lmp_mkdocs.printing",                   # handouts, handbook and booklets for mkdocs-exporter (lmp.print)
    "lmp_mkdocs.word",                       # each template page as a Word file (lmp.outputs)
    "lmp_mkdocs.decks",                      # each theme's staff meeting as slide decks (lmp.outputs)
    "lmp_mkdocs.exporter",
    "lmp_mkdocs.search",                     # one search worker per language (lmp.search)
    "lmp_mkdocs.deploy",                     # robots.txt, 404 pages, the nginx snippet, no unused files
    "lmp_mkdocs.order",                      # the one place that orders other plugins' post_build handlers
)


def _handlers(event: str) -> list:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        handler = getattr(module, f"on_{event}", None)
        if handler is not None:
            if not hasattr(handler, "__wrapped__"):
                # The module's own name for it becomes the wrapped handler too, so that a module
                # that finds its handler in MkDocs' event lists (search.py) finds this one.
                handler = engine_errors(handler)
                setattr(module, f"on_{event}", handler)
            found.append(staticmethod(handler))
    return found


class LmpPlugin(BasePlugin):
    """Runs the handlers of MODULES for each MkDocs event, in MODULES' order within a priority."""


for _event in EVENTS:
    _found = _handlers(_event)
    if _found:
        setattr(LmpPlugin, f"on_{_event}", CombinedEvent(*_found))
