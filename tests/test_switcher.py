"""The language switcher in a real browser: every language a link in the header, named in its own
language; one click lands at the section in view and keeps the ?query (?s=, ?for=); no request
for sitemap.xml."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ADDRESS, LANGUAGES, ROOT, serve
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
    """Use the switcher as a reader does: one click on the other language's name."""
    with page.expect_navigation():
        page.locator(f".lmp-lang__link[hreflang={other(lang)}]").click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_names_every_language_as_a_link_on_desktop_and_phone(site_url, page, lang):
    """Every language is a link in the header, named in its own language; the current one is
    marked; on a phone the names are there too (short forms), not behind an icon."""
    page.goto(f"{site_url}{PREFIX[lang]}roles/ppt.html")
    links = page.locator(".md-header .lmp-lang__link")
    for width, shown in ((1366, ".lmp-lang__long"), (390, ".lmp-lang__short")):
        page.set_viewport_size({"width": width, "height": 844})
        assert [links.nth(i).get_attribute("hreflang") for i in range(links.count())] == list(LANGUAGES)
        for i, code in enumerate(LANGUAGES):
            link = links.nth(i)
            assert link.is_visible() and link.get_attribute("lang") == code, (width, code)
            name = link.locator(shown).inner_text().strip()
            assert name and name.lower() in NAMES[code].lower(), (width, code, name)   # "Bokmål", "Norsk (bokmål)"
            assert link.inner_text().strip() == name, (width, code)   # only one form shows
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, code, box)
        assert page.locator(".lmp-lang__link[aria-current]").get_attribute("hreflang") == lang
        title = page.locator(".md-header__title").bounding_box()
        assert title["width"] > width / 3, f"{width} px: the site name has no room ({title})"


# A heading deep in the page and one reached from the table of contents, per page (ids are the same
# in every language).
SECTIONS = [("themes/theme-2/index.html", "legal-anchors"), ("roles/ppt.html", "duties")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_lands_at_the_section_in_view_and_keeps_the_query(site_url, page, lang):
    """Scroll a heading to the top of the window (no #hash in the address), switch: the other
    language's page opens at the same heading, with the ?query (?s=, ?for=) kept."""
    page.set_viewport_size({"width": 1366, "height": 768})
    for path, heading in SECTIONS:
        page.goto(f"{site_url}{PREFIX[lang]}{path}?s=1")
        page.locator(f"#{heading}").evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 80)")
        page.mouse.wheel(0, 120)   # and a little further, inside the section
        page.wait_for_timeout(200)
        switch(page, lang)
        assert page.url == f"{site_url}{PREFIX[other(lang)]}{path}?s=1#{heading}"
        assert page.locator("html").get_attribute("lang") == other(lang)
        top = page.locator(f"#{heading}").evaluate("h => h.getBoundingClientRect().top")
        assert 0 <= top < 200, f"{path}: #{heading} is at {top} px, not at the top of the window"
    # At the top of a page, the switch goes to the top of the other one.
    page.goto(f"{site_url}{PREFIX[lang]}roles/ppt.html")
    switch(page, lang)
    assert page.url == f"{site_url}{PREFIX[other(lang)]}roles/ppt.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_keeps_the_reading_assignment(site_url, page, lang):
    page.goto(f"{site_url}{PREFIX[lang]}tools/reading-builder.html")
    boxes = page.locator("#lmp-choose input[value]")
    for index in (0, 3):
        boxes.nth(index).check()
    chosen = page.eval_on_selector_all("#lmp-choose input[value]:checked", "els => els.map(e => e.value)")
    query = page.evaluate("location.search")
    assert query.startswith("?s="), query
    page.evaluate("window.scrollTo(0, 0)")
    switch(page, lang)
    assert page.url == f"{site_url}{PREFIX[other(lang)]}tools/reading-builder.html{query}"
    assert page.eval_on_selector_all("#lmp-choose input[value]:checked", "els => els.map(e => e.value)") == chosen


def test_no_sitemap_request_and_no_request_to_the_public_host(address_site, browser):
    """Material fetches sitemap.xml next to each <link rel=alternate> in the head (4 per page view,
    to the public host: CSP errors elsewhere, failures offline). The heads carry none (the sitemap
    has the hreflang alternates): a page view and a switch ask for no sitemap and nothing of the
    public host."""
    base, server = serve(address_site)
    context = browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    try:
        page.goto(base + "themes/theme-2/index.html", wait_until="networkidle")
        switch(page, "nb")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
        server.shutdown()
    assert any(url.endswith("/en/themes/theme-2/index.html") for url in asked), asked
    assert not [url for url in asked if "sitemap" in url or not url.startswith(base)], asked


def test_switcher_links_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}roles/ppt.html")
    href = page.locator(".lmp-lang__link[hreflang=en]").get_attribute("href")
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
        links = {a["hreflang"]: a["href"] for a in soup.select("a.lmp-lang__link")}
        assert links == {code: f"{base}{PREFIX[code]}index.html" for code in LANGUAGES}, (lang, links)
        current = [a["hreflang"] for a in soup.select("a.lmp-lang__link[aria-current]")]
        assert current == [lang], (lang, current)
        assert all((site / PREFIX[code] / "index.html").exists() for code in LANGUAGES)
