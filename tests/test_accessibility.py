"""WCAG 2.1 AA on the built site: axe-core on every page of both languages in the light and the dark
colour scheme, keyboard reachability and visible focus, text alternatives, heading order, `lang`.

axe-core is the copy packaged in the axe-playwright-python wheel (requirements.in): nothing is
downloaded at test time. Rules are never switched off; a finding is fixed in the theme overrides
(overrides/partials/), docs/assets/stylesheets/site.css or the content.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import axe_playwright_python
import pytest

from conftest import LANGUAGES, html_pages
from lmp import project

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA (what forskrift om universell utforming requires), plus axe's
# best practices (among them heading order, landmark names and the search dialog's name).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCHEMES = ("light", "dark")          # Material's `default` and `slate` palettes, chosen by the media query
SEARCH_WORD = {"nb": "tema", "en": "theme", "nn": "tema"}


def relative_urls(site: Path, lang: str) -> list[str]:
    urls = [p.relative_to(site).as_posix() for p in html_pages(site, lang)]
    assert urls, f"no {lang} pages found in the built site"
    return urls


# The dark scheme changes colours only, so there every page is audited for the colour rules in its
# text, and the site's chrome (header, tabs, navigation, footer: the same on every page) is audited
# in full on the phone-screen and search tests below. The light scheme gets every rule everywhere.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe(page, rules: list[str] | None = None, within: str | None = None) -> list[dict]:
    # Let fade-ins (tooltips, the search dialog) end: mid-transition colours are not what is read.
    # A fade cancelled by the next one (search results replaced while typing) has ended too.
    page.evaluate("Promise.race([new Promise(done => setTimeout(done, 2000)), Promise.all("
                  "document.getAnimations().filter(a => a.playState === 'running' && a.effect && "
                  "a.effect.getTiming().iterations !== Infinity).map(a => a.finished.catch(() => null)))])")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate("([context, only]) => axe.run(context || document, "
                         "{runOnly: only, resultTypes: ['violations']}).then(r => r.violations)",
                         [{"include": [[within]]} if within else None, only])


def describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for rule in violations:
        targets = ", ".join(" ".join(node["target"]) for node in rule["nodes"][:3])
        summary = rule["nodes"][0].get("failureSummary", "").replace("\n", " ")[:200]
        lines.append(f"{where}: {rule['id']} ({rule['impact']}; {', '.join(rule['tags'][:4])}) "
                     f"on {len(rule['nodes'])} element(s): {targets} | {summary}")
    return lines


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violations_on_any_page(site, site_url, browser, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems, audited = [], 0
    try:
        for url in relative_urls(site, lang):
            page.goto(site_url + url)
            assert page.evaluate("document.documentElement.lang") == lang, f"{url}: wrong <html lang>"
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected, url
            if scheme == "light":
                problems += describe(f"{url} [{scheme}]", axe(page))
            else:
                problems += describe(f"{url} [{scheme}]", axe(page, COLOUR_RULES, "article.md-content__inner"))
            audited += 1
    finally:
        context.close()
    print(f"axe: {audited} {lang} pages audited in the {scheme} scheme, {len(problems)} violations")
    assert not problems, "axe found violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_on_open_search_results_and_a_phone_screen(site_url, browser, lang, scheme):
    """Parts axe cannot see while hidden: the search dialog with results, and the phone layout."""
    prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
    context = browser.new_context(color_scheme=scheme, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + prefix + "themes/theme-1/index.html")
        problems = describe(f"{prefix}themes/theme-1/index.html [{scheme}, 375 px]", axe(page))
        page.locator("label[for=__search].md-header__button").click()
        page.locator(".md-search__input").press_sequentially(SEARCH_WORD[lang], delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        problems += describe(f"{prefix}themes/theme-1/index.html [{scheme}, search open]", axe(page))
    finally:
        context.close()
    assert not problems, "axe found violations:\n" + "\n".join(problems)


# --- Keyboard -----------------------------------------------------------------------------------

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // A visually hidden control (Material's colour-scheme toggle, a radio input) shows its focus on
  // the label right after it (Material's `.md-option.focus-visible + label`).
  const next = e.nextElementSibling;
  const shown = e.getBoundingClientRect().width > 0 || !next || next.tagName !== 'LABEL' ? e : next;
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {
    id: e.id, tag: e.tagName.toLowerCase(), cls: String(e.className.baseVal ?? e.className),
    href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'),
    name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
    visible: outline || style.boxShadow !== 'none',
    inContent: !!e.closest('article.md-content__inner'),
  };
}"""
KEY_PAGES = ["index.html", "themes/theme-1/index.html", "roles/ppt.html"]


