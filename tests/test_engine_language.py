"""A language is added by files and config only (issue #11), and a missing interface word fails.

`xx_project` adds a throw-away third language `xx` to a copy of the project. What it had to add:
- data/ui.xx.yml: the English file with every string value prefixed "XX " (same keys);
- docs/**/*.xx.md (and docs/**/*.xx.svg, the diagrams): copies of the English files; the theme
  modules' box title is the one of ui.xx.yml (before_next_seminar.title), as an author would write it;
- includes/*.xx.*: the abbreviations and search synonyms of the language (copies of English);
- in data/*.yml and data/self-check/*.yml (not ui.*), an `xx:` value next to every `nb:`/`en:`
  pair (gathering titles, terms, law summaries, self-check questions), the English value prefixed "XX ";
- overrides/partials/languages/xx.html: Material's translations of its own interface (a copy of
  Material's English file; Material needs one per theme language);
- mkdocs.yml: an entry `- locale: xx` in the i18n plugin's `languages:`, and the hunspell
  dictionary of the language under `extra.spelling` (English's: the pages are English copies);
- data/words.xx.txt: the language's word list (English's, and the "XX" prefix).
No Python file is touched. The page words then come out under /xx/ with the "XX " prefix.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest
import yaml

from lmp import project as lmp_project
from lmp import words as lmp_words

from conftest import copy_project, mkdocs_build
from test_engine_strings import PENDING

ENGLISH_BOX = '!!! note "Before the next seminar"'


def prefixed(value):
    if isinstance(value, dict):   # a language tag stays a tag: the new language is written in English
        return {key: item if key == "word_language" else prefixed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [prefixed(item) for item in value]
    return "XX " + value if isinstance(value, str) else value


def with_xx(value):
    """Data values: next to every nb/en pair an xx value (the English one, prefixed)."""
    if isinstance(value, dict):
        value = {key: with_xx(item) for key, item in value.items()}
        if "nb" in value and "en" in value and "xx" not in value:
            value["xx"] = prefixed(value["en"])
        return value
    if isinstance(value, list):
        return [with_xx(item) for item in value]
    return value


def add_language(project: Path) -> None:
    english = yaml.safe_load((project / "data" / "ui.en.yml").read_text(encoding="utf-8"))
    (project / "data" / "ui.xx.yml").write_text(yaml.safe_dump(prefixed(english), allow_unicode=True,
                                                               sort_keys=False), encoding="utf-8")
    for data in (project / "data").rglob("*.yml"):   # data/self-check/ too
        if not data.name.startswith("ui."):
            value = yaml.safe_load(data.read_text(encoding="utf-8"))
            data.write_text(yaml.safe_dump(with_xx(value), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for source in [*(project / "docs").rglob("*.en.md"), *(project / "docs").rglob("*.en.svg"),
                   *(project / "includes").glob("*.en.*")]:
        target = source.with_name(source.name.replace(".en.", ".xx."))
        text = source.read_text(encoding="utf-8")
        target.write_text(text.replace(ENGLISH_BOX, f'!!! note "{prefixed(ENGLISH_BOX[10:-1])}"'), encoding="utf-8")
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    (project / "overrides" / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    shutil.copy(languages / "en.html", project / "overrides" / "partials" / "languages" / "xx.html")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    english_entry = "        - locale: en\n"
    assert english_entry in config, "mkdocs.yml: the i18n languages list changed shape"
    config = config.replace(english_entry, "        - locale: xx\n          name: XX\n          build: true\n"
                            + english_entry, 1)
    english_spelling = "    en: {dictionary: en_GB, package: hunspell-en-gb}\n"
    assert english_spelling in config, "mkdocs.yml: extra.spelling changed shape"
    config = config.replace(english_spelling, english_spelling + english_spelling.replace("en:", "xx:"), 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    words = (project / "data" / "words.en.txt").read_text(encoding="utf-8")
    (project / "data" / "words.xx.txt").write_text(words + "XX\n", encoding="utf-8")


@pytest.fixture(scope="module")
def xx_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("xx"))
    add_language(project)
    result = mkdocs_build(project, project / "site", pdf=False)
    return project / "site", result


@pytest.mark.full   # a build of its own (a project copy with a 4th language)
@pytest.mark.xfail(bool(PENDING), strict=True,
                   reason="issue #11: hooks in PENDING (tests/test_engine_strings.py) still keep words "
                          "per language in Python dicts; empty PENDING when they move")
def test_third_language_by_files_and_config(xx_site):
    site, result = xx_site
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    theme = (site / "xx" / "themes" / "theme-1" / "index.html").read_text(encoding="utf-8")
    assert "XX Reading time: about" in theme                       # reading_time
    assert 'title="XX Link to this section"' in theme               # permalink_title
    assert "XX Reading time for this box" in theme                  # before_next_seminar
    lists = (site / "xx" / "tools" / "reading-lists.html").read_text(encoding="utf-8")
    assert "XX the whole page" in lists and "XX Total" in lists     # reading_lists
    role = (site / "xx" / "roles" / "staff.html").read_text(encoding="utf-8")
    assert "XX Semester by semester" in role                        # role_semesters
    matrix = (site / "xx" / "tools" / "who-does-what.html").read_text(encoding="utf-8")
    assert "XX Supervision of the head" in matrix                   # who_does_what
    audience = (site / "xx" / "tools" / "by-audience.html").read_text(encoding="utf-8")
    assert "XX Where do you work?" in audience                      # audience
    assert "XX Page not found" in (site / "xx" / "404.html").read_text(encoding="utf-8")
    assert (site / "search" / "lmp-search.xx.js").exists()          # search: a worker per language


MISSING_LINE = '  label: "Reading time: about {minutes} min"\n'   # reading_time.label, from data/ui.en.yml


@pytest.fixture(scope="module")
def broken_languages(tmp_path_factory):
    """One build of a project copy with two language faults: a key missing from data/ui.en.yml and
    a data value (data/programme.yml) in the default language without the last language's. Both
    are found in ui_check's on_config, the key first (a warning: fatal under --strict), then the
    data value (stops the build at once), so the one short build shows both messages.
    Returns (result, expected programme.yml line, the data file before and after the build)."""
    project = copy_project(tmp_path_factory.mktemp("broken-languages"))
    ui = project / "data" / "ui.en.yml"
    text = ui.read_text(encoding="utf-8")
    assert MISSING_LINE in text
    ui.write_text(text.replace(MISSING_LINE, ""), encoding="utf-8")
    data = project / "data" / "programme.yml"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    other = lmp_project.LANGUAGES[-1]
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{other}:") and "{" not in line)
    del lines[at]
    data.write_text("".join(lines), encoding="utf-8")
    before = data.read_bytes()
    nb_line = max(i for i in range(at) if lines[i].strip().startswith(f"{lmp_project.DEFAULT_LANGUAGE}:")) + 1
    result = mkdocs_build(project, project / "site", pdf=False)
    return result, nb_line, before, data.read_bytes()


@pytest.mark.full   # a build of its own (shared with the next test)
def test_missing_key_fails_the_build(broken_languages):
    """A key missing from one language file fails the strict build, naming the key and the file:
    a line of the one message the build stops with before rendering (lmp_mkdocs/start.py)."""
    result = broken_languages[0]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    problem = "data/ui.en.yml: missing key 'reading_time.label' (it is in data/ui.nb.yml)"
    assert re.search(r"^ERROR +- +\d+ problem\(s\) found before building.*(?:\n  .*)*\n  "
                     + re.escape(problem) + "$", output, re.M), output[-3000:]


def test_ui_names_key_and_file():
    """lmp_words.ui: a missing key is an error naming the key path and the file, not a bare KeyError."""
    from lmp import project as lmp_project
    from lmp import words as lmp_words
    words = lmp_words.ui("en")
    with pytest.raises(lmp_words.MissingWord, match=r"data/ui\.en\.yml: no key 'reading_time\.nowhere'"):
        words["reading_time"]["nowhere"]
    with pytest.raises(lmp_words.MissingWord, match=r"data/ui\.zz\.yml: no such language file"):
        lmp_words.ui("zz")


def test_languages_come_from_the_config(tmp_path):
    """The languages are the i18n plugin's `languages:` (default first), not a list in Python."""
    from lmp import project as lmp_project
    from lmp import words as lmp_words
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - search\n  - i18n:\n      languages:\n"
                      "        - {locale: en, build: true}\n        - {locale: nn, default: true}\n"
                      "        - {locale: se, build: false}\n"
                      "markdown_extensions:\n  - x: !!python/name:os.path\n", encoding="utf-8")
    assert lmp_project.config_languages(config) == ("nn", "en")
    assert lmp_project.LANGUAGES == lmp_project.config_languages()


@pytest.mark.full   # a build of its own (the one of test_missing_key_fails_the_build)
def test_untranslated_data_value_fails_naming_file_and_line(broken_languages):
    """A data file value given in the default language but missing in another stops the build at
    once, naming data/<file>:<line> (lmp/checks/ui_check.py, check_data); nothing is written over."""
    from lmp import project as lmp_project
    from lmp import words as lmp_words
    result, nb_line, before, after = broken_languages
    other = lmp_project.LANGUAGES[-1]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/programme.yml:{nb_line}: no '{other}' beside '{lmp_project.DEFAULT_LANGUAGE}'" in output, output[-3000:]
    assert after == before
