"""No development address in what is published.

The public address comes from one place (SITE_URL → mkdocs.yml's `site_url`, see
`_site.public_address`). This module stops a build whose sources hard-code a development address
(127.0.0.1, localhost, 0.0.0.0): each one is a warning `docs/<file>:<line>: …`, fatal under
--strict. The built output is scanned by tests/test_published_address.py.
"""
from __future__ import annotations

import logging
from pathlib import Path


from lmp import project

log = logging.getLogger("mkdocs.hooks.published_address")

SOURCE_SUFFIXES = {".md", ".yml", ".yaml", ".html", ".js", ".css", ".svg", ".txt", ".json"}


def check(docs_dir: Path):
    root = docs_dir.parent
    for folder in (docs_dir, root / "includes", root / "data", root / "overrides"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            lowered = text.lower()
            if not any(address in lowered for address in project.DEV_ADDRESSES):
                continue                      # most files: a plain search of the whole text
            for number, line in enumerate(text.splitlines(), start=1):
                found = project.DEV_ADDRESS.search(line)
                if found:
                    yield (f"{path.relative_to(root).as_posix()}:{number}",
                           f"development address '{found.group(0)}' in a published source: "
                           "link pages relatively, and let SITE_URL give the public address")
