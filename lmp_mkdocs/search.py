"""Search per language (lmp.search): Material's search box, each language's own worker.

static-i18n merges every language into one index in its post_build; right after it (order.py), the
index is split into one worker per language. Each page's config names its language's worker: the templates
get `lmp_search_worker` (lmp.search.index.worker_path) for overrides/base.html.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from lmp.errors import BuildError
from lmp.model import site as model
from lmp.deploy import unused_assets
from lmp.search import index as search_index
from lmp_mkdocs import i18n as lmp_i18n

LOG_NAME = "mkdocs.hooks.search_index"


def on_config(config):
    if not search_index.enabled() or lmp_i18n.is_nested_build(config):
        return
    # Before rendering: a bad synonym file is one of the problems the build stops with at once.
    model.PROBLEMS.extend((LOG_NAME, where, problem) for where, problem in search_index.check_synonyms())


def on_env(env, config, files):
    env.globals["lmp_search_worker"] = search_index.worker_path if search_index.enabled() else None
    return env


def on_post_page(output, page, config):
    if search_index.enabled():
        search_index.record_page(output, page.url, page.meta)
    return output


def split_index(config):
    """Run by order.py right after static-i18n's post_build, which merged every language's index."""
    if lmp_i18n.is_nested_build(config):
        return
    try:
        stemmers = config.extra.get("search_stemmers") or {}
        search_index.split_site_index(Path(config.site_dir), stemmers)
        unused_assets.after_search(config.site_dir, unused_assets.keep(stemmers.values()))
    except BuildError as error:
        raise PluginError(str(error)) from error
