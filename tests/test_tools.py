"""The tool pages (docs/tools/), checked on the built site in a real browser.

Every expected value is read from the sources (front matter, headings) or from the page's own
embedded catalogue, never copied into the test: the reading-assignment builder round-trips its
selection through the URL and ignores crafted URLs; reading lists and paths add up; the
who-does-what matrix and the audience index say what the front matter (and, for the audience
index's sections, the setting marks) says.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest

ROOT = Path(__file__).resolve().parent.parent
from lmp import project
from lmp import words
from lmp.model import catalogue as lmp_catalogue
from lmp.model import pages
from lmp.model import reading
from lmp.model import settings as settings_model
from lmp.model import site as model

DOCS = ROOT / "docs"
PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else f"{lang}/" for lang in project.LANGUAGES}
LANGS = pytest.mark.parametrize("lang", project.LANGUAGES)


def sources(lang: str):
    return [p for p in model.iter_pages(DOCS) if p.lang == lang and not p.meta_error]


def html_path(key: str) -> str:
    return key + ".html"


def open_tool(page, site_url, lang, name, query=""):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{PREFIX[lang]}tools/{name}.html{query}")
    return errors


def catalogue(page) -> list[dict]:
    return page.evaluate("JSON.parse(document.getElementById('lmp-catalogue').textContent).entries")


def assigned(page) -> list[str]:
    """The hrefs (as written) of the sections listed in the assignment."""
    return page.eval_on_selector_all("#lmp-assignment .lmp-assigned a", "els => els.map(a => a.getAttribute('href'))")


def minutes_of(entries) -> int:
    """The site's one rule (lmp/model/catalogue.py minutes_of): the sum of the parts' minutes."""
    return sum(e["minutes"] for e in entries)


def checked(page) -> list[str]:
    return page.eval_on_selector_all("#lmp-choose input[value]:checked", "els => els.map(e => e.value)")


def open_assignment(page, site_url, lang, pick) -> list[dict]:
    """Open the builder as a recipient of a shared link holding the entries `pick` chooses."""
    open_tool(page, site_url, lang, "reading-builder")
    chosen = pick(catalogue(page))
    page.goto(f"{site_url}{PREFIX[lang]}tools/reading-builder.html?s=" + ",".join(quote(e["id"]) for e in chosen))
    return chosen


# --- The reading-assignment builder -------------------------------------------------------------

@LANGS
def test_catalogue_is_every_h2_section_of_themes_topics_and_roles(page, site, site_url, lang):
    open_tool(page, site_url, lang, "reading-builder")
    entries = catalogue(page)
    expected = []
    for source in sorted(sources(lang), key=lambda p: p.key):
        if source.meta.get("type") in ("theme", "topic", "role"):
            expected += [f"{source.meta['id']}#{anchor}" for level, _, anchor, _ in source.headings()
                         if level == 2 and anchor not in lmp_catalogue.NOT_READ]   # the self-check: nothing to read
            if source.meta.get("type") == "role":
                expected.append(f"{source.meta['id']}#by-semester")  # generated from `semesters`
    assert sorted(e["id"] for e in entries) == sorted(expected)
    base = site / PREFIX[lang] / "tools"
    for entry in entries:
        target, anchor = entry["url"].split("#")
        built = (base / target).resolve()
        assert built.is_file(), entry
        assert f'id="{anchor}"' in built.read_text(encoding="utf-8"), entry
        assert isinstance(entry["minutes"], int) and entry["minutes"] >= 1
        assert isinstance(entry["words"], int) and entry["minutes"] == reading.section_minutes(entry["words"])


@LANGS
def test_builder_selection_round_trips_through_its_url(browser, site_url, lang):
    context = browser.new_context()
    page = context.new_page()
    errors = open_tool(page, site_url, lang, "reading-builder")
    entries = catalogue(page)
    chosen = [entries[0]["id"], entries[len(entries) // 2]["id"], entries[-1]["id"]]
    for entry_id in chosen:
        page.check(f'#lmp-choose input[value="{entry_id}"]')
    share = page.input_value("#lmp-share")
    assert page.url == share  # the address bar holds the selection too
    by_id = {e["id"]: e for e in entries}
    want_hrefs = [by_id[i]["url"] for i in chosen]
    assert assigned(page) == want_hrefs

    reader = context.new_page()
    reader.goto(share)
    assert sorted(checked(reader)) == sorted(chosen)
    assert assigned(reader) == want_hrefs
    minutes = minutes_of([by_id[i] for i in chosen])
    assert reader.get_attribute("#lmp-total", "data-minutes") == str(minutes)
    assert str(minutes) in reader.inner_text("#lmp-total")
    for link in reader.query_selector_all("#lmp-assignment .lmp-assigned a"):  # links resolve
        assert link.evaluate("a => a.href").startswith(site_url)
    assert not errors
    context.close()


@LANGS
def test_builder_totals_are_the_sums_of_the_parts_shown(page, site_url, lang):
    """Each page's figure in the form is the sum of its sections' figures beside it; the
    assignment's total is the sum of the figures listed in it."""
    open_tool(page, site_url, lang, "reading-builder")
    entries = catalogue(page)
    groups = page.eval_on_selector_all("#lmp-choose fieldset", """sets => sets.map(f => ({
      legend: f.querySelector('legend').textContent,
      parts: [...f.querySelectorAll('input[value] + label')].map(l => l.textContent)}))""")
    assert groups
    for group in groups:
        assert figure(group["legend"]) == sum(figure(part) for part in group["parts"]), group
    for whole in page.query_selector_all("#lmp-choose .lmp-whole input"):
        whole.check()
    assert sorted(checked(page)) == sorted(e["id"] for e in entries)
    assert page.get_attribute("#lmp-total", "data-minutes") == str(minutes_of(entries))
    shown = page.eval_on_selector_all("#lmp-assignment .lmp-assigned", "els => els.map(e => e.textContent)")
    assert len(shown) == len(entries)
    assert int(page.get_attribute("#lmp-total", "data-minutes")) == sum(figure(item) for item in shown)
    assert f" {minutes_of(entries)} min" in page.inner_text("#lmp-total")
    text = words.ui(lang)["builder"]   # the buttons in the page's HTML carry their words
    assert [b.strip() for b in page.locator("#lmp-bar button").all_inner_texts()] == \
        [text[key] for key in ("copy", "print", "clear", "edit")]
    assert page.get_attribute("#lmp-total", "aria-live") == "polite"
    page.click("#lmp-bar button >> nth=2")  # clear all
    assert checked(page) == [] and page.get_attribute("#lmp-total", "data-minutes") == "0"
    assert "s=" not in page.url


