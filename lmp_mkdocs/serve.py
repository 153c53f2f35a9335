"""`mkdocs serve`: a save that changed only pages rebuilds only the languages of those pages.

static-i18n builds the default language (the outer build) and then every other language in a
nested build (its post_build calls MkDocs' `build()` once per language), so each save under
`mkdocs serve` cost one complete build per language. The other languages' output does not
depend on another language's page text, so after such a save the languages whose pages did not
change are put back as their last build made them instead of being built again:

- while serving, each nested build is recorded: the files it wrote into the site folder (their
  bytes), the search entries it added, and what it added to the modules' per-build state
  (`_model.per_build` containers, e.g. search_index's page information);
- before each rebuild, the watched sources are compared with the previous build's: when the only
  changes are edits of existing `*.<lang>.md` pages (no page added or removed, no data, include,
  template, code or config change), the nested build of each other language whose record exists
  is replaced by that record; anything else rebuilds every language, as `mkdocs build` always
  does. The default language is static-i18n's outer build and is always built: a save of an
  `.nb.md` page builds nb only, a save of an `.en.md` page builds nb and en.

`mkdocs build` (and so CI and the tests' session build) never takes this path: the records exist
only under `mkdocs serve`. tests/test_rebuild.py checks that a recorded rebuild after editing a
default-language page gives byte for byte what a clean build gives. A patch of static-i18n's
module-level `build` (MAINTAINING.md, "Patches"), guarded: `guard()` fails the build when the
nested build is no longer called through it.
"""
from __future__ import annotations

import inspect
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from lmp import project
from lmp.model import site as model
from lmp_mkdocs import i18n as lmp_i18n

log = logging.getLogger("mkdocs.hooks.serve_one_language")
WATCHED = ("docs", "data", "includes", "overrides", "print", "lmp", "lmp_mkdocs", "mkdocs.yml")
SERVING: dict = {"on": False, "changed": None}   # changed: the languages whose pages alone changed
RECORDS: dict[str, dict] = {}            # language → what its last nested build wrote and added
_SOURCES: dict[str, tuple] = {}          # path → (mtime_ns, size) at the start of the last build


def guard() -> None:
    import mkdocs_static_i18n.plugin as i18n_plugin
    source = inspect.getsource(i18n_plugin.I18n.on_post_build)
    if "build(config, dirty=dirty)" not in source or not callable(getattr(i18n_plugin, "build", None)):
        raise PluginError("lmp_mkdocs/serve.py: static-i18n no longer runs its nested "
                          "builds through its module's build(); see MAINTAINING.md, 'Patches'")


def sources(root: Path | None = None) -> dict[str, tuple]:
    root = root or project.ROOT
    found = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" not in path.parts:
                stat = path.stat()
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_languages(before: dict, after: dict, languages) -> set[str] | None:
    """The languages of the pages that changed, when the sources differ only in the text of
    existing pages; None when anything else changed (or nothing: a rebuild asked for by hand)."""
    if not before or before.keys() != after.keys():
        return None
    found = set()
    for path in (path for path in after if after[path] != before[path]):
        page = re.fullmatch(r"docs/.+\.([^./]+)\.md", path)
        if page is None or page.group(1) not in languages:
            return None
        found.add(page.group(1))
    return found or None


def _files(site_dir: str) -> dict[str, tuple]:
    found = {}
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found[os.path.relpath(path, site_dir)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _state() -> list:
    return [container.copy() for container in model._STATE]


def _added(before: list, after: list) -> list:
    """What the nested build added to each per-build container (new or replaced entries)."""
    delta = []
    for old, new in zip(before, after):
        if isinstance(new, dict):
            delta.append({k: v for k, v in new.items() if k not in old or old[k] is not v})
        elif isinstance(new, list):
            delta.append(new[len(old):])
        else:
            delta.append(new - old)
    return delta


def _apply(delta: list) -> None:
    for container, added in zip(model._STATE, delta):
        if isinstance(container, dict):
            container.update(added)
        elif isinstance(container, list):
            container.extend(added)
        else:
            container |= added


def recorded_build(original):
    def build(config, dirty=False):
        i18n, site_dir = config.plugins["i18n"], config.site_dir
        language = i18n.current_language
        record = RECORDS.get(language)
        changed = SERVING["changed"]
        if changed is not None and language not in changed and record is not None:
            for name, data in record["files"].items():
                path = os.path.join(site_dir, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as file:
                    file.write(data)
            i18n.search_entries.extend(record["entries"])
            _apply(record["state"])
            log.info("%s: not rebuilt (only %s pages changed): its last build put back",
                     language, " and ".join(sorted(changed)))
            return None
        if not SERVING["on"]:
            return original(config, dirty=dirty)
        files, entries, state = _files(site_dir), len(i18n.search_entries), _state()
        result = original(config, dirty=dirty)
        written = [name for name, stat in _files(site_dir).items() if files.get(name) != stat]
        contents = {}
        for name in written:
            with open(os.path.join(site_dir, name), "rb") as file:
                contents[name] = file.read()
        RECORDS[language] = {"files": contents, "entries": list(i18n.search_entries[entries:]),
                             "state": _added(state, _state())}
        return result
    build.lmp_original = original
    return build


def install() -> None:
    """Wrap static-i18n's build() with this module's records (again for each build: a process
    that loads the code of another project copy, as the tests do, uses that copy's module)."""
    import mkdocs_static_i18n.plugin as i18n_plugin
    guard()
    i18n_plugin.build = recorded_build(getattr(i18n_plugin.build, "lmp_original", i18n_plugin.build))


def on_startup(command, dirty):
    SERVING["on"] = command == "serve"


def on_config(config):
    if lmp_i18n.is_nested_build(config):
        return
    install()
    if SERVING["on"]:
        now = sources()
        SERVING["changed"] = changed_languages(_SOURCES, now, project.LANGUAGES)
        _SOURCES.clear()
        _SOURCES.update(now)
        if SERVING["changed"] is None:
            RECORDS.clear()
