"""Short addresses of the site's own (data/short-links.yml): <site>/l/<name>/ forwards to a long
address, so that paper prints a short address and a small QR code (version ≤ 4) instead of a
360-character one. The targets are external addresses the site already keeps in one place: a
reference of includes/links.md or an id of data/law.yml; anything else stops the build, naming the
file and line. Each forwarding page is a file of the build (lmp_mkdocs/printing.py, builds with a
public address only): a meta refresh and a plain link, no script, nothing from another host."""
from __future__ import annotations

import re
from html import escape

import yaml

from lmp import project
from lmp.errors import BuildError
from lmp.generators import law_citations

FOLDER = "l"
SOURCE = "data/short-links.yml"
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REFERENCE = re.compile(r"^\[([^\]]+)\]:\s*(\S+)\s*$")


def _references() -> dict[str, str]:
    """The link references of includes/links.md: name → address."""
    found = {}
    for line in project.path("includes", "links.md").read_text(encoding="utf-8").splitlines():
        match = REFERENCE.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def load() -> dict[str, str]:
    """name → target address; a bad name or target fails with file:line."""
    path = project.path(*SOURCE.split("/"))
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    lines = text.splitlines()

    def line_of(name: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if re.match(rf"\s+{re.escape(str(name))}\s*:", line)), 1)

    references, law = _references(), law_citations.link_targets(law_citations.load_law())
    links = {}
    for name, target in (data.get("links") or {}).items():
        name, target = str(name), str(target)
        where = f"{SOURCE}:{line_of(name)}"
        if not NAME.match(name):
            raise BuildError(f"{where}: {name!r} is not a short name (lower-case letters, digits, '-')")
        if target.startswith("law:"):
            url = law.get(target[4:])
            if url is None:
                raise BuildError(f"{where}: {target!r}: no such id with an address in data/law.yml")
        else:
            url = references.get(target)
            if url is None:
                raise BuildError(f"{where}: {target!r} is not a reference of includes/links.md "
                                 "(nor law:<id> of data/law.yml)")
        if not url.startswith("https://"):
            raise BuildError(f"{where}: {target!r} is {url!r}, not an https:// address")
        links[name] = url
    return links


def short_url(url: str, site_url: str | None, links: dict[str, str] | None = None) -> str | None:
    """The short address of `url` on the site (`site_url` ends with /), or None."""
    if not site_url:
        return None
    links = load() if links is None else links
    for name, target in links.items():
        if target == url:
            return f"{site_url}{FOLDER}/{name}/"
    return None


def forwarding_page(name: str, url: str) -> str:
    """The page at l/<name>/index.html: forwards at once; the link is there for anything that
    does not follow a refresh."""
    target = escape(url, quote=True)
    return ("<!doctype html>\n"
            f'<html lang="{project.DEFAULT_LANGUAGE}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(name)}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
            f'<body>\n<p><a href="{target}">{target}</a></p>\n</body>\n</html>\n')


def files() -> dict[str, str]:
    """dest path → content of every forwarding page."""
    return {f"{FOLDER}/{name}/index.html": forwarding_page(name, url) for name, url in load().items()}
