"""Fault injection through the content checks themselves, on a small fixture project, in seconds.

tests/fixtures/mini is a project of its own: three pages (home, a role, a theme module) in each
site language that pass every check, and the data the checks read next to its docs/ (a small
data/law.yml, terms.yml, draft-markers.yml, programme.yml, the word lists and the search
synonyms). Each test copies it to tmp_path, injects one fault and calls one check function
directly (no MkDocs build, no subprocess but hunspell in language_check), asserting the exact
`where` (`docs/<file>:<line>`, or the data file) and the message.

The whole-site fault builds (`combined_faults` in conftest.py: test_author_errors.py,
test_trust.py, test_terms.py, test_language_check.py, test_faults.py, test_published_address.py,
test_search.py, test_integrations.py) stay: they prove that the build runs these checks and stops
on what they find. This file proves each rule, case by case.

What the hooks read from the hooks' own project rather than from a docs folder is pointed at the
copy here, without changing a hook: the data files where a check takes them as an argument
(`terms=`, `law=`, `markers=`), the interface words (under `project.ROOT`, read by ui_check.check,
before_next_seminar and term_check) and the search synonyms (also under `project.ROOT`).
The interface words are the project's own (data/ui.<lang>.yml, copied in): they hold the box
title and quotation marks the checks expect, so a copy in the fixture would only go stale.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, append_lines, replace_line
from lmp.model import site as model
from lmp import project as lmp_project
from lmp import words as lmp_words

from lmp.generators import before_next_seminar
from lmp.checks import draft_markers  # noqa: E402
from lmp.checks import language_check  # noqa: E402
from lmp.generators import law_citations  # noqa: E402
from lmp.checks import markdown_rules  # noqa: E402
from lmp.checks import marker_names  # noqa: E402
from lmp.checks import page_schema  # noqa: E402
from lmp.checks import published_address  # noqa: E402
from lmp.checks import self_check  # noqa: E402
from lmp.search import index as search_index  # noqa: E402
from lmp.checks import term_check  # noqa: E402
from lmp.generators import theme_titles  # noqa: E402,F401  (registers <!-- lmp:theme-title -->, as a build imports every hook)
from lmp.generators import self_check as self_check_generator  # noqa: E402,F401  (registers <!-- lmp:self-check -->)
from lmp.checks import translation_pairs  # noqa: E402
from lmp.checks import ui_check  # noqa: E402
from lmp.outputs import decks  # noqa: E402

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
LANGUAGES = lmp_project.LANGUAGES
SETTINGS = language_check.spelling(lmp_project.read_config()["extra"])   # the site's hunspell dictionaries

# Each check as called on a project folder `root` (its docs/ and the data next to it).
CHECKS = {
    "page_schema": lambda root: page_schema.check(root / "docs"),
    "translation_pairs": lambda root: translation_pairs.check(root / "docs"),
    "markers": lambda root: marker_names.check(root / "docs"),
    "markdown_rules": lambda root: markdown_rules.check(root / "docs"),
    "term_check": lambda root: term_check.check(root / "docs", terms=term_check.load(root / "data/terms.yml")),
    "draft_markers": lambda root: draft_markers.check(
        root / "docs", markers=draft_markers.load_markers(root / "data/draft-markers.yml")),
    "law_citations": lambda root: law_citations.check(root / "docs", law=law_citations.load_law(root / "data/law.yml")),
    "published_address": lambda root: published_address.check(root / "docs"),
    "before_next_seminar": lambda root: before_next_seminar.check(root / "docs"),
    "language_check": lambda root: language_check.check(root / "docs", SETTINGS),
    "ui_check": lambda root: ui_check.check(LANGUAGES),            # reads the copy's data/ui.<lang>.yml (project.ROOT)
    "ui_check_data": lambda root: ui_check.check_data(LANGUAGES, root),
    "search_synonyms": lambda root: search_index.check_synonyms(),  # reads the copy's includes/search-synonyms.<lang>.yml
    "self_check": lambda root: self_check.check(root / "docs"),     # reads the copy's data/self-check/
    "decks": lambda root: decks.check(root / "docs"),
}


def run(check: str, root: Path) -> list[tuple[str, str]]:
    return [(str(where), problem) for where, problem in CHECKS[check](root)]


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A throw-away copy of the fixture project, with the project's interface words; the hooks'
    interface words and search synonyms point at it for this test."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    for lang in LANGUAGES:
        shutil.copy(ROOT / "data" / f"ui.{lang}.yml", root / "data" / f"ui.{lang}.yml")
    monkeypatch.setenv("LMP_BUILD_CACHE", "off")   # nothing read from or written to .cache/
    monkeypatch.setattr(lmp_project, "ROOT", root)   # the project's data, includes… are the copy's
    return root


# --- Editing the copy (append_lines and replace_line: tests/conftest.py) -----------------------

def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# --- The faults ----------------------------------------------------------------------------------
# Each injects one fault into the copy and returns [(where, part of the message)]: every problem
# the check must report, and nothing else.

FAULTS: list = []


def fault(check: str, name: str):
    def register(inject):
        FAULTS.append(pytest.param(check, inject, id=f"{check}: {name}"))
        return inject
    return register


@fault("page_schema", "invalid YAML front matter")
def _(root):
    line = replace_line(root / "docs/roles/ppt.en.md", "title:", "title: [unclosed, list")
    return [(f"docs/roles/ppt.en.md:{line}", "invalid YAML front matter")]


@fault("page_schema", "unknown front-matter key")
def _(root):
    line = replace_line(root / "docs/roles/ppt.nb.md", "type:", "type: role", "colour: blue")
    return [(f"docs/roles/ppt.nb.md:{line + 1}", "unknown front-matter key 'colour'")]


@fault("page_schema", "unknown role id")
def _(root):
    line = replace_line(root / "docs/roles/ppt.en.md", "roles:", "roles: [ppt, janitor]")
    return [(f"docs/roles/ppt.en.md:{line}", "unknown role id 'janitor' in 'roles'")]


@fault("page_schema", "duplicate id in every language")
def _(root):
    found = []
    for lang in LANGUAGES:
        line = replace_line(root / f"docs/roles/ppt.{lang}.md", "id:", "id: home")
        found.append((f"docs/roles/ppt.{lang}.md:{line}", f"id 'home' is already used by docs/index.{lang}.md"))
    return found


@fault("page_schema", "missing required key")
def _(root):
    replace_line(root / "docs/index.nn.md", "description:")
    return [("docs/index.nn.md:1", "front matter needs 'description' (a non-empty text)")]


@fault("page_schema", "theme page without semester")
def _(root):
    replace_line(root / "docs/themes/theme-1/index.en.md", "semester:")
    return [("docs/themes/theme-1/index.en.md:1", "a theme page needs 'semester' (1 to 4)")]


@fault("page_schema", "heading without id")
def _(root):
    line = append_lines(root / "docs/index.nb.md", "## Mer", "", "Tekst.")
    return [(f"docs/index.nb.md:{line}", "heading 'Mer' needs an explicit id")]


@fault("page_schema", "H1 in the body")
def _(root):
    line = append_lines(root / "docs/index.en.md", "# Welcome { #welcome }", "", "Text.")
    return [(f"docs/index.en.md:{line}", "no H1 in the body: the title comes from the front matter")]


@fault("page_schema", "role page without its who section")
def _(root):
    page = root / "docs/roles/ppt.nb.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{ #who }", "{ #whom }"), encoding="utf-8")
    return [("docs/roles/ppt.nb.md:16", "a role page has the H2 sections ['who', 'duties', 'meetings', "
             "'deliverables'] in this order; this one has ['whom', 'duties', 'meetings', 'deliverables']")]


@fault("translation_pairs", "new page in one language only")
def _(root):
    (root / "docs/roles/lonely.en.md").write_text(
        "---\nid: lonely\ntype: page\ntitle: Lonely\ndescription: Only in English.\n---\n\n"
        "## Text { #text }\n\nHello.\n", encoding="utf-8")
    return [("docs/roles/lonely.en.md:1", f"no translation: docs/roles/lonely.{lang}.md is missing")
            for lang in LANGUAGES if lang != "en"]


@fault("translation_pairs", "translation deleted")
def _(root):
    (root / "docs/roles/ppt.nn.md").unlink()
    return [("docs/roles/ppt.en.md:1", "no translation: docs/roles/ppt.nn.md is missing")]


@fault("translation_pairs", "language-neutral front matter differs")
def _(root):
    line = replace_line(root / "docs/roles/ppt.en.md", "themes:", "themes: [theme-1, theme-2]")
    return [(f"docs/roles/ppt.en.md:{line}", "'themes' is ['theme-1', 'theme-2'] here but ['theme-1'] in "
             "ppt.nb.md: language-neutral front matter must be equal")]


@fault("translation_pairs", "heading id differs")
def _(root):
    line = replace_line(root / "docs/roles/ppt.nn.md", "## Oppgåver", "## Oppgåver { #tasks }")
    return [(f"docs/roles/ppt.nn.md:{line}", "headings differ from ppt.nb.md at heading 2: "
             "H2 #tasks here, H2 #duties there")]


@fault("markdown_rules", "image without alt text")
def _(root):
    line = append_lines(root / "docs/index.nb.md", "![](assets/logo.svg)")
    return [(f"docs/index.nb.md:{line}", "image without alt text")]


@fault("markdown_rules", "<img> without alt")
def _(root):
    line = append_lines(root / "docs/index.en.md", '<img src="assets/logo.svg" width="40">')
    return [(f"docs/index.en.md:{line}", "<img> without an alt attribute")]


@fault("markdown_rules", "skipped heading level")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "#### Too deep { #too-deep }", "", "Text.")
    return [(f"docs/roles/ppt.en.md:{line}", "heading 'Too deep' is H4 after H2: a level was skipped (use H3)")]


@fault("markdown_rules", "unknown admonition type")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nb.md", '!!! danger "Fare"', "    Tekst.")
    return [(f"docs/roles/ppt.nb.md:{line}", "unknown admonition type 'danger'")]


@fault("markers", "unknown marker")
def _(root):
    line = append_lines(root / "docs/index.en.md", "<!-- lmp:programme-gatherins -->")
    return [(f"docs/index.en.md:{line}", "unknown marker <!-- lmp:programme-gatherins -->")]


@fault("markers", "old-style comment marker")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "<!-- programme:rhythm -->")
    return [(f"docs/roles/ppt.en.md:{line}", "old marker syntax <!-- programme:rhythm -->: write <!-- lmp:NAME ARGS -->")]


@fault("markers", "old-style law marker")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nn.md", "{{ law acts }}")
    return [(f"docs/roles/ppt.nn.md:{line}", "old marker syntax {{ law acts }}")]


@fault("markers", "unknown theme in a theme-title marker")
def _(root):
    line = append_lines(root / "docs/index.nb.md", "Se [<!-- lmp:theme-title theme-9 -->](themes/theme-1/index.md).")
    return [(f"docs/index.nb.md:{line}", "unknown theme 'theme-9' in <!-- lmp:theme-title theme-9 -->")]


@fault("term_check", "avoided variant (en)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "Staff keep watch and help the children.")
    return [(f"docs/roles/ppt.en.md:{line}", "'keep watch': write 'monitor, intervene and report' "
             "(data/terms.yml, term 'duty-to-act-verbs')")]


@fault("term_check", "avoided variant (nb)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nb.md", "Lova sier at alle skal melde ifra.")
    return [(f"docs/roles/ppt.nb.md:{line}", "'Lova': write 'loven'"),
            (f"docs/roles/ppt.nb.md:{line}", "'melde ifra': write 'følge med, gripe inn og melde fra'")]


@fault("term_check", "avoided variant (nn)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nn.md", "Alle tilsette skal melde fra til styraren.")
    return [(f"docs/roles/ppt.nn.md:{line}", "'melde fra': write 'følgje med, gripe inn og melde frå'")]


@fault("term_check", "variant in the front matter")
def _(root):
    line = replace_line(root / "docs/index.nn.md", "description:", "description: Her står kva loven seier.")
    return [(f"docs/index.nn.md:{line}", "'loven': write 'lova'")]


@fault("term_check", "Norwegian quotation marks on an English page")
def _(root):
    line = append_lines(root / "docs/index.en.md", "The report calls it «mobbefri skole».")
    return [(f"docs/index.en.md:{line}", f"'{mark}': use English quotation marks (“…” or \"…\"), not «»")
            for mark in "«»"]


@fault("term_check", "variant in data/programme.yml")
def _(root):
    line = replace_line(root / "data/programme.yml", "    title: {nb: Nasjonal samling 1",
                        "    title: {nb: Andre samling, en: Second gathering, nn: Andre samling}")
    return [(f"data/programme.yml:{line}", "'Andre samling': write 'nasjonal samling'"),
            (f"data/programme.yml:{line}", "'Andre samling': write 'nasjonal samling'"),
            (f"data/programme.yml:{line}", "'Second gathering': write 'national gathering'")]


@fault("term_check", "variant in a block value of data/law.yml")
def _(root):
    line = replace_line(root / "data/law.yml", "      en: Everyone who works at the school must monitor",
                        "      en: >-", "        Everyone who works at the school must keep an eye on the pupils.")
    return [(f"data/law.yml:{line + 1}", "'keep an eye on': write 'monitor, intervene and report'")]


@fault("draft_markers", "draft marker (nb)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nb.md", "Denne ordlyden er ikke kontrollert ennå.")
    return [(f"docs/roles/ppt.nb.md:{line}", "draft marker 'ikke kontrollert' on a reader page")]


@fault("draft_markers", "draft marker over a line break (en)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "This wording is awaiting legal", "review.")
    return [(f"docs/roles/ppt.en.md:{line}", "draft marker 'legal review' on a reader page")]


@fault("draft_markers", "draft marker (nn) in the front matter")
def _(root):
    line = replace_line(root / "docs/index.nn.md", "description:", "description: Ein tekst som er ikkje kontrollert.")
    return [(f"docs/index.nn.md:{line}", "draft marker 'ikkje kontrollert' on a reader page")]


@fault("draft_markers", "TODO in any language")
def _(root):
    line = append_lines(root / "docs/themes/theme-1/index.en.md", "todo: add an example.")
    return [(f"docs/themes/theme-1/index.en.md:{line}", "draft marker 'todo' on a reader page: readers get settled guidance")]


@fault("law_citations", "section not in data/law.yml (nb)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nb.md", "Se også barnehageloven § 44 om dette.")
    return [(f"docs/roles/ppt.nb.md:{line}", "section § 44 of the Kindergarten Act (barnehageloven) is not in "
             "data/law.yml (it knows §§ 41): check the number, or add the provision there")]


@fault("law_citations", "section not in data/law.yml, in a list (en)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "See also Education Act sections 12-4 and 12-11.")
    return [(f"docs/roles/ppt.en.md:{line}", "section § 12-11 of the Education Act (opplæringslova) is not in data/law.yml")]


@fault("law_citations", "unknown provision id (full and shortcut reference)")
def _(root):
    line = append_lines(root / "docs/roles/ppt.en.md", "Read [the section][bhl-99] and [oppl-12-9].")
    return [(f"docs/roles/ppt.en.md:{line}", "unknown law provision id 'bhl-99': data/law.yml has no such act or provision"),
            (f"docs/roles/ppt.en.md:{line}", "unknown law provision id 'oppl-12-9'")]


@fault("law_citations", "official heading typed by hand")
def _(root):
    line = append_lines(root / "docs/roles/ppt.nb.md", "Les «Nulltoleranse og forebyggende arbeid» i loven.")
    return [(f"docs/roles/ppt.nb.md:{line}", "the official heading of bhl-41 is typed by hand: write [bhl-41]")]


@fault("published_address", "development address in a page")
def _(root):
    line = append_lines(root / "docs/index.nb.md", "Se <http://127.0.0.1:8000/roles/ppt.html>.")
    return [(f"docs/index.nb.md:{line}", "development address '127.0.0.1' in a published source: "
             "link pages relatively, and let SITE_URL give the public address")]


@fault("published_address", "development address in a data file")
def _(root):
    line = append_lines(root / "includes/search-synonyms.en.yml", "# preview: http://localhost:8000/")
    return [(f"includes/search-synonyms.en.yml:{line}", "development address 'localhost'")]


def _theme(root: Path, lang: str) -> Path:
    return root / f"docs/themes/theme-1/index.{lang}.md"


@fault("decks", "a staff-meeting plan whose minutes do not add up to its heading's")
def _(root):
    line = replace_line(_theme(root, "en"), "| 0–45 |", "| 0–40 | Talk about the tasks | Everyone |")
    return [(f"docs/themes/theme-1/index.en.md:{line}",
             "the staff-meeting plan's steps add up to 40 minutes, not the 45 of its heading")]


@fault("decks", "a step that does not start where the one before it ends")
def _(root):
    line = replace_line(_theme(root, "nb"), "| 0–45 |", "| 0–20 | Samtale | Alle |", "| 25–45 | Oppsummering | Alle |")
    return [(f"docs/themes/theme-1/index.nb.md:{line + 1}", "the step 25–45 does not start where the one before it ends (20)"),
            (f"docs/themes/theme-1/index.nb.md:{line + 1}", "add up to 40 minutes, not the 45")]


@fault("decks", "a theme page without its key points")
def _(root):
    page = _theme(root, "nn")
    replace_line(page, "## Oppsummering { #key-points }", "## Oppsummering")
    body_line = lines_of(page).index("---", 1) + 2
    return [(f"docs/themes/theme-1/index.nn.md:{body_line}", "the slide deck needs a section { #key-points }")]


@fault("decks", "a box without whom to tell")
def _(root):
    page = _theme(root, "en")
    replace_line(page, "    **When a child is not safe and happy:**", "    You report to the head or the principal.")
    line = lines_of(page).index('!!! note "Before the next seminar"') + 1
    return [(f"docs/themes/theme-1/index.en.md:{line}", "starts in bold and says whom to tell")]


@fault("before_next_seminar", "theme module without its box")
def _(root):
    page = _theme(root, "nb")
    text = page.read_text(encoding="utf-8")
    start = text.index('!!! note "Før neste fagsamling"')
    page.write_text(text[:start] + text[text.index("## ", start):], encoding="utf-8")
    body_line = text[:start].count("\n")   # the blank line after the front matter
    return [(f"docs/themes/theme-1/index.nb.md:{body_line}",
             'a theme module opens with the box !!! note "Før neste fagsamling"')]


@fault("before_next_seminar", "box with another title")
def _(root):
    line = replace_line(_theme(root, "en"), "!!! note", '!!! note "Before the seminar"')
    return [(f"docs/themes/theme-1/index.en.md:{line - 1}",
             'a theme module opens with the box !!! note "Before the next seminar"')]


@fault("before_next_seminar", "box without the reading-time marker")
def _(root):
    page = _theme(root, "nn")
    line = lines_of(page).index('!!! note "Før neste fagsamling"') + 1
    replace_line(page, "    <!-- lmp:between-reading -->")
    return [(f"docs/themes/theme-1/index.nn.md:{line}",
             'the box "Før neste fagsamling" needs the marker <!-- lmp:between-reading -->')]


@fault("before_next_seminar", "box over 250 words")
def _(root):
    page = _theme(root, "en")
    line = replace_line(page, "    <!-- lmp:between-reading -->", "    " + "word " * 250, "", "    <!-- lmp:between-reading -->")
    box = lines_of(page).index('!!! note "Before the next seminar"') + 1
    assert box < line
    # 250 words added to the box's 38 (link targets and the marker are not words)
    return [(f"docs/themes/theme-1/index.en.md:{box}", 'the box "Before the next seminar" has 288 words (at most 250)')]


# A wrong word on a page of each site language (as test_language_check.py's combined fault build).
WRONG_WORDS = {"nb": ("Dette er en skrivefeiil.", ["skrivefeiil"]),
               "en": ("This is a mispelled word.", ["mispelled"]),
               "nn": ("Eg veit ikke hva jeg skal gjere, eller hvordan.", ["ikke", "hva", "jeg", "hvordan"])}
for _lang in LANGUAGES:
    def _(root, lang=_lang):
        text, words = WRONG_WORDS[lang]
        line = append_lines(root / f"docs/roles/ppt.{lang}.md", text)
        return [(f"docs/roles/ppt.{lang}.md:{line}", f"'{word}' is not a word of the language {lang} "
                 f"(hunspell {SETTINGS[lang]['dictionary']})") for word in words]
    fault("language_check", f"misspelled word ({_lang})")(_)


@fault("language_check", "misspelled word in the front matter")
def _(root):
    line = replace_line(root / "docs/index.en.md", "title:", "title: The lerning environment project")
    return [(f"docs/index.en.md:{line}", "'lerning' is not a word of the language en")]


@fault("ui_check", "key missing in a language")
def _(root):
    line = replace_line(root / "data/ui.en.yml", "  time: \"Reading time for this box")
    assert lines_of(root / "data/ui.en.yml")[line - 2].strip() == "title: Before the next seminar"
    return [("data/ui.en.yml", "missing key 'before_next_seminar.time' (it is in data/ui.nb.yml)")]


@fault("ui_check", "key only in one language")
def _(root):
    append_lines(root / "data/ui.nn.yml", "extra_section:", "  word: Ord")
    return [("data/ui.nn.yml", "extra key 'extra_section.word' (it is not in data/ui.nb.yml)")]


@fault("ui_check", "language file missing")
def _(root):
    (root / "data/ui.nn.yml").unlink()
    return [("data/ui.nn.yml", "no language file for 'nn'")]


@fault("ui_check_data", "data value without a language (inline)")
def _(root):
    line = replace_line(root / "data/programme.yml", "    title:", "    title: {nb: Nasjonal samling 1, en: National gathering 1}")
    return [(f"data/programme.yml:{line}", "no 'nn' beside 'nb' (every language needs its words here)")]


@fault("ui_check_data", "data value without a language (block)")
def _(root):
    law = root / "data/law.yml"
    line = lines_of(law).index("      nb: Barnehagen skal ikke godta krenkelser, og alle som arbeider der, skal gripe inn.") + 1
    replace_line(law, "      nn: Barnehagen skal ikkje godta")
    return [(f"data/law.yml:{line}", "no 'nn' beside 'nb'")]


@fault("search_synonyms", "not a list of groups")
def _(root):
    (root / "includes/search-synonyms.en.yml").write_text("PPT: educational service\n", encoding="utf-8")
    return [("includes/search-synonyms.en.yml", "expected a list of groups, each a list of two or more words or phrases")]


@fault("search_synonyms", "a group of one word")
def _(root):
    append_lines(root / "includes/search-synonyms.nn.yml", "- [PPT]")
    return [("includes/search-synonyms.nn.yml", "expected a list of groups")]


@fault("search_synonyms", "invalid YAML")
def _(root):
    append_lines(root / "includes/search-synonyms.nb.yml", "- [PPT, [unclosed")
    return [("includes/search-synonyms.nb.yml", "invalid YAML")]


QUIZ = "data/self-check/theme-1.yml"


@fault("self_check", "a question with two right answers")
def _(root):
    line = replace_line(root / QUIZ, "    answer: [a]", "    answer: [a, b]")
    return [(f"{QUIZ}:{line}", "2 right answers: a question has exactly one, unless it says `multiple: true`")]


@fault("self_check", "a feedback link to a missing section")
def _(root):
    line = replace_line(root / QUIZ, "    section: adult-role", "    section: adult-roles")
    return [(f"{QUIZ}:{line}", "section 'adult-roles' is not a heading id of index.en.md, index.nb.md, index.nn.md")]


@fault("self_check", "a link to a heading another page lacks")
def _(root):
    line = replace_line(root / QUIZ, "    see: roles/ppt.md#duties", "    see: roles/ppt.md#tasks")
    return [(f"{QUIZ}:{line}", "`see: roles/ppt.md#tasks`: no heading id 'tasks' on ppt.en.md, ppt.nb.md, ppt.nn.md")]


@fault("self_check", "a question without one of the site's languages")
def _(root):
    question = lines_of(root / QUIZ).index("  - id: who-monitors") + 1
    line = replace_line(root / QUIZ, "    nn:", "    nx:")
    return [(f"{QUIZ}:{question}", "no 'nn': every question has its question, options and feedback in every language"),
            (f"{QUIZ}:{line}", "unknown key 'nx'")]


@fault("self_check", "an option without feedback, a setting not known")
def _(root):
    line = replace_line(root / QUIZ, "    section: legal-anchors", "    section: legal-anchors", "    settings: [school, college]")
    feedback = replace_line(root / QUIZ, '        c: "Plikten gjelder dem som arbeider der."')
    assert lines_of(root / QUIZ)[feedback - 4] == "      feedback:"
    return [(f"{QUIZ}:{feedback - 3}", "no feedback for option c"),
            (f"{QUIZ}:{line + 1}", "`settings` is a list of kindergarten, school, sfo")]


@fault("self_check", "a theme page without its questions or its marker")
def _(root):
    (root / QUIZ).unlink()
    line = replace_line(_theme(root, "en"), "<!-- lmp:self-check -->", "")
    heading = lines_of(_theme(root, "en")).index("## Check yourself { #self-check }") + 1
    assert heading == line - 2
    return [("docs/themes/theme-1/index.nb.md:1", "no self-check questions for theme-1: write data/self-check/theme-1.yml"),
            (f"docs/themes/theme-1/index.en.md:{heading}", "one marker <!-- lmp:self-check --> in its section { #self-check }")]


@fault("language_check", "misspelled word in a self-check question")
def _(root):
    line = replace_line(root / QUIZ, '      question: "Who must monitor the children?"',
                        '      question: "Who must monitor the childern?"')
    return [(f"{QUIZ}:{line}", "'childern' is not a word of the language en")]


@fault("term_check", "avoided variant in a self-check question")
def _(root):
    line = replace_line(root / QUIZ, '      question: "Kven skal følgje med på barna?"',
                        '      question: "Kven skal melde fra om barna?"')
    return [(f"{QUIZ}:{line}", "'melde fra': write 'følgje med, gripe inn og melde frå'")]


# --- The tests -----------------------------------------------------------------------------------

def test_the_fixture_has_each_page_type_in_every_language():
    pages = {(page.key, page.lang, page.meta.get("type")) for page in model.iter_pages(MINI / "docs")}
    assert pages == {(key, lang, kind) for key, kind in (("index", "home"), ("roles/ppt", "role"),
                                                         ("themes/theme-1/index", "theme"))
                     for lang in LANGUAGES}


@pytest.mark.parametrize("check", CHECKS)
def test_the_clean_fixture_passes(project, check):
    assert run(check, project) == []


def test_every_check_has_a_fault_case():
    assert {param.values[0] for param in FAULTS} == set(CHECKS)


@pytest.mark.parametrize("check, inject", FAULTS)
def test_a_fault_is_reported_with_its_file_and_line(project, check, inject):
    expected = inject(project)
    found = run(check, project)
    assert sorted(where for where, _ in found) == sorted(where for where, _ in expected), found
    unmatched = list(found)
    for where, part in expected:   # each expected problem matches one reported problem of its own
        match = next((item for item in unmatched if item[0] == where and part in item[1]), None)
        assert match, f"expected {where}: …{part}… in {found}"
        unmatched.remove(match)


def test_a_page_not_checked_yet_is_not_reported(project):
    """A page under `not_checked_yet` in data/terms.yml (with its reason) is logged, not reported."""
    append_lines(project / "docs/roles/ppt.en.md", "Staff keep watch and help the children.")
    terms = term_check.load(project / "data/terms.yml")
    terms["not_checked_yet"] = {"roles/ppt": "being rewritten"}
    assert list(term_check.check(project / "docs", terms=terms)) == []


def test_a_part_marked_as_another_language_is_read_as_that_language(project):
    """`*…*{ lang=nb }` on a nynorsk page: its words are bokmål to the language and term checks."""
    append_lines(project / "docs/roles/ppt.nn.md", "Vi les *Hva sier loven?*{ lang=nb } saman.")
    assert run("language_check", project) == [] and run("term_check", project) == []
