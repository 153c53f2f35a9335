"""Check every page's front matter and anatomy before anything is built.

Each problem is logged as a warning `docs/<file>:<line>: <what is wrong>`; under --strict (always
on, see mkdocs.yml) any warning fails the build. Runs once per build, not again for the second
language. The schema itself is in CONTRIBUTING.md and lmp/model/pages.py.
"""
from __future__ import annotations

import logging
from pathlib import Path


from lmp.model import pages
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.page_schema")

# The fixed H2 sections of each page type, in order (H3 sections that must exist in brackets).
ANATOMY = {
    "theme": (["objectives", "why", "legal-anchors", "emphasis", "key-concepts", "between-sessions",
               "reflection", "staff-meeting", "further-reading", "key-points", "self-check"],
              ["tasks-working-group", "tasks-all-staff"]),
    "topic": (["what", "through-the-themes", "in-practice", "reflection", "further-reading"],
              ["in-theme-1", "in-theme-2", "in-theme-3", "in-theme-4"]),
    "role": (["who", "duties", "meetings", "deliverables"], []),
}


def check(docs_dir: Path):
    """Yield (file:line, problem) for every page under docs_dir."""
    seen_ids: dict[tuple, str] = {}
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        if page.meta_error:
            yield f"{rel}:{page.meta_error_line}", page.meta_error
            continue
        for problem, key in front_matter_problems(page.meta):
            yield f"{rel}:{pages.key_line(page, key)}", problem
        page_id = page.meta.get("id")
        if isinstance(page_id, str):
            first = seen_ids.setdefault((page.lang, page_id), rel)
            if first != rel:
                yield f"{rel}:{pages.key_line(page, 'id')}", f"id '{page_id}' is already used by {first}"
        for line, problem in anatomy_problems(page):
            yield f"{rel}:{line}", problem


def front_matter_problems(meta: dict):
    known = set(pages.REQUIRED_KEYS) | set(pages.LIST_KEYS) | pages.OTHER_KEYS
    for key in pages.REQUIRED_KEYS:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            yield f"front matter needs '{key}' (a non-empty text)", key
    for key in meta:
        if key not in known:
            yield f"unknown front-matter key '{key}' (known: {', '.join(sorted(known))})", key
    if meta.get("type") not in pages.PAGE_TYPES | {None}:
        yield f"unknown type '{meta['type']}' (one of {', '.join(sorted(pages.PAGE_TYPES))})", "type"
    description = meta.get("description")
    if isinstance(description, str) and len(description) > pages.DESCRIPTION_MAX:
        yield f"description is {len(description)} characters (at most {pages.DESCRIPTION_MAX})", "description"
    for key, allowed in pages.LIST_KEYS.items():
        value = meta.get(key, [])
        if not isinstance(value, list):
            yield f"'{key}' must be a list", key
            continue
        for item in value:
            if item not in allowed:
                yield f"unknown {key[:-1]} id '{item}' in '{key}' (known: {', '.join(allowed)})", key
    kind = meta.get("type")
    if kind == "theme" and meta.get("semester") not in pages.SEMESTERS:
        yield "a theme page needs 'semester' (1 to 4)", "semester"
    if "pdf" in meta and not isinstance(meta["pdf"], bool):
        yield "'pdf' must be true or false", "pdf"
    if kind == "role":
        if meta.get("role") not in pages.ROLES:
            yield f"a role page needs 'role' (one of {', '.join(pages.ROLES)})", "role"
        semesters = meta.get("semesters")
        if not isinstance(semesters, dict) or sorted(semesters) != list(pages.SEMESTERS) or not all(
            isinstance(text, str) and text.strip() for text in semesters.values()
        ):
            yield "a role page needs 'semesters' with a sentence for each of 1, 2, 3 and 4", "semesters"


def anatomy_problems(page):
    headings = page.headings()
    ids = set()
    for level, text, anchor, line in headings:
        if level == 1:
            yield line, "no H1 in the body: the title comes from the front matter"
        elif level in (2, 3) and not anchor:
            yield line, f"heading '{text}' needs an explicit id, e.g. {{ #some-id }}"
        if anchor in ids:
            yield line, f"heading id '{anchor}' is used twice on this page"
        ids.add(anchor)
    expected = ANATOMY.get(page.meta.get("type"))
    if not expected:
        return
    sections, subsections = expected
    h2 = [anchor for level, _, anchor, _ in headings if level == 2]
    if h2 != sections:
        yield page.body_line, (f"a {page.meta['type']} page has the H2 sections {sections} in this order; "
                               f"this one has {h2}")
    h3 = {anchor for level, _, anchor, _ in headings if level == 3}
    for anchor in subsections:
        if anchor not in h3:
            yield page.body_line, f"a {page.meta['type']} page needs the H3 section '{anchor}'"
