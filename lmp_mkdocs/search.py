"""Search per language (lmp.search): Material's search box, each language's own worker.

static-i18n merges every language into one index in its post_build; right after it, the index is
split into one worker per language. Each page's config names its language's worker: the templates
get `lmp_search_worker` (lmp.search.index.worker_path) for overrides/base.html.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lmp.errors import BuildError
from lmp.model import site as model
from lmp.deploy import unused_assets
from lmp.search import index as search_index
from lmp_mkdocs import i18n as lmp_i18n

LOG_NAME = "mkdocs.hooks.search_index"


@event_priority(50)  # after the exporter adapter's on_config (99), which moves i18n's post_build last
def on_config(config):
    if not search_index.enabled() or lmp_i18n.is_nested_build(config):
        return
    # Before rendering: a bad synonym file is one of the problems the build stops with at once.
    model.PROBLEMS.extend((LOG_NAME, where, problem) for where, problem in search_index.check_synonyms())
    methods = config.plugins.events["post_build"]
    i18n = config.plugins.get("i18n")
    if on_post_build not in methods or i18n is None:
        return
    # Run right after static-i18n's handler (which builds the other language and merges the
    # index) and before the offline plugin's, which inlines search_index.json into a script.
    # MkDocs has no API to run after another plugin's handler that is itself moved (exporter.py).
    methods.remove(on_post_build)
    theirs = [i for i, m in enumerate(methods) if getattr(m, "__self__", None) is i18n]
    if not theirs:  # static-i18n changed how it registers: fail rather than index one language
        raise PluginError("search_index: static-i18n's post_build handler was not found; "
                          "see MAINTAINING.md (mkdocs-static-i18n) and tests/test_integrations.py")
    methods.insert(max(theirs) + 1, on_post_build)


def on_env(env, config, files):
    env.globals["lmp_search_worker"] = search_index.worker_path if search_index.enabled() else None
    return env


def on_post_page(output, page, config):
    if search_index.enabled():
        search_index.record_page(output, page.url, page.meta)
    return output


def on_post_build(config):
    if not search_index.enabled() or lmp_i18n.is_nested_build(config):
        return
    try:
        stemmers = config.extra.get("search_stemmers") or {}
        search_index.split_site_index(Path(config.site_dir), stemmers)
        unused_assets.after_search(config.site_dir, unused_assets.keep(stemmers.values()))
    except BuildError as error:
        raise PluginError(str(error)) from error
