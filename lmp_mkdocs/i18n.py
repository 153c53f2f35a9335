"""Which language's build is under way, from public signals only (no static-i18n attribute).

static-i18n builds the default language first; inside that build's post_build it calls MkDocs'
public `build()` again for each further language of its `languages:` (in their order), on the same
config, after its on_config has set that language's `theme.language`. So:
- a nested build is one that runs while another MkDocs build is still running in this thread: two
  frames of MkDocs' `build()` on the stack (also true of ProperDocs, which provides the same module);
- the language of the build is `config.theme.language`;
- a page's language is the suffix of its file (`docs_structure: suffix`: `page.<lang>.md`).
tests/test_integrations.py checks static-i18n's side of this.
"""
import inspect

from lmp import project

BUILD_MODULE_SUFFIX = "commands.build"   # mkdocs.commands.build (or properdocs.commands.build)


def _builds_running() -> int:
    count, frame = 0, inspect.currentframe()
    while frame is not None:
        if frame.f_code.co_name == "build" and str(frame.f_globals.get("__name__", "")).endswith(BUILD_MODULE_SUFFIX):
            count += 1
        frame = frame.f_back
    return count


def is_nested_build(config) -> bool:
    """True while static-i18n builds a further language (MkDocs' build() run inside the first)."""
    return _builds_running() > 1


def build_language(config) -> str:
    return config.theme.get("language") or project.DEFAULT_LANGUAGE


def last_language_build(config) -> bool:
    """Whether this is the last language's build (static-i18n builds the default language first,
    then each other one in the order of its `languages:`): the only one that sees every page."""
    if config.plugins.get("i18n") is None:
        return True
    return build_language(config) == project.LANGUAGES[-1]


def page_language(page) -> str:
    """The language a page is written in: its file's suffix (`index.en.md`)."""
    stem = page.file.src_uri.rsplit(".", 1)[0]
    suffix = stem.rsplit(".", 1)[-1] if "." in stem else ""
    return suffix if suffix in project.LANGUAGES else project.DEFAULT_LANGUAGE
