"""The programme's identity on screen (issue 25): the palette in light and dark, with the states axe
cannot see on a page at rest (pointed at, focused); the theme colours from data/identity.yml in the
built stylesheet and on the theme pages; Source Sans 3 self-hosted with its licence and every
Norwegian letter; the owner strip and the footer's contact line; and «Sist oppdatert» on every
page, equal to git's date of the page's source (lmp.model.pages.last_updated), the same on paper.

The browser tests share one Chromium (the session's `browser`) and the session's built site.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, html_pages
from lmp import project, words
from lmp.errors import BuildError
from lmp.generators import programme
from lmp.model import identity, pages
from test_accessibility import axe, describe

DOCS = ROOT / "docs"
FONTS = DOCS / "assets" / "fonts"
NORWEGIAN = "æøåÆØÅéüÉÜ«»–…"


def prefix(lang: str) -> str:
    return "" if lang == project.DEFAULT_LANGUAGE else lang + "/"


def source_of(site: Path, page: Path, lang: str) -> str:
    """The Markdown source (relative to docs/) of a built page: en/themes/theme-1/index.html →
    themes/theme-1/index.en.md."""
    rel = page.relative_to(site).as_posix()
    if lang != project.DEFAULT_LANGUAGE:
        rel = rel[len(lang) + 1:]
    return rel[: -len(".html")] + f".{lang}.md"


class Dates(HTMLParser):
    """The <time datetime> in Material's source-file block, and the footer's links."""

    def __init__(self):
        super().__init__()
        self.dates, self.mailto, self._in = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "aside" and "md-source-file" in (attrs.get("class") or ""):
            self._in = 1
        if tag == "time" and self._in:
            self.dates.append(attrs.get("datetime"))
        if tag == "a" and (attrs.get("href") or "").startswith("mailto:"):
            self.mailto.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "aside":
            self._in = 0


def parsed(path: Path) -> Dates:
    parser = Dates()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- "Last updated": one git pass, the same date as `git log -1`, shown on every page -------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_the_date_git_gives_its_source(site, lang):
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=DOCS,
                             capture_output=True, text=True).stdout.strip()
    assert shallow == "false", ("a shallow clone knows no date for pages last changed before its edge, "
                                "and shows none: test in a full clone (git fetch --unshallow)")
    built = html_pages(site, lang)
    missing, wrong, checked = [], [], 0
    words_before = words.ui(lang)["identity"]["updated"].split("{date}")[0]
    for number, page in enumerate(built):
        dates = parsed(page).dates
        rel = page.relative_to(site).as_posix()
        if len(dates) != 1:
            missing.append(f"{rel}: {len(dates)} dates")
            continue
        if number % 7 == 0:   # a sample against git itself, one process each
            src = source_of(site, page, lang)
            expected = subprocess.run(["git", "log", "-1", "--format=%cs", "--", src], cwd=DOCS,
                                      capture_output=True, text=True, check=True).stdout.strip()
            checked += 1
            if dates[0] != expected:
                wrong.append(f"{rel}: shows {dates[0]}, git log -1 says {expected!r} for docs/{src}")
            assert words_before in page.read_text(encoding="utf-8"), f"{rel}: no «{words_before}»"
    print(f"{lang}: {len(built)} pages have a date; {checked} compared with git log -1")
    assert not missing, "pages without their date:\n" + "\n".join(missing)
    assert not wrong, "\n".join(wrong)
    assert checked >= 3


def test_last_updated_equals_git_log_for_a_spread_of_sources():
    """The one-pass reading (pages.last_updated) against `git log -1 -- file`: every fourth source."""
    sources = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    pages.GIT_DATES.clear()
    for src in sources[::4]:   # git itself, file by file (a process each)
        expected = subprocess.run(["git", "log", "-1", "--format=%cs", "--", src], cwd=DOCS,
                                  capture_output=True, text=True, check=True).stdout.strip()
        got = pages.last_updated(src, DOCS)
        assert (got.isoformat() if got else "") == expected, src


def _git(repo: Path, *args: str, day: str | None = None) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00")
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def test_last_updated_without_git_in_a_shallow_clone_and_for_new_files(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    _git(repo, "init", "-q")
    for day, name in (("2026-01-05", "a.nb.md"), ("2026-02-10", "b.nb.md"), ("2026-03-15", "a.nb.md")):
        (repo / "docs" / name).write_text(day)
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", day, day=day)
    pages.GIT_DATES.clear()
    assert pages.last_updated("a.nb.md", repo / "docs") == dt.date(2026, 3, 15)
    assert pages.last_updated("b.nb.md", repo / "docs") == dt.date(2026, 2, 10)
    (repo / "docs" / "new.nb.md").write_text("not committed")
    assert pages.last_updated("new.nb.md", repo / "docs") is None

    # A shallow clone of the last two commits: b.nb.md was last changed beyond the clone's edge,
    # where git shows every file as added: its date is unknown, not the edge's date.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True,
                   capture_output=True)
    pages.GIT_DATES.clear()
    assert pages.last_updated("a.nb.md", clone / "docs") == dt.date(2026, 3, 15)
    assert pages.last_updated("b.nb.md", clone / "docs") is None

    # A copy without .git, and a machine without git: no date at all.
    plain = tmp_path / "plain" / "docs"
    plain.mkdir(parents=True)
    (plain / "a.nb.md").write_text("x")
    pages.GIT_DATES.clear()
    assert pages.last_updated("a.nb.md", plain) is None
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    pages.GIT_DATES.clear()
    assert pages.last_updated("a.nb.md", repo / "docs") is None
    pages.GIT_DATES.clear()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handouts_cover_gives_the_date_of_the_web_page(site, pdfs, lang):
    """The printed version's date line (lmp/print/handouts.py) comes from the same function."""
    from test_handouts import handout_pdf, squash
    day = pages.last_updated(f"themes/theme-1/index.{lang}.md", DOCS)
    assert day is not None
    web = parsed(site / f"{prefix(lang)}themes/theme-1/index.html").dates
    assert web == [day.isoformat()]
    cover = squash(pdfs[handout_pdf(site, lang, "theme-1")].text[0])
    assert programme.date_range(day, day, lang) in cover, cover


