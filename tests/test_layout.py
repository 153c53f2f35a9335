"""Layout checks in a real browser, on a desktop and a phone, in the light and dark schemes:
diagrams follow the colour scheme, the timeline's text stays readable on a phone, the handouts
table has the site's table style, and the PDF button and its size sit cleanly side by side or
one under the other."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from PIL import Image, ImageStat

from conftest import LANGUAGES, ROOT
from lmp import project

PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else lang + "/" for lang in LANGUAGES}
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}
TIMELINE = ROOT / "docs/assets/diagrams/semester-timeline.{lang}.svg"


@pytest.fixture
def context_for(browser):
    contexts = []

    def make(viewport, scheme="light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        return context.new_page()
    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_text_is_at_least_12_px_on_a_phone(site_url, context_for, lang):
    svg = TIMELINE.with_name(TIMELINE.name.format(lang=lang)).read_text("utf-8")
    drawn_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
    page = context_for(PHONE)
    page.goto(f"{site_url}{PREFIX[lang]}tools/calendar.html")
    image = page.locator("img[src*='semester-timeline']")
    scale = image.evaluate("img => img.getBoundingClientRect().width") / drawn_width
    assert smallest * scale >= 12, f"the timeline's smallest text is {smallest * scale:.1f} px on a phone"
    region = page.locator(".lmp-diagram-scroll")
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("aria-label")  # scroll by keyboard


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["tools/calendar.html", "tools/organisation-chart.html"])
def test_diagrams_follow_the_dark_scheme(site_url, context_for, lang, name):
    looks = {}
    for scheme in ("light", "dark"):
        page = context_for(DESKTOP, scheme)
        page.goto(f"{site_url}{PREFIX[lang]}{name}")
        image = page.locator("article img[src*='assets/diagrams/']")
        image.scroll_into_view_if_needed()
        pixels = Image.open(BytesIO(image.screenshot())).convert("L")
        looks[scheme] = ImageStat.Stat(pixels).mean[0]                          # mean brightness
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        looks[scheme + "-page"] = sum(map(int, re.findall(r"\d+", background)[:3])) / 3
    assert looks["light"] > 200, "the diagram is no longer drawn light"
    assert looks["dark"] < 90, f"the diagram glares in the dark scheme (mean brightness {looks['dark']:.0f})"
    assert abs(looks["dark"] - looks["dark-page"]) < 60


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_table_has_the_site_table_style(site_url, context_for, lang):
    page = context_for(DESKTOP)
    page.goto(f"{site_url}{PREFIX[lang]}tools/handouts.html")
    style = page.evaluate("""() => {
      const table = document.querySelector('table.lmp-pdf-list'), cell = table.querySelector('tbody td');
      const plain = [...document.querySelectorAll('article table:not([class])')][0];
      const s = getComputedStyle(table), c = getComputedStyle(cell);
      return {border: s.borderTopStyle, padding: parseFloat(c.paddingLeft), line: getComputedStyle(cell).borderTopStyle,
              fontSize: s.fontSize, plainFontSize: plain ? getComputedStyle(plain).fontSize : s.fontSize};
    }""")
    assert style["border"] == "solid" and style["line"] == "solid" and style["padding"] >= 8, style
    assert style["fontSize"] == style["plainFontSize"], style


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_size_sits_cleanly_by_the_button_on_a_phone(site_url, context_for, lang):
    page = context_for(PHONE)
    page.goto(f"{site_url}{PREFIX[lang]}themes/theme-1/index.html")
    boxes = page.evaluate("""() => {
      const p = document.querySelector('.lmp-pdf-download');
      const box = el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom}; };
      const info = p.querySelector('.lmp-pdf-download__info');
      return {button: box(p.querySelector('a')), info: box(info),
              line: parseFloat(getComputedStyle(info).lineHeight) || 20, width: window.innerWidth};
    }""")
    button, info = boxes["button"], boxes["info"]
    assert info["h"] <= boxes["line"] * 1.5, "the PDF size wraps over several lines"
    beside = info["x"] >= button["right"] and abs((info["y"] + info["h"] / 2) - (button["y"] + button["h"] / 2)) < 4
    under = info["y"] >= button["bottom"] and abs(info["x"] - button["x"]) < 2
    assert beside or under, boxes
    assert info["right"] <= boxes["width"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_invisible_tab_stop_after_the_search_field(site_url, context_for, lang):
    page = context_for(DESKTOP)
    page.goto(f"{site_url}{PREFIX[lang]}themes/theme-1/index.html")
    page.focus(".md-search__input")
    page.keyboard.press("Escape")          # the search stays closed, as when tabbing past it
    page.focus(".md-search__input")
    page.keyboard.press("Tab")
    after = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
      return {what: e.tagName + '.' + e.className, w: r.width, h: r.height}; }""")
    assert after["w"] > 0 and after["h"] > 0, f"Tab after the search field lands on {after}"
    assert "scrollwrap" not in after["what"], after
