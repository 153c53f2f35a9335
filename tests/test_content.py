"""The content keeps its promises: pairs in both languages with one structure, a valid schema,
law references that go to Lovdata, honest reading times, and text in our own words."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, html_pages
from lmp.model import catalogue
from lmp.model import pages
from lmp.model import reading
from lmp.model import site as model
from lmp import project

from lmp.checks import page_schema
from lmp.checks import translation_pairs  # noqa: E402

DOCS = ROOT / "docs"
PAGES = list(model.iter_pages(DOCS))


def test_there_is_content_in_both_languages():
    for lang in project.LANGUAGES:
        assert len([p for p in PAGES if p.lang == lang]) >= 40


def test_every_page_is_a_pair_with_the_same_ids_and_headings():
    problems = list(translation_pairs.check(DOCS))
    assert not problems, "\n".join(f"{where}: {what}" for where, what in problems)


def test_every_page_follows_the_schema_and_its_anatomy():
    problems = list(page_schema.check(DOCS))
    assert not problems, "\n".join(f"{where}: {what}" for where, what in problems)


def test_no_page_lacks_a_title_or_description():
    for page in PAGES:
        for key in ("title", "description"):
            assert str(page.meta.get(key, "")).strip(), f"{page.path.relative_to(ROOT)} has no {key}"


def test_every_referenced_id_exists():
    """Ids named in front matter are the site's own: themes, topics and roles each have a page."""
    ids = {page.meta.get("id") for page in PAGES}
    for theme in pages.THEMES:
        assert theme in ids, f"no page has id {theme}"
    for topic in pages.TOPICS:
        assert f"topic-{topic}" in ids, f"no page for topic {topic}"
    for role in pages.ROLES:
        assert f"role-{role}" in ids, f"no page for role {role}"


LOVDATA = re.compile(r"^https://lovdata\.no/dokument/NL/lov/\d{4}-\d{2}-\d{2}-\d+(/(%C2%A7[0-9]+(-[0-9]+)?|bkn%2FARTIKKEL_\d+))?$")


def test_law_link_targets_all_go_to_lovdata():
    """Every act and provision in data/law.yml has a well-formed Lovdata address (lmp/generators/law_citations.py)."""
    from lmp.generators import law_citations  # noqa: E402
    laws = law_citations.link_targets(law_citations.load_law())
    assert len(laws) >= 15
    for name, url in laws.items():
        assert LOVDATA.match(url), f"[{name}] does not point at a Lovdata act or section: {url}"


SECTION = re.compile(r"§§?\s*\d")


def section_of(page: pages.Page, anchor: str) -> list[str]:
    """The Markdown lines of the H2 section with this id."""
    lines, inside = [], False
    for line in page.body.splitlines():
        if line.startswith("## "):
            inside = f"#{anchor} " in line or line.rstrip().endswith(f"#{anchor} }}")
            continue
        if inside:
            lines.append(line)
    return lines


@pytest.mark.parametrize("page", [p for p in PAGES if p.meta.get("type") == "theme"], ids=lambda p: p.path.name)
def test_legal_anchors_cite_sections_with_lovdata_links(page):
    """In a theme's legal anchors, every list item that cites a section links to Lovdata."""
    lines = section_of(page, "legal-anchors")
    assert lines, f"{page.path}: no legal-anchors section"
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("-", "*")) and SECTION.search(line):
            # `[text][bhl-41]` or `[bhl-41]`: both link to Lovdata (lmp/generators/law_citations.py checks the id)
            assert re.search(r"\[(bhl|oppl|mrl|bk)-?[\w-]*\]", line), \
                f"{page.path.relative_to(ROOT)}: cites a section without a Lovdata link: {line.strip()}"


@pytest.mark.parametrize("lang", project.LANGUAGES)
def test_theme_pages_show_an_honest_reading_time(html_site, lang):
    label = {"nb": r"Lesetid: ca\. (\d+) min", "en": r"Reading time: about (\d+) min",
             "nn": r"Lesetid: ca\. (\d+) min"}[lang]
    for page in (p for p in PAGES if p.lang == lang and p.meta.get("type") == "theme"):
        built = html_site / (f"{page.key}.html" if lang == project.DEFAULT_LANGUAGE else f"{lang}/{page.key}.html")
        shown = re.search(label, built.read_text(encoding="utf-8"))
        assert shown, f"{built.relative_to(html_site)} shows no reading time"
        # the sum of its sections' minutes, each its words to the nearest minute (at least 1), and
        # close to the words of the whole page (the sections' rounding, not another count)
        minutes = int(shown.group(1))
        assert minutes == catalogue.page_minutes(page.body, page.meta, lang, page.key), built
        assert abs(minutes - reading.word_count(page.body) / reading.WORDS_PER_MINUTE) <= 3, built


def test_no_untranslated_page_slips_into_the_other_language(html_site):
    """English pages are English: the nb default title never appears as an en page title."""
    titles = {lang: {re.search(r"<title>([^<]*)</title>", p.read_text("utf-8")).group(1)
                     for p in html_pages(html_site, lang)} for lang in project.LANGUAGES}
    shared = titles["nb"] & titles["en"]
    assert len(shared) <= 3, f"pages with the same title in both languages: {sorted(shared)}"


SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"


def test_text_is_in_our_own_words():
    """No run of 12+ words is copied from the programme's brochure (the shared seed-overlap tool)."""
    if not SEED_OVERLAP.exists():
        pytest.skip(f"{SEED_OVERLAP} is not on this machine (it lives beside the repo in the workplace)")
    result = subprocess.run([str(SEED_OVERLAP), str(DOCS)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
