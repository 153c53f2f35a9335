"""Every link in the built site resolves: pages, #anchors, the language switcher, PDF links,
and the links inside the PDFs. External addresses are checked for form here (no network);
`make links-online` asks them on the web.

MkDocs' own validation (mkdocs.yml, strict) already fails the build on a broken Markdown link;
this test covers what it cannot see: raw HTML, template links, buttons, the switcher, PDFs.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT
from lmp import project

sys_path = str(ROOT / "scripts")
import sys  # noqa: E402

sys.path.insert(0, sys_path)
import check_external_links as external  # noqa: E402



class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")):
                self.links.append(attrs[key])


@lru_cache(maxsize=None)
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def problem(site: Path, source: Path, target: str) -> str | None:
    """Why `target`, linked from `source`, does not resolve inside the built site (None if it does)."""
    url = urlparse(target)
    if url.scheme or target.startswith(("//", "data:", "mailto:", "tel:", "javascript:")):
        return None
    path = (source.parent / unquote(url.path)).resolve() if url.path else source
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    if not path.exists():
        return "no such file"
    if not path.resolve().is_relative_to(site.resolve()):
        return "outside the site"
    if url.fragment and path.suffix == ".html" and unquote(url.fragment) not in parse(path).ids:
        return f"no #{url.fragment} in {path.relative_to(site)}"
    return None


def test_every_internal_link_and_anchor_resolves(site):
    broken, checked = [], 0
    # 404.html is the exception: the web server shows it at any address, so its links are
    # root-absolute (built from site_url) and it is not a page a reader navigates to.
    for source in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):
        for target in parse(source).links:
            checked += 1
            reason = problem(site, source, target)
            if reason:
                broken.append(f"{source.relative_to(site)} → {target}: {reason}")
    assert checked > 1000, f"only {checked} links were checked"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])


def built_pdfs(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.pdf"))
    assert found, "no PDFs were built"
    return found


def test_links_inside_the_pdfs_resolve(site, pdfs):
    """The session build has no public address, so its PDFs link only to other hosts and mail
    addresses: links to the site's pages are printed as text (lmp_mkdocs/exporter.py). How PDF links
    use the address when it is set: tests/test_published_address.py. The links are those that
    `make links-online` asks (scripts/check_external_links.py `pdf_links`, annotations only)."""
    broken, checked = [], 0
    for pdf in built_pdfs(site):
        uris = external.pdf_links(pdf)
        assert uris == [uri for uri in pdfs[pdf].uris if uri], f"{pdf.relative_to(site)}: the online check reads other links"
        for uri in uris:
            checked += 1
            if external.is_external(uri):
                continue
            if uri.startswith("mailto:"):
                if not re.fullmatch(r"mailto:[^@\s]+@[\w.-]+\.[a-z]{2,}", uri):
                    broken.append(f"{pdf.relative_to(site)}: malformed address {uri}")
                continue
            broken.append(f"{pdf.relative_to(site)}: {uri} is neither external nor a mail address "
                          "(without SITE_URL a PDF has no address of the site to link to)")
    assert checked > 0, "the PDFs hold no links"
    assert not broken, "\n".join(broken[:30])


@pytest.mark.parametrize("lang", project.LANGUAGES)
def test_each_pdf_is_in_its_pages_language(site, pdfs, lang):
    """The PDF next to an English page is English (exporter bugs #44/#60 mix them up)."""
    prefix = "" if lang == project.DEFAULT_LANGUAGE else f"{lang}/"
    theirs = [p for p in built_pdfs(site) if p.relative_to(site).as_posix().startswith(prefix)
              and (prefix or p.relative_to(site).parts[0] not in project.LANGUAGES)]
    assert theirs, f"no {lang} PDFs"
    for pdf in theirs:
        declared = str(pdfs[pdf].reader.trailer["/Root"].get("/Lang", ""))
        assert declared.lower().startswith(lang), f"{pdf.relative_to(site)}: /Lang is {declared!r}"


LOVDATA = re.compile(r"^https://lovdata\.no/dokument/(NL|SF)/(lov|forskrift)/\d{4}-\d{2}-\d{2}-\d+"
                     r"(/(%C2%A7[0-9a-z-]+|bkn%2FARTIKKEL_\d+))?$")


def test_external_addresses_are_well_formed(site, pdfs, monkeypatch):
    # The PDFs' links from the run's cache (the same links: test_links_inside_the_pdfs_resolve).
    monkeypatch.setattr(external, "pdf_links", lambda path: [uri for uri in pdfs[path].uris if uri])
    links = external.collect(site)
    assert links, "no external links found"
    bad = []
    for url, sources in links.items():
        parsed = urlparse(url)
        if parsed.scheme != "https" or "." not in (parsed.hostname or "") or " " in url:
            bad.append(f"{url} (from {sorted(sources)[0]})")
        elif parsed.hostname == "lovdata.no" and not LOVDATA.match(url):
            bad.append(f"{url}: not a Lovdata act/section address (from {sorted(sources)[0]})")
    assert not bad, "malformed external addresses:\n" + "\n".join(bad)


def test_online_check_reports_what_it_cannot_reach():
    """The online checker never passes silently without a network: an unreachable address fails."""
    failures = external.check_all(["http://127.0.0.1:9/nothing-listens-here"])
    assert list(failures.values())[0].startswith("unreachable")


def test_online_check_reads_links_in_calendars_and_word_files(tmp_path):
    """The online check also collects the addresses inside .ics and .docx files."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from icalendar import Calendar, Event

    calendar, event = Calendar(), Event()
    event.add("summary", "Samling")
    event.add("url", "https://www.udir.no/a")
    event.add("description", "Les mer: https://lovdata.no/dokument/NL/lov/2005-06-17-64 .")
    calendar.add_component(event)
    (tmp_path / "c.ics").write_bytes(calendar.to_ical())
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.part.relate_to("https://www.uis.no/b", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    document.save(tmp_path / "t.docx")
    (tmp_path / "p.html").write_text('<a href="https://example.org/c">c</a><a href="x.html">x</a>')

    found = external.collect(tmp_path)
    assert set(found) == {"https://www.udir.no/a", "https://lovdata.no/dokument/NL/lov/2005-06-17-64",
                          "https://www.uis.no/b", "https://example.org/c"}
    assert found["https://www.uis.no/b"] == {"t.docx"}
