"""One name for each thing: fail the build on a variant the term list (data/terms.yml) avoids.

Reads every page source (front matter included: titles and descriptions are read too), the shared
includes, the interface words (data/ui.<lang>.yml), the language strings of data/programme.yml
and data/law.yml (inline and block values) and the texts of the self-check questions (data/self-check/),
and logs `file:line: …` for each avoided variant in the file's language, each «» on an English page, and each glossary line whose English
rendering differs from the term list. Under --strict (always on) that fails the build. Runs once
per build. A page listed under `not_checked_yet` in data/terms.yml (with its reason) is reported
as INFO only, until the reason is gone. tests/test_terms.py checks the built pages as well.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path


from lmp import project
from lmp import words
from lmp.model import pages
from lmp.model import reading
from lmp.model import self_check
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.term_check")

GLOSSARY = "reference/glossary.{lang}.md"
_CODES = "|".join(map(re.escape, project.LANGUAGES))    # the languages of mkdocs.yml's i18n config
YAML_STRING = re.compile(rf"\b({_CODES}):\s*(\"[^\"]*\"|'[^']*'|[^,}}\n]*)")  # `nb: …` in a YAML line
BLOCK_VALUE = re.compile(rf"^(\s*)({_CODES}):\s*[>|][-+]?\s*$")     # `en: >-` opens a block value
QUOTED = re.compile(r"«[^«»]*»")
# The data files whose nb/en strings end up on pages (the law overview and citations, the calendar)
DATA_FILES = ("programme.yml", "law.yml")


def load(path: Path | None = None) -> dict:
    path = path or project.path("data", "terms.yml")
    return pages.load_yaml(path)


def rules(terms: dict) -> dict[str, list[tuple[re.Pattern, str]]]:
    """{lang: [(pattern, message)]} from the term list."""
    found: dict[str, list] = {lang: [] for lang in project.LANGUAGES}
    for term in terms["terms"]:
        for lang, patterns in (term.get("avoid") or {}).items():
            for pattern in patterns:
                found[lang].append((re.compile(pattern, re.IGNORECASE),
                                    f"write '{term[lang]}' (data/terms.yml, term '{term['id']}')"))
    for lang, pattern in (terms.get("quotation_marks") or {}).items():
        found[lang].append((re.compile(pattern), "use English quotation marks (“…” or \"…\"), not «»"))
    return found


def reader_text(line: str, lang: str) -> str:
    """What a reader reads of one source line: no link targets, tags, attribute lists or code, and
    nothing marked as another language (`<span lang="nb">…</span>`, `*…*{ lang=en }`): the page
    language's term rules are not that language's."""
    text = re.sub(r"`[^`]*`", " ", line)
    text = pages.OTHER_LANGUAGE.sub(lambda m: m.group(0) if (m.group(2) or m.group(3)) == lang else " ", text)
    text = reading.readable_text(text)
    text = re.sub(r"https?://\S+|\S+@\S+", " ", text)
    return without_quotations(text, lang)


def without_quotations(text: str, lang: str) -> str:
    """In nb and nn (whose quotation marks are «»), quotations keep their own language form (the
    acts' nynorsk or bokmål), so the term rules leave «…» alone."""
    return QUOTED.sub(" ", text) if words.ui(lang)["law"]["quotes"][0] == "«" else text


ANCHORED = re.compile(r"(?<!\\)[$^]|\\[AZ]")   # a pattern tied to the start or end of a line


def active_rules(texts, lang: str, found_rules):
    """The rules worth looking for line by line in these texts: those found somewhere in them (a
    pattern that matches a line matches the lines joined; anchored ones are always looked for)."""
    whole = "\n".join(texts)
    return [(pattern, message) for pattern, message in found_rules[lang]
            if ANCHORED.search(pattern.pattern) or pattern.search(whole)]


def scan(lines, lang: str, found_rules, first_line: int = 1, active=None):
    """(line number, message) for each avoided variant in the lines of one language. `active`:
    the rules already narrowed down for a text these lines are part of (see active_rules)."""
    texts = [(number, reader_text(line, lang)) for number, line in pages.prose_lines(lines, first_line)]
    if active is None:
        active = active_rules((text for _, text in texts), lang, found_rules)
    for number, text in texts:
        for pattern, message in active:
            for match in pattern.finditer(text):
                yield number, f"'{match.group(0)}': {message}"


def scanned(name: str, text: str, lang: str, found_rules) -> list:
    """scan() of one file's text, re-done only when the text or the rules changed."""
    signature = tuple((pattern.pattern, pattern.flags, message) for pattern, message in found_rules[lang])
    return model.unchanged("term_check", name, (text, lang, signature),
                            lambda: list(scan(text.splitlines(), lang, found_rules)))


def check(docs_dir: Path, terms: dict | None = None):
    terms = terms or load()
    found_rules = rules(terms)
    root = docs_dir.parent
    pending = terms.get("not_checked_yet") or {}
    for page in model.iter_pages(docs_dir):
        if page.lang not in found_rules:
            continue
        rel = page.path.relative_to(root).as_posix()
        for number, problem in scanned(str(page.path), page.text, page.lang, found_rules):
            if page.key in pending:
                log.info("%s:%s: %s (not checked yet: %s)", rel, number, problem, pending[page.key])
                continue
            yield f"{rel}:{number}", problem
    for lang in project.LANGUAGES:
        for path in sorted((root / "includes").glob(f"*.{lang}.md")):
            for number, problem in scanned(str(path), path.read_text(encoding="utf-8"), lang, found_rules):
                yield f"{path.relative_to(root).as_posix()}:{number}", problem
    for name in DATA_FILES:
        yield from data_problems(root / "data" / name, root, found_rules)
    for path, lang, text in self_check.texts(root, project.LANGUAGES):   # the self-check questions
        if lang in found_rules:
            for number, problem in scanned(f"{path} {lang}", text, lang, found_rules):
                yield f"{path.relative_to(root).as_posix()}:{number}", problem
    for lang in project.LANGUAGES:      # interface words: every line of data/ui.<lang>.yml is that language
        path = root / "data" / f"ui.{lang}.yml"
        if path.exists():
            for number, problem in scanned(str(path), path.read_text(encoding="utf-8"), lang, found_rules):
                yield f"{path.relative_to(root).as_posix()}:{number}", problem
    yield from glossary_problems(docs_dir, root, terms)


def language_strings(lines):
    """(line number, lang, text) of each `nb:`/`en:` string in a data file: inline values and the
    lines of block values (`en: >-` followed by indented lines)."""
    block = None                                   # (lang, indent of its key) inside a block value
    for number, line in enumerate(lines, start=1):
        indent = len(line) - len(line.lstrip())
        if block and (not line.strip() or indent > block[1]):
            yield number, block[0], line.strip()
            continue
        block = None
        if line.lstrip().startswith("#"):
            continue
        opening = BLOCK_VALUE.match(line)
        if opening:
            block = (opening.group(2), len(opening.group(1)))
            continue
        for lang, value in YAML_STRING.findall(line):
            yield number, lang, value


def data_problems(path: Path, root: Path, found_rules):
    strings = list(language_strings(path.read_text(encoding="utf-8").splitlines()))
    # The rules are narrowed down once per language for the whole file, not once per string.
    active = {lang: active_rules((reader_text(value, lang) for _, code, value in strings if code == lang),
                                 lang, found_rules) for lang in found_rules}
    for number, lang, value in strings:
        for _, problem in scan([value], lang, found_rules, active=active[lang]):
            yield f"{path.relative_to(root).as_posix()}:{number}", problem


def glossary_problems(docs_dir: Path, root: Path, terms: dict):
    """The glossary's English rendering of a listed term is the term list's."""
    for lang in project.LANGUAGES:
        path = docs_dir / GLOSSARY.format(lang=lang)
        if not path.exists():
            continue
        lines = [re.sub(r"<[^>]+>", "", line)   # <span lang="nb">veileder</span> reads veileder
                 for line in path.read_text(encoding="utf-8").splitlines()]
        for term in terms["terms"]:
            headword = term.get(f"glossary_{lang}") or term.get("glossary")   # nn: its own headword
            if not headword:
                continue
            where = [i for i, line in enumerate(lines, start=1) if line.startswith(f"{headword} · ")]
            rel = path.relative_to(root).as_posix()
            if not where:
                yield f"{rel}:1", f"no glossary entry '{headword} · *{term['en']}*' (data/terms.yml, term '{term['id']}')"
            elif not lines[where[0] - 1].startswith(f"{headword} · *{term['en']}*"):
                yield f"{rel}:{where[0]}", (f"the glossary renders '{headword}' otherwise than the term list: "
                                            f"write '{headword} · *{term['en']}*' (data/terms.yml)")

