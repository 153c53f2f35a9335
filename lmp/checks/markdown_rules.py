"""Lint the Markdown body of every page: images need alt text, heading levels go one step at a
time, and admonitions use the closed set of types in CONTRIBUTING.md.

Each problem is a warning `docs/<file>:<line>: <what is wrong>` (fatal under --strict). Front
matter and page pairs are checked by page_schema.py and translation_pairs.py.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path


from lmp.model import pages
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.markdown_rules")

ADMONITION_TYPES = ("note", "tip", "info", "warning", "example", "question", "quote")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def check(docs_dir: Path):
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        # a page's problems depend on its text alone: under `mkdocs serve` a save re-checks that page
        for line, problem in model.unchanged("markdown_rules", str(page.path), (page.text,),
                                              lambda: [list(found) for found in problems(page)]):
            yield f"{rel}:{line}", problem


def problems(page: pages.Page):
    fenced = False
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if pages.FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        if IMAGE_WITHOUT_ALT.search(line):
            yield number, "image without alt text: write what it shows between the brackets ![…](…)"
        for tag in HTML_IMAGE.findall(line):
            if not re.search(r"\balt\s*=", tag):
                yield number, "<img> without an alt attribute"
        match = ADMONITION.match(line)
        if match and match.group(1) not in ADMONITION_TYPES:
            yield number, (f"unknown admonition type '{match.group(1)}' "
                           f"(use one of {', '.join(ADMONITION_TYPES)})")
    level = 1  # the page title is the H1
    for heading_level, text, _, number in page.headings():
        if heading_level > level + 1:
            yield number, (f"heading '{text}' is H{heading_level} after H{level}: "
                           f"a level was skipped (use H{level + 1})")
        level = heading_level
