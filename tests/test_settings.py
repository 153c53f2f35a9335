"""Text for one setting (kindergarten, school, SFO): the marks in the Markdown, the setting view on the
pages, the audience filter's sections, and the printed editions (lmp/model/settings.py,
lmp/checks/setting_marks.py, lmp/generators/setting_view.py, lmp/generators/audience_index.py,
lmp/print/editions.py). Every test reads the session's one build (`site`) or its one browser.
"""
from __future__ import annotations

import re
from pathlib import Path

import bs4
import pytest

from conftest import LANGUAGES, ROOT, append_lines, assert_reported, fault_injector, replace_line
from lmp import project as lmp_project
from lmp import words
from lmp.model import settings
from lmp.print import editions

THEME_2 = "themes/theme-2/index"
STATUS = ".lmp-view__line"


def prefix(lang: str) -> str:
    return "" if lang == lmp_project.DEFAULT_LANGUAGE else f"{lang}/"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def soup_of(path: Path) -> bs4.BeautifulSoup:
    return bs4.BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- The model ---------------------------------------------------------------------------------

def test_marks_are_read_where_attr_list_reads_them():
    found = list(settings.marks('## Lov { #law data-for="barnehage" }\n'
                                '- **SFO:** text\n  { data-for="skole sfo" }\n'
                                '<div data-for="sfo" markdown>\n'
                                'A sentence { data-for="skole" } in the middle.'))
    assert found == [(1, "barnehage", "heading"), (3, "skole sfo", "block"), (4, "sfo", "html"),
                     (5, "skole", "inline")]
    assert settings.problem("skole sfo", "block") is None
    assert "unknown setting fritids" in settings.problem("fritids", "heading")
    assert "attr_list would show it as text" in settings.problem("skole", "inline")
    assert settings.heading_mark('### X { #x data-for="skole sfo" }') == {"skole", "sfo"}
    assert settings.from_front_matter(["kindergarten"]) == "barnehage"
    assert settings.from_front_matter(["kindergarten", "school", "sfo"]) == ""


# --- Bad marks fail the build, naming file and line ---------------------------------------------

@fault_injector("setting_marks")
def inject_setting_mark_faults(project: Path) -> dict[str, str]:
    """An unknown setting (every language), a mark attr_list would print as text (every language),
    and one language marking other text than the others."""
    docs, expected = project / "docs", {}
    for lang in LANGUAGES:
        line = replace_line(docs / f"themes/theme-4/index.{lang}.md", '  { data-for="sfo" }', '  { data-for="fritids" }')
        expected[f"docs/themes/theme-4/index.{lang}.md:{line}"] = 'data-for="fritids": unknown setting fritids'
        line = append_lines(docs / f"roles/staff.{lang}.md", 'Text. { data-for="skole" }')
        expected[f"docs/roles/staff.{lang}.md:{line}"] = "attr_list would show it as text"
    line = replace_line(docs / "topics/participation.nn.md", '  { data-for="skole" }', '  { data-for="sfo" }')
    expected[f"docs/topics/participation.nn.md:{line}"] = "setting marks differ from docs/topics/participation.en.md"
    return expected


def test_bad_setting_marks_fail_the_build_with_file_and_line(combined_faults):
    expected, result, before, after = combined_faults["setting_marks"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)
    assert before == after


# --- The built pages ----------------------------------------------------------------------------

def marked_pages(site: Path, lang: str) -> dict[str, list[str]]:
    """{page: [data-for value of each marked element]} of one language."""
    found = {}
    root = site / prefix(lang)
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        if lang == lmp_project.DEFAULT_LANGUAGE and relative.split("/")[0] in LANGUAGES:
            continue
        values = re.findall(r'\bdata-for="([^"]*)"', path.read_text(encoding="utf-8"))
        if values:
            found[relative] = values
    return found


def test_every_language_marks_the_same_text_and_labels_it(site):
    pages = {lang: marked_pages(site, lang) for lang in LANGUAGES}
    first = pages[lmp_project.DEFAULT_LANGUAGE]
    assert len(first) >= 12 and THEME_2 + ".html" in first
    for lang, found in pages.items():
        assert found == first, lang
        for values in found.values():
            assert all(set(v.split()) <= set(settings.SETTINGS) for v in values)
    for lang in LANGUAGES:
        soup = soup_of(site / prefix(lang) / "reference/law.html")
        section = soup.find("h2", id="bhl").parent            # a heading mark wraps its whole section
        assert "lmp-for-section" in section["class"] and section["data-for"] == "barnehage"
        assert section.find("h2", id="bhl").get("data-for") is None
        assert section.find_next_sibling(class_="lmp-for-section")["data-for"] == "skole sfo"
        assert section["data-for-label"] == words.ui(lang)["view"]["applies"].format(
            settings=words.ui(lang)["view"]["in_text"]["barnehage"])


