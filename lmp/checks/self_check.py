"""The self-check questions (data/self-check/<theme>.yml, issue #27) are whole and point somewhere.

Every theme page has its file of questions and, under its heading `{ #self-check }`, the marker
`<!-- lmp:self-check -->` that shows them. Every file holds 8 to 12 questions, each with a unique
id and its text in every language of the site (`lmp.project.LANGUAGES`): a question, 3 or 4
options with the same keys (a, b, c, d) in every language, and feedback for every option. The
`answer` names options: exactly one, unless `multiple: true` (then two or more). `section` and
every value of `sections` are heading ids of the theme's page in every language; `see` is a page
under docs/ and a heading id on it, in every language; `settings` come from
`lmp.model.pages.SETTINGS`. Each problem is `data/self-check/<theme>.yml:<line>` and what to do, and
stops a strict build before anything is rendered (lmp_mkdocs/checks.py). The spelling and the
term list are checked by language_check and term_check, which read these files too.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from lmp import markers
from lmp import project
from lmp.model import pages as lmp_pages
from lmp.model import self_check as data
from lmp.model import site as model

MARKER = "self-check"               # <!-- lmp:self-check -->, filled by lmp/generators/self_check.py
SECTION = "self-check"              # the heading id of the section that holds it
TOP_KEYS = ("theme", "questions")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check(docs_dir: Path):
    """(`data/self-check/<theme>.yml:<line>` or `docs/<page>:<line>`, problem) for every problem."""
    docs_dir = Path(docs_dir)
    root = docs_dir.parent
    themes: dict[str, dict[str, lmp_pages.Page]] = {}
    by_key: dict[str, dict[str, lmp_pages.Page]] = {}
    for page in model.iter_pages(docs_dir):
        if page.meta_error or page.lang not in project.LANGUAGES:
            continue
        by_key.setdefault(page.key, {})[page.lang] = page
        if page.meta.get("type") == "theme" and isinstance(page.meta.get("id"), str):
            themes.setdefault(page.meta["id"], {})[page.lang] = page
    for theme, theme_pages in sorted(themes.items()):
        first = theme_pages.get(project.DEFAULT_LANGUAGE) or next(iter(theme_pages.values()))
        if not data.file_of(root, theme).is_file():
            yield (f"{_rel(first, root)}:1", f"no self-check questions for {theme}: write "
                   f"{data.relative(data.file_of(root, theme), root)} (data/self-check/README.md)")
        for page in theme_pages.values():
            yield from marker_problems(page, root)
    if data.folder(root).is_dir():
        for path in sorted(data.folder(root).glob("*.yml")):
            yield from file_problems(path, root, themes, by_key)


def _rel(page: lmp_pages.Page, root: Path) -> str:
    return page.path.relative_to(root).as_posix()


def marker_problems(page: lmp_pages.Page, root: Path):
    """The marker, once, inside the section `{ #self-check }` of a theme page."""
    headings = page.headings()
    start = next((line for level, _, anchor, line in headings if anchor == SECTION), None)
    end = next((line for level, _, _, line in headings if start is not None and line > start and level <= 2), None)
    found = [page.body_line + marker.line - 1 for marker in markers.find(page.body, MARKER)]
    inside = [line for line in found if start is not None and line > start and (end is None or line < end)]
    if len(inside) != 1 or len(found) != 1:
        where = found[0] if found else (start or page.body_line)
        yield (f"{_rel(page, root)}:{where}", f"a theme page shows its self-check questions with one marker "
               f"<!-- lmp:{MARKER} --> in its section {{ #{SECTION} }}")


def heading_ids(page: lmp_pages.Page) -> set[str]:
    return {anchor for _, _, anchor, _ in page.headings() if anchor}


def file_problems(path: Path, root: Path, themes: dict, by_key: dict):
    name = data.relative(path, root)
    try:
        values, found = data.read(path), data.lines(path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        yield f"{name}:{mark.line + 1 if mark else 1}", f"invalid YAML: {getattr(error, 'problem', error)}"
        return

    def at(*where) -> str:
        return f"{name}:{data.line_of(found, where)}"

    if not isinstance(values, dict):
        yield at(), "a self-check file holds `theme:` and `questions:` (data/self-check/README.md)"
        return
    for key in values:
        if key not in TOP_KEYS:
            yield at(key), f"unknown key '{key}' (known: {', '.join(TOP_KEYS)})"
    theme = path.stem
    if values.get("theme") != theme:
        yield at("theme"), f"`theme: {theme}`: the file of a theme is named after its id"
    theme_pages = themes.get(theme)
    if theme_pages is None:
        yield at("theme"), f"no theme page has the id '{theme}' (front matter `id` of docs/themes/…)"
        theme_pages = {}
    questions = values.get("questions")
    if not isinstance(questions, list):
        yield at("questions"), "`questions:` is a list of questions"
        return
    low, high = data.QUESTIONS
    if not low <= len(questions) <= high:
        yield at("questions"), f"{len(questions)} questions: a theme has {low} to {high}"
    seen: dict[str, int] = {}
    for index, item in enumerate(questions):
        yield from question_problems(item, ("questions", index), at, found, seen, theme_pages, by_key)


def question_problems(item, where: tuple, at, found, seen: dict, theme_pages: dict, by_key: dict):
    if not isinstance(item, dict):
        yield at(*where), "a question is a mapping of keys (id, answer, section, and its text per language)"
        return
    qid = item.get("id")
    if not isinstance(qid, str) or not ID.fullmatch(qid):
        yield at(*where, "id"), "a question needs an `id` of a-z, 0-9 and hyphens"
    elif qid in seen:
        yield at(*where, "id"), f"id '{qid}' is already used on line {seen[qid]}"
    else:
        seen[qid] = data.line_of(found, where + ("id",))
    known = (*data.NEUTRAL_KEYS, *project.LANGUAGES)
    for key in item:
        if key not in known:
            yield at(*where, key), f"unknown key '{key}' (known: {', '.join(known)})"
    keys = yield from text_problems(item, where, at)
    yield from answer_problems(item, where, at, keys)
    yield from link_problems(item, where, at, keys, theme_pages, by_key)
    settings = item.get("settings", [])
    if not isinstance(settings, list) or not all(s in lmp_pages.SETTINGS for s in settings):
        yield at(*where, "settings"), f"`settings` is a list of {', '.join(lmp_pages.SETTINGS)} (or left out: all)"


def text_problems(item, where: tuple, at):
    """Problems of the texts in every language; returns the option keys of the default language
    (None when it has none)."""
    reference = None
    low, high = data.OPTIONS
    for lang in project.LANGUAGES:
        text = item.get(lang)
        if not isinstance(text, dict):
            yield at(*where), (f"no '{lang}': every question has its question, options and feedback in "
                               f"every language ({', '.join(project.LANGUAGES)})")
            continue
        here = where + (lang,)
        for key in text:
            if key not in data.TEXT_KEYS:
                yield at(*here, key), f"unknown key '{key}' (known: {', '.join(data.TEXT_KEYS)})"
        if not _text(text.get("question")):
            yield at(*here, "question"), "`question` is the question's text"
        options = text.get("options")
        if not isinstance(options, dict):
            yield at(*here, "options"), "`options` maps each option's key (a, b, c, d) to its text"
            continue
        keys = [str(key) for key in options]
        if not low <= len(keys) <= high:
            yield at(*here, "options"), f"{len(keys)} options: a question has {low} or {high}"
        elif keys != list(data.OPTION_KEYS[:len(keys)]):
            yield at(*here, "options"), f"options {', '.join(keys)}: the keys are a, b, c (and d), in that order"
        for key, value in options.items():
            if not _text(value):
                yield at(*here, "options", key), f"option '{key}' has no text"
        if reference is None and lang == project.DEFAULT_LANGUAGE:
            reference = keys
        elif reference is not None and keys != reference:
            yield at(*here, "options"), (f"options {', '.join(keys)} here but {', '.join(reference)} in "
                                         f"'{project.DEFAULT_LANGUAGE}': every language has the same options")
        feedback = text.get("feedback")
        if not isinstance(feedback, dict):
            yield at(*here, "feedback"), "`feedback` says for every option why it is right or wrong"
            continue
        missing = [key for key in keys if not _text(feedback.get(key))]
        if missing:
            yield at(*here, "feedback"), f"no feedback for option {', '.join(missing)}: every option has its why"
        for key in feedback:
            if str(key) not in keys:
                yield at(*here, "feedback", key), f"feedback for '{key}', which is not an option"
    return reference


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def answer_problems(item, where: tuple, at, keys):
    answer, multiple = item.get("answer"), item.get("multiple", False)
    if not isinstance(multiple, bool):
        yield at(*where, "multiple"), "`multiple` is true (several right answers) or left out"
        multiple = False
    if not isinstance(answer, list) or not answer:
        yield at(*where, "answer"), "`answer` lists the right option(s), e.g. [b]"
        return
    if keys is not None:
        for key in answer:
            if str(key) not in keys:
                yield at(*where, "answer"), f"answer '{key}' is not an option ({', '.join(keys)})"
    if len(set(map(str, answer))) != len(answer):
        yield at(*where, "answer"), "an option is named twice in `answer`"
    if multiple and len(answer) < 2:
        yield at(*where, "multiple"), "`multiple: true` needs two or more right answers"
    elif not multiple and len(answer) != 1:
        yield at(*where, "answer"), (f"{len(answer)} right answers: a question has exactly one, unless it "
                                     "says `multiple: true` and asks to choose all that apply")


def link_problems(item, where: tuple, at, keys, theme_pages: dict, by_key: dict):
    """`section`, `sections` and `see` lead to a heading that exists in every language."""
    def missing_on(pages: dict, anchor: str) -> list[str]:
        return [page.path.name for lang, page in sorted(pages.items()) if anchor not in heading_ids(page)]

    section = item.get("section")
    if not isinstance(section, str) or not section:
        yield at(*where, data.SECTION), "`section` is the heading id { #… } of the theme page that teaches it"
    elif missing_on(theme_pages, section):
        yield at(*where, data.SECTION), (f"section '{section}' is not a heading id of "
                                      f"{', '.join(missing_on(theme_pages, section))}")
    sections = item.get("sections", {})
    if not isinstance(sections, dict):
        yield at(*where, data.SECTIONS), "`sections` maps an option's key to a heading id, e.g. {c: duty-to-act}"
    else:
        for key, anchor in sections.items():
            if keys is not None and str(key) not in keys:
                yield at(*where, data.SECTIONS, key), f"`sections` names '{key}', which is not an option"
            if not isinstance(anchor, str) or missing_on(theme_pages, anchor):
                yield at(*where, data.SECTIONS, key), (f"section '{anchor}' for option '{key}' is not a heading id of "
                                                    f"{', '.join(missing_on(theme_pages, str(anchor)))}")
    see = item.get("see")
    if see is None:
        return
    if not isinstance(see, str) or "#" not in see:
        yield at(*where, data.SEE), "`see` is a page under docs/ and a heading id on it, e.g. roles/head.md#meetings"
        return
    key, anchor = data.split_see(see)
    pages = by_key.get(key, {})
    absent = [lang for lang in project.LANGUAGES if lang not in pages]
    if absent:
        yield at(*where, data.SEE), f"`see: {see}`: there is no page docs/{key}.{absent[0]}.md"
    elif missing_on(pages, anchor):
        yield at(*where, data.SEE), f"`see: {see}`: no heading id '{anchor}' on {', '.join(missing_on(pages, anchor))}"
