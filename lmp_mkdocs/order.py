"""The one place where the adapter orders other plugins' `post_build` handlers (MkDocs has no API
for "after that plugin's handler"; MAINTAINING.md, patches 3 and 4).

static-i18n builds every further language inside the first build's post_build and then merges the
languages' search entries. What needs every language goes in ONE handler placed right after that
one (`after_every_language`): the check that the last language's build printed every PDF
(exporter.py `_none_held`) and the split of the merged search index into one worker per language
(search.py `split_index`). With PDFs, static-i18n's and Material's offline plugin's handlers are
also moved last (exporter.py explains why).
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lmp.search import index as search_index
from lmp_mkdocs import exporter, i18n as lmp_i18n, search


def _pdfs_on(config) -> bool:
    plugin = config.plugins.get("exporter-pdf")
    return plugin is not None and plugin.config.enabled


def after_every_language(config) -> None:
    """Right after static-i18n's post_build: in the first build, every language is built by now."""
    if _pdfs_on(config):
        exporter._none_held(config)
    if search_index.enabled():
        search.split_index(config)


def run_last(plugins, event, *owners) -> None:
    """Move the handlers of `owners` for `event` to the end, in the order given."""
    methods = plugins.events[event]
    for owner in owners:
        if owner is None:
            continue
        mine = [m for m in methods if getattr(m, "__self__", None) is owner]
        methods[:] = [m for m in methods if m not in mine] + mine


def place_after_i18n(plugins) -> None:
    methods = plugins.events["post_build"]
    if after_every_language in methods:
        methods.remove(after_every_language)
    i18n = plugins.get("i18n")
    if i18n is None:          # one language: its own build is the last
        methods.append(after_every_language)
        return
    theirs = [i for i, m in enumerate(methods) if getattr(m, "__self__", None) is i18n]
    if not theirs:  # static-i18n changed how it registers: fail rather than check or index one language
        raise PluginError("lmp: static-i18n's post_build handler was not found; see MAINTAINING.md "
                          "(mkdocs-static-i18n, patches) and tests/test_integrations.py")
    methods.insert(max(theirs) + 1, after_every_language)


@event_priority(40)   # after the exporter adapter's on_config (99), which loads what it orders
def on_config(config):
    if lmp_i18n.is_nested_build(config):
        return
    plugins = config.plugins
    if _pdfs_on(config):
        run_last(plugins, "post_build", plugins.get("i18n"), plugins.get("material/offline"))
    place_after_i18n(plugins)