def audience_items(site: Path, lang: str):
    soup = soup_of(site / prefix(lang) / "tools/by-audience.html")
    return soup.select("li[data-settings]")


def test_audience_sections_follow_the_marks(site):
    """Each item of the audience filter is a section whose settings are its heading's mark: an
    item for SFO only links to a section the page marks for SFO, and SFO leaves fewer items than
    the whole."""
    for lang in LANGUAGES:
        items = audience_items(site, lang)
        base = site / prefix(lang) / "tools"
        for item in items:
            named = item["data-settings"].split()
            if not named:
                continue
            href = item.a["href"]
            page, anchor = href.split("#")
            heading = soup_of((base / page).resolve()).find(id=anchor)
            assert "lmp-for-section" in heading.parent.get("class", []), href
            assert heading.parent["data-for"].split() == named, href
        for_sfo = [i for i in items if settings.applies(i["data-settings"], {"sfo"})]
        assert len(items) > len(for_sfo) > 0.5 * len(items)


# --- In the browser -----------------------------------------------------------------------------

def shown(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.offsetParent !== null)"
                                               ".map(e => e.getAttribute('data-for'))")


def test_the_view_hides_the_other_settings_in_every_language(page, site_url):
    """Theme 2 for a kindergarten in each language: only kindergarten text and unmarked text, the
    line that says so, the site's links carry ?for=, a reload keeps it; then «Skole» in place."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for lang in LANGUAGES:
        view = words.ui(lang)["view"]
        page.goto(f"{site_url}{prefix(lang)}{THEME_2}.html?for=barnehage")
        for attempt in range(2):          # the address as loaded, then after a reload
            visible = shown(page, "[data-for]")
            assert visible and all("barnehage" in v.split() for v in visible), (lang, visible)
            hidden = page.eval_on_selector_all("[data-for]", "els => els.filter(e => e.offsetParent === null).length")
            assert hidden >= 10
            line = page.locator(f'{STATUS}[data-line="barnehage"]')
            assert line.is_visible() and view["showing"].format(setting=view["in_text"]["barnehage"]) in line.inner_text()
            assert page.locator('.lmp-view a[aria-current="true"]').inner_text() == view["names"]["barnehage"]
            href = page.get_attribute('.md-content a[href*="roles/working-group.html"]', "href")
            assert "for=barnehage" in href
            page.reload()
        page.locator(".lmp-view__choices a", has_text=view["names"]["skole"]).click()
        assert "for=skole" in page.url
        visible = shown(page, "[data-for]")
        assert visible and all("skole" in v.split() for v in visible)
        assert "for=skole" in page.get_attribute('.md-content a[href*="roles/working-group.html"]', "href")
        page.locator(".lmp-view__choices a", has_text=view["all"]).click()
        assert "for=" not in page.url
        assert page.locator("[data-for]").count() == len(shown(page, "[data-for]"))
    stored = page.evaluate("JSON.stringify([localStorage, sessionStorage].map(s => Object.entries(s)))")
    assert not [name for name in settings.SETTINGS if name in stored], stored   # only in the address
    assert page.evaluate("document.cookie") == ""
    assert not errors


def test_without_javascript_everything_shows_labelled(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{THEME_2}.html?for=barnehage")
        assert page.locator("[data-for]").count() == len(shown(page, "[data-for]"))
        assert not page.locator(".lmp-view").is_visible()
        label = page.eval_on_selector('li[data-for="sfo"]', "e => getComputedStyle(e, '::before').content")
        assert label == '"Gjelder i SFO"'
    finally:
        context.close()


def test_audience_counts_match_the_markup(page, site_url, site):
    """SFO on «Finn det som gjelder deg»: the items shown are the sections the markup gives SFO."""
    for lang in LANGUAGES:
        items = audience_items(site, lang)
        expected = sum(settings.applies(i["data-settings"], {"sfo"}) for i in items)
        page.goto(f"{site_url}{prefix(lang)}tools/by-audience.html?for=sfo")
        count = page.locator(".lmp-audience-count")
        assert count.get_attribute("data-total") == str(expected) and expected < len(items)
        assert page.locator("li[data-settings]:visible").count() == expected


def test_the_handout_offers_the_readers_edition_first(page, site_url):
    for view, first in (("sfo", "skole"), ("barnehage", "barnehage")):
        page.goto(f"{site_url}{THEME_2}.html?for={view}")
        assert page.get_attribute(".lmp-pdf-download + .lmp-pdf-editions [data-edition]", "data-edition") == first
        page.goto(f"{site_url}tools/handouts.html?for={view}")
        assert page.get_attribute("[data-lmp-editions] > [data-edition]", "data-edition") == first


# --- The printed editions -----------------------------------------------------------------------

def snippets(html: str, only: set[str]) -> list[str]:
    """The first words of each element marked for the settings `only` and none of the others."""
    found = []
    for element in bs4.BeautifulSoup(html, "html.parser").select("[data-for]"):
        if settings.values(element["data-for"]) <= only:
            text = squash(element.get_text(" "))
            # without a lead-in the edition may number or label otherwise (a question's number)
            words_ = re.sub(r"^(\d+\.\s*)?((Barnehage|Kindergarten|Skole|School|SFO):\s*)?", "", text).split()
            if len(words_) >= 4:
                found.append(" ".join(words_[:4]))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_edition_holds_none_of_the_other_settings_text(site, pdfs, lang):
    """The text marked for the other settings only is not in an edition's PDF (snippets that the
    whole handout shows, and that no text the edition keeps repeats); the edition's own text is."""
    folder = site / prefix(lang) / "themes/theme-2"
    whole = squash(" ".join(pdfs[folder / "index.pdf"].text))
    page = (folder / "index.html").read_text(encoding="utf-8")
    for edition, keep in settings.EDITIONS.items():
        path = folder / Path(editions.pdf_name("index.pdf", edition))
        assert path.stat().st_size > 10_000
        assert Path(str(path)[:-4] + "-" + words.ui(lang)["booklet"]["file_suffix"] + ".pdf").stat().st_size > 10_000
        text = squash(" ".join(pdfs[path].text))
        cover = squash(pdfs[path].page_text(1)).casefold()
        assert words.ui(lang)["view"]["editions"][edition].casefold() in cover     # named on the cover
        kept = squash(bs4.BeautifulSoup(settings.filter_html(page, edition), "html.parser").get_text(" "))
        others = [s for s in snippets(page, set(settings.SETTINGS) - keep) if s in whole and s not in kept]
        own = [s for s in snippets(page, set(keep)) if s in whole]
        assert len(others) >= 5 and len(own) >= 5, (edition, others, own)   # text the PDF shows at all
        assert [s for s in others if s in text] == [], edition
        # the edition's own text is there (a snippet may break over a page: most, not all)
        assert sum(s in text for s in own) >= 0.8 * len(own), (edition, [s for s in own if s not in text])


