"""Each page in its own language: every word a reader reads is a word of the page's language.

The words of each page (title, description and the semester lines of the front matter; headings,
prose, lists, tables and admonitions of the body) are looked up in a hunspell dictionary of the
page's language, with the project's own word list for names, terms and abbreviations
(`data/words.<lang>.txt`). Not looked up: code, link targets, URLs and e-mail addresses, HTML
tags, attribute lists, link and abbreviation definitions, quotations in «…», “…” or „…“ and
blockquotes (`> …`: quoted documents keep their own language and spelling).

The texts of the self-check questions (data/self-check/<theme>.yml: question, options, feedback)
are read the same way, each in its language, and named `data/self-check/<theme>.yml:<line>`.

The build fails under --strict with `docs/<file>:<line>: '<word>' is not a … word` for the first
line of each unknown word on each page: a misspelling, or a word form of another language (a
bokmål `ikke` on a nynorsk page). Fix the page; add only names and terms to the word list.

The languages are the site's (mkdocs.yml, i18n `languages:`); each one's dictionary and its
Debian package are in mkdocs.yml `extra.spelling` (a language without one fails the build, and
so does a dictionary that is not installed: never skipped). hunspell runs once per dictionary and
build, all at once, with the words it has not answered for before (`hunspell -l`); its answers are
kept per version of the dictionary files (in memory and in `.cache/hunspell/`; LMP_BUILD_CACHE=off
asks hunspell afresh), and a page's words are extracted again only when its text changed, so a
rebuild under `mkdocs serve` costs next to nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path


from lmp import cache
from lmp import project
from lmp.errors import BuildError
from lmp.model import pages as lmp_pages
from lmp.model import reading
from lmp.model import self_check
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.language_check")

WORD_LIST = "data/words.{lang}.txt"
FRONT_MATTER_TEXT = {"title", "description", "semesters"}   # what a reader reads of the front matter

QUOTATION = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|„[^„“”\n]*[“”]")
QUOTATION_ENDS = {"«": "»", "“": "”", "„": "“”"}
OPEN_QUOTATION = re.compile("[«“„]")                  # left after the closed ones are taken out
SKIPPED = re.compile(r"`[^`\n]*`"                       # code
                     r"|https?://\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"   # URLs, e-mail addresses
                     r"|\b(?:[\w-]+\.)+(?:no|com|org|net|int|eu)\b"     # domain names (regjeringen.no)
                     r"|<!--.*?-->|&[#\w]+;"             # comments (markers), character references
                     r"|\[\^[^\]]*\]"                    # footnote references
                     r"|\[[a-z][a-z0-9]*(?:-[a-z0-9]+)+\]"  # a cited provision [bhl-ch-8]: lmp/generators/law_citations.py
                     r"|:[a-z][\w+-]*:")                  # an icon :material-compass-outline:
BLOCK_SYNTAX = re.compile(r"^\s*(?:(?:!!!|\?\?\?\+?)\s+[\w-]+|===\+?|--8<--.*$)")  # admonition, tab, snippet
OTHER_LANGUAGE = lmp_pages.OTHER_LANGUAGE   # a part marked as another language (WCAG 3.1.2)
INFLECTED_ABBREVIATION = re.compile(r"\b([A-ZÆØÅ]{2,})-[a-zæøå]{1,3}\b")   # PDF-en, SFO-ar: the abbreviation
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")     # letters; hyphens and digits separate words
GENITIVE = re.compile(r"(?:['’]?s|['’])$")


def front_matter_lines(lines, end: int):
    """(number, text) of the front-matter values a reader reads (title, description, semesters)."""
    key = None
    for number, line in enumerate(lines[1:end - 1], start=2):
        top = re.match(r"^([\w-]+):\s*(.*)$", line)
        if top:
            key, value = top.group(1), top.group(2)
        else:
            nested = re.match(r"^\s+[\w-]+:\s*(.*)$", line)
            value = nested.group(1) if nested else line
        if key in FRONT_MATTER_TEXT:
            yield number, QUOTATION.sub(" ", SKIPPED.sub(" ", value.strip().strip("\"'")))


def reader_lines(text: str):
    """(line number, text a reader reads) of one page source."""
    lines = text.splitlines()
    match = lmp_pages.FRONT_MATTER.match(text)
    end = match.group(0).count("\n") if match else 0      # lines of the front matter, fences included
    yield from front_matter_lines(lines, end)
    closing = None                                     # the closing mark of a quotation still open
    for number, line in lmp_pages.prose_lines(lines[end:], first_line=end + 1):
        if line.lstrip().startswith(">"):
            continue                                   # a blockquote: a quoted document's own words
        if closing and not line.strip():
            closing = None                             # a quotation ends with its paragraph
        if closing:                                    # a quotation that began on an earlier line
            at = min((line.find(mark) for mark in closing if mark in line), default=-1)
            if at < 0:
                continue
            line, closing = " " * (at + 1) + line[at + 1:], None
        line = QUOTATION.sub(" ", SKIPPED.sub(" ", BLOCK_SYNTAX.sub(" ", line)))
        opened = OPEN_QUOTATION.search(line)           # a quotation that goes on to the next line
        if opened:
            line, closing = line[:opened.start()], QUOTATION_ENDS[opened.group(0)]
        yield number, line


def words(text: str, lang: str) -> dict[tuple[str, str], int]:
    """{(language, word): the line of its first occurrence} of one page source in `lang`; the
    words of a part marked `*…*{ lang=xx }` are words of xx."""
    found: dict[tuple[str, str], int] = {}
    for number, line in reader_lines(text):
        if not line.strip():
            continue
        parts = [(lang, line)]
        if "lang=" in line:
            parts = [(lang, OTHER_LANGUAGE.sub(" ", line))]
            parts += [(code or span_code, part or span) for part, code, span_code, span
                      in OTHER_LANGUAGE.findall(line)]
        for code, part in parts:
            part = INFLECTED_ABBREVIATION.sub(r"\1", reading.readable_text(part))
            for word in WORD.findall(part):
                if len(word) > 1:
                    found.setdefault((code, word.replace("’", "'")), number)
    return found


def load_word_list(path: Path) -> set[str]:
    """The words of a word list: one per line, `#` starts a comment."""
    if not path.exists():
        raise BuildError(f"{path.relative_to(path.parent.parent).as_posix()}: no word list for the "
                          "language (names and terms the dictionary lacks, one per line; may be empty)")
    listed = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            listed.add(line)
    return listed


def listed(word: str, word_list: set[str]) -> bool:
    """A word of the list, also capitalised at the start of a sentence and in the genitive."""
    for form in (word, GENITIVE.sub("", word)):
        if form in word_list or form[:1].lower() + form[1:] in word_list:
            return True
    return False


_LISTED: dict[str, tuple[frozenset, dict[str, bool]]] = {}   # lang → (its word list, {word: in it}): content
_KNOWN: dict[tuple[str, str], bool] = {}   # (dictionary, word) → in it: content, valid across builds
_READ: set[str] = set()                      # dictionaries whose answers were read from .cache/
DICTIONARY_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")


def answers_file(dictionary: str) -> Path | None:
    """`.cache/hunspell/<dictionary>-<version>.json`: hunspell's answers for the dictionary files
    as installed (their path, size and time; another version of them is another file). None when
    the cache is off (LMP_BUILD_CACHE=off, as in the tests) or the files are not found."""
    folder = cache.directory()
    if folder is None:
        return None
    for base in [*filter(None, os.environ.get("DICPATH", "").split(":")), *DICTIONARY_FOLDERS]:
        files = [Path(base) / f"{dictionary}.{ext}" for ext in ("aff", "dic")]
        if all(path.is_file() for path in files):
            stamp = "|".join(f"{path.resolve()}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files)
            return folder / "hunspell" / f"{dictionary}-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.json"
    return None


def unknown_to_hunspell(asked: dict[str, tuple[set[str], str]]) -> dict[str, set[str]]:
    """{dictionary: the words it lacks} for {dictionary: (words, its Debian package)}. hunspell is
    asked only about words it has not answered for these dictionary files before (in this process,
    or in .cache/hunspell/): one run per dictionary, all runs at once (loading a dictionary is most
    of a run's time)."""
    runs = {}
    for dictionary, (candidates, package) in asked.items():
        if shutil.which("hunspell") is None:
            raise BuildError("language_check: no hunspell program: install Debian's hunspell and "
                              f"{package} (apt-get install hunspell {package})")
        cached = answers_file(dictionary)
        if cached and dictionary not in _READ and cached.is_file():
            _KNOWN.update({(dictionary, word): known for word, known in json.loads(cached.read_text()).items()})
        _READ.add(dictionary)
        new = sorted({word for word in candidates if (dictionary, word) not in _KNOWN})
        if new:
            runs[dictionary] = (new, package, cached, _start_hunspell(dictionary, package, new))
    for dictionary, (new, package, cached, (process, text)) in runs.items():
        output, errors = process.communicate(text)
        if process.returncode != 0 or "Can't open" in errors:
            raise BuildError(f"language_check: hunspell has no dictionary {dictionary}: install "
                              f"Debian's {package} (apt-get install {package}); {errors.strip()}")
        reported = set(output.split())
        for word in new:
            # hunspell splits a word at characters its dictionary does not count as letters
            # (an apostrophe): a word is unknown when it or a part of it is reported.
            _KNOWN[(dictionary, word)] = not (word in reported or any(part in reported for part in word.split("'")))
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps({word: known for (name, word), known in sorted(_KNOWN.items())
                                          if name == dictionary}, ensure_ascii=False))
    return {dictionary: {word for word in candidates if not _KNOWN[(dictionary, word)]}
            for dictionary, (candidates, _) in asked.items()}


