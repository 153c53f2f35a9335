"""The start of every build: per-build state reset, then every page read and parsed once.

The thin MkDocs adapter of hooks/_model.py (listed FIRST in mkdocs.yml, and at the highest
priority, so that it runs before any check or generator). `mkdocs serve` rebuilds in one process
and static-i18n runs a nested build for the second language: the model is built once, at the
start of the outer build, and the nested build uses the same one.
"""
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import _cache  # noqa: E402
import _model  # noqa: E402
import _site  # noqa: E402


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