def task_items(html: str) -> int:
    """The numbered tasks of a theme page's task sections (lmp/print/handouts.py TASK_SECTIONS)."""
    from lmp.print import handouts
    soup = bs4.BeautifulSoup(html, "html.parser")
    count = 0
    for anchor in handouts.TASK_SECTIONS:
        heading = soup.find(id=anchor)
        assert heading is not None, anchor
        for sibling in heading.find_all_next():
            if sibling.name in ("h2", "h3") and sibling is not heading:
                break
            if sibling.name == "ol":
                count += len(sibling.find_all("li", recursive=False))
    return count


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_edition_prints_every_task_of_its_setting(site, pdfs, lang):
    """Each theme's checklist in each edition has one box (☐) per task the edition's web page shows:
    a row lost where the table breaks over a page (seen in nn theme 2's school edition) fails here."""
    lost = []
    for theme in ("theme-1", "theme-2", "theme-3", "theme-4"):
        folder = site / prefix(lang) / "themes" / theme
        page = (folder / "index.html").read_text(encoding="utf-8")
        for edition in settings.EDITIONS:
            expected = task_items(settings.filter_html(page, edition))
            boxes = " ".join(pdfs[folder / editions.pdf_name("index.pdf", edition)].text).count("☐")
            if boxes != expected:
                lost.append(f"{lang}/themes/{theme}/{editions.pdf_name('index.pdf', edition)}: "
                            f"{boxes} boxes for {expected} tasks")
    assert not lost, "\n".join(lost)
