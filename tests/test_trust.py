"""Content a reader can trust: every law citation comes from data/law.yml, and no working note
(draft marker from data/draft-markers.yml) reaches a page or a printed PDF.

The checks are proven by fault injection: the faults go into the ONE throw-away copy of the
project that all fault tests share (`combined_faults` in conftest.py), which is built once; each must fail the build with its exact `docs/<file>:<line>: …`
message, and the author's files must be left byte for byte as they were.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, append_lines, assert_reported, fault_injector, html_pages

from lmp import project as lmp_project
from lmp.checks import draft_markers  # noqa: E402
from lmp.generators import law_citations  # noqa: E402

LAW = law_citations.load_law()
MARKERS = draft_markers.pattern(draft_markers.load_markers())




@fault_injector("trust")
def inject_faults(project: Path) -> dict[str, str]:
    """Inject every fault; return {expected 'where': expected message part}."""
    docs, expected = project / "docs", {}
    line = append_lines(docs / "roles/owner.nb.md", "Denne ordlyden er ikke kontrollert ennå.")
    expected[f"docs/roles/owner.nb.md:{line}"] = "draft marker 'ikke kontrollert' on a reader page"
    line = append_lines(docs / "roles/owner.en.md", "This wording is awaiting legal\nreview.")
    expected[f"docs/roles/owner.en.md:{line}"] = "draft marker 'legal review' on a reader page"
    line = append_lines(docs / "roles/head.nb.md", "Se også barnehageloven § 44 om dette.")
    expected[f"docs/roles/head.nb.md:{line}"] = (
        "section § 44 of the Kindergarten Act (barnehageloven) is not in data/law.yml")
    line = append_lines(docs / "roles/head.en.md", "See also Education Act sections 12-4 and 12-11.")
    expected[f"docs/roles/head.en.md:{line}"] = (
        "section § 12-11 of the Education Act (opplæringslova) is not in data/law.yml")
    line = append_lines(docs / "roles/ppt.en.md", "Read [the section][bhl-99] and [oppl-12-9].")
    expected[f"docs/roles/ppt.en.md:{line}"] = "unknown law provision id 'bhl-99'"
    expected[f"docs/roles/ppt.en.md:{line} "] = "unknown law provision id 'oppl-12-9'"
    line = append_lines(docs / "roles/staff.nb.md", "Les «Nulltoleranse og forebyggende arbeid» i loven.")
    expected[f"docs/roles/staff.nb.md:{line}"] = "the official heading of bhl-41 is typed by hand: write [bhl-41]"
    return expected


@fault_injector("trust", stage="render")
def inject_generated_fault(project: Path) -> dict[str, str]:
    """A draft marker that only a data file puts on a page: reported as generated text, once the
    page is rendered."""
    expected = {}
    programme = project / "data/programme.yml"
    text = programme.read_text(encoding="utf-8")
    faulty = text.replace("title: {nb: Nasjonal samling 1,", "title: {nb: Nasjonal samling 1 (antatt),")
    assert faulty != text, "the gathering to inject into is no longer in data/programme.yml"
    programme.write_text(faulty, encoding="utf-8")
    expected["docs/tools/calendar.nb.md"] = "generated text contains the draft marker 'antatt'"
    return expected


@pytest.fixture(scope="module")
def faulty_build(combined_faults):
    return combined_faults["trust"]


def test_the_build_fails(faulty_build):
    _, result, _, _ = faulty_build
    assert result.returncode != 0, result.stdout[-2000:] + result.stderr[-2000:]


CASES = ["draft marker (nb)", "draft marker over a line break (en)", "unknown bhl section",
         "unknown oppl section in a list", "unknown id (full reference)", "unknown id (shortcut)",
         "official heading typed by hand", "draft marker in generated text"]


@pytest.mark.parametrize("case", range(len(CASES)), ids=CASES)
def test_each_fault_names_file_and_line(faulty_build, case):
    expected, result, _, _ = faulty_build
    where, message = list(expected.items())[case]
    assert_reported(result, where, message)


def test_known_sections_and_ids_are_not_reported(faulty_build):
    """Only the injected faults fail: the real pages cite nothing the data file lacks."""
    _, result, _, _ = faulty_build
    output = result.stdout + result.stderr
    reported = re.findall(r"(docs/[\w/.-]+\.md)(?::\d+)?: [^\n]*(?:draft marker|data/law\.yml|law provision id)",
                          output)
    assert set(reported) <= {"docs/roles/owner.nb.md", "docs/roles/owner.en.md", "docs/roles/head.nb.md",
                             "docs/roles/head.en.md", "docs/roles/ppt.en.md", "docs/roles/staff.nb.md",
                             "docs/tools/calendar.nb.md",
                             # the gatherings table is generated from data/programme.yml here too
                             "docs/about/organisation.nb.md",
                             # and in the home page's «now» periods (the browser picks one: home-now.js)
                             "docs/index.nb.md"}, reported


def test_the_authors_files_are_not_modified_by_the_build(faulty_build):
    _, _, before, after = faulty_build
    assert before == after


def test_the_sources_have_no_draft_marker_and_no_unknown_citation():
    """The same checks as the build's, on the real pages: nothing to report."""
    problems = list(draft_markers.check(ROOT / "docs")) + list(law_citations.check(ROOT / "docs"))
    assert not problems, "\n".join(f"{where}: {what}" for where, what in problems)


