"""The theme's files listed once per build, not once per language.

MkDocs' `Files.add_files_from_theme` walks every theme folder on every build (Material ships
thousands of icon files under templates/.icons, which it lists and then filters out name by
name), and static-i18n runs one build per language: the same walk was repeated for each language
(about 6 % of a two-language rebuild, 1 s of profiled time). Here the walk's result, which
theme file comes from which folder, is kept for the rest of the build (a `_model.per_build`
container, emptied at the start of each build) and each language's build adds the same files from
it, in the same order, as MkDocs would. The listing is also kept for the next build, in this
process (`mkdocs serve`) and in .cache/checks/ (`_cache.result`), while what it depends on is the
same (listing_inputs: the installed MkDocs and Material, the names of the files in overrides/).

A patch of a MkDocs internal (MAINTAINING.md, "Patches"): `guard()` fails the build when the
method is not the one this replaces; tests/test_integrations.py checks that the replay gives the
files MkDocs' own method gives.
"""
from __future__ import annotations

import inspect
import sys
from importlib import metadata
from pathlib import Path

import mkdocs   # the engine that runs (MkDocs, or a fork such as ProperDocs that provides its modules)
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from lmp import cache
from lmp.model import site as model

LISTED: dict[tuple, list[tuple[str, str]]] = model.per_build({})   # theme setup → [(path, folder)]
ORIGINAL = getattr(Files.add_files_from_theme, "lmp_original", Files.add_files_from_theme)


def guard() -> None:
    source = inspect.getsource(ORIGINAL)
    if (list(inspect.signature(ORIGINAL).parameters) != ["self", "env", "config"]
            or "env.list_templates(filter_func=filter)" not in source
            or "self.append(File(path, dir, config.site_dir, config.use_directory_urls))" not in source):
        raise PluginError("lmp_mkdocs/theme_files.py: MkDocs' Files.add_files_from_theme changed; "
                          "see MAINTAINING.md, 'Patches'")


def theme_files(env, config) -> list[tuple[str, str]]:
    """(path, theme folder) of each theme file MkDocs would add to a build with no docs files."""
    listed = Files([])
    ORIGINAL(listed, env, config)
    return [(file.src_uri, file.src_dir) for file in listed]


def listing_inputs(config) -> tuple:
    """What the listing depends on: the theme's folders and static templates, the versions of the
    installed packages whose folders these are (MkDocs', Material's: their files change only with
    them) and the names of the files in every other folder (the project's overrides/)."""
    installed = {Path(prefix).resolve() for prefix in (sys.prefix, sys.base_prefix)}
    names = []
    for folder in map(Path, config.theme.dirs):
        if not any(folder.resolve().is_relative_to(prefix) for prefix in installed):
            names.append(sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")))
    return (list(config.theme.dirs), sorted(config.theme.static_templates),   # a set: sorted, or the key varies
            [f"{mkdocs.__name__}=={mkdocs.__version__}", f"mkdocs-material=={metadata.version('mkdocs-material')}"],
            names)


def add_files_from_theme(self: Files, env, config) -> None:
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
    if key not in LISTED:   # kept for the next build too, while the inputs are the same (.cache/checks/)
        LISTED[key] = cache.result("theme_files", "listing", listing_inputs(config),
                                    lambda: [list(item) for item in theme_files(env, config)])
    for path, folder in LISTED[key]:
        if self.get_file_from_path(path) is None:      # theme files do not override docs_dir files
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


add_files_from_theme.lmp_original = ORIGINAL


def on_config(config):
    if Files.add_files_from_theme is not add_files_from_theme:   # once per process
        guard()
        Files.add_files_from_theme = add_files_from_theme
