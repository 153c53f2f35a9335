"""One name for each thing (data/terms.yml).

- The built pages of both languages hold no variant the term list avoids, and no «» in English.
- Fault injection: avoided variants (and a theme module without its «Før neste fagsamling» box) put
  into the one throw-away copy of the project that all fault tests share fail its build, each reported as `file:line`, and the
  author's files are left as they were.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, append_lines, assert_reported, fault_injector, html_pages, replace_line

from lmp import project as lmp_project
from lmp import words
from lmp.generators import programme
from lmp.model import pages
from lmp.model import site as model
from lmp.checks import term_check  # noqa: E402

TERMS = term_check.load()
RULES = term_check.rules(TERMS)


def article_text(html: str, lang: str | None = None) -> str:
    """The reader's text of a built page: its article, without scripts and tags (and, given the
    page's language, without parts marked as another language: `<span lang="nn">lova</span>`)."""
    match = re.search(r'<article class="md-content__inner[^>]*>(.*?)</article>', html, re.S)
    text = match.group(1) if match else ""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    if lang:
        text = re.sub(r'<(span|em)\b[^>]*\blang="([a-z]+)"[^>]*>.*?</\1>',
                      lambda m: m.group(0) if m.group(2) == lang else " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[ \t]+", " ", text.replace("&nbsp;", " "))


# Both builds: the one without PDFs (html_site: `make check`) and the PDF build (site: full),
# whose theme, handbook and handouts pages also hold the PDF download links' words and titles.
BUILDS = pytest.mark.parametrize("build", ["html_site", pytest.param("site", marks=pytest.mark.full)])


@pytest.mark.parametrize("lang", lmp_project.LANGUAGES)
@BUILDS
def test_built_pages_use_one_name_for_each_thing(request, build, lang):
    site = request.getfixturevalue(build)
    pending = {f"{key}.html" for key in TERMS.get("not_checked_yet") or {}}
    found = []
    for page in html_pages(site, lang):
        relative = page.relative_to(site / ("" if lang == lmp_project.DEFAULT_LANGUAGE else lang)).as_posix()
        if relative in pending:
            continue
        text = article_text(page.read_text(encoding="utf-8"), lang)
        text = term_check.without_quotations(text, lang)
        for number, line in enumerate(text.splitlines(), start=1):
            for pattern, message in RULES[lang]:
                for match in pattern.finditer(line):
                    found.append(f"{page.relative_to(site)}: '{match.group(0)}' ({message})")
    assert not found, "\n".join(found[:40])


def test_every_term_has_every_language():
    for term in TERMS["terms"]:
        assert term.get("id") and all(term.get(lang) for lang in lmp_project.LANGUAGES), term
        for lang, patterns in (term.get("avoid") or {}).items():
            assert lang in lmp_project.LANGUAGES and patterns, term["id"]


# --- Fault injection ------------------------------------------------------------------------------





@fault_injector("terms")
def inject(project: Path) -> dict[str, str]:
    docs, expected = project / "docs", {}
    line = append_lines(docs / "roles/ppt.en.md", "Staff keep watch and step in when a child is left out.")
    expected[f"docs/roles/ppt.en.md:{line}"] = "'keep watch': write 'monitor, intervene and report'"
    line = append_lines(docs / "topics/parents.nb.md", "Lova sier at foreldre og foresatte skal høres.")
    expected[f"docs/topics/parents.nb.md:{line}"] = "'Lova': write 'loven'"
    expected[f"docs/topics/parents.nb.md:{line} "] = "'foreldre og foresatte': write 'foreldre'"
    line = append_lines(docs / "topics/parents.nn.md", "Alle tilsette skal melde fra til styraren.")
    expected[f"docs/topics/parents.nn.md:{line}"] = "'melde fra': write 'følgje med, gripe inn og melde frå'"
    line = append_lines(docs / "about/evaluations.en.md", "The report calls it «mobbefri skole».")
    expected[f"docs/about/evaluations.en.md:{line}"] = "use English quotation marks"
    line = replace_line(docs / "reference/glossary.en.md", "årshjul · ", "årshjul · *annual plan* (unofficial)")
    expected[f"docs/reference/glossary.en.md:{line}"] = "the glossary renders 'årshjul' otherwise than the term list"
    line = replace_line(project / "data/programme.yml", "    title: {nb: Nasjonal samling 2",
                        "    title: {nb: Andre samling, en: Second gathering, nn: Andre samling}")
    expected[f"data/programme.yml:{line}"] = "'Andre samling': write 'nasjonal samling'"
    # The law's summaries are page text too (the law overview and every [id] citation).
    line = replace_line(project / "data/law.yml", "        Children have the right to say what they think",
                        "        Children have the right to say «what they think» about daily life in the kindergarten, and to")
    expected[f"data/law.yml:{line}"] = "use English quotation marks"
    line = replace_line(project / "data/law.yml", "        - Everyone who works in the kindergarten must monitor",
                        "        - Everyone who works in the kindergarten must keep an eye on how the children are doing.")
    expected[f"data/law.yml:{line}"] = "'keep an eye on': write 'monitor, intervene and report'"
    line = append_lines(docs / "topics/index.nb.md", "Se [<!-- lmp:theme-title theme-9 -->](../themes/theme-1/index.md).")
    expected[f"docs/topics/index.nb.md:{line}"] = "unknown theme 'theme-9'"
    # A theme module without its box.
    theme = docs / "themes/theme-3/index.nb.md"
    text = theme.read_text(encoding="utf-8")
    start = text.index('!!! note "Før neste fagsamling"')
    end = text.index("## ", start)
    theme.write_text(text[:start] + text[end:], encoding="utf-8")
    body_line = text[:start].count("\n") + 1 - 1  # the box was the body's first line after a blank
    expected[f"docs/themes/theme-3/index.nb.md:{body_line}"] = 'a theme module opens with the box !!! note "Før neste fagsamling"'
    return expected


