"""The project: its folder, its mkdocs.yml read as plain values, its languages and its public address.

The site's languages come from the config (the i18n plugin's `languages:` in mkdocs.yml), never from
a list in Python: read here for scripts and tests, and set again from the loaded config at the start
of each build (set_languages, called by the MkDocs adapter, lmp_mkdocs/).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import yaml

# The project's folder (mkdocs.yml, docs/, data/, includes/, overrides/): this checkout, until a
# build names the folder of the config it builds (`use`, called by the adapter at its start).
ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"


def use(root: str | Path) -> None:
    """Read the project's files from `root` (the folder of the mkdocs.yml being built)."""
    global ROOT, CONFIG_FILE
    ROOT = Path(root).resolve()
    CONFIG_FILE = ROOT / "mkdocs.yml"


def path(*parts: str) -> Path:
    """A file of the project, e.g. path("data", "law.yml")."""
    return ROOT.joinpath(*parts)

class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml's parser when installed
    """Reads mkdocs.yml without MkDocs: its !ENV and !!python tags become None (not needed here)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def languages_of(entries) -> tuple[str, ...]:
    """The locales of static-i18n's `languages:` entries, the default language first."""
    def get(entry, key):
        return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)
    codes = [str(get(e, "locale")) for e in entries if get(e, "build") is not False]
    defaults = [str(get(e, "locale")) for e in entries if get(e, "default")]
    first = defaults[0] if defaults else codes[0]
    return (first, *[code for code in codes if code != first])



def lazy_import(name: str):
    """The module `name`, executed on its first use (importlib's LazyLoader): a helper with a heavy
    package (python-docx, pikepdf) that a build from the caches never needs."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module {name} (looked up while the site's code loads)", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_config(config_file: str | Path | None = None) -> dict:
    """A project's mkdocs.yml as plain values, read without MkDocs (for scripts and tests)."""
    with open(config_file or CONFIG_FILE, encoding="utf-8") as file:
        return yaml.load(file, Loader=_ConfigLoader)


def config_languages(config_file: str | Path | None = None) -> tuple[str, ...]:
    """The languages of a project, from the i18n plugin's `languages:` in its mkdocs.yml."""
    config_file = config_file or CONFIG_FILE
    config = read_config(config_file)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_of(plugin["i18n"]["languages"])
    raise ValueError(f"{config_file}: no i18n plugin with `languages:`")



LANGUAGES: tuple[str, ...] = config_languages()   # the first is the default language, served at /
DEFAULT_LANGUAGE = LANGUAGES[0]


def set_languages(entries) -> tuple[str, ...]:
    """Take the languages from the loaded config's i18n `languages:` entries (the adapter calls this
    at the start of each build)."""
    global LANGUAGES, DEFAULT_LANGUAGE
    LANGUAGES = languages_of(entries)
    DEFAULT_LANGUAGE = LANGUAGES[0]
    return LANGUAGES


# The public address. It is set in ONE place: the SITE_URL environment variable, read by
# mkdocs.yml's `site_url`. A build without it knows no address: what it publishes then names no
# host at all (no canonical or hreflang links, no "online" lines in handouts, no site links in
# PDFs) rather than a guessed one. `mkdocs serve` sets its own address while serving.
DEV_ADDRESSES = ("127.0.0.1", "localhost", "0.0.0.0")
DEV_ADDRESS = re.compile(r"\b(?:" + "|".join(map(re.escape, DEV_ADDRESSES)) + r")\b", re.IGNORECASE)


def public_address(site_url: str | None) -> str | None:
    """The site's public address ending in '/' (from the config's site_url), or None when the
    build has none."""
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"
