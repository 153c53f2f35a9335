"""The content checks, run at the start of a build, before anything is rendered.

Each check is a plain function of the package (`check(docs_dir)` → (`file:line`, problem) pairs);
here they are run once per build (not again in static-i18n's nested build of another language) and
their problems kept for the verdict (lmp_mkdocs/start.py). The interface words' checks run first:
the other checks read those words.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lmp import project, words
from lmp.checks import (draft_markers, language_check, markdown_rules, marker_names, page_schema,
                        published_address, report, self_check, setting_marks, short_links, term_check,
                        translation_pairs, ui_check)
from lmp.generators import before_next_seminar, law_citations
from lmp.model import site as model
from lmp.outputs import decks
from lmp_mkdocs import i18n

# (logger name, check): the logger names are the ones the build's messages have always had.
CHECKS = (
    ("mkdocs.hooks.published_address", published_address.check),
    ("mkdocs.hooks.translation_pairs", translation_pairs.check),
    ("mkdocs.hooks.page_schema", page_schema.check),
    ("mkdocs.hooks.markers", marker_names.check),
    ("mkdocs.hooks.markdown_rules", markdown_rules.check),
    ("mkdocs.hooks.setting_marks", setting_marks.check),
    ("mkdocs.hooks.term_check", term_check.check),
    ("mkdocs.hooks.before_next_seminar", before_next_seminar.check),
    ("mkdocs.hooks.draft_markers", draft_markers.check),
    ("mkdocs.hooks.law_citations", law_citations.check),
    ("mkdocs.hooks.self_check", self_check.check),
    ("mkdocs.hooks.decks", decks.check),
    ("mkdocs.hooks.short_links", short_links.check),
)
UI_LOG = "mkdocs.hooks.ui_check"
SPELLING_LOG = "mkdocs.hooks.language_check"


@event_priority(100)   # after start.py (200), before the plugins' own on_config
def on_config(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        project.set_languages(plugin.config["languages"])
    # The theme's templates (overrides/404.html, partials/language.html) read the same strict words
    # as config.extra.lmp_ui(lang)[section][key]. In the config, not in Jinja's globals: Material's
    # search plugin renders partials/language.html in its on_config, in an environment of its own.
    config.extra["lmp_ui"] = words.ui
    if i18n.is_nested_build(config):
        return   # the other language's build: already checked
    model.PROBLEMS.extend((UI_LOG, where, problem) for where, problem in ui_check.check(project.LANGUAGES))
    untranslated = [(UI_LOG, where, problem) for where, problem in
                    ui_check.check_data(project.LANGUAGES, Path(config.config_file_path).parent)]
    if untranslated:   # the checks after this one would stop on the gap: say where it is, at once
        raise PluginError(report.verdict(model.PROBLEMS + untranslated))
    docs_dir, config_file = config.docs_dir, config.config_file_path
    for name, check in CHECKS:
        report.report(docs_dir, config_file, name, check)
    settings = language_check.spelling(config.extra)
    # hunspell and its dictionaries are read too: their versions are part of what the result is kept under
    installed = (shutil.which("hunspell"),
                 *(str(language_check.answers_file(entry["dictionary"])) for entry in settings.values()))
    report.report(docs_dir, config_file, SPELLING_LOG,
                  lambda docs: language_check.check(docs, settings), inputs=installed)
