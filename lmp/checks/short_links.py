"""data/short-links.yml: every short name is a plain path segment and every target an external
address the site keeps in one place (includes/links.md or data/law.yml); lmp/print/short_links.py
reads it. Checked in every build, also the ones without a public address that publish none."""
from __future__ import annotations

from pathlib import Path

from lmp.errors import BuildError
from lmp.print import short_links


def check(docs_dir: Path):
    try:
        short_links.load()
    except BuildError as error:
        where, _, problem = str(error).partition(": ")
        yield where, problem
