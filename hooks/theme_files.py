"""The theme's files listed once per build, not once per language.

MkDocs' `Files.add_files_from_theme` walks every theme folder on every build (Material ships
thousands of icon files under templates/.icons, which it lists and then filters out name by
name), and static-i18n runs one build per language: the same walk was repeated for each language
(about 6 % of a two-language rebuild, 1 s of profiled time). Here the walk's result, which
theme file comes from which folder, is kept for the rest of the build (a `_model.per_build`
container: emptied at the start of each build, so `mkdocs serve` lists afresh after every save)
and each language's build adds the same files from it, in the same order, as MkDocs would.

A patch of a MkDocs internal (MAINTAINING.md, "Patches"): `guard()` fails the build when the
method is not the one this replaces; tests/test_integrations.py checks that the replay gives the
files MkDocs' own method gives.
"""
from __future__ import annotations

import inspect
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).parent))
import _model  # noqa: E402

LISTED: dict[tuple, list[tuple[str, str]]] = _model.per_build({})   # theme setup → [(path, folder)]
ORIGINAL = getattr(Files.add_files_from_theme, "lmp_original", Files.add_files_from_theme)


def guard() -> None:
    source = inspect.getsource(ORIGINAL)
    if (list(inspect.signature(ORIGINAL).parameters) != ["self", "env", "config"]
            or "env.list_templates(filter_func=filter)" not in source
            or "self.append(File(path, dir, config.site_dir, config.use_directory_urls))" not in source):
        raise PluginError("hooks/theme_files.py: MkDocs' Files.add_files_from_theme changed; "
                          "see MAINTAINING.md, 'Patches'")


def theme_files(env, config) -> list[tuple[str, str]]:
    """(path, theme folder) of each theme file MkDocs would add to a build with no docs files."""
    listed = Files([])
    ORIGINAL(listed, env, config)
    return [(file.src_uri, file.src_dir) for file in listed]


def add_files_from_theme(self: Files, env, config) -> None:
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
    if key not in LISTED:
        LISTED[key] = theme_files(env, config)
    for path, folder in LISTED[key]:
        if self.get_file_from_path(path) is None:      # theme files do not override docs_dir files
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


add_files_from_theme.lmp_original = ORIGINAL


def on_config(config):
    if Files.add_files_from_theme is not add_files_from_theme:   # once per process
        guard()
        Files.add_files_from_theme = add_files_from_theme
