"""The self-check questions of each theme (issue #27): data/self-check/<theme>.yml, shown at the end of
each theme module on the web (lmp/generators/self_check.py, assets/javascripts/self-check.js) and
at the end of each seminar handout with an answer key (lmp/print/handouts.py).

Fast tier: the generator on the fixture project (tests/fixtures/mini), the catalogue, the built
pages (`html_site`) and the whole-site fault build. The rules of the check, case by case, are in
tests/test_checks.py (the fixture's faults). Full tier: answering in Chromium (feedback, the link
to the section, keyboard, axe, nothing stored, file://, no JavaScript), search, the PDFs' text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, assert_reported, fault_injector, replace_line
from lmp import project as lmp_project
from lmp import words as lmp_words
from lmp.generators import self_check as generator
from lmp.model import catalogue
from lmp.model import pages as lmp_pages
from lmp.model import self_check as data
from lmp.model.info import PageInfo, SiteInfo

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
PREFIX = {lang: "" if lang == lmp_project.DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES}
LANGS = pytest.mark.parametrize("lang", LANGUAGES)


def ui(lang: str):
    return lmp_words.ui(lang)["self_check"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def letters(text: str) -> str:
    """Text without any white space: a PDF's lines break after a hyphen ("12-" "4"), and the
    extracted text keeps the break."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


# --- The generator, on the fixture project ----------------------------------------------------

def generated(lang: str) -> BeautifulSoup:
    """The fixture's theme module in `lang`: its marker (as Markdown leaves it in the HTML) filled."""
    src = f"themes/theme-1/index.{lang}.md"
    page = PageInfo(src_uri=src, lang=lang, meta={"type": "theme", "id": "theme-1"},
                    url="themes/theme-1/index.html")
    site = SiteInfo(docs_dir=str(MINI / "docs"), site_dir="", config_file=str(MINI / "mkdocs.yml"))
    html = generator.page_content('<h2 id="self-check">…</h2>\n<!-- lmp:self-check -->\n', page, site)
    assert "<!-- lmp:self-check -->" not in html
    scripts = BeautifulSoup(html, "html.parser").select("script")
    assert [script.attrs for script in scripts] == [{"src": "../../assets/javascripts/self-check.js", "defer": ""}], \
        "one external script and no inline one (the CSP allows only hashed inline scripts)"
    return BeautifulSoup(html[html.index('<div class="lmp-self-check"'):], "html.parser")


@LANGS
def test_each_question_is_a_fieldset_with_its_options_answer_and_links(lang):
    soup = generated(lang)
    questions = data.questions(MINI, "theme-1", lang)
    headings = generator.heading_titles((MINI / f"docs/themes/theme-1/index.{lang}.md").read_text(encoding="utf-8"))
    shown = soup.select(".lmp-question")
    assert len(shown) == len(questions) == 8
    assert ui(lang)["intro"].format(count=8) in soup.get_text()
    for box, question in zip(shown, questions):
        fieldset = box.select_one("fieldset")
        assert fieldset.legend.get_text(" ", strip=True) == f"{question.number}. {question.question}"
        inputs = fieldset.select("input")
        assert [i["type"] for i in inputs] == ["checkbox" if question.multiple else "radio"] * len(question.options)
        assert len({i["name"] for i in inputs}) == 1
        assert all(box.select_one(f'label[for="{i["id"]}"]') for i in inputs), "every option has its label"
        assert box.select_one(".lmp-question__actions").has_attr("hidden"), "the button waits for the script"
        assert box.select_one(".lmp-question__feedback")["aria-live"] == "polite"
        answer = box.select_one("details.lmp-answer")
        assert answer.summary.get_text(strip=True) == ui(lang)["answer"]
        for key, _ in question.options:
            item = answer.select_one(f'li[data-option="{key}"]')
            assert item.select_one(".lmp-answer__why").get_text() == question.feedback[key]
            assert item.has_attr("data-right") == (key in question.answer)
        for link in answer.select(".lmp-answer__more a"):
            assert link["href"][1:] in headings and link.get_text() == headings[link["href"][1:]]
    see = soup.select_one("#self-check-tasks .lmp-answer__see a")
    assert see["href"] == "../../roles/ppt.html#duties"
    own_section = soup.select_one('#self-check-violation li[data-option="b"] .lmp-answer__more a')
    assert own_section["href"] == "#why", "an option with a section of its own links there"
    assert "lmp-web-only" in shown[0]["class"]
    note = soup.select_one(".lmp-print-only")
    assert note.get_text() == ui(lang)["print_note"] and note.has_attr("data-search-exclude")