# --- The built site and the PDFs --------------------------------------------------------------------

def article_text(path: Path) -> str:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
    return article.get_text(" ") if article else ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_built_page_shows_a_draft_marker(site, lang):
    found = [(page.relative_to(site).as_posix(), phrase) for page in html_pages(site, lang)
             for _, phrase in draft_markers.find(article_text(page), MARKERS)]
    assert not found, found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_pdf_shows_a_draft_marker(site, pdfs, lang):
    theirs = sorted(p for p in site.rglob("*.pdf")
                    if (p.relative_to(site).parts[0] == lang) == (lang != lmp_project.DEFAULT_LANGUAGE))
    assert len(theirs) >= 5, f"expected the four handouts and the handbook in {lang}, found {theirs}"
    found = []
    for pdf in theirs:
        text = "\n".join(pdfs[pdf].text)
        found += [(pdf.relative_to(site).as_posix(), phrase) for _, phrase in draft_markers.find(text, MARKERS)]
    assert not found, found


def law_page(site: Path, lang: str) -> BeautifulSoup:
    prefix = "" if lang == lmp_project.DEFAULT_LANGUAGE else f"{lang}/"
    return BeautifulSoup((site / f"{prefix}reference/law.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_law_overview_lists_every_provision_of_the_data_file(site, lang):
    page = law_page(site, lang)
    hrefs = {a["href"] for a in page.select("article a[href]")}
    for pid, provision in LAW["provisions"].items():
        url = law_citations.url_of(LAW, pid)
        if url is None:  # a repealed act's section: a row of the old-to-new table
            row = [tr for tr in page.select("#old-to-new ~ table tr") if f"§ {provision['section']}" in tr.get_text()]
            assert row and provision["heading"] in row[0].get_text(), f"{pid} is not in the old-to-new table"
            continue
        heading = page.find(id=pid.replace("bk-", "uncrc-"))
        assert heading is not None and heading.name == "h3", f"the law page has no section for {pid}"
        assert url in hrefs, f"the law page does not link {pid} to {url}"
        if provision.get("heading"):
            assert provision["heading"] in heading.find_next("ul").get_text(), f"{pid}: official heading missing"
    for aid, act in LAW["acts"].items():
        assert act["url"] in hrefs and act["lovdata_id"] in page.select_one("#acts ~ table").get_text()


def test_every_lovdata_link_on_the_site_comes_from_the_data_file(site):
    allowed = set(law_citations.link_targets(LAW).values())
    used = set()
    for lang in LANGUAGES:
        for page in html_pages(site, lang):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            used |= {a["href"] for a in soup.select("a[href*='lovdata.no']")}
    assert used, "no Lovdata link found on the site"
    assert used <= allowed, f"Lovdata links not generated from data/law.yml: {sorted(used - allowed)}"


def test_no_page_or_include_types_a_lovdata_address():
    """Lovdata addresses live in data/law.yml only: never typed into a page or includes/."""
    typed = [path.relative_to(ROOT).as_posix()
             for folder in ("docs", "includes") for path in (ROOT / folder).rglob("*.md")
             if "lovdata.no" in path.read_text(encoding="utf-8")]
    assert not typed, typed


def test_citation_shortcuts_become_full_citations():
    """`[bhl-41]` becomes act, section and official heading (nb) or its English rendering (en)."""
    nb = law_citations.expand_shortcuts("- [bhl-41]. Tekst.", LAW, "nb")
    assert nb == "- [Barnehageloven § 41][bhl-41] «Nulltoleranse og forebyggende arbeid». Tekst."
    en = law_citations.expand_shortcuts("See [oppl-12-1].", LAW, "en")
    assert en == ("See [Education Act section 12-1][oppl-12-1], Scope of the chapter "
                  "(Norwegian: “Verkeområde for kapittelet”).")
    chapter = law_citations.expand_shortcuts("**[bhl-ch-8]**", LAW, "nb")
    assert chapter == "**[Barnehageloven kapittel VIII][bhl-ch-8] «Psykososialt barnehagemiljø»**"
    definition = "[bhl-41]: https://example.org"
    assert law_citations.expand_shortcuts(definition, LAW, "nb") == definition
