"""Pages: one Markdown source file read and parsed, the front-matter vocabulary, YAML reading.

Plain functions on files; the build's page model (lmp/model/site.py) parses each page once.
"""
from __future__ import annotations

import collections
import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lmp import project

# A part of a page in another language than the page's, marked for screen readers (CONTRIBUTING,
# "Spelling"): italics `*Verdier og prinsipper*{ lang=nb }` (groups 1, 2) or other text
# `<span lang="nb">veileder</span>` (groups 3, 4). The language and term checks read it as that language.
OTHER_LANGUAGE = re.compile(r"\*([^*\n]+)\*\{\s*:?\s*lang=[\"']?([\w-]+)[\"']?\s*\}"
                            r"|<span lang=\"([\w-]+)\">([^<\n]*)</span>")



PAGE_TYPES = {"home", "page", "overview", "theme", "topic", "role", "reference", "tool", "template"}
THEMES = ("theme-1", "theme-2", "theme-3", "theme-4")
TOPICS = ("regulations", "participation", "parents", "interdisciplinary", "capacity-building")
ROLES = ("owner", "steering-group", "head", "working-group", "ppt", "staff", "children", "parents")
SETTINGS = ("kindergarten", "school", "sfo")
MEETINGS = ("national-gathering", "seminar", "supervision", "supervision-head", "steering-group",
            "owner-meeting", "working-group-meeting")
SEMESTERS = (1, 2, 3, 4)

# Front-matter keys: required ones, then optional ones with the closed set of values they take.
REQUIRED_KEYS = ("id", "type", "title", "description")
LIST_KEYS = {"themes": THEMES, "topics": TOPICS, "roles": ROLES, "settings": SETTINGS,
             "meetings": MEETINGS}
OTHER_KEYS = {"semester", "pdf", "role", "semesters", "hide", "search", "tags", "template",
              "status", "icon"}  # the last six are Material's own
PER_LANGUAGE_KEYS = {"title", "description", "semesters", "tags"}
DESCRIPTION_MAX = 200

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Page:
    """One Markdown source file: its language, its pair key and its parsed parts."""

    path: Path                    # e.g. docs/roles/ppt.nb.md
    key: str                      # e.g. roles/ppt (the same for both languages)
    lang: str | None              # nb, en, or None when the name has no language suffix
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None
    meta_error_line: int = 1
    body: str = ""
    body_line: int = 1            # line number of the first body line in the file
    text: str = ""                # the whole source as read (front matter and body)

    def headings(self):
        """(level, text, id or None, line) for each Markdown heading outside code fences."""
        found, fenced = [], False
        for number, line in enumerate(self.body.splitlines(), start=self.body_line):
            if FENCE.match(line):
                fenced = not fenced
                continue
            match = None if fenced else HEADING.match(line)
            if match:
                anchor = HEADING_ID.search(match.group(2))
                text = HEADING_ID.sub("", match.group(2)).strip()
                found.append((len(match.group(1)), text, anchor and anchor.group(1), number))
        return found


def read_page(path: Path, docs_dir: Path) -> Page:
    """One source file read and parsed now. The generators read pages from the build's model instead
    (iter_pages, theme_title, lmp/model/site.py), which parses each page once per build."""
    return parse_page(Path(path), Path(docs_dir))


# Parses of each source file since the process started: tests/test_rebuild.py asserts that a
# build parses each page once.
PARSES: collections.Counter[str] = collections.Counter()


