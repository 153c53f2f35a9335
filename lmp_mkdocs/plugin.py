"""The MkDocs plugin `lmp`: the one adapter between MkDocs and the site's logic (the `lmp` package).

mkdocs.yml names it last among the plugins. Each module below is one concern; the table says, per
MkDocs event, which of their handlers run and in what order (MkDocs runs handlers by priority, then
in the order they are registered: this order). Every handler takes MkDocs' objects and calls the
package with plain values; nothing in `lmp` imports MkDocs (tests/test_package.py).
"""
from __future__ import annotations

import importlib

from mkdocs.plugins import EVENTS, BasePlugin, CombinedEvent

# The order of work: what was the list of hooks in mkdocs.yml.
MODULES = (
    "lmp_mkdocs.start",                      # per-build state reset, pages parsed once, the checks' verdict
    "lmp_mkdocs.guard",                      # an untested version of a patched package stops the build
    "lmp_mkdocs.jinja_cache",                # theme templates compiled once
    "lmp_mkdocs.theme_files",                # the theme's files listed once per build
    "lmp_mkdocs.serve",                      # serve: a save rebuilds only its language
    "lmp_mkdocs.checks",                     # every content check, once per build, before rendering
    "lmp_mkdocs.permalink",
    "lmp.checks.draft_markers",
    "lmp.checks.language_check",
    "lmp.generators.abbreviations",
    "lmp.generators.reading_time",
    "lmp.generators.law_citations",
    "lmp.generators.before_next_seminar",
    "lmp.generators.theme_titles",
    "lmp.generators.terms_table",
    "lmp.generators.role_semesters",
    "lmp.generators.reading_lists",
    "lmp.generators.reading_builder",
    "lmp.generators.home_page",
    "lmp.generators.onboarding_path",
    "lmp.generators.audience_index",
    "lmp.generators.who_does_what",
    "lmp.generators.tools_hub",
    "lmp.print.handouts",
    "lmp.print.booklets",
    "lmp.generators.programme",
    "lmp.outputs.docx_templates",
    "lmp_mkdocs.exporter",
    "lmp.search.index",
    "lmp.deploy.unused_assets",
    "lmp.deploy.robots",
    "lmp.deploy.not_found_pages",
    "lmp.deploy.csp",
)


def _handlers(event: str) -> list:
    found = []
    for name in MODULES:
        handler = getattr(importlib.import_module(name), f"on_{event}", None)
        if handler is not None:
            found.append(staticmethod(handler))
    return found


class LmpPlugin(BasePlugin):
    """Runs the handlers of MODULES for each MkDocs event, in MODULES' order within a priority."""


for _event in EVENTS:
    _found = _handlers(_event)
    if _found:
        setattr(LmpPlugin, f"on_{_event}", CombinedEvent(*_found))
