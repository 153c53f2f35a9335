"""Icon shortcodes (`:material-account-group:`) looked up when a page uses one.

Material's emoji index (`material.extensions.emoji.twemoji`, set in mkdocs.yml) globs every icon
file the theme ships (about 10,000 under templates/.icons) when the first page is converted: 0.14 s
of every build started afresh, for the four icons of the home pages. `theme_icons` gives the same
index through pymdownx.emoji's public `emoji_index` option: the twemoji emoji and aliases, and a
theme icon's file found when a shortcode asks for it (`:material-account-group:` →
`.icons/material/account-group.svg`). Material's `to_svg` still inlines the SVG.
tests/test_integrations.py checks that it finds what Material's index finds.
"""
from __future__ import annotations

from pathlib import Path

import material
from material.extensions import emoji as material_emoji
from pymdownx import twemoji_db

THEME_ICONS = Path(material.__file__).parent / "templates" / ".icons"


def icon_file(name: str, folders: list[Path]) -> Path | None:
    """The SVG of a shortcode name without colons (`material-account-group`), as Material's index
    names it: the file's path below an icon folder with `/` written `-`."""
    parts = name.split("-")
    for folder in folders:
        for depth in range(min(len(parts), 4)):     # logo, material/…, fontawesome/brands/…
            path = folder.joinpath(*parts[:depth], "-".join(parts[depth:]) + ".svg")
            if path.is_file():
                return path
    return None


class _Icons(dict):
    """twemoji's emoji, then theme icons found on first use (pymdownx asks with `.get`)."""

    def __init__(self, emoji: dict, folders: list[Path]):
        super().__init__(emoji)
        self.folders = folders

    def get(self, name, default=None):
        if name not in self and name.startswith(":") and name.endswith(":"):
            path = icon_file(name[1:-1], self.folders)
            if path is not None:
                self[name] = {"name": name, "path": str(path)}
        return super().get(name, default)


_INDEXES: dict[tuple[str, ...], dict] = {}


def theme_icons(options: dict, md) -> dict:
    folders = (*options.get("custom_icons", []), str(THEME_ICONS))
    if folders not in _INDEXES:
        _INDEXES[folders] = {"name": "twemoji", "aliases": twemoji_db.aliases,
                             "emoji": _Icons(twemoji_db.emoji, [Path(f) for f in folders])}
    return _INDEXES[folders]


def on_config(config):
    settings = config.mdx_configs.get("pymdownx.emoji") or {}
    if settings.get("emoji_index") is material_emoji.twemoji:
        settings["emoji_index"] = theme_icons
