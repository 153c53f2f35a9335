"""Site search in a real browser: results in the reader's language, Norwegian word forms, compounds,
abbreviations, synonyms and typos; over HTTP, under a sub-path and from file:// (the offline zip).

Each row: (query, page that must be among the first 3 results). Pages are site paths without
".html"; the English and nynorsk tables' targets live under en/ and nn/. Every result of every
query must be in the reader's language (nb: no page under en/ or nn/; en: only pages under en/;
nn: only pages under nn/): a nynorsk reader never gets bokmål or English results.
Fuzzy matching IS supported: one typo up to 6 letters, two from 7 letters, when the word itself
finds nothing (see lmp/search/worker.js).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import LANGUAGES, assert_reported, fault_injector, serve
from lmp import project as lmp_project

NB_QUERIES = [
    # inflection (definite forms, plurals)
    ("aktivitetsplikt", "themes/theme-2/index"),
    ("aktivitetsplikten", "themes/theme-2/index"),
    ("krenkelsene", "themes/theme-2/index"),
    ("krenkelse", "themes/theme-1/index"),
    ("læringsmiljøet", "themes/theme-2/index"),
    ("styringsgruppa", "roles/steering-group"),
    ("styringsgruppen", "roles/steering-group"),
    ("styringsgruppe", "roles/steering-group"),
    ("arbeidsgruppa", "roles/working-group"),
    ("foreldrene", "roles/parents"),
    ("elevene", "roles/children"),
    # several words
    ("skjerpet aktivitetsplikt", "themes/theme-2/index"),
    ("referat styringsgruppe", "tools/templates/steering-group-minutes"),
    ("tverrfaglig samarbeid", "topics/interdisciplinary"),
    ("barns medvirkning", "topics/participation"),
    # parts of compounds
    ("plikt", "themes/theme-2/index"),
    ("regelverk", "topics/regulations"),
    ("organisasjonsutvikling", "themes/theme-3/index"),
    # abbreviations and synonyms (includes/search-synonyms.nb.yml)
    ("PPT", "roles/ppt"),
    ("pedagogisk-psykologisk tjeneste", "roles/ppt"),
    ("PP-tjenesten", "roles/ppt"),
    ("FAU", "roles/parents"),
    ("BUP", "topics/interdisciplinary"),
    ("SFO", "reference/glossary"),
    ("mobbing", "themes/theme-2/index"),
    ("helsesøster", "topics/interdisciplinary"),
    ("rektor", "roles/head"),
    ("styrer", "roles/head"),
    ("ordliste", "reference/glossary"),
    ("opplæringslova", "reference/law"),
    ("kapasitetsbygging", "topics/capacity-building"),
    ("tilgjengelighet", "accessibility"),
    # how staff ask (issue #26): genitive and definite forms of a page's subject
    ("styringsgruppas", "roles/steering-group"),
    ("rektors", "roles/head"),
    ("eierens", "roles/owner"),
    ("arbeidsgruppas", "roles/working-group"),
    # everyday words for violations: theme 1 explains what a violation is
    ("erting", "themes/theme-1/index"),
    ("baksnakking", "themes/theme-1/index"),
    ("utfrysing", "themes/theme-1/index"),
    # the names people use for the project's events and meetings
    ("fagsamling", "about/organisation"),
    ("fagdag", "about/organisation"),
    ("oppstartsmøte", "tools/calendar"),
    ("digital veiledning", "about/organisation"),
    # topics the site treats in passing: the page that treats them most
    ("taushetsplikt", "topics/interdisciplinary"),
    ("årshjul", "themes/theme-3/index"),
    ("overganger", "themes/theme-4/index"),
    ("nyansatt", "tools/onboarding"),
    # an abbreviation alone: the page that explains it
    ("SU", "topics/parents"),
    # prefix while typing
    ("aktivitetspl", "themes/theme-2/index"),
    ("styrings", "roles/steering-group"),
    # typos
    ("aktivitesplikt", "themes/theme-2/index"),
    ("styringsgrupe", "roles/steering-group"),
]

EN_QUERIES = [
    ("duty to act", "en/themes/theme-2/index"),
    ("enhanced duty to act", "en/themes/theme-2/index"),
    ("violations", "en/themes/theme-2/index"),
    ("violation", "en/themes/theme-2/index"),
    ("bullying", "en/themes/theme-2/index"),
    ("aktivitetsplikt", "en/themes/theme-2/index"),
    ("PPT", "en/roles/ppt"),
    ("educational psychological service", "en/roles/ppt"),
    ("steering group", "en/roles/steering-group"),
    ("minutes steering group", "en/tools/templates/steering-group-minutes"),
    ("working groups", "en/roles/working-group"),
    ("principal", "en/roles/head"),
    ("parents", "en/roles/parents"),
    ("participation", "en/topics/participation"),
    ("interdisciplinary", "en/topics/interdisciplinary"),
    ("regulations", "en/topics/regulations"),
    ("capacity building", "en/topics/capacity-building"),
    ("glossary", "en/reference/glossary"),
    ("BUP", "en/topics/interdisciplinary"),
    ("FAU", "en/roles/parents"),
    # how staff ask (issue #26): possessives, everyday words, event names, synonyms, abbreviations
    ("steering group's", "en/roles/steering-group"),
    ("principal's", "en/roles/head"),
    ("head teacher", "en/roles/head"),
    ("teasing", "en/themes/theme-1/index"),
    ("gossip", "en/themes/theme-1/index"),
    ("seminar", "en/about/organisation"),
    ("kick-off", "en/tools/calendar"),
    ("confidentiality", "en/topics/interdisciplinary"),
    ("transitions", "en/themes/theme-4/index"),
    ("newcomer", "en/tools/onboarding"),
    ("new staff", "en/tools/onboarding"),
    ("SU", "en/topics/parents"),
    ("steeri", "en/roles/steering-group"),
    ("particpation", "en/topics/participation"),
]

NN_QUERIES = [
    # nynorsk inflection (the stemmer is the Norwegian one; includes/search-synonyms.nn.yml adds forms)
    ("aktivitetsplikt", "nn/themes/theme-2/index"),
    ("aktivitetsplikta", "nn/themes/theme-2/index"),
    ("krenkingar", "nn/themes/theme-2/index"),
    ("krenkingane", "nn/themes/theme-2/index"),
    ("læringsmiljøet", "nn/themes/theme-2/index"),
    ("styringsgruppa", "nn/roles/steering-group"),
    ("styringsgruppe", "nn/roles/steering-group"),
    ("arbeidsgruppa", "nn/roles/working-group"),
    ("foreldra", "nn/roles/parents"),
    ("elevane", "nn/roles/children"),
    # several words
    ("skjerpa aktivitetsplikt", "nn/themes/theme-2/index"),
    ("referat styringsgruppe", "nn/tools/templates/steering-group-minutes"),
    ("tverrfagleg samarbeid", "nn/topics/interdisciplinary"),
    ("medverknad", "nn/topics/participation"),
    ("regelverk", "nn/topics/regulations"),
    # abbreviations and synonyms, bokmål words a nynorsk reader may still type
    ("PPT", "nn/roles/ppt"),
    ("pedagogisk-psykologisk teneste", "nn/roles/ppt"),
    ("FAU", "nn/roles/parents"),
    ("BUP", "nn/topics/interdisciplinary"),
    ("mobbing", "nn/themes/theme-2/index"),
    ("rektor", "nn/roles/head"),
    ("styrar", "nn/roles/head"),
    ("rettleiar", "nn/reference/glossary"),
    ("ordliste", "nn/reference/glossary"),
    ("opplæringslova", "nn/reference/law"),
    ("kapasitetsbygging", "nn/topics/capacity-building"),
    # how staff ask (issue #26): genitive and definite forms, everyday words for violations, event
    # names, topics treated in passing, bokmål words, an abbreviation alone
    ("styringsgruppas", "nn/roles/steering-group"),
    ("rektors", "nn/roles/head"),
    ("eigaren", "nn/roles/owner"),
    ("styraren", "nn/roles/head"),
    ("erting", "nn/themes/theme-1/index"),
    ("baksnakking", "nn/themes/theme-1/index"),
    ("fagsamlinga", "nn/about/organisation"),
    ("fagdag", "nn/about/organisation"),
    ("oppstartsmøte", "nn/tools/calendar"),
    ("taushetsplikt", "nn/topics/interdisciplinary"),
    ("overgangar", "nn/themes/theme-4/index"),
    ("nytilsett", "nn/tools/onboarding"),
    ("SU", "nn/topics/parents"),
    # prefix while typing, typos
    ("aktivitetspl", "nn/themes/theme-2/index"),
    ("aktivitesplikt", "nn/themes/theme-2/index"),
    ("styringsgrupe", "nn/roles/steering-group"),
]

QUERIES = {"nb": NB_QUERIES, "en": EN_QUERIES, "nn": NN_QUERIES}
PREFIX = {lang: "" if lang == lmp_project.DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES}
START = {lang: f"{PREFIX[lang]}index.html" for lang in LANGUAGES}
TOP = 3


def language_of(path: str) -> str:
    """The language of a result: its first path part if that is a language, else the default."""
    first = path.split("/")[0]
    return first if first in LANGUAGES and first != lmp_project.DEFAULT_LANGUAGE else lmp_project.DEFAULT_LANGUAGE

# Runs in the page: type the query as a reader does (Material listens to keyup), then resolve with
# the result links once the result list has been quiet for a moment.
# Runs in the page: clear the box and wait for the emptied list, then type the query as a reader
# does (Material listens to keyup) and resolve with the results once the list has been filled and
# quiet for a moment. The worker answers in order, so the first filled list is this query's.
RUN_QUERY = """async (query) => {
  const input = document.querySelector("[data-md-component=search-query]")
  const list = document.querySelector(".md-search-result__list")
  const until = async (test, ms) => {
    for (const end = Date.now() + ms; !test() && Date.now() < end;) await new Promise(r => setTimeout(r, 10))
  }
  input.focus()
  input.value = ""
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "Backspace", bubbles: true}))
  await until(() => !list.children.length, 5000)
  input.value = query
  input.dispatchEvent(new KeyboardEvent("keyup", {key: query.slice(-1), bubbles: true}))
  await until(() => list.children.length, 5000)
  await new Promise(resolve => {
    let timer = setTimeout(resolve, 150)
    new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(resolve, 150) })
      .observe(list, {childList: true, subtree: true})
  })
  return [...list.querySelectorAll(".md-search-result__item")].map(item => ({
    page: item.querySelector("a").href,
    links: [...item.querySelectorAll("a")].map(a => a.href),
    section: item.querySelector("article h2") ? item.querySelector("article h2").textContent : null,
  }))
}"""


def site_path(href: str, root: str) -> str:
    """A result link as a site path without .html, e.g. roles/ppt (query and anchor dropped)."""
    path = unquote(urlparse(href).path)
    root_path = unquote(urlparse(root).path)
    assert path.startswith(root_path), f"result {href} outside the site {root}"
    return path[len(root_path):].removesuffix(".html")


def open_search(page, root: str, lang: str):
    page.goto(root + START[lang])
    page.locator("[data-md-component=search-query]").click()
    # Material shows its placeholder ("type to search") once the worker has answered SETUP with READY
    page.wait_for_function("""document.querySelector(".md-search-result__meta").textContent ===
        JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]""")


def results(page, query: str) -> list[dict]:
    return page.evaluate(RUN_QUERY, query)


def check_table(page, root: str, lang: str, table) -> list[str]:
    """Run the table; return a line per failing query (empty list: all passed)."""
    open_search(page, root, lang)
    failures = []
    for query, target in table:
        found = results(page, query)
        pages = [site_path(item["page"], root) for item in found]
        wrong = [p for p in pages if language_of(p) != lang]
        if target not in pages[:TOP] or wrong:
            failures.append(f"{lang} {query!r}: want {target} in top {TOP}, got {pages[:5]}"
                            + (f"; other language: {wrong[:3]}" if wrong else ""))
    return failures


@pytest.fixture(scope="module")
def sub_path_url(site):
    """The site served under a sub-path: its parent directory at /, the site at /<name>/."""
    url, server = serve(site.parent)
    yield f"{url}{site.name}/"
    server.shutdown()


@pytest.fixture
def search_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_tables_are_big_enough():
    assert set(QUERIES) == set(LANGUAGES), "a search table for every language"
    assert len(NB_QUERIES) >= 25 and len(EN_QUERIES) >= 15 and len(NN_QUERIES) >= 25


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_over_http(search_page, site_url, lang):
    failures = check_table(search_page, site_url, lang, QUERIES[lang])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_under_sub_path(search_page, sub_path_url, lang):
    failures = check_table(search_page, sub_path_url, lang, QUERIES[lang])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_offline_from_file(search_page, site, lang):
    failures = check_table(search_page, site.as_uri() + "/", lang, QUERIES[lang])
    assert not failures, "\n".join(failures)


def test_result_shows_section_and_links_to_its_anchor(search_page, site_url):
    open_search(search_page, site_url, "nb")
    found = results(search_page, "skjerpet aktivitetsplikt")
    first = found[0]
    assert site_path(first["page"], site_url) == "themes/theme-2/index"
    assert first["section"] and "Skjerpet aktivitetsplikt" in first["section"]
    anchors = [urlparse(link).fragment for link in first["links"]]
    assert "enhanced-duty" in anchors
    # the anchor exists on the target page, and following the link lands on it
    search_page.locator(".md-search-result__item a[href*='#enhanced-duty']").first.click()
    search_page.wait_for_url("**#enhanced-duty")
    assert search_page.locator("#enhanced-duty").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_title_match_ranks_above_mentions(search_page, site_url, lang):
    """PPT is mentioned on many pages; the page titled PPT comes first."""
    open_search(search_page, site_url, lang)
    found = results(search_page, "PPT")
    assert len(found) > 3
    assert site_path(found[0]["page"], site_url) == f"{PREFIX[lang]}roles/ppt"


def test_keyboard_reaches_results(search_page, site_url):
    """Keyboard only: '/' opens search, typing searches, arrow down moves into the results, Enter
    follows the link (Material's own key handling, kept as is)."""
    search_page.goto(site_url + "index.html")
    search_page.keyboard.press("/")
    search_page.keyboard.type("styringsgruppa", delay=20)
    search_page.wait_for_selector(".md-search-result__item")
    search_page.keyboard.press("ArrowDown")
    focused = search_page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "steering-group" in focused
    search_page.keyboard.press("Enter")
    search_page.wait_for_url("**/roles/steering-group.html*")


def test_each_language_loads_only_its_own_index_and_only_when_searching(search_page, site_url):
    """A page view starts the small worker (loader.js); the index (~90 KB gzip) comes with the
    first query, and only the page's language's."""
    requested = []
    search_page.on("request", lambda request: requested.append(request.url))
    for lang in LANGUAGES:
        requested.clear()
        prefix = "" if lang == lmp_project.DEFAULT_LANGUAGE else lang + "/"
        search_page.goto(f"{site_url}{prefix}roles/ppt.html", wait_until="networkidle")
        workers = [url for url in requested if "/search/lmp-" in url]
        assert workers and all(url.endswith(f"lmp-search.{lang}.js") for url in workers), workers
        open_search(search_page, site_url, lang)
        results(search_page, "plikt")
        workers = [url for url in requested if "/search/lmp-" in url]
        assert any(url.endswith(f"lmp-index.{lang}.js") for url in workers), workers
        assert all(url.endswith((f"lmp-search.{lang}.js", f"lmp-index.{lang}.js")) for url in workers), workers


@fault_injector("search_synonyms")
def inject_bad_synonyms(project: Path) -> dict[str, str]:
    """A synonym file that is not a list of groups: in the combined fault build (a content check,
    before rendering)."""
    (project / "includes" / "search-synonyms.en.yml").write_text("PPT: educational service\n", encoding="utf-8")
    return {"includes/search-synonyms.en.yml": "expected a list of groups"}


def test_bad_synonym_file_names_itself(combined_faults):
    """A synonym file that is not a list of groups stops the build and says which file."""
    expected, result, _, _ = combined_faults["search_synonyms"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)


# A meeting term: the page that explains it ranks above the glossary, which only defines it.
EXPLAINED = [("nb", "nasjonal samling", "reference/glossary"), ("en", "national gathering", "en/reference/glossary"),
             ("nb", "mellomarbeid", "reference/glossary"), ("en", "between-session work", "en/reference/glossary"),
             ("nn", "nasjonal samling", "nn/reference/glossary"), ("nn", "mellomarbeid", "nn/reference/glossary")]


@pytest.mark.parametrize("lang, query, glossary", EXPLAINED)
def test_the_explaining_page_ranks_above_the_glossary(search_page, site, site_url, lang, query, glossary):
    open_search(search_page, site_url, lang)
    pages = [site_path(item["page"], site_url) for item in results(search_page, query)]
    assert pages and pages[0] != glossary, f"{query!r}: {pages[:4]}"
    first = (site / (pages[0] + ".html")).read_text("utf-8").lower()
    headings = " ".join(re.findall(r"<h[123][^>]*>(.*?)</h[123]>", first, re.DOTALL))
    assert all(word in headings for word in query.split()[:1]), f"{pages[0]} does not name {query!r} in a heading"


@pytest.mark.parametrize("lang, query", [("nb", "lesetid"), ("nb", "styrer"), ("en", "reading time"), ("en", "owner"),
                                         ("nn", "lesetid"), ("nn", "styrar")])
def test_result_snippets_show_text_not_the_reading_time(search_page, site, site_url, lang, query):
    open_search(search_page, site_url, lang)
    results(search_page, query)
    snippets = search_page.eval_on_selector_all(".md-search-result__item p", "els => els.map(p => p.textContent.trim())")
    assert snippets
    reading = {m.strip() for path in site.rglob("*.html")
               for m in re.findall(r'<p class="lmp-reading-time"[^>]*>(.*?)</p>', path.read_text("utf-8"))}
    assert reading, "no reading-time lines in the built site"
    bare = [s for s in snippets if s in reading or not s]
    assert not bare, f"{query!r}: snippets with only the reading time: {bare[:3]}"