def figure(text: str) -> int:
    """The minutes written in a label or list item: "Tema 1 (12 min)" → 12."""
    found = re.findall(r"\((\d+) min\)", text)
    assert found, text
    return int(found[-1])


IN_VIEW = """sel => { const r = document.querySelector(sel).getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""


@LANGS
@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_builder_total_and_actions_stay_in_view_while_ticking(browser, site_url, lang, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    open_tool(page, site_url, lang, "reading-builder")
    entries = catalogue(page)
    for entry in (entries[len(entries) // 2], entries[-1]):   # far down the list
        box = page.locator(f'#lmp-choose input[value="{entry["id"]}"]')
        box.scroll_into_view_if_needed()
        box.check()
        assert page.evaluate("window.scrollY") > size[1], "the box was not far down the page"
        for selector in ("#lmp-total", "#lmp-bar button"):
            assert page.evaluate(IN_VIEW, selector), f"{selector} is out of view at {size}"
        # …and not hidden under the header.
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert page.evaluate("document.getElementById('lmp-total').getBoundingClientRect().top") >= header - 1
    expected = minutes_of([entries[len(entries) // 2], entries[-1]])
    assert page.get_attribute("#lmp-total", "data-minutes") == str(expected)
    context.close()


@LANGS
def test_recipient_sees_what_was_assigned_not_how_to_build_it(page, site_url, lang):
    chosen = open_assignment(page, site_url, lang, lambda entries: [entries[1], entries[-3]])
    note = page.locator(".lmp-recipient-note")
    assert note.is_visible()
    minutes = minutes_of(chosen)
    assert str(minutes) in note.inner_text() and str(len(chosen)) in note.inner_text()
    # The note asks the reader to tick each part: each listed part has a box to tick, on screen.
    boxes = page.locator("#lmp-assignment .lmp-assigned input[type=checkbox]")
    assert boxes.count() == len(chosen)
    for i in range(len(chosen)):
        assert boxes.nth(i).is_visible()
        name = boxes.nth(i).evaluate(
            "b => document.getElementById(b.getAttribute('aria-labelledby')).textContent")
        assert chosen[i]["section"] in name, (name, chosen[i])
    boxes.nth(0).check()
    assert boxes.nth(0).is_checked()
    assert not page.locator(".lmp-builder-intro").first.is_visible()
    assert not page.is_visible("#lmp-choose") and not page.is_visible("h2#choose")
    page.click(".lmp-recipient-only")                 # "change the assignment" opens the builder
    assert page.is_visible("#lmp-choose") and sorted(checked(page)) == sorted(e["id"] for e in chosen)


CRAFTED = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>', "theme-1#objectives\"><b id=lmp-x>",
           "javascript:alert(3)", "nope#nope", "'-alert(4)-'", "theme-1#objectives<svg onload=alert(5)>"]


@LANGS
def test_crafted_url_renders_nothing_and_runs_nothing(page, site_url, lang):
    dialogs, console = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    before = open_tool(page, site_url, lang, "reading-builder")
    valid = catalogue(page)[1]
    counts = page.evaluate("() => ['img', 'script', 'svg', 'b', 'iframe'].map(t => document.getElementsByTagName(t).length)")
    query = "?s=" + ",".join(quote(x, safe="") for x in CRAFTED + [valid["id"]]) + "&x=%3Cimg%20src%3Dx%3E"
    page.goto(f"{site_url}{PREFIX[lang]}tools/reading-builder.html{query}")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert before == []
    assert checked(page) == [valid["id"]]
    assert assigned(page) == [valid["url"]]
    after = page.evaluate("() => ['img', 'script', 'svg', 'b', 'iframe'].map(t => document.getElementsByTagName(t).length)")
    assert after == counts
    assert page.query_selector("#lmp-x") is None
    text = page.inner_text("#lmp-assignment")
    assert "alert" not in text and "<" not in text and "nope" not in text
    assert not any("alert" in line for line in console)


@LANGS
def test_print_view_holds_the_chosen_sections_only(page, site_url, lang):
    chosen = open_assignment(page, site_url, lang, lambda entries: [entries[2], entries[-2]])
    page.emulate_media(media="print")
    links = page.query_selector_all("#lmp-assignment .lmp-assigned a")
    assert [link.inner_text() for link in links] == [e["section"] for e in chosen]
    assert all(link.is_visible() for link in links)
    assert not page.is_visible("#lmp-choose") and not page.is_visible("#lmp-share") and not page.is_visible("h2#choose")
    assert page.is_visible("#lmp-total")
    # Each section's short address is on the paper, where a link cannot be clicked.
    addresses = page.locator("#lmp-assignment .lmp-address")
    for index, entry in enumerate(chosen):
        address = addresses.nth(index)
        assert address.is_visible()
        target = urljoin(page.url, entry["url"])
        assert address.inner_text().replace("/#", "/index.html#") in target, (address.inner_text(), target)
    box = page.evaluate("getComputedStyle(document.querySelector('.lmp-assigned'), '::before').content")
    assert "☐" in box


# --- Reading lists and onboarding ---------------------------------------------------------------

TABLES = """els => els.map(t => [...t.querySelectorAll('tbody tr')].map(tr => ({
  hrefs: [...tr.querySelectorAll('a')].map(a => a.getAttribute('href')),
  minutes: parseInt(tr.cells[2].textContent, 10)})))"""


@LANGS
def test_reading_lists_add_up_from_the_catalogue(page, site_url, lang):
    open_tool(page, site_url, lang, "reading-builder")
    entries = catalogue(page)  # same folder: the same relative URLs
    open_tool(page, site_url, lang, "reading-lists")
    tables = page.eval_on_selector_all(".lmp-reading-list table", TABLES)
    assert len(tables) == 2 * len(pages.SEMESTERS)  # working group and all staff, each semester
    for rows in tables:
        *items, total = rows
        assert items, "an empty reading list"
        listed = []
        for row in items:
            page_url, *section_urls = row["hrefs"]
            sections = [e for e in entries if e["url"] in section_urls] if section_urls else \
                [e for e in entries if e["url"].split("#")[0] == page_url]
            assert sections and row["minutes"] == minutes_of(sections), row
            listed += sections
        assert total["minutes"] == minutes_of(listed) == sum(row["minutes"] for row in items)
    # Print: each semester starts a new sheet.
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.getElementById('semester-2')).breakBefore") == "page"


@LANGS
def test_onboarding_paths_add_up_and_print_as_checklists(page, site_url, lang):
    open_tool(page, site_url, lang, "reading-builder")
    by_url = {e["url"]: e for e in catalogue(page)}
    open_tool(page, site_url, lang, "onboarding")
    paths = page.evaluate("""() => [...document.querySelectorAll('.lmp-checklist')].map(list => {
      let h = list.previousElementSibling; while (h.tagName !== 'H2') h = h.previousElementSibling;
      const total = h.nextElementSibling.querySelector('strong').textContent;
      return {total: parseInt(total, 10), steps: list.querySelectorAll('ol > li').length,
              shown: [...list.textContent.matchAll(/\\((\\d+) min\\)/g)].map(m => parseInt(m[1], 10)),
              hrefs: [...list.querySelectorAll('a')].map(a => a.getAttribute('href'))};
    })""")
    assert len(paths) == 2
    for path in paths:
        counted = [by_url[h] for h in path["hrefs"] if h in by_url]
        assert len(counted) >= path["steps"] - 1  # every step but the last names sections
        assert path["total"] == minutes_of(counted) == sum(path["shown"]), path
    page.emulate_media(media="print")
    box = page.evaluate("getComputedStyle(document.querySelector('.lmp-checklist ol > li'), '::before').content")
    assert "☐" in box


@LANGS
def test_onboarding_prints_one_path_with_site_name_and_date(page, site_url, lang):
    open_tool(page, site_url, lang, "onboarding")
    paths = page.eval_on_selector_all("[data-lmp-print]", "els => els.map(b => b.dataset.lmpPrint)")
    assert len(paths) == len(page.query_selector_all(".lmp-checklist")) == 2
    page.evaluate("() => { window.print = () => { window.lmpPrinted = (window.lmpPrinted || 0) + 1 } }")
    page.click(f'[data-lmp-print="{paths[1]}"]')
    assert page.evaluate("window.lmpPrinted") == 1
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.is_visible(f"h2#{paths[1]}") and not page.is_visible(f"h2#{paths[0]}")
    checklists = page.locator(".lmp-checklist")
    assert not checklists.nth(0).is_visible() and checklists.nth(1).is_visible()
    header = page.inner_text(".lmp-print-header")
    site_name = page.inner_text(".md-header__topic .md-ellipsis").strip()
    assert site_name in header and page.inner_text("h1") in header
    expected = words.ui(lang)["onboarding"]["printed"].split("{")[0]
    assert expected in header and any(char.isdigit() for char in header), header
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")   # back to the whole page
    assert checklists.nth(0).is_visible()


# --- Generated overviews ------------------------------------------------------------------------

@LANGS
def test_who_does_what_matches_the_role_pages(page, site_url, lang):
    open_tool(page, site_url, lang, "who-does-what")
    roles = sorted((p for p in sources(lang) if p.meta.get("type") == "role"),
                   key=lambda p: pages.ROLES.index(p.meta["role"]))
    assert len(roles) == len(pages.ROLES)
    tables = page.eval_on_selector_all(".lmp-matrix table", """els => els.map(t =>
      [...t.rows].map(r => [...r.cells].map(c => c.innerText.trim())))""")
    by_semester, by_meeting = tables
    assert [row[0] for row in by_semester[1:]] == [r.meta["title"] for r in roles]
    for row, role in zip(by_semester[1:], roles):
        assert row[1:] == [role.meta["semesters"][n].strip() for n in pages.SEMESTERS]
    assert by_meeting[0][1:] == [r.meta["title"] for r in roles]
    assert len(by_meeting) == 1 + len(pages.MEETINGS)
    for meeting, row in zip(pages.MEETINGS, by_meeting[1:]):
        for cell, role in zip(row[1:], roles):
            assert cell.startswith("✓") == (meeting in role.meta.get("meetings", [])), (meeting, role.key)


def audience_pages(lang):
    """The pages the audience filter lists: every page but the home page and the filter itself."""
    return [p for p in sources(lang) if p.meta.get("type") != "home" and p.meta["id"] != "tool-by-audience"]


def audience_sections(source) -> list[tuple[str, list[str]]]:
    """(#anchor or "", settings) of each item the filter lists for a page: its H2 sections (not the
    self-check) and its deeper sections whose heading is marked (lmp/model/settings.py); an unmarked
    section applies to the settings of the page's front matter."""
    lines = source.body.splitlines()
    whole = settings_model.from_front_matter(source.meta.get("settings")).split()
    found = []
    for level, _text, anchor, line in source.headings():
        mark = settings_model.heading_mark(lines[line - source.body_line])
        if anchor != "self-check" and (level == 2 or mark):
            found.append((f"#{anchor}", sorted(mark) if mark else whole))
    return found or [("", whole)]