def _start_hunspell(dictionary: str, package: str, words: list[str]):
    try:
        process = subprocess.Popen(["hunspell", "-d", dictionary, "-i", "utf-8", "-l"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, encoding="utf-8")
    except FileNotFoundError:
        raise BuildError("language_check: no hunspell program: install Debian's hunspell and "
                          f"{package} (apt-get install hunspell {package})") from None
    return process, "\n".join(words) + "\n"


def spelling(extra) -> dict[str, dict]:
    """{lang: {dictionary, package}} from mkdocs.yml `extra.spelling`; every language needs one."""
    found = dict((extra or {}).get("spelling") or {})
    for lang in project.LANGUAGES:
        entry = found.get(lang)
        if not isinstance(entry, dict) or not entry.get("dictionary") or not entry.get("package"):
            raise BuildError(f"mkdocs.yml: no hunspell dictionary for the language '{lang}': add "
                              f"`extra.spelling.{lang}: {{dictionary: …, package: …}}` (the Debian "
                              "package that installs it, e.g. hunspell-no for nb_NO and nn_NO)")
    return found


def problems(pages, root: Path, settings: dict[str, dict]):
    """(file:line, problem) for the first line of each unknown word on each page. `pages`: (path,
    lang, text) of every page; one hunspell run per dictionary."""
    per_page = [(path, {(code, word): number for code, word, number in model.unchanged(
                    "language_check", f"{path} {lang}", (text, lang),   # kept as JSON: [language, word, line]
                    lambda: [[code, word, number] for (code, word), number in words(text, lang).items()])})
                for path, lang, text in pages if lang in settings]
    vocabulary: dict[str, set[str]] = {}
    for _, found in per_page:
        for code, word in found:
            vocabulary.setdefault(code, set()).add(word)
    asked: dict[str, tuple[set[str], str]] = {}   # one hunspell run per dictionary
    unlisted = {}                                 # {lang: its words that its word list lacks}
    for lang in sorted(set(vocabulary) & set(settings)):
        word_list = frozenset(load_word_list(root / WORD_LIST.format(lang=lang)))
        if _LISTED.get(lang, (None,))[0] != word_list:
            _LISTED[lang] = (word_list, {})
        seen = _LISTED[lang][1]                   # under `mkdocs serve`, most words were looked up before
        for word in vocabulary[lang] - seen.keys():
            seen[word] = listed(word, word_list)
        unlisted[lang] = {word for word in vocabulary[lang] if not seen[word]}
        asked.setdefault(settings[lang]["dictionary"], (set(), settings[lang]["package"]))[0].update(unlisted[lang])
    unknown = unknown_to_hunspell(asked)
    wrong = {(lang, word) for lang, forms in unlisted.items()
             for word in forms & unknown[settings[lang]["dictionary"]]}
    for path, found in per_page:
        rel = Path(path).relative_to(root).as_posix()
        for (lang, word), number in sorted((item for item in found.items() if item[0] in wrong),
                                           key=lambda item: (item[1], item[0])):
            yield f"{rel}:{number}", (
                f"'{word}' is not a word of the language {lang} (hunspell "
                f"{settings[lang]['dictionary']}): fix its spelling or form; a name or term goes "
                f"into {WORD_LIST.format(lang=lang)}")


def check(docs_dir: Path, settings: dict[str, dict]):
    """Every page, and the texts of the self-check questions (data/self-check/, read as pages are)."""
    root = Path(docs_dir).parent
    pages = [(page.path, page.lang, page.text) for page in model.iter_pages(docs_dir)]
    pages += list(self_check.texts(root, project.LANGUAGES))
    yield from problems(pages, root, settings)

