"""The site's vocabulary and page reading, in one place for the hooks, scripts and tests.

Not a hook itself (mkdocs.yml does not list it); hooks import it with `import _site`.
"""
from __future__ import annotations

import collections
import hashlib
import importlib.util
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

CONFIG_FILE = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml's parser when installed
    """Reads mkdocs.yml without MkDocs: its !ENV and !!python tags become None (not needed here)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def languages_of(entries) -> tuple[str, ...]:
    """The locales of static-i18n's `languages:` entries, the default language first."""
    def get(entry, key):
        return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)
    codes = [str(get(e, "locale")) for e in entries if get(e, "build") is not False]
    defaults = [str(get(e, "locale")) for e in entries if get(e, "default")]
    first = defaults[0] if defaults else codes[0]
    return (first, *[code for code in codes if code != first])


# A part of a page in another language than the page's, marked for screen readers (CONTRIBUTING,
# "Spelling"): italics `*Verdier og prinsipper*{ lang=nb }` (groups 1, 2) or other text
# `<span lang="nb">veileder</span>` (groups 3, 4). The language and term checks read it as that language.
OTHER_LANGUAGE = re.compile(r"\*([^*\n]+)\*\{\s*:?\s*lang=[\"']?([\w-]+)[\"']?\s*\}"
                            r"|<span lang=\"([\w-]+)\">([^<\n]*)</span>")


def lazy_import(name: str):
    """The module `name`, executed on its first use (importlib's LazyLoader): a hook's helper with a
    heavy package (python-docx, pikepdf) that a build from the caches never needs. Call it while the
    hook module loads: MkDocs puts hooks/ on sys.path only then, so a later `import` would not find it."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module {name} (looked up while the hooks load)", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_config(config_file: str | Path = CONFIG_FILE) -> dict:
    """A project's mkdocs.yml as plain values, read without MkDocs (for scripts and tests)."""
    with open(config_file, encoding="utf-8") as file:
        return yaml.load(file, Loader=_ConfigLoader)


def config_languages(config_file: str | Path = CONFIG_FILE) -> tuple[str, ...]:
    """The languages of a project, from the i18n plugin's `languages:` in its mkdocs.yml."""
    config = read_config(config_file)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_of(plugin["i18n"]["languages"])
    raise ValueError(f"{config_file}: no i18n plugin with `languages:`")


# The site's languages come from the config (mkdocs.yml, the i18n plugin's `languages:`), never
# from a list in Python: read here for scripts and tests, and set again from the loaded config at
# the start of each build (set_languages, called by hooks/ui_check.py).
LANGUAGES: tuple[str, ...] = config_languages()   # the first is the default language, served at /
DEFAULT_LANGUAGE = LANGUAGES[0]


def set_languages(config) -> tuple[str, ...]:
    """Take the languages from the loaded MkDocs config (the i18n plugin's `languages:`)."""
    global LANGUAGES, DEFAULT_LANGUAGE
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        LANGUAGES = languages_of(i18n.config["languages"])
        DEFAULT_LANGUAGE = LANGUAGES[0]
    return LANGUAGES

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
    """One source file read and parsed now. Hooks read pages from the build's model instead
    (iter_pages, theme_title, hooks/_model.py), which parses each page once per build."""
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
    for code in LANGUAGES:
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


def iter_pages(docs_dir: str | Path):
    """Every page under docs_dir in path order, from the build's page model (hooks/_model.py):
    parsed once per build. Each caller gets its own copy of the front matter, so nothing one hook
    changes reaches another."""
    import _model  # here, not at the top: _model imports this module
    for page in _model.current(docs_dir).pages:
        yield replace(page, meta=plain_copy(page.meta))


def plain_copy(value):
    """A deep copy of parsed YAML (dicts, lists and sets of immutable scalars): what
    copy.deepcopy does for this data, several times faster (hooks copy front matter ~1,500 times
    a build)."""
    if isinstance(value, dict):
        return {key: plain_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_copy(item) for item in value]
    if isinstance(value, (set, bytearray)):
        return type(value)(value)
    return value   # str, int, float, bool, None, date, datetime, bytes: immutable


DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"


def theme_title(theme: str, lang: str, docs_dir: str | Path = DOCS_DIR) -> str:
    """The title of a theme module (`theme-1`…), from its page's front matter: the one source of
    the theme's name for every page, table, calendar file and handout that names it."""
    import _model
    relative = f"themes/{theme}/index.{lang}.md"
    site = _model.building(docs_dir)
    page = site.page(relative) if site else read_page(Path(docs_dir) / relative, Path(docs_dir))
    return str((page.meta.get("title") if page else None) or theme)