def concerns(source, named: list[str], setting: str, role: str) -> bool:
    """A section that names no setting (or a page that names no role) concerns every setting (or role)."""
    roles = source.meta.get("roles") or []
    return (not setting or not named or setting in named) and (not role or not roles or role in roles)


def theme_group(source) -> str:
    named = [t for t in source.meta.get("themes") or [] if t in pages.THEMES]
    return named[0] if len(named) == 1 else "all-themes" if named else "general"


def expected_sections(site_url, lang, setting="", role=""):
    expected = {}
    for source in audience_pages(lang):
        for anchor, named in audience_sections(source):
            if concerns(source, named, setting, role):
                expected.setdefault(theme_group(source), []).append(
                    urljoin(site_url, PREFIX[lang] + html_path(source.key)) + anchor)
    return expected


VISIBLE = r"""() => [...document.querySelectorAll('.lmp-audience-list')].map(list =>
  [list.dataset.group, [...list.querySelectorAll('li[data-settings]:not([hidden]) > a')]
    .map(a => a.href.replace(/\?[^#]*/, ""))])"""   # the ?for= the setting view carries on every link (setting-view.js)


@LANGS
def test_audience_page_without_javascript_lists_every_section_once_by_theme(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}{PREFIX[lang]}tools/by-audience.html")
    assert not page.locator("#lmp-audience").is_visible(), "the filter shows without the script that runs it"
    groups = dict(page.evaluate(VISIBLE))
    context.close()
    expected = expected_sections(site_url, lang)
    assert {group: sorted(hrefs) for group, hrefs in groups.items()} == \
        {group: sorted(hrefs) for group, hrefs in expected.items()}
    assert sum(len(hrefs) for hrefs in groups.values()) == sum(len(audience_sections(s)) for s in audience_pages(lang))


