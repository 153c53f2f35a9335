"""The self-check questions of each theme (issue #27): data/self-check/<theme id>.yml, read as plain
values and, for the checks, with the line of every key.

One file per theme holds its questions in every language side by side (data/self-check/README.md
gives the shape and the rules): what a question asks and offers is per language (`question`,
`options`, `feedback`), the rest is the same in every language (`id`, `settings`, `answer`,
`multiple`, `section`, `sections`, `see`). lmp/checks/self_check.py holds the rules; the web page
(lmp/generators/self_check.py) and the seminar kit (lmp/print/handouts.py) read the questions
through `questions()`, which leaves out what the check would stop a strict build on, so that a
preview (`make serve`) still renders while an author fixes a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lmp.model import pages

FOLDER = ("data", "self-check")
# The keys of a question that are the same in every language: names in the data file, not words.
NEUTRAL_KEYS = tuple("id settings answer multiple section sections see".split())
SECTION, SECTIONS, SEE = NEUTRAL_KEYS[4:]
TEXT_KEYS = ("question", "options", "feedback")
OPTION_KEYS = ("a", "b", "c", "d")
QUESTIONS = (8, 12)        # questions per theme, at least and at most
OPTIONS = (3, 4)           # options per question, at least and at most


def folder(root) -> Path:
    """data/self-check/ of the project whose folder is `root`."""
    return Path(root).joinpath(*FOLDER)


def file_of(root, theme: str) -> Path:
    return folder(root) / f"{theme}.yml"


def relative(path: Path, root) -> str:
    """data/self-check/theme-2.yml: how messages name a file."""
    return Path(path).relative_to(Path(root)).as_posix()


@dataclass
class Question:
    """One question in one language, as the web page and the handout show it."""

    id: str
    number: int                    # 1-based, in the order of the file
    question: str
    options: list[tuple[str, str]]  # (key, text) in display order
    feedback: dict[str, str]
    answer: list[str]
    multiple: bool = False
    section: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    see: str | None = None
    settings: list[str] = field(default_factory=list)

    def section_of(self, key: str) -> str:
        """The heading id that teaches what option `key` is about."""
        return self.sections.get(key, self.section)


def read(path: Path):
    """The file as plain values (parsed once while it is unchanged); YAMLError when it is not YAML."""
    return pages.load_yaml(path)


def lines(path: Path) -> dict[tuple, int]:
    """{(key, index, key…): 1-based line} for every key and list item of the file: the line of the
    key itself (`nb:` rather than the first line of its value)."""
    tree = pages.with_libyaml(yaml.compose, Path(path).read_text(encoding="utf-8"))
    found: dict[tuple, int] = {}

    def walk(node, where):
        found.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                found.setdefault(where + (key.value,), key.start_mark.line + 1)
                walk(value, where + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, where + (index,))

    if tree is not None:
        walk(tree, ())
    return found


def line_of(found: dict[tuple, int], where: tuple) -> int:
    """The line of `where`, or of the nearest enclosing key the file has (1 at worst)."""
    while where and where not in found:
        where = where[:-1]
    return found.get(where, 1)


def text_lines(path: Path, languages) -> dict[str, dict[int, str]]:
    """{lang: {line: text}} of every text a reader reads (question, options, feedback), for the
    spelling and term checks, which read a file line by line."""
    tree = pages.with_libyaml(yaml.compose, Path(path).read_text(encoding="utf-8"))
    found: dict[str, dict[int, str]] = {lang: {} for lang in languages}

    def scalars(node):
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                yield from scalars(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from scalars(item)

    if not isinstance(tree, yaml.MappingNode):
        return found
    for key, value in tree.value:
        if key.value != "questions" or not isinstance(value, yaml.SequenceNode):
            continue
        for question in value.value:
            if not isinstance(question, yaml.MappingNode):
                continue
            for lang_key, text in question.value:
                if lang_key.value not in found or not isinstance(text, yaml.MappingNode):
                    continue
                for text_key, part in text.value:
                    if text_key.value in TEXT_KEYS:
                        for scalar in scalars(part):
                            line = scalar.start_mark.line + 1
                            kept = found[lang_key.value].get(line)
                            value_text = " ".join(str(scalar.value).split())
                            found[lang_key.value][line] = f"{kept} {value_text}" if kept else value_text
    return found


def as_text(numbered: dict[int, str]) -> str:
    """The texts of one language as a file of as many lines, each text on its own line."""
    if not numbered:
        return ""
    rows = [""] * max(numbered)
    for line, text in numbered.items():
        rows[line - 1] = text
    return "\n".join(rows) + "\n"


def texts(root, languages):
    """(file, lang, text) of every self-check file in each language, for the checks that read a file
    line by line (language_check, term_check): the texts of the language at their lines, every
    other line empty, so that a problem is named `data/self-check/<theme>.yml:<line>`."""
    if not folder(root).is_dir():
        return
    for path in sorted(folder(root).glob("*.yml")):
        try:
            found = text_lines(path, languages)
        except yaml.YAMLError:
            continue           # lmp/checks/self_check.py names the file and line
        for lang in languages:
            yield path, lang, as_text(found[lang])


def questions(root, theme: str, lang: str) -> list[Question]:
    """The questions of a theme in one language, in the file's order; [] without a file. A question
    that lacks something it needs to be shown is left out (the content check names it)."""
    path = file_of(root, theme)
    if not path.is_file():
        return []
    try:
        data = read(path)
    except yaml.YAMLError:
        return []
    items = data.get("questions") if isinstance(data, dict) else None
    found = []
    for item in items if isinstance(items, list) else []:
        question = _question(item, lang, len(found) + 1)
        if question is not None:
            found.append(question)
    return found


def _question(item, lang: str, number: int) -> Question | None:
    if not isinstance(item, dict) or not isinstance(item.get(lang), dict):
        return None
    text = item[lang]
    options, feedback, answer = text.get("options"), text.get("feedback"), item.get("answer")
    if not (isinstance(text.get("question"), str) and isinstance(options, dict) and isinstance(feedback, dict)
            and isinstance(answer, list) and answer and set(map(str, answer)) <= set(map(str, options))
            and set(map(str, options)) <= set(map(str, feedback))):
        return None
    sections = item.get("sections") if isinstance(item.get("sections"), dict) else {}
    see = item.get("see") if isinstance(item.get("see"), str) else None
    return Question(id=str(item.get("id", number)), number=number, question=text["question"],
                    options=[(str(key), str(value)) for key, value in options.items()],
                    feedback={str(key): str(value) for key, value in feedback.items()},
                    answer=[str(key) for key in answer], multiple=item.get("multiple") is True,
                    section=str(item.get("section") or ""),
                    sections={str(key): str(value) for key, value in sections.items()},
                    see=see, settings=list(item.get("settings") or []))


def split_see(see: str) -> tuple[str, str]:
    """'roles/head.md#meetings' → ('roles/head', 'meetings'); the heading id is '' when none."""
    target, _, anchor = see.partition("#")
    return target.removesuffix(".md"), anchor
