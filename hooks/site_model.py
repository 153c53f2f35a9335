"""The start of every build: per-build state reset, then every page read and parsed once; and the
verdict of the content checks before anything is rendered.

The verdict: the checks (on_config) keep what they find in `_model.PROBLEMS`. Before the first
page is read, a strict build (`mkdocs build`, `make test`: `strict: true` in mkdocs.yml) stops
with ONE message that lists every problem as `file:line: problem`, instead of warnings that
--strict turns into an abort only after every language and every PDF. A preview
(`make serve`: `mkdocs serve --no-strict`) logs each problem as a warning and goes on serving the
new text, with a box at the top of each page that has a problem: an author is never stuck.

The thin MkDocs adapter of hooks/_model.py (listed FIRST in mkdocs.yml, and at the highest
priority, so that it runs before any check or generator). `mkdocs serve` rebuilds in one process
and static-i18n runs a nested build for the second language: the model is built once, at the
start of the outer build, and the nested build uses the same one.
"""
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import _cache  # noqa: E402
import _model  # noqa: E402
import _site  # noqa: E402
import _templates  # noqa: E402


@event_priority(200)   # before every other on_config (the checks run at 100)
def on_config(config):
    if not _site.is_nested_build(config):
        _model.start_build(config.docs_dir)


SERVING = {"on": False}


def on_startup(command, dirty):
    SERVING["on"] = command == "serve"


@event_priority(-200)  # late: the checks' results of this language's build kept for the next build
def on_post_build(config):
    if not SERVING["on"]:   # under serve they are kept in memory between saves, and written at the end
        _cache.save_results()


def on_shutdown():
    _cache.save_results()


@event_priority(200)   # the first pre_build handler: nothing has been read or rendered yet
def on_pre_build(config):
    if _site.is_nested_build(config) or not _model.PROBLEMS:
        return
    if config.strict:
        raise PluginError(_site.verdict(_model.PROBLEMS))
    for logger, where, problem in _model.PROBLEMS:
        logging.getLogger(logger).warning("%s: %s", where, problem)


def on_page_content(html, page, config, files):
    """A preview shows an author the problems of the page on the page itself (a strict build has
    stopped before any page on any problem)."""
    if config.strict or not _model.PROBLEMS:
        return html
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    here = [(where, problem) for _, where, problem in _model.PROBLEMS
            if where.split(":")[0] == source]
    elsewhere = [(where, problem) for _, where, problem in _model.PROBLEMS
                 if not where.startswith(f"{Path(config.docs_dir).name}/")]
    if not here and not elsewhere:
        return html
    lang = getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE
    return _templates.render("preview-problems.html", here=here, elsewhere=elsewhere,
                             words=_site.ui(lang)["preview"]) + html
