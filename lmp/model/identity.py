"""The programme's visual identity (data/identity.yml): its typeface and a colour per semester theme.

One source for the web pages, the printed material and the slide decks. A colour that is not a
#rrggbb value, or that does not carry white text at WCAG AA (4.5:1), stops the build with the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from lmp import project
from lmp.errors import BuildError

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Identity:
    typeface: str
    fallback: tuple[str, ...]
    themes: dict[str, str]
    names: dict[str, dict[str, str]] = field(default_factory=dict)   # owner/operator → lang → name

    def owner(self, lang: str) -> str:
        """Who owns the programme, by name in `lang` (data/identity.yml `owner`)."""
        return self._name("owner", lang)

    def operator(self, lang: str) -> str:
        """Who runs the programme, by name in `lang` (data/identity.yml `operator`)."""
        return self._name("operator", lang)

    def _name(self, key: str, lang: str) -> str:
        try:
            return self.names[key][lang]
        except KeyError:
            raise BuildError(f"data/identity.yml: no {key} name in {lang!r}") from None

    def theme_colour(self, theme: str) -> str:
        """The colour of a semester theme ("theme-2"), as #rrggbb."""
        try:
            return self.themes[theme]
        except KeyError:
            raise BuildError(f"data/identity.yml: no colour for {theme!r} (themes: {', '.join(self.themes)})") from None


def load(path=None) -> Identity:
    path = path or project.path("data", "identity.yml")
    data = yaml.safe_load(open(path, encoding="utf-8")) or {}
    where = "data/identity.yml"
    face = (data.get("typeface") or {})
    if not face.get("name"):
        raise BuildError(f"{where}: typeface.name is missing")
    themes = data.get("themes") or {}
    for theme, colour in themes.items():
        if not isinstance(colour, str) or not _HEX.match(colour):
            raise BuildError(f"{where}: themes.{theme} is {colour!r}, not a #rrggbb colour")
        ratio = contrast(colour, "#FFFFFF")
        if ratio < 4.5:
            raise BuildError(f"{where}: themes.{theme} {colour} carries white text at {ratio:.2f}:1, below 4.5:1")
    names = {key: dict(data.get(key) or {}) for key in ("owner", "operator")}
    return Identity(face["name"], tuple(face.get("fallback") or ()), dict(themes), names)