def tab_through(page, limit: int = 600) -> list[dict]:
    """Press Tab until focus leaves the page; every element that got focus, in order."""
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused is None or (reached and focused == reached[0]):
            return reached
        reached.append(focused)
    pytest.fail(f"{page.url}: focus did not leave the page after {limit} Tab presses")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key_page", KEY_PAGES)
def test_keyboard_reaches_switcher_search_and_main_links_with_visible_focus(site_url, page, lang, key_page):
    prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
    other = next(code for code in LANGUAGES if code != lang)
    page.goto(site_url + prefix + key_page)
    reached = tab_through(page)
    where = prefix + key_page

    assert any(f["cls"].startswith("md-skip") for f in reached[:1]), f"{where}: the first Tab is not the skip link"
    assert any("md-search__input" in f["cls"] for f in reached), f"{where}: Tab never reaches the search field"
    assert any(f["hreflang"] == other and "lmp-lang__link" in f["cls"] for f in reached), \
        f"{where}: Tab never reaches the link to the {other} version (language switcher)"
    tabs = page.locator("a.md-tabs__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    reached_hrefs = {f["href"] for f in reached}
    assert tabs and set(tabs) <= reached_hrefs, f"{where}: top tabs not reachable: {set(tabs) - reached_hrefs}"
    content_links = page.locator("article.md-content__inner a[href]:visible").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    missed = set(content_links) - {f["href"] for f in reached if f["inContent"]}
    assert not missed, f"{where}: links in the page's text that Tab never reaches: {sorted(missed)[:10]}"

    invisible = [f"{f['tag']}.{f['cls']} {f['name']!r}" for f in reached if not f["visible"]]
    assert not invisible, f"{where}: focused elements without a visible focus indicator: {invisible[:10]}"

    # The language switcher works from the keyboard: Tab to the other language's link, Enter.
    page.evaluate("window.scrollTo(0, 0)")   # at the top: no section in view to land at
    page.locator(".lmp-lang__link").first.focus()
    for _ in range(len(LANGUAGES)):
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == other:
            break
        page.keyboard.press("Tab")
    with page.expect_navigation(timeout=10_000):
        page.keyboard.press("Enter")
    other_prefix = "" if other == project.DEFAULT_LANGUAGE else other + "/"
    assert page.url == site_url + other_prefix + key_page, f"{where}: Enter on the switcher led to {page.url}"


# --- Static checks of the built HTML ------------------------------------------------------------

class Outline(HTMLParser):
    """Headings (level, text) and images (tag, attrs) of one page's main article."""

    def __init__(self):
        super().__init__()
        self.headings, self.images, self.depth, self._heading = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth = 1
        elif self.depth and tag == "article":
            self.depth += 1
        if tag in ("img", "svg", "area") or (tag == "input" and attrs.get("type") == "image"):
            self.images.append((tag, attrs, self.depth > 0))
        if self.depth and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = [int(tag[1]), ""]
            self.headings.append(self._heading)

    def handle_endtag(self, tag):
        if self.depth and tag == "article":
            self.depth -= 1
        if self._heading and tag == f"h{self._heading[0]}":
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_are_in_order(site, lang):
    problems = []
    for path in html_pages(site, lang):
        levels = [level for level, _ in outline(path).headings]
        rel = path.relative_to(site).as_posix()
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{rel}: needs exactly one H1, first (has {levels[:6]}…)")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{rel}: heading level jumps from H{before} to H{after}")
                break
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_images_have_text_alternatives(site, lang):
    problems, images = [], 0
    for path in html_pages(site, lang):
        rel = path.relative_to(site).as_posix()
        for tag, attrs, in_content in outline(path).images:
            hidden = attrs.get("aria-hidden") == "true" or attrs.get("role") in ("presentation", "none")
            if tag == "svg":
                if attrs.get("role") == "img" and not (attrs.get("aria-label") or attrs.get("aria-labelledby")):
                    problems.append(f"{rel}: <svg role=img> without aria-label")
                continue
            images += 1
            if "alt" not in attrs:
                problems.append(f"{rel}: <{tag} src={attrs.get('src')!r}> has no alt attribute")
            elif in_content and not hidden and not attrs["alt"].strip():
                problems.append(f"{rel}: <{tag} src={attrs.get('src')!r}> in the text has an empty alt")
    assert not problems, "\n".join(problems)
    print(f"{images} {lang} images checked")
