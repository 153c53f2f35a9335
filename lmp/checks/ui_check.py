"""At the start of each build: take the site's languages from the config, and check that every
language file has the same keys.

The languages are the i18n plugin's `languages:` in mkdocs.yml (project.set_languages); nothing in
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
from pathlib import Path

import yaml

from lmp import words
from lmp.model import pages

log = logging.getLogger("mkdocs.hooks.ui_check")


DATA_FILES = ("data/law.yml", "data/programme.yml", "data/terms.yml", "data/draft-markers.yml")
PER_LANGUAGE_RULES = {"avoid", "quotation_marks"}   # keyed by language, but not translations


def check_data(languages, root: Path):
    """(file:line, problem) for each mapping of a data file that has a value in the default language
    but not in every other language."""
    for name in DATA_FILES:
        try:
            tree = pages.with_libyaml(yaml.compose, (root / name).read_text(encoding="utf-8"))
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
    files = {lang: words.ui_file(lang) for lang in languages}
    missing = [lang for lang, path in files.items() if not path.exists()]
    for lang in missing:
        yield f"data/{files[lang].name}", f"no language file for '{lang}' (mkdocs.yml's i18n languages list it)"
    if default in missing:
        return
    try:
        paths = {lang: words.key_paths(pages.load_yaml(path) or {})
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