@pytest.fixture(scope="module")
def faulty(combined_faults):
    return combined_faults["terms"]


def test_the_faulty_copy_fails_to_build(faulty):
    _, result, _, _ = faulty
    assert result.returncode != 0, result.stderr[-2000:]


@pytest.mark.parametrize("case", range(10))
def test_each_variant_is_named_with_file_and_line(faulty, case):
    expected, result, _, _ = faulty
    where, message = list(expected.items())[case]
    assert_reported(result, where, message)


def test_the_sources_are_not_modified_by_the_check(faulty):
    _, _, before, after = faulty
    assert before == after


# --- One title per theme ---------------------------------------------------------------------------

WORD = {"nb": "Tema", "en": "Theme", "nn": "Tema"}


@pytest.mark.parametrize("lang", lmp_project.LANGUAGES)
@BUILDS
def test_a_theme_is_named_by_its_pages_title_everywhere(request, build, lang):
    """Every "Tema N: …" on a built page (lists, headings, calendar, reading lists, the builder's
    catalogue, handout pages) is the title in that theme page's front matter."""
    site = request.getfixturevalue(build)
    import html as html_lib
    titles = {n: model.theme_title(f"theme-{n}", lang) for n in pages.SEMESTERS}
    pending = {f"{key}.html" for key in TERMS.get("not_checked_yet") or {}}
    named = re.compile(rf"{WORD[lang]} ([1-4]): ([^<\"]+)")
    seen = set()
    for page in html_pages(site, lang):
        relative = page.relative_to(site / ("" if lang == lmp_project.DEFAULT_LANGUAGE else lang)).as_posix()
        if relative in pending:
            continue
        text = html_lib.unescape(page.read_text(encoding="utf-8"))
        for match in named.finditer(text):
            number = int(match.group(1))
            assert f"{WORD[lang]} {number}: {match.group(2)}".strip().startswith(titles[number]), \
                f"{relative}: '{match.group(0)[:90]}' is not the page's title '{titles[number]}'"
            seen.add(relative)
    for where in ("themes/index.html", "topics/index.html", "about/organisation.html", "tools/calendar.html",
                  "tools/reading-lists.html", "tools/reading-builder.html"):
        assert where in seen, f"{where} names no theme by its title"
    ics = (site / programme.ICS_DIR / f"laringsmiljoprosjektet.{lang}.ics").read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", ics).replace("\\,", ",").replace("\\;", ";")
    for title in titles.values():
        assert title.split(": ", 1)[1] in unfolded, f"the .ics file lacks '{title}'"


# English editions of Norwegian documents belong on English pages only.
ENGLISH_EDITION = re.compile(r'href="(https?://(?:www\.)?(?:udir\.no/in-english|regjeringen\.no/en/|'
                             r'uis\.no/(?:en/|faculties))[^"]*)"')


def test_norwegian_pages_link_to_norwegian_editions(html_site):
    found = [f"{page.relative_to(html_site)}: {match.group(1)}" for page in html_pages(html_site, "nb")
             for match in ENGLISH_EDITION.finditer(page.read_text(encoding="utf-8"))]
    assert not found, "nb pages link to English editions:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", lmp_project.LANGUAGES)
def test_glossary_lines_up_every_term_in_every_language(html_site, lang):
    """The glossary's table (lmp/generators/terms_table.py) has a column per language and a row per term of
    data/terms.yml, in that language's words; the site's wording rules (`style: true`, such as UK
    spelling) are no rows."""
    from bs4 import BeautifulSoup
    prefix = "" if lang == lmp_project.DEFAULT_LANGUAGE else f"{lang}/"
    page = BeautifulSoup((html_site / prefix / "reference/glossary.html").read_text("utf-8"), "html.parser")
    table = page.find(id="three-languages").find_next("table")
    head = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert head == [words.ui(code)["handouts"]["language_name"] for code in lmp_project.LANGUAGES]
    rows = [[re.sub(r"\s+", " ", td.get_text()).strip() for td in tr.select("td")] for tr in table.select("tbody tr")]
    terms = [term for term in TERMS["terms"] if not term.get("style")]   # wording rules are no rows
    assert len(rows) == len(terms) < len(TERMS["terms"])
    for term, row in zip(terms, rows):
        assert row == [re.sub(r"\s+", " ", term[code]) for code in lmp_project.LANGUAGES], row