def test_pages_without_the_marker_are_left_alone():
    page = PageInfo(src_uri="themes/theme-1/index.nb.md", lang="nb", meta={"type": "theme"},
                    url="themes/theme-1/index.html")
    assert generator.page_content("<p>Text</p>", page, None) == "<p>Text</p>"
    other = PageInfo(src_uri="tools/index.nb.md", lang="nb", meta={"type": "tool"}, url="tools/index.html")
    assert generator.page_content("<!-- lmp:self-check -->", other, None) == "<!-- lmp:self-check -->"


def test_the_self_check_is_not_a_section_to_read():
    """The reading builder and lists offer no "Check yourself" section to read; the page's words
    still add up to the minutes under its title."""
    for entry in catalogue.load(ROOT / "docs", "en"):
        assert all(section.anchor not in catalogue.NOT_READ for section in entry.sections)
        if entry.type == "theme":
            page = lmp_pages.read_page(ROOT / "docs" / f"{entry.key}.en.md", ROOT / "docs")
            assert entry.minutes == catalogue.page_minutes(page.body, page.meta, "en", entry.key)


# --- The built web pages (no browser) --------------------------------------------------------

@LANGS
def test_every_theme_page_has_its_questions_and_the_tools_link_them(html_site, lang):
    for theme in lmp_pages.THEMES:
        built = html_site / PREFIX[lang] / "themes" / theme / "index.html"
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "lxml")
        section = soup.select_one("h2#self-check")
        assert section is not None and section.find_next_sibling(class_="lmp-self-check")
        assert len(soup.select(".lmp-question fieldset legend")) == len(data.questions(ROOT, theme, lang))
        script = soup.select_one('script[src$="assets/javascripts/self-check.js"]')
        assert script is not None and (built.parent / script["src"]).resolve().is_file()
    for tool in ("index", "handouts"):
        tools = (html_site / PREFIX[lang] / "tools" / f"{tool}.html").read_text(encoding="utf-8")
        for theme in lmp_pages.THEMES:
            assert f'href="../themes/{theme}/index.html#self-check"' in tools, f"tools/{tool}: {theme}"


def test_the_script_stores_nothing():
    script = (ROOT / "docs/assets/javascripts/self-check.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    for name in ("localStorage", "sessionStorage", "document.cookie", "indexedDB", "fetch(", "XMLHttpRequest",
                 "innerHTML", "history."):
        assert name not in code, name


# --- Bad input fails the whole build, naming file and line -------------------------------------

@fault_injector("self_check")
def inject_self_check_faults(project: Path) -> dict[str, str]:
    """A question with two right answers, and a feedback link to a section the page lacks."""
    quiz = project / "data/self-check/theme-2.yml"
    expected = {}
    line = replace_line(quiz, "    answer: [c]", "    answer: [b, c]")
    expected[f"data/self-check/theme-2.yml:{line}"] = "2 right answers: a question has exactly one"
    line = replace_line(quiz, "    section: duty-to-act", "    section: duty-to-report")
    expected[f"data/self-check/theme-2.yml:{line}"] = "section 'duty-to-report' is not a heading id of index.en.md"
    return expected


def test_bad_questions_fail_the_build_with_file_and_line(combined_faults):
    expected, result, before, after = combined_faults["self_check"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)
    assert before == after


# --- In the browser ----------------------------------------------------------------------------

def question(page, number: int):
    return page.locator(".lmp-question").nth(number - 1)


def feedback_of(box) -> str:
    output = box.locator(".lmp-question__feedback")
    output.locator("p").first.wait_for()
    return squash(output.inner_text())


def answer(box, *keys):
    for key in keys:
        box.locator(f'input[value="{key}"]').check()
    box.locator(".lmp-question__check").click()
    return feedback_of(box)


def stored(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))")