CHOICES = [("skole", "ppt"), ("barnehage", "owner"), ("sfo", ""), ("", "staff"), ("", "")]


@LANGS
@pytest.mark.parametrize("setting,role", CHOICES)
def test_audience_filter_shows_the_sections_the_marks_give(page, site_url, lang, setting, role):
    query = "&".join(f"{k}={v}" for k, v in (("for", setting), ("role", role)) if v)
    errors = open_tool(page, site_url, lang, "by-audience", "?" + query if query else "")
    assert page.input_value("#lmp-audience-for") == setting
    assert page.input_value("#lmp-audience-role") == role
    shown = dict(page.evaluate(VISIBLE))
    expected = expected_sections(site_url, lang, setting, role)
    assert {group: sorted(hrefs) for group, hrefs in shown.items() if hrefs} == \
        {group: sorted(hrefs) for group, hrefs in expected.items()}
    total = sum(len(hrefs) for hrefs in expected.values())
    assert page.get_attribute(".lmp-audience-count", "data-total") == str(total)
    assert str(total) in page.inner_text(".lmp-audience-count")
    for group, hrefs in shown.items():
        badge = page.inner_text(f"#group-{group} .lmp-group-count")
        assert badge == f"({len(hrefs)})", (group, badge)
    assert not errors


