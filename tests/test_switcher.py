"""The language switcher in a real browser: it names the other language in words, in that
language, and keeps the reader's place (#section) and the reading builder's selection (?s=)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ADDRESS, LANGUAGES, ROOT
from lmp import project

PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else lang + "/" for lang in LANGUAGES}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
_I18N = next(p["i18n"] for p in _CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
NAMES = {language["locale"]: language["name"] for language in _I18N["languages"]}  # the switcher's words


def other(lang):
    return next(code for code in LANGUAGES if code != lang)


def switch(page, lang):
    """Use the switcher as a reader does: open it, click the other language."""
    page.locator(".lmp-lang__button").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={other(lang)}]").click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_shows_the_other_languages_in_words(site_url, page, lang):
    """On a wide screen the button names every other language, each in its own language; on a
    phone it is the translate icon alone (the names would push the site name out)."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{site_url}{PREFIX[lang]}roles/ppt.html")
    names = page.locator(".lmp-lang__button .lmp-lang__name")
    others = [code for code in LANGUAGES if code != lang]
    assert [names.nth(i).inner_text().strip() for i in range(names.count())] == [NAMES[c] for c in others]
    assert [names.nth(i).get_attribute("lang") for i in range(names.count())] == others
    assert all(names.nth(i).is_visible() for i in range(names.count()))
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.locator(".lmp-lang__button .md-icon").is_visible()
    assert not any(names.nth(i).is_visible() for i in range(names.count()))
    for code in LANGUAGES:
        option = page.locator(f".md-select__link[hreflang={code}]")
        assert option.get_attribute("lang") == code
        assert option.inner_text().strip() == NAMES[code]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_keeps_the_section(site_url, page, lang):
    page.goto(f"{site_url}{PREFIX[lang]}themes/theme-2/index.html#legal-anchors")
    switch(page, lang)
    assert page.url == f"{site_url}{PREFIX[other(lang)]}themes/theme-2/index.html#legal-anchors"
    assert page.locator("html").get_attribute("lang") == other(lang)
    assert page.locator("#legal-anchors").count() == 1
    # A section chosen after the page loaded (a click in the table of contents) is kept too.
    page.goto(f"{site_url}{PREFIX[lang]}roles/ppt.html")
    page.evaluate("location.hash = 'duties'")
    switch(page, lang)
    assert page.url.endswith(f"{PREFIX[other(lang)]}roles/ppt.html#duties")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_keeps_the_reading_assignment(site_url, page, lang):
    page.goto(f"{site_url}{PREFIX[lang]}tools/reading-builder.html")
    boxes = page.locator("#lmp-choose input[value]")
    for index in (0, 3):
        boxes.nth(index).check()
    chosen = page.eval_on_selector_all("#lmp-choose input[value]:checked", "els => els.map(e => e.value)")
    query = page.evaluate("location.search")
    assert query.startswith("?s="), query
    switch(page, lang)
    assert page.url == f"{site_url}{PREFIX[other(lang)]}tools/reading-builder.html{query}"
    assert page.eval_on_selector_all("#lmp-choose input[value]:checked", "els => els.map(e => e.value)") == chosen


def test_switcher_links_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}roles/ppt.html")
    href = page.locator(".md-select__link[hreflang=en]").get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + href)
    assert page.url == f"{site_url}en/roles/ppt.html"
    context.close()


@pytest.mark.parametrize("build", ["html_site", "address_site"])
def test_404_pages_switch_to_each_languages_home_page(request, build):
    """A 404 page is no page of the site: its switcher offers each language's home page, with
    root-absolute links like the rest of the 404 page (the web server shows it at any depth), not
    the links of the last page rendered before it (static-i18n leaves those behind:
    lmp/deploy/not_found_pages.py)."""
    site = request.getfixturevalue(build)
    base = urlsplit(ADDRESS).path if build == "address_site" else "/"
    for lang in LANGUAGES:
        soup = BeautifulSoup((site / PREFIX[lang] / "404.html").read_text("utf-8"), "lxml")
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert links == {code: f"{base}{PREFIX[code]}index.html" for code in LANGUAGES}, (lang, links)
        current = [a["hreflang"] for a in soup.select("a.md-select__link[aria-current]")]
        assert current == [lang], (lang, current)
        assert all((site / PREFIX[code] / "index.html").exists() for code in LANGUAGES)
