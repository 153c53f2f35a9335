"""The start of every build: per-build state reset, then every page read and parsed once; and the
verdict of the content checks before anything is rendered.

The verdict: the checks (on_config) keep what they find in `_model.PROBLEMS`. Before the first
page is read, a strict build (`mkdocs build`, `make test`: `strict: true` in mkdocs.yml) stops
with ONE message that lists every problem as `file:line: problem`, instead of warnings that
--strict turns into an abort only after every language and every PDF. A preview
(`make serve`: `mkdocs serve --no-strict`) logs each problem as a warning and goes on serving the
new text, with a box at the top of each page that has a problem: an author is never stuck.

The thin MkDocs adapter of lmp/model/site.py (listed FIRST in mkdocs.yml, and at the highest
priority, so that it runs before any check or generator). `mkdocs serve` rebuilds in one process
and static-i18n runs a nested build for the second language: the model is built once, at the
start of the outer build, and the nested build uses the same one.
"""
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lmp import cache
from lmp import project
from lmp import templates
from lmp import words
from lmp.checks import report
from lmp.model import site as model
from lmp_mkdocs import i18n


@event_priority(200)   # before every other on_config (the checks run at 100)
def on_config(config):
    if not i18n.is_nested_build(config):
        project.use(Path(config.config_file_path).parent)   # the project's data/, includes/…: beside its mkdocs.yml
        model.start_build(config.docs_dir)


SERVING = {"on": False}


def on_startup(command, dirty):
    SERVING["on"] = command == "serve"


@event_priority(-200)  # late: the checks' results of this language's build kept for the next build
def on_post_build(config):
    if not SERVING["on"]:   # under serve they are kept in memory between saves, and written at the end
        cache.save_results()


def on_shutdown():
    cache.save_results()


@event_priority(200)   # the first pre_build handler: nothing has been read or rendered yet
def on_pre_build(config):
    if i18n.is_nested_build(config) or not model.PROBLEMS:
        return
    if config.strict:
        raise PluginError(report.verdict(model.PROBLEMS))
    for logger, where, problem in model.PROBLEMS:
        logging.getLogger(logger).warning("%s: %s", where, problem)


def on_page_content(html, page, config, files):
    """A preview shows an author the problems of the page on the page itself (a strict build has
    stopped before any page on any problem)."""
    if config.strict or not model.PROBLEMS:
        return html
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    here = [(where, problem) for _, where, problem in model.PROBLEMS
            if where.split(":")[0] == source]
    elsewhere = [(where, problem) for _, where, problem in model.PROBLEMS
                 if not where.startswith(f"{Path(config.docs_dir).name}/")]
    if not here and not elsewhere:
        return html
    lang = getattr(page.file, "locale", None) or project.DEFAULT_LANGUAGE
    return templates.render("preview-problems.html", here=here, elsewhere=elsewhere,
                             words=words.ui(lang)["preview"]) + html