def is_nested_build(config) -> bool:
    """True while static-i18n builds the second language (MkDocs' build() run again)."""
    return getattr(config.plugins.get("i18n"), "building", False)


def last_language_build(config) -> bool:
    """Whether this is the last language's build (static-i18n builds the default language first,
    then each other one of `build_languages` in its order): the only one that sees every page."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    return i18n.current_language == (others[-1] if others else default)


def report(config, log, check, inputs: tuple = ()) -> None:
    """Run a content check once per build and keep each problem (`file:line`, problem) for the
    build's verdict before anything is rendered (hooks/site_model.py: a strict build stops with
    every problem in one message; a preview logs them and shows them on their pages). Its
    problems are kept (`_cache.result`, in .cache/checks/report.json) under a digest of the
    project's sources (sources_digest: a check reads nothing else of the project), the hooks'
    code and `inputs` (anything else the check reads, e.g. a dictionary's version): a new build
    with none of them changed logs the same problems without running the check again."""
    if is_nested_build(config):
        return  # the second language's build: already checked
    import _cache
    import _model

    def run():
        return [[where, problem] for where, problem in check(Path(config.docs_dir))]
    if _cache.directory() is None:
        found = run()
    else:
        digest = _model.once(config.docs_dir, "sources_digest", lambda: sources_digest(config))
        found = _cache.result("report", log.name, (digest, *inputs), run)
    for where, problem in found:
        _model.PROBLEMS.append((log.name, where, problem))


def verdict(problems) -> str:
    """One message for every problem the checks found, each on a line of its own (problems:
    (logger name, 'file:line', problem)): what a strict build stops with before rendering."""
    lines = sorted(dict.fromkeys(f"{where}: {problem}" for _, where, problem in problems))
    return (f"{len(lines)} problem(s) found before building; nothing was built. Each names its file "
            "and line (CONTRIBUTING.md says what each rule is for):\n  " + "\n  ".join(lines))


_SOURCES: dict[str, tuple[list, str]] = {}   # project → (its files' path, size and time; their digest)


def sources_digest(config) -> str:
    """A digest of everything a content check reads from the project: mkdocs.yml and every file
    under docs/, data/, includes/ and overrides/ (of the config's project and of the project these
    hooks belong to, when another), read again only when a file's size or time changed."""
    project = Path(config.config_file_path).parent
    files = [Path(config.config_file_path)]
    folders = [Path(config.docs_dir)] + [base / name for base in dict.fromkeys((project, CONFIG_FILE.parent))
                                         for name in ("data", "includes", "overrides")]
    for folder in folders:
        files += sorted(path for path in folder.rglob("*") if path.is_file())
    stamps = [(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files]
    kept = _SOURCES.get(str(project))
    if kept is None or kept[0] != stamps:
        digest = hashlib.sha256()
        for path in files:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        kept = _SOURCES[str(project)] = (stamps, digest.hexdigest())
    return kept[1]


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


# Reading time. Brysbaert (2019, Journal of Memory and Language 109) puts adults' silent reading
# of non-fiction at about 238 words a minute in English; Norwegian words are longer and many
# readers here read in a second language, so we count 200 words a minute for both languages and
# round up to whole minutes. What is counted is the running text a reader reads: words in
# headings, lists, tables and paragraphs, not Markdown syntax, link targets or attribute lists.
#
# ONE rule turns words into minutes (minutes_for): the page, the reading-assignment builder, the
# reading lists and the onboarding paths add up the WORDS of what they show and round once, so
# the same text always shows the same minutes (rounding each section up and adding the minutes
# made theme 1 "11 min" on its page and "17 min" in the builder).
WORDS_PER_MINUTE = 200
# A second-language reader (staff who read Norwegian or English as a second language). The
# usability test timed such readers at 16-27 minutes for a theme module of 2,100-3,300 words
# (shared/notes/review-findings.md, section 2): about 80-130 words a minute. We take 100, the
# middle of that range, for the between-session reading shown in each module's
# "Before the next seminar" box (hooks/before_next_seminar.py).
SECOND_LANGUAGE_WORDS_PER_MINUTE = 100
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)


def readable_text(markdown: str) -> str:
    text = re.sub(r"^\*\[[^\]]+\]:.*$", "", markdown, flags=re.MULTILINE)      # abbreviations
    text = re.sub(r"^\[[^\]]+\]:\s*\S+.*$", "", text, flags=re.MULTILINE)     # link definitions
    text = re.sub(r"\{[^}\n]*\}", "", text)                                    # attribute lists
    text = re.sub(r"\]\([^)]*\)|\]\[[^\]]*\]", "]", text)                      # link targets
    text = re.sub(r"<[^>]+>", " ", text)                                       # raw HTML tags
    return text


def word_count(markdown: str) -> int:
    return len(WORD.findall(readable_text(markdown)))


def minutes_for(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    """Whole minutes (rounded up, at least 1) to read `words` words: the site's one rule."""
    return max(1, -(-words // per_minute))


def reading_minutes(markdown: str) -> int:
    return minutes_for(word_count(markdown))


# The programme's calendar (national gatherings, semesters, the rhythm of every semester): one data
# file for pages, the .ics files, diagrams and handouts. See data/programme.yml for its keys.
PROGRAMME_FILE = Path(__file__).resolve().parent.parent / "data" / "programme.yml"


_LOADED: dict[str, tuple[tuple[int, int], object]] = {}


def load_yaml(path: str | Path):
    """A data file (data/*.yml) as plain Python values: parsed once while the file is unchanged
    (hooks ask for data/law.yml once per page), a fresh copy for each caller."""
    stat = Path(path).stat()
    version, cached = (stat.st_mtime_ns, stat.st_size), _LOADED.get(str(path))
    if cached is None or cached[0] != version:
        with open(path, encoding="utf-8") as file:
            cached = _LOADED[str(path)] = (version, safe_load(file.read()))
    return plain_copy(cached[1])


def load_programme(path: str | Path = PROGRAMME_FILE) -> dict:
    return load_yaml(path)


# Interface words: one YAML file per language (data/ui.nb.yml, data/ui.en.yml), same keys in each.
UI_FILE = Path(__file__).resolve().parent.parent / "data" / "ui.{lang}.yml"




class MissingWord(PluginError):
    """A key that a language file (data/ui.<lang>.yml) lacks: names the key path and the file.
    Not a KeyError on purpose: Jinja turns a KeyError into an anonymous undefined value."""


class Words(dict):
    """A section of a language file. A missing key raises MissingWord naming the key path
    (e.g. `reading_time.label`) and the file (`data/ui.en.yml`): never a silent fallback."""

    def __init__(self, values: dict, file: str, path: str = ""):
        super().__init__({key: Words(value, file, f"{path}{key}.") if isinstance(value, dict) else value
                          for key, value in values.items()})
        self._file, self._path = file, path

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            raise MissingWord(f"{self._file}: no key '{self._path}{key}' (every language file needs "
                              f"the same keys as data/ui.{DEFAULT_LANGUAGE}.yml)") from None

    def get(self, key, default=None):  # only for optional lookups a hook decides on itself
        return super().get(key, default)

    def _read_only(self, *args, **kwargs):
        raise TypeError(f"{self._file}: interface words are shared by every hook and page "
                        "(hooks/_site.py ui()): copy a section before changing it")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _read_only


def ui_file(lang: str) -> Path:
    return Path(str(UI_FILE).format(lang=lang))


def ui(lang: str) -> Words:
    """The interface words of one language, from data/ui.<lang>.yml (strict: see Words)."""
    path = ui_file(lang)
    name = f"data/{path.name}"
    if not path.exists():
        raise MissingWord(f"{name}: no such language file for the language '{lang}' "
                          "(mkdocs.yml's i18n `languages:` lists it)")
    # Built once while the file is unchanged (hooks ask ~800 times a build), shared: read-only.
    stat = path.stat()
    version, cached = (stat.st_mtime_ns, stat.st_size), _WORDS.get(str(path))
    if cached is None or cached[0] != version:
        cached = _WORDS[str(path)] = (version, Words(load_yaml(path) or {}, name))
    return cached[1]


_WORDS: dict[str, tuple] = {}   # data/ui.<lang>.yml → (its version, its Words)


def key_paths(values, prefix: str = "") -> set[str]:
    """Every key path of a language file, e.g. {'home.as_of', 'home.steps.before', …}."""
    if not isinstance(values, dict):
        return {prefix[:-1]} if prefix else set()
    paths = set()
    for key, value in values.items():
        paths |= key_paths(value, f"{prefix}{key}.")
    return paths


# The public address. It is set in ONE place: the SITE_URL environment variable, read by
# mkdocs.yml's `site_url`. A build without it knows no address: what it publishes then names no
# host at all (no canonical or hreflang links, no "online" lines in handouts, no site links in
# PDFs) rather than a guessed one. `mkdocs serve` sets its own address while serving.
DEV_ADDRESSES = ("127.0.0.1", "localhost", "0.0.0.0")
DEV_ADDRESS = re.compile(r"\b(?:" + "|".join(map(re.escape, DEV_ADDRESSES)) + r")\b", re.IGNORECASE)


def public_address(config) -> str | None:
    """The site's public address ending in '/', or None when the build has none."""
    url = config.site_url
    if not url:
        return None
    return url if url.endswith("/") else url + "/"
