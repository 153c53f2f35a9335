"""Every language moves together: every page exists in each language, with one structure.

For each `x.nb.md` there must be an `x.<lang>.md` for every language of mkdocs.yml (and the other
way round), with equal language-neutral front matter (id, type, themes, roles…) and the same
headings with the same ids in the same order as the default language's page. A language-suffixed
asset (`docs/assets/diagrams/organisation.nb.svg`) needs its twin in every language too: without
it static-i18n would silently show the default language's picture. Problems are logged as
`docs/<file>:<line>: …` warnings, fatal under --strict.
"""
from __future__ import annotations

import logging
from pathlib import Path


from lmp import project
from lmp.model import pages as lmp_pages
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.translation_pairs")


def check(docs_dir: Path):
    pages: dict[str, dict[str, lmp_pages.Page]] = {}
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        if page.lang is None:
            names = " and ".join(f"{page.key}.{lang}.md" for lang in project.LANGUAGES)
            yield f"{rel}:1", f"no language in the file name: name it {names}"
            continue
        pages.setdefault(page.key, {})[page.lang] = page
    for key, pair in sorted(pages.items()):
        for lang in project.LANGUAGES:
            if lang not in pair:
                other = next(iter(pair.values()))
                yield (f"{other.path.relative_to(docs_dir.parent).as_posix()}:1",
                       f"no translation: docs/{key}.{lang}.md is missing")
        if len(pair) == len(project.LANGUAGES):   # each other language against the default one
            for lang in project.LANGUAGES[1:]:
                yield from pair_problems(docs_dir, pair[project.DEFAULT_LANGUAGE], pair[lang])
    yield from asset_problems(docs_dir)


def asset_problems(docs_dir: Path):
    """A file `name.<lang>.<ext>` (not a page) without `name.<other>.<ext>` for each language."""
    groups: dict[tuple[Path, str, str], set[str]] = {}
    for path in docs_dir.rglob("*.*.*"):
        stem, lang, ext = path.name.rsplit(".", 2)
        if ext != "md" and lang in project.LANGUAGES:
            groups.setdefault((path.parent, stem, ext), set()).add(lang)
    for (folder, stem, ext), langs in sorted(groups.items()):
        for lang in project.LANGUAGES:
            if lang not in langs:
                have = folder / f"{stem}.{sorted(langs)[0]}.{ext}"
                yield (f"{have.relative_to(docs_dir.parent).as_posix()}:1",
                       f"no translation: {(folder / f'{stem}.{lang}.{ext}').relative_to(docs_dir.parent).as_posix()} is missing")


def pair_problems(docs_dir: Path, first: lmp_pages.Page, second: lmp_pages.Page):
    rel = second.path.relative_to(docs_dir.parent).as_posix()
    if first.meta_error or second.meta_error:
        return
    for key in sorted(set(first.meta) | set(second.meta)):
        if key in lmp_pages.PER_LANGUAGE_KEYS:
            continue
        if first.meta.get(key) != second.meta.get(key):
            yield (f"{rel}:{lmp_pages.key_line(second, key)}",
                   f"'{key}' is {second.meta.get(key)!r} here but {first.meta.get(key)!r} in "
                   f"{first.path.name}: language-neutral front matter must be equal")
    if isinstance(first.meta.get("semesters"), dict) and isinstance(second.meta.get("semesters"), dict):
        if sorted(first.meta["semesters"]) != sorted(second.meta["semesters"]):
            yield f"{rel}:{lmp_pages.key_line(second, 'semesters')}", "'semesters' must name the same semesters in both languages"
    ours = [(level, anchor) for level, _, anchor, _ in second.headings() if level <= 3]
    theirs = [(level, anchor) for level, _, anchor, _ in first.headings() if level <= 3]
    if ours != theirs:
        lines = {(level, anchor): line for level, _, anchor, line in second.headings()}
        for index, (mine, other) in enumerate(zip(ours + [None] * len(theirs), theirs + [None] * len(ours))):
            if mine != other:
                where = lines.get(mine, second.body_line) if mine else second.body_line
                yield (f"{rel}:{where}",
                       f"headings differ from {first.path.name} at heading {index + 1}: "
                       f"{_show(mine)} here, {_show(other)} there")
                break


def _show(heading):
    return "none" if heading is None else f"H{heading[0]} #{heading[1]}"