def with_libyaml(read, text: str):
    """read(text, Loader=…) with libyaml's parser (PyYAML's C extension, several times faster) when
    it is installed. On any error it reads again with the pure-Python parser, so that an author gets
    the same message and line numbers as with PyYAML alone (tests/test_author_errors.py)."""
    if getattr(yaml, "CSafeLoader", None) is not None:
        try:
            return read(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return read(text, Loader=yaml.SafeLoader)


def safe_load(text: str):
    """yaml.safe_load, with libyaml when installed (`with_libyaml`)."""
    return with_libyaml(yaml.load, text)


def parse_page(path: Path, docs_dir: Path) -> Page:
    PARSES[str(path)] += 1
    relative = path.relative_to(docs_dir).as_posix()
    stem, lang = relative[: -len(".md")], None
    for code in project.LANGUAGES:
        if stem.endswith("." + code):
            stem, lang = stem[: -len(code) - 1], code
    text = path.read_text(encoding="utf-8")
    page = Page(path=path, key=stem, lang=lang, text=text)
    match = FRONT_MATTER.match(text)
    if not match:
        page.meta_error = "no front matter (the file must start with a '---' YAML block)"
        page.body = text
        return page
    page.body = text[match.end():]
    page.body_line = match.group(0).count("\n") + 1
    try:
        meta = safe_load(match.group(1))
    except yaml.YAMLError as error:
        # Name the line where the broken construct starts (context), and where YAML gave up.
        problem = getattr(error, "problem_mark", None)
        start = getattr(error, "context_mark", None) or problem
        page.meta_error = "invalid YAML front matter: " + str(getattr(error, "problem", error))
        if problem and start is not problem and problem.line != start.line:
            page.meta_error += f" (noticed at line {problem.line + 2})"
        page.meta_error_line = start.line + 2 if start else 1
        return page
    if not isinstance(meta, dict):
        page.meta_error = "front matter is not a mapping of keys to values"
        page.meta_error_line = 2
        return page
    page.meta = meta
    return page


def plain_copy(value):
    """A deep copy of parsed YAML (dicts, lists and sets of immutable scalars): what
    copy.deepcopy does for this data, several times faster (generators copy front matter ~1,500 times
    a build)."""
    if isinstance(value, dict):
        return {key: plain_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_copy(item) for item in value]
    if isinstance(value, (set, bytearray)):
        return type(value)(value)
    return value   # str, int, float, bool, None, date, datetime, bytes: immutable




DEFINITION = re.compile(r"^\s*\*?\[[^\]]+\]:")       # a link or abbreviation definition


def prose_lines(lines, first_line: int = 1):
    """(number, line) of each Markdown line that is prose: fences, fenced code and link and
    abbreviation definitions are left out. The content checks read pages through this."""
    fenced = False
    for number, line in enumerate(lines, start=first_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and not DEFINITION.match(line):
            yield number, line


def key_line(page: Page, key: str) -> int:
    """The line of a front-matter key in the file (1 when not found)."""
    text = (page.text or page.path.read_text(encoding="utf-8")).splitlines()
    for number, line in enumerate(text[: page.body_line], start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return 1


# The programme's calendar (national gatherings, semesters, the rhythm of every semester): one data
# file for pages, the .ics files, diagrams and handouts. See data/programme.yml for its keys.



_LOADED: dict[str, tuple[tuple[int, int], object]] = {}


def load_yaml(path: str | Path):
    """A data file (data/*.yml) as plain Python values: parsed once while the file is unchanged
    (generators ask for data/law.yml once per page), a fresh copy for each caller."""
    stat = Path(path).stat()
    version, cached = (stat.st_mtime_ns, stat.st_size), _LOADED.get(str(path))
    if cached is None or cached[0] != version:
        with open(path, encoding="utf-8") as file:
            cached = _LOADED[str(path)] = (version, safe_load(file.read()))
    return plain_copy(cached[1])


def load_programme(path: str | Path | None = None) -> dict:
    path = path or project.path("data", "programme.yml")
    return load_yaml(path)




# ---------------------------------------------------------------------------------------------
# "Last updated": the date of the last commit that changed a page's source, from ONE `git log`
# over the history for every file (not one process per page). The web page shows it under the
# text (lmp_mkdocs/pages.py) and the printed version on its cover (lmp/print/handouts.py).

GIT_DATES: dict[str, dict[str, dt.date]] = {}   # docs_dir → {src_uri: date}; emptied each build (lmp/model/site.py)


def _git_dates(docs_dir: Path) -> dict[str, dt.date]:
    """{page source relative to docs_dir: date of the last commit changing it}, exactly as
    `git log -1 --format=%cs -- path` gives it (git's own history simplification: a change made and
    taken back on a merged branch does not count). One short `git log` per page, eight at a time
    (about 0.3 s for 138 pages). Without git, outside a repository or if git fails: {}. In a shallow
    clone a file last seen at the clone's boundary has an unknown date and is left out: no date
    rather than a wrong one."""
    from concurrent.futures import ThreadPoolExecutor
    run = dict(cwd=docs_dir, capture_output=True, text=True, encoding="utf-8", timeout=60, check=True)
    try:
        shallow = subprocess.run(["git", "rev-parse", "--git-path", "shallow"], **run).stdout.strip()
        boundary = set((docs_dir / shallow).read_text().split()) if (docs_dir / shallow).is_file() else set()
        names = subprocess.run(["git", "-c", "core.quotePath=false", "ls-files", "--", "*.md"],
                               **run).stdout.splitlines()
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return {}

    def last(name: str):
        try:
            head = subprocess.run(["git", "log", "-1", "--format=%H %cs", "--", name], **run).stdout.split()
        except (OSError, subprocess.SubprocessError):
            return name, None
        if len(head) != 2 or head[0] in boundary:
            return name, None
        return name, dt.date.fromisoformat(head[1])

    with ThreadPoolExecutor(max_workers=8) as pool:
        return {name: day for name, day in pool.map(last, names) if day is not None}


def last_updated(src_uri: str, docs_dir: str | Path | None = None) -> dt.date | None:
    """The date of the last commit that changed docs/<src_uri> (e.g. "themes/theme-2/index.nb.md"),
    or None when git does not know it (no git, a file never committed, a shallow clone's edge)."""
    docs_dir = Path(docs_dir or project.path("docs")).resolve()
    if str(docs_dir) not in GIT_DATES:
        GIT_DATES[str(docs_dir)] = _git_dates(docs_dir)
    return GIT_DATES[str(docs_dir)].get(src_uri)