@LANGS
def test_audience_filter_choice_round_trips_through_the_url(page, site_url, lang):
    open_tool(page, site_url, lang, "by-audience")
    page.select_option("#lmp-audience-for", "barnehage")
    page.select_option("#lmp-audience-role", "ppt")
    assert page.evaluate("location.search") == "?for=barnehage&role=ppt"
    shown = page.evaluate(VISIBLE)
    page.goto(page.url)                               # the shared link, opened fresh
    assert page.input_value("#lmp-audience-for") == "barnehage"
    assert page.input_value("#lmp-audience-role") == "ppt"
    assert page.evaluate(VISIBLE) == shown
    stored = page.evaluate("""() => [localStorage, sessionStorage].flatMap(store =>
      Object.keys(store).map(key => key + '=' + store.getItem(key)))""")
    assert not [item for item in stored if "barnehage" in item or "ppt" in item], stored  # only in the URL
    page.select_option("#lmp-audience-role", "")
    assert page.evaluate("location.search") == "?for=barnehage"
    # A crafted value that is no setting is ignored, not shown as a choice.
    open_tool(page, site_url, lang, "by-audience", "?for=<b>x</b>&role=nobody")
    assert page.input_value("#lmp-audience-for") == "" and page.input_value("#lmp-audience-role") == ""


