"""The programme's visual identity (data/identity.yml): its typeface, a colour per semester theme
and the contact line.

One source for the web pages, the printed material and the slide decks. A colour that is not a
#rrggbb value, or that does not carry white text at WCAG AA (4.5:1), stops the build with the file.
The web pages get the values as CSS variables in a stylesheet made from this file at each build
(`css()`, assets/stylesheets/identity-data.css): no colour of a theme is written twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    contact: dict[str, str] = None
    on_paper: bool = False      # the typeface also on paper (typeface.on_paper)
    names: dict[str, dict[str, str]] = None   # owner/operator → lang → name

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

    def css(self) -> str:
        """The stylesheet of these values: the typeface as Material's text font on screen, and each theme's
        colour as `--lmp-theme-N`, which `.lmp-theme-N` (and what follows it) makes `--lmp-theme-colour`."""
        family = ", ".join([f'"{self.typeface}"', *self.fallback])
        lines = ["/* Made from data/identity.yml at each build (lmp.model.identity): edit that file. */",
                 "/* The web pages' text font; paper sets its own (print/, with assets/fonts/fonts.css). */",
                 f"@media screen {{ :root {{ --md-text-font: {family}; }} }}", ":root {"]
        lines += [f"  --lmp-{theme}: {colour};" for theme, colour in self.themes.items()]
        lines.append("}")
        # the band of a theme page (overrides/main.html) and everything after it in the page
        lines += [f".lmp-{theme}, .lmp-{theme} ~ * {{ --lmp-theme-colour: var(--lmp-{theme}); }}" for theme in self.themes]
        return "\n".join(lines) + "\n"


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
    contact = data.get("contact") or {}
    for key in ("email", "phone"):
        if not isinstance(contact.get(key), str) or not contact[key].strip():
            raise BuildError(f"{where}: contact.{key} is missing")
    names = {key: dict(data.get(key) or {}) for key in ("owner", "operator")}
    return Identity(face["name"], tuple(face.get("fallback") or ()), dict(themes), dict(contact), names=names,
                    on_paper=bool(face.get("on_paper", False)))