def test_answering_shows_the_feedback_and_the_link_reaches_its_section(page, site_url):
    """Theme 2 in bokmål: a wrong answer, the right one, a question with several answers, the link
    to the section that teaches it; nothing is stored and nothing comes back after a reload."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "themes/theme-2/index.html")
    words, questions = ui("nb"), data.questions(ROOT, "theme-2", "nb")
    first, several = questions[0], next(q for q in questions if q.multiple)
    box = question(page, first.number)
    box.locator(".lmp-question__check").click()
    assert feedback_of(box) == words["choose_first"]
    wrong = next(key for key, _ in first.options if key not in first.answer)
    shown = answer(box, wrong)
    assert words["wrong"] in shown and squash(first.feedback[wrong]) in shown
    assert words["right"] not in shown.replace(words["wrong"], "")
    box.locator(f'input[value="{first.answer[0]}"]').check()
    assert box.locator(".lmp-question__feedback").inner_text() == "", "a new choice clears the old feedback"
    shown = answer(box, first.answer[0])
    assert shown.startswith("✓ " + words["right"]) and squash(first.feedback[first.answer[0]]) in shown

    other = question(page, several.number)
    wrong_too = next(key for key, _ in several.options if key not in several.answer)
    shown = answer(other, several.answer[0], wrong_too)
    assert words["partly"] in shown and words["option_right"] in shown and words["option_wrong"] in shown
    assert squash(several.feedback[wrong_too]) in shown
    other.locator(f'input[value="{wrong_too}"]').uncheck()
    shown = answer(other, *several.answer)
    assert words["right"] in shown and words["missed"] not in shown

    link = box.locator(".lmp-question__feedback a")
    assert link.get_attribute("href") == f"#{first.section_of(first.answer[0])}"
    link.click()
    page.wait_for_url(f"**#{first.section_of(first.answer[0])}")
    top = page.evaluate(f"document.getElementById('{first.section_of(first.answer[0])}').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"], "the section is in view"

    assert all(key.endswith(".__palette") for key in stored(page)), stored(page)
    assert page.context.cookies() == []
    page.reload()
    assert page.locator(".lmp-question input:checked").count() == 0
    assert page.locator(".lmp-question__feedback p").count() == 0
    assert not errors


def test_a_keyboard_alone_answers(page, site_url):
    """Tab to the options, arrows to choose, Tab to the button, Enter: the answer is checked."""
    page.goto(site_url + "en/themes/theme-1/index.html")
    first = data.questions(ROOT, "theme-1", "en")[0]
    box = question(page, 1)
    box.locator("input").first.focus()
    page.keyboard.press("ArrowDown")       # the second option of a radio group
    assert box.locator("input:checked").get_attribute("value") == first.options[1][0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('lmp-question__check')")
    page.keyboard.press("Enter")
    expected = ui("en")["right" if first.options[1][0] in first.answer else "wrong"]
    assert expected in feedback_of(box)


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_axe_finds_nothing_with_the_feedback_shown(browser, site_url, scheme):
    from test_accessibility import COLOUR_RULES, axe, describe
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(site_url + "nn/themes/theme-3/index.html")
        first = data.questions(ROOT, "theme-3", "nn")[0]
        answer(question(page, 1), next(key for key, _ in first.options if key not in first.answer))
        answer(question(page, 2), data.questions(ROOT, "theme-3", "nn")[1].answer[0])
        question(page, 3).locator("summary").click()
        found = axe(page) if scheme == "light" else axe(page, COLOUR_RULES, "article.md-content__inner")
    finally:
        context.close()
    assert not found, "\n".join(describe(f"nn/themes/theme-3 [{scheme}]", found))


def test_works_from_file_and_reads_without_javascript(browser, site):
    """The offline copy (file://) answers; without JavaScript the button stays hidden and the
    answer and its feedback are in the <details>."""
    url = (site / "themes" / "theme-4" / "index.html").as_uri()
    first = data.questions(ROOT, "theme-4", "nb")[0]
    offline = browser.new_context()
    try:
        page = offline.new_page()
        page.goto(url)
        assert ui("nb")["right"] in answer(question(page, 1), first.answer[0])
    finally:
        offline.close()
    plain = browser.new_context(java_script_enabled=False)
    try:
        page = plain.new_page()
        page.goto(url)
        box = question(page, 1)
        assert box.locator(".lmp-question__check").is_hidden()
        box.locator("summary").click()
        details = squash(box.locator("details").inner_text())
        assert squash(first.feedback[first.answer[0]]) in details
        assert ui("nb")["answer_is"].format(answer=first.answer[0]) in details
    finally:
        plain.close()


# A word only the self-check questions use (of themes 2 and 3): search finds it in those theme
# pages, at their section #self-check.
ONLY_IN_QUESTIONS = {"nb": "medarbeidersamtale", "en": "appraisal", "nn": "medarbeidarsamtale"}


@LANGS
def test_search_finds_a_question_in_its_theme_page(browser, site_url, lang):
    from test_search import open_search, results, site_path
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_search(page, site_url, lang)
        found = results(page, ONLY_IN_QUESTIONS[lang])
    finally:
        context.close()
    word = ONLY_IN_QUESTIONS[lang]
    assert not any(word in path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob(f"*.{lang}.md"))
    themes = {theme for theme in lmp_pages.THEMES
              if word in data.file_of(ROOT, theme).read_text(encoding="utf-8")}
    assert {site_path(item["page"], site_url) for item in found} == {f"{PREFIX[lang]}themes/{t}/index" for t in themes}
    assert all(any(link.endswith("#self-check") for link in item["links"]) for item in found), found


# --- On paper ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,theme", [(lang, theme) for lang in LANGUAGES for theme in lmp_pages.THEMES])
def test_the_handout_prints_the_questions_then_the_answer_key(site, pdfs, lang, theme):
    pdf = pdfs[site / PREFIX[lang] / "themes" / theme / "index.pdf"]
    marks = pdf.destinations
    start, key, notes = marks["self-check"], marks["self-check-key"], marks["lmp-notes-title"]
    assert start < key < notes, (start, key, notes)
    text = {number: letters(pdf.page_text(number)) for number in range(start, notes)}   # these pages only
    asked = "".join(text[number] for number in range(start, key))
    keyed = "".join(text[number] for number in range(key, notes))
    words = ui(lang)
    assert letters(words["paper_intro"].split("{link}")[1]) in asked
    assert letters(words["key"]) in text[key]
    everything = asked + keyed
    for question in data.questions(ROOT, theme, lang):
        # the questions and their options before the key's page, which holds no question
        assert letters(question.question) in asked and letters(question.question) not in keyed, question.id
        assert all(letters(text) in asked for _, text in question.options), question.id
        for option, _ in question.options:
            why = letters(question.feedback[option])
            if option in question.answer:    # the right option(s) and why: in the key only
                assert why in keyed and why not in asked, (question.id, option)
            else:                            # the feedback of a wrong option is not printed
                assert why not in everything, (question.id, option)
    assert letters(words["intro"].split("{")[0]) not in everything, "the web's words are printed"
    assert letters(words["answer"]) not in everything