@LANGS
def test_tools_are_reachable_from_the_home_page(page, site, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}index.html")
    hrefs = page.eval_on_selector_all("article a", "els => els.map(a => a.href)")
    hub = urljoin(site_url, f"{PREFIX[lang]}tools/index.html")
    assert hub in hrefs, "the home page does not link the tools hub"
    page.goto(hub)
    linked = set(page.eval_on_selector_all("article a", "els => els.map(a => a.href)"))
    tools = [p for p in (site / PREFIX[lang] / "tools").glob("*.html") if p.name != "index.html"]
    assert tools
    for tool in tools:
        assert urljoin(hub, tool.name) in linked, f"the tools hub does not link {tool.name}"
    if (site / PREFIX[lang] / "tools" / "templates" / "index.html").exists():
        assert urljoin(hub, "templates/index.html") in linked


def test_builder_works_from_file_urls(page, site):
    """The offline copy: the catalogue is in the page (fetch() is blocked under file://)."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "en" / "tools" / "reading-builder.html").as_uri())
    first, second = catalogue(page)[:2]
    page.check(f'#lmp-choose input[value="{first["id"]}"]')
    page.check(f'#lmp-choose input[value="{second["id"]}"]')
    share = page.input_value("#lmp-share")
    assert share.startswith("file://") and page.url == share
    page.goto(share)
    assert checked(page) == [first["id"], second["id"]]
    page.click("#lmp-assignment .lmp-assigned a >> nth=0")
    assert page.url.endswith(first["url"].split("/", 1)[1])
    assert not errors


# --- Layout shift -------------------------------------------------------------------------------

CLS = """() => new Promise(done => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(sum), 300);
})"""


@pytest.mark.parametrize("tool", ["reading-builder", "by-audience"])
def test_tool_pages_do_not_shift_while_loading(browser, site_url, tool):
    """Cumulative layout shift (Chromium's layout-shift entries) 0 while a tool page loads, on a
    phone and on a desktop: the builder's boxes and bar are in the HTML, the audience form keeps
    its room until its script shows it."""
    for viewport in ({"width": 412, "height": 823}, {"width": 1350, "height": 940}):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(f"{site_url}tools/{tool}.html", wait_until="load")
        shift = page.evaluate(CLS)
        context.close()
        assert shift == 0, f"{tool} at {viewport['width']} px: layout shift {shift:.3f}"
