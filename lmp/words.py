"""Interface words: one YAML file per language (data/ui.nb.yml, data/ui.en.yml, …), same keys in
each, looked up strictly: a missing key names its key path and file."""
from __future__ import annotations

from pathlib import Path

from lmp import project
from lmp.errors import BuildError
from lmp.model import pages





class MissingWord(BuildError):
    """A key that a language file (data/ui.<lang>.yml) lacks: names the key path and the file.
    Not a KeyError on purpose: Jinja turns a KeyError into an anonymous undefined value."""


class Words(dict):
    """A section of a language file. A missing key raises MissingWord naming the key path
    (e.g. `reading_time.label`) and the file (`data/ui.en.yml`): never a silent fallback."""

    def __init__(self, values: dict, file: str, path: str = ""):
        super().__init__({key: Words(value, file, f"{path}{key}.") if isinstance(value, dict) else value
                          for key, value in values.items()})
        self._file, self._path = file, path

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            raise MissingWord(f"{self._file}: no key '{self._path}{key}' (every language file needs "
                              f"the same keys as data/ui.{project.DEFAULT_LANGUAGE}.yml)") from None

    def get(self, key, default=None):  # only for optional lookups a caller decides on itself
        return super().get(key, default)

    def _read_only(self, *args, **kwargs):
        raise TypeError(f"{self._file}: interface words are shared by every module and page "
                        "(lmp/model/pages.py ui()): copy a section before changing it")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _read_only


def ui_file(lang: str) -> Path:
    return project.path("data", f"ui.{lang}.yml")


def ui(lang: str) -> Words:
    """The interface words of one language, from data/ui.<lang>.yml (strict: see Words)."""
    path = ui_file(lang)
    name = f"data/{path.name}"
    if not path.exists():
        raise MissingWord(f"{name}: no such language file for the language '{lang}' "
                          "(mkdocs.yml's i18n `languages:` lists it)")
    # Built once while the file is unchanged (asked ~800 times a build), shared: read-only.
    stat = path.stat()
    version, cached = (stat.st_mtime_ns, stat.st_size), _WORDS.get(str(path))
    if cached is None or cached[0] != version:
        cached = _WORDS[str(path)] = (version, Words(pages.load_yaml(path) or {}, name))
    return cached[1]


_WORDS: dict[str, tuple] = {}   # data/ui.<lang>.yml → (its version, its Words)


def key_paths(values, prefix: str = "") -> set[str]:
    """Every key path of a language file, e.g. {'home.as_of', 'home.steps.before', …}."""
    if not isinstance(values, dict):
        return {prefix[:-1]} if prefix else set()
    paths = set()
    for key, value in values.items():
        paths |= key_paths(value, f"{prefix}{key}.")
    return paths