# --- The typeface: self-hosted, licensed, every Norwegian letter ---------------------------------

def test_the_typeface_files_and_licence_ship_and_are_named_as_in_the_data(site):
    face = identity.load().typeface
    css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    families = set(re.findall(r'font-family:\s*"([^"]+)"', css))
    assert families == {face}, f"fonts.css names {families}, data/identity.yml says {face!r}"
    files = re.findall(r'url\("([^"]+)"\)', css)
    for weight in (400, 600, 700):
        for style in ("normal", "italic"):
            for subset in ("latin", "latin-ext"):
                assert f"source-sans-3-{subset}-{weight}-{style}.woff2" in files
    for name in files:
        built = site / "assets" / "fonts" / name
        assert built.is_file() and built.read_bytes()[:4] == b"wOF2", f"{name} is not a woff2 file in the site"
    bundled = re.findall(r'url\("([^"]+)"\)', (site / "assets" / "stylesheets" / "lmp.css").read_text(encoding="utf-8"))
    assert sorted(bundled) == sorted(f"../fonts/{name}" for name in files), bundled   # rebased to the bundle's folder
    licence = (site / "assets" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"]["font"] == "false", "Material would load its font from Google"
    for page in html_pages(site, "nb")[:5]:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert "assets/stylesheets/lmp.css" in html   # fonts.css inside the one stylesheet (lmp/deploy/stylesheet.py)
        # No font preload: under file:// (the offline copy) a crossorigin preload fails to load.
        assert not re.findall(r'<link rel="preload" href="[^"]+" as="font"', html), page
    # No swap: a face that comes after the first paint would move the page (tests/test_tools.py shift).
    displays = set(re.findall(r"font-display:\s*([a-z]+)", css))
    assert displays == {"optional"}, f"fonts.css font-display {displays}: a late swap shifts the layout"


# --- Theme colours: one source, in the built stylesheet and on the theme pages -----------------

def test_the_theme_colours_are_written_once_and_reach_the_built_stylesheet(site):
    data = identity.load()
    built = (site / "assets" / "stylesheets" / "lmp.css").read_text(encoding="utf-8")   # identity-data.css in it
    for theme, colour in data.themes.items():
        assert f"--lmp-{theme}: {colour};" in built
    # No second copy of a theme's colour in any stylesheet the site or paper ships by hand.
    hand_written = list((DOCS / "assets").rglob("*.css")) + list((ROOT / "print").glob("*.css"))
    for path in hand_written:
        text = path.read_text(encoding="utf-8").lower()
        copies = [c for c in data.themes.values() if c.lower() in text]
        assert not copies, f"{path.relative_to(ROOT)} repeats {copies}: use var(--lmp-theme-N) (data/identity.yml)"


def test_every_theme_page_has_its_band(site):
    for lang in LANGUAGES:
        for theme in pages.THEMES:
            html = (site / f"{prefix(lang)}themes/{theme}/index.html").read_text(encoding="utf-8")
            assert re.search(rf'<p class="lmp-theme-band lmp-{theme} lmp-web-only">[^<]+</p>\s*<h1', html), \
                f"{prefix(lang)}themes/{theme}: no band in the theme's colour before the title"


def test_identity_data_faults_name_the_file(tmp_path):
    good = yaml.safe_load((ROOT / "data" / "identity.yml").read_text(encoding="utf-8"))
    for change, message in ((lambda d: d["themes"].update({"theme-2": "#F6B28F"}), "below 4.5:1"),
                            (lambda d: d["themes"].update({"theme-3": "blue"}), "not a #rrggbb"),
                            (lambda d: d["contact"].pop("email"), "contact.email is missing")):
        data = yaml.safe_load(yaml.safe_dump(good))
        change(data)
        path = tmp_path / "identity.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        with pytest.raises(BuildError, match=re.escape(message)) as raised:
            identity.load(path)
        assert "data/identity.yml" in str(raised.value)


def test_the_footer_contact_is_the_about_pages(site):
    contact = identity.load().contact
    for lang in LANGUAGES:
        about = (DOCS / "about" / f"index.{lang}.md").read_text(encoding="utf-8")
        section = about.split("{ #contact }", 1)[1]
        assert contact["email"] in section and contact["phone"] in section, \
            f"docs/about/index.{lang}.md#contact and data/identity.yml give different contact details"
        for page in html_pages(site, lang)[::9]:
            assert f"mailto:{contact['email']}" in parsed(page).mailto, page


# --- In the browser: palette states, theme band, font, headings, owner strip ----------------------

# Elements whose colours change when pointed at or focused: a link in the text, the tabs, the
# navigation, the table of contents, a button, the previous/next links and the footer's links.
PROBES = ["article.md-content__inner p a[href]", ".md-tabs__link", ".md-nav--primary .md-nav__link[href]",
          ".md-nav--secondary .md-nav__link", ".md-typeset .md-button", ".md-footer__link",
          ".lmp-footer a"]
MARK = """(selectors) => selectors.filter(selector => {
  const e = [...document.querySelectorAll(selector)].find(
    e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
  if (e) e.setAttribute('data-lmp-probe', '');
  return !e;
})"""


def force_state(page, state: str) -> None:
    """Every marked element pointed at (or focused) at once: Chromium's forced pseudo-classes."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-lmp-probe]"})["nodeIds"]:
        cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": [state]})
    page.wait_for_timeout(300)   # Material's colour transitions (.25 s)


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_palette_identity_and_states_in_the_browser(site_url, browser, scheme):
    data = identity.load()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    problems = []
    try:
        page.goto(site_url + "themes/theme-4/index.html")
        assert page.locator(".lmp-theme-band.lmp-theme-4").count() == 1, "theme-4: no band"
        assert page.locator(".lmp-theme-band + h1").evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
        # Each theme's band takes its colour from data/identity.yml (through identity-data.css).
        shown = page.evaluate("""(themes) => themes.map(theme => {
            const band = document.createElement('p');
            band.className = `lmp-theme-band lmp-${theme}`;
            document.querySelector('article').prepend(band);
            const colour = getComputedStyle(band).backgroundColor;
            band.remove();
            return colour; })""", list(data.themes))
        assert shown == [_rgb(c) for c in data.themes.values()], shown
        # The page's title reads as a heading: bold, not Material's light grey.
        h1 = page.locator("article h1").first.evaluate(
            "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).color]")
        assert int(h1[0]) >= 600, h1
        assert h1[1] not in ("rgba(0, 0, 0, 0.54)",), h1
        # Source Sans 3 is the text's font, loaded from this site, with every Norwegian letter.
        family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
        assert family.startswith(f'"{data.typeface}"'), family
        loaded = page.evaluate(f"document.fonts.load('16px \"{data.typeface}\"', '{NORWEGIAN}')"
                               ".then(faces => faces.map(f => f.status))")
        assert loaded and set(loaded) == {"loaded"}, loaded
        # font-display: optional: a face that misses the first paint is used from the next page on,
        # as a reader's second page (fonts.css; no swap that would move the page)
        page.reload()
        page.evaluate("document.fonts.ready.then(() => true)")
        # A letter the face lacks would be drawn by the fallback: same width as in monospace.
        fallbacks = page.evaluate("""([face, letters]) => {
            const c = document.createElement('canvas').getContext('2d'), odd = [];
            for (const ch of letters) {
              c.font = `40px "${face}", monospace`; const a = c.measureText(ch).width;
              c.font = '40px monospace'; const b = c.measureText(ch).width;
              if (Math.abs(a - b) < 0.01) odd.push(ch);
            }
            return odd; }""", [data.typeface, NORWEGIAN])
        assert not fallbacks, f"letters drawn by the fallback font: {fallbacks}"
        # The owner strip says who owns and runs the programme.
        strip = page.locator(".md-banner").inner_text()
        assert "Utdanningsdirektoratet" in strip and "Læringsmiljøsenteret" in strip, strip
        # The palette in the states axe does not see at rest: pointed at, focused (keyboard).
        absent = page.evaluate(MARK, PROBES)
        assert not absent, f"not on the page: {absent}"
        for state in ("hover", "focus"):   # Material styles :focus and :hover alike (and :focus-visible as :focus)
            force_state(page, state)
            problems += describe(f"theme-4 [{scheme}, {state}]", axe(page, ["color-contrast"], "[data-lmp-probe]"))
    finally:
        context.close()
    assert not problems, "contrast below AA:\n" + "\n".join(problems)
