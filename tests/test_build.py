"""The built site: both languages, every page in its own language, the switcher, no third parties.

Read from the build without PDFs (`html_site`): a PDF build differs from it only in the PDF
download links of the theme and handbook pages and in the handouts table, which hold none of the
tags checked here (<html lang>, <link rel=alternate>, the switcher, ¶ titles, admonition titles,
resources from other hosts)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, ROOT, html_pages
from lmp import project
from lmp import words as lmp_words
from lmp.model import site as model


class Tags(HTMLParser):
    """Collects start tags as (tag, attrs dict) and the text of <style> elements."""

    def __init__(self):
        super().__init__()
        self.tags, self.styles, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def source_keys(lang: str) -> set[str]:
    return {page.key for page in model.iter_pages(ROOT / "docs") if page.lang == lang}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_page_is_built_in_its_language(html_site, lang):
    pages = html_pages(html_site, lang)
    prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
    built = {p.relative_to(html_site).as_posix()[len(prefix):-len(".html")] for p in pages}
    for key in source_keys(lang):
        assert key in built, f"docs/{key}.{lang}.md was not built to {prefix}{key}.html"
    assert len(pages) >= 20, f"only {len(pages)} {lang} pages were built"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_and_hreflang_alternates(html_site, lang):
    for path in html_pages(html_site, lang):
        tags = parse(path).tags
        html = next(attrs for tag, attrs in tags if tag == "html")
        assert html.get("lang") == lang, f"{path.relative_to(html_site)}: <html lang={html.get('lang')!r}>"
        alternates = {a.get("hreflang") for t, a in tags if t == "link" and a.get("rel") == "alternate"}
        # Absolute hreflang links need the public address, which the session build has not
        # (tests/test_published_address.py checks them in the build with SITE_URL).
        assert not alternates, f"{path.relative_to(html_site)}: hreflang links without SITE_URL: {alternates}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_goes_to_the_same_page(html_site, lang):
    for path in html_pages(html_site, lang):
        rel = path.relative_to(html_site).as_posix()
        key = rel if lang == project.DEFAULT_LANGUAGE else rel[len(lang) + 1:]
        links = {a["hreflang"]: a["href"] for t, a in parse(path).tags
                 if t == "a" and "lmp-lang__link" in a.get("class", "") and "hreflang" in a}
        assert set(links) == set(LANGUAGES), f"{rel}: switcher offers {sorted(links)}"
        for other, href in links.items():
            target = (path.parent / href).resolve()
            expected = html_site / (key if other == project.DEFAULT_LANGUAGE else f"{other}/{key}")
            assert target == expected.resolve(), f"{rel}: switcher to {other} goes to {href}"


UI = {"nb": {"search": "Søk", "skip": "Gå til innhold"}, "en": {"search": "Search", "skip": "Skip to content"},
      "nn": {"search": "Søk", "skip": "Gå til innhald"}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_ui_speaks_the_page_language(html_site, lang):
    home = html_site / ("index.html" if lang == project.DEFAULT_LANGUAGE else f"{lang}/index.html")
    text = home.read_text(encoding="utf-8")
    assert f'placeholder="{UI[lang]["search"]}"' in text
    assert UI[lang]["skip"] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_links_are_titled_in_the_page_language(html_site, lang):
    """lmp/generators/permalinks.py: the ¶ beside every heading has the title of data/ui.<lang>.yml."""
    expected = lmp_words.ui(lang)["headings"]["permalink"]
    titles = set()
    for page in html_pages(html_site, lang):
        titles |= set(re.findall(r'class="headerlink" href="#[^"]*" title="([^"]*)"', page.read_text(encoding="utf-8")))
    assert titles == {expected}


ADMONITION_WORDS = {"nb": {"Merk", "Tips", "Advarsel", "Eksempel"}, "en": {"Note", "Tip", "Warning", "Example"},
                    "nn": {"Merk", "Tips", "Åtvaring", "Døme"}}


def test_admonition_titles_are_translated(html_site):
    """An untitled `!!! note` says 'Merk' on nb and nn pages and 'Note' on en pages: no page shows
    another language's default titles."""
    assert set(ADMONITION_WORDS) == set(LANGUAGES)
    for lang in LANGUAGES:
        titles = set()
        for path in html_pages(html_site, lang):
            titles |= set(re.findall(r'<p class="admonition-title">([^<]*)</p>', path.read_text("utf-8")))
        assert titles, f"no admonitions in {lang}"
        foreign = set().union(*(words for other, words in ADMONITION_WORDS.items() if other != lang))
        assert not (foreign - ADMONITION_WORDS[lang]) & titles, (lang, titles)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]([^'"]+)""")


def third_party(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.hostname not in ("127.0.0.1", "localhost") or url.startswith("//")


def test_no_third_party_host_is_referenced(html_site):
    """No <script>, <link>, <img>, <iframe>, CSS url() or @import points at another host."""
    offenders = []
    for path in html_site.rglob("*.html"):
        parsed = parse(path)
        for tag, attrs in parsed.tags:
            url = {"script": attrs.get("src"), "img": attrs.get("src"), "iframe": attrs.get("src"),
                   "source": attrs.get("src"), "link": attrs.get("href")}.get(tag)
            if tag == "link" and attrs.get("rel") in ("alternate", "canonical"):
                continue  # the site's own address, not a resource the browser loads
            if url and third_party(url):
                offenders.append(f"{path.relative_to(html_site)}: <{tag}> {url}")
        for style in parsed.styles:
            offenders += [f"{path.relative_to(html_site)}: {m}" for m in CSS_URL.findall(style) if third_party(m[0] or m[1])]
    for path in html_site.rglob("*.css"):
        for match in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            if third_party(match[0] or match[1]):
                offenders.append(f"{path.relative_to(html_site)}: {match[0] or match[1]}")
    assert not offenders, "third-party references:\n" + "\n".join(offenders[:20])


# Published for a reason other than a page naming them: licences, the crawler files, and the
# search index stub Material's page script asks for by a built-in name.
NAMED_ELSEWHERE = {"LICENSE.txt", "robots.txt", "sitemap.xml", "sitemap.xml.gz", "search_index.json",
                   "search_index.js"}
DOCUMENTS = (".html", ".pdf", ".docx", ".ics")


def test_every_published_file_is_used(html_site):
    """No file in the site that no page, stylesheet or script names (Material's lunr languages,
    its own search worker and default favicon, lunr's sources after the workers embed them)."""
    files = [p for p in html_site.rglob("*") if p.is_file()]
    texts = "\n".join(p.read_text("utf-8", errors="ignore") for p in files
                      if p.suffix in (".html", ".css", ".js", ".svg", ".json"))
    unused = [p.relative_to(html_site).as_posix() for p in files
              if p.suffix not in DOCUMENTS and p.name not in NAMED_ELSEWHERE and p.name not in texts]
    assert not unused, f"published but named by no page, stylesheet or script: {unused}"
    for gone in ("assets/images/favicon.png", "assets/vendor/lunr/lunr.min.js", "assets/javascripts/lunr"):
        assert not (html_site / gone).exists(), gone
    assert not list(html_site.glob("assets/javascripts/workers/*")), "Material's search worker"


def test_the_sites_stylesheets_are_one_file_in_their_order(html_site, tmp_path):
    """lmp/deploy/stylesheet.py: every page links one stylesheet of ours (each blocks the first
    paint), made of mkdocs.yml's extra.stylesheets in their order, relative url()s rebased; the
    parts are not published; a part that does not exist stops the build naming mkdocs.yml."""
    import yaml
    from lmp.deploy import stylesheet
    from lmp.errors import BuildError
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    parts = config["extra"]["stylesheets"]
    assert config["extra_css"] == [stylesheet.BUNDLE]
    built = (html_site / stylesheet.BUNDLE).read_text(encoding="utf-8")
    positions = [built.index(f"/* ---- {part} ---- */") for part in parts]
    assert positions == sorted(positions)
    assert not [part for part in parts if (html_site / part).exists()], "a part published on its own"
    page = (html_site / "themes" / "theme-2" / "index.html").read_text(encoding="utf-8")
    own = [href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) if "/assets/stylesheets/main." not in href
           and "/assets/stylesheets/palette." not in href]
    assert own == ["../../assets/stylesheets/lmp.css"], own
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "assets" / "fonts" / "f.css").write_text('@font-face { src: url("a.woff2"), url(data:x) }', "utf-8")
    css = stylesheet.bundle(tmp_path, ["assets/fonts/f.css", "assets/x.css"], {"assets/x.css": "a { b: url('/y') }"})
    assert 'url("../fonts/a.woff2")' in css and "url(data:x)" in css and "url('/y')" in css
    with pytest.raises(BuildError, match="mkdocs.yml: extra.stylesheets names assets/none.css"):
        stylesheet.bundle(tmp_path, ["assets/none.css"], {})
