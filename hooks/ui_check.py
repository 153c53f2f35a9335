"""At the start of each build: take the site's languages from the config, and check that every
language file has the same keys.

The languages are the i18n plugin's `languages:` in mkdocs.yml (_site.set_languages); nothing in
Python lists them. Each language has its interface words in data/ui.<lang>.yml; every file must
have exactly the key paths of the default language's file. A missing or extra key, or a missing
file, is a warning naming the file and the key (fatal under --strict), so a language never shows
a gap or falls back to another language's words. The theme's templates get the words as `config.extra.lmp_ui`.

The data files (DATA_FILES) hold facts with words in every language (`{nb: …, en: …, nn: …}`): a
value given in the default language but missing in another stops the build naming each
`data/<file>:<line>` (check_data), so a new language cannot be half-translated. Per-language lists that are rules, not
text (terms.yml's `avoid`), may differ between languages.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import _model  # noqa: E402
import _site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.ui_check")


@event_priority(100)
def on_config(config):
    _site.set_languages(config)
    # The theme's templates (overrides/404.html, partials/language.html) read the same strict words
    # as config.extra.lmp_ui(lang)[section][key]. In the config, not in Jinja's globals: Material's
    # search plugin renders partials/language.html in its on_config, in an environment of its own.
    config.extra["lmp_ui"] = _site.ui
    if _site.is_nested_build(config):
        return
    _model.PROBLEMS.extend((log.name, where, problem) for where, problem in check(_site.LANGUAGES))
    untranslated = [(log.name, where, problem) for where, problem in
                    check_data(_site.LANGUAGES, Path(config.config_file_path).parent)]
    if untranslated:   # the checks after this one would stop on the gap: say where it is, at once
        raise PluginError(_site.verdict(_model.PROBLEMS + untranslated))


DATA_FILES = ("data/law.yml", "data/programme.yml", "data/terms.yml", "data/draft-markers.yml")
PER_LANGUAGE_RULES = {"avoid", "quotation_marks"}   # keyed by language, but not translations


def check_data(languages, root: Path):
    """(file:line, problem) for each mapping of a data file that has a value in the default language
    but not in every other language."""
    for name in DATA_FILES:
        try:
            tree = _site.with_libyaml(yaml.compose, (root / name).read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            yield name, f"invalid YAML: {error}"
            continue
        yield from _untranslated(tree, languages, name)


def _untranslated(node, languages, name, parent_key=None):
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _untranslated(item, languages, name, parent_key)
    elif isinstance(node, yaml.MappingNode) and parent_key not in PER_LANGUAGE_RULES:
        keys = {key.value: (key, value) for key, value in node.value}
        if languages[0] in keys:
            for lang in languages:
                if lang not in keys:
                    where = keys[languages[0]][0].start_mark.line + 1
                    yield f"{name}:{where}", f"no '{lang}' beside '{languages[0]}' (every language needs its words here)"
        for key, (_, value) in keys.items():
            yield from _untranslated(value, languages, name, key)


def check(languages):
    """(file, problem) for each language file that lacks a key of the default one or has more."""
    default = languages[0]
    files = {lang: _site.ui_file(lang) for lang in languages}
    missing = [lang for lang, path in files.items() if not path.exists()]
    for lang in missing:
        yield f"data/{files[lang].name}", f"no language file for '{lang}' (mkdocs.yml's i18n languages list it)"
    if default in missing:
        return
    try:
        paths = {lang: _site.key_paths(_site.load_yaml(path) or {})
                 for lang, path in files.items() if lang not in missing}
    except yaml.YAMLError as error:
        yield "data/ui.*.yml", f"invalid YAML: {error}"
        return
    reference = f"data/{files[default].name}"
    for lang, keys in paths.items():
        name = f"data/{files[lang].name}"
        for key in sorted(paths[default] - keys):
            yield name, f"missing key '{key}' (it is in {reference})"
        for key in sorted(keys - paths[default]):
            yield name, f"extra key '{key}' (it is not in {reference})"
