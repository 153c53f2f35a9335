"""The public address: one setting (SITE_URL), used everywhere when set, and no development
address (127.0.0.1, localhost) in anything a build without it publishes."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import ADDRESS, ROOT, assert_reported, fault_injector
from pdfs import Pdf, Pdfs

from lmp import project as lmp_project
from lmp.print import short_links

TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".svg", ".ics", ".txt", ".webmanifest"}


def pdf_strings(pdf: Pdf) -> list[str]:
    """The text of every page and the target of every link annotation of a PDF."""
    found = []
    for text, annotations in zip(pdf.text, pdf.annotations):
        found.append(text)
        found += [a.uri or "" for a in annotations if a.action]
    return found


def docx_strings(path: Path) -> list[str]:
    """Paragraphs, table cells, headers/footers and hyperlink targets of a .docx."""
    import docx
    document, found = docx.Document(path), []
    found += [p.text for p in document.paragraphs]
    found += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        found += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    found += [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    return found


def pptx_strings(path: Path) -> list[str]:
    """The text of every slide and of its speaker notes in a slide deck."""
    from pptx import Presentation
    found = []
    for slide in Presentation(str(path)).slides:
        found += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        found.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    return found


def published_strings(path: Path, pdfs: Pdfs | None = None) -> list[str] | None:
    if path.suffix == ".pdf":
        return pdf_strings((pdfs or Pdfs())[path])
    if path.suffix == ".docx":
        return docx_strings(path)
    if path.suffix == ".pptx":
        return pptx_strings(path)
    if path.suffix in TEXT_SUFFIXES:
        return [path.read_text(encoding="utf-8", errors="replace")]
    if path.suffix == ".gz":
        import gzip
        return [gzip.decompress(path.read_bytes()).decode("utf-8", "replace")]
    return None  # images, fonts: no addresses in them


def dev_addresses(site: Path, pdfs: Pdfs | None = None) -> tuple[int, list[str]]:
    scanned, found = 0, []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        strings = published_strings(path, pdfs)
        if strings is None:
            continue
        scanned += 1
        for text in strings:
            for match in lmp_project.DEV_ADDRESS.finditer(text):
                start = max(0, match.start() - 40)
                found.append(f"{path.relative_to(site)}: …{text[start:match.end() + 40]}…")
    return scanned, found


def test_a_build_without_the_address_names_no_development_address(site, pdfs):
    scanned, found = dev_addresses(site, pdfs)
    kinds = {p.suffix for p in site.rglob("*") if p.is_file()}
    assert {".html", ".pdf", ".docx", ".pptx", ".ics", ".xml", ".js", ".json"} <= kinds, kinds
    assert scanned > 120, f"only {scanned} files scanned"
    print(f"scanned {scanned} files for a development address")
    assert not found, f"{len(found)} development addresses:\n" + "\n".join(found[:20])


def test_a_build_without_the_address_prints_no_site_address(site, pdfs):
    """No canonical/hreflang links, an empty sitemap, no Sitemap line, no site links in PDFs."""
    page = (site / "roles" / "ppt.html").read_text(encoding="utf-8")
    head = BeautifulSoup(page, "lxml").head
    assert not head.find("link", rel="canonical")
    assert not head.find("link", hreflang=True)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.startswith("<?xml") and "<url>" not in sitemap
    assert "Sitemap:" not in (site / "robots.txt").read_text(encoding="utf-8")
    for pdf in site.rglob("*.pdf"):
        for uri in pdfs[pdf].uris:   # the link annotations: no text extraction needed
            assert not uri.startswith("file:"), f"{pdf.relative_to(site)}: link into the temp file {uri}"


def test_the_address_is_used_in_canonical_links_and_hreflang_is_in_the_sitemap(address_site):
    """Each page's head has its canonical address and no hreflang links: Material's script would
    fetch sitemap.xml next to each (overrides/base.html); the sitemap carries them instead."""
    pages = [p for p in address_site.rglob("*.html") if p.name != "404.html"
             and p.relative_to(address_site).parts[0] != short_links.FOLDER]   # forwarding pages, not pages
    assert len(pages) > 80
    for path in pages:
        relative = path.relative_to(address_site).as_posix()
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").head
        assert head.find("link", rel="canonical")["href"] == ADDRESS + relative, relative
        assert not head.find_all("link", rel="alternate"), relative


def test_the_sitemap_lists_every_page_absolute_with_alternates(address_site):
    from lxml import etree
    tree = etree.parse(str(address_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    pages = {p.relative_to(address_site).as_posix() for p in address_site.rglob("*.html")
             if p.name != "404.html" and p.relative_to(address_site).parts[0] != short_links.FOLDER}
    assert {loc[len(ADDRESS):] for loc in locs} == pages
    for url in tree.xpath("//s:url", namespaces=ns):
        loc = url.xpath("s:loc/text()", namespaces=ns)[0]
        alternates = dict(zip(url.xpath("x:link/@hreflang", namespaces=ns), url.xpath("x:link/@href", namespaces=ns)))
        assert sorted(alternates) == sorted([*lmp_project.LANGUAGES, "x-default"]), loc
        assert loc in alternates.values(), loc
        # x-default is the default language's (bokmål) page for every language's entry
        assert alternates["x-default"] == alternates[lmp_project.DEFAULT_LANGUAGE], loc
        for href in alternates.values():
            assert (address_site / href[len(ADDRESS):]).is_file(), href
    robots = (address_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {ADDRESS}sitemap.xml" in robots.splitlines()
    scanned, found = dev_addresses(address_site)
    assert not found, found[:10]


def test_pdf_links_use_the_address_or_are_plain_text(browser, tmp_path):
    """With SITE_URL, mkdocs-exporter makes site links absolute on it; without, they are text."""
    from lmp.print import handouts
    from lmp.print import paper_links
    from mkdocs_exporter.formats.pdf.preprocessor import Preprocessor

    html = ('<html><body><a href="../roles/ppt.html#duties">PPT</a><a href="#top">top</a>'
            '<a href="https://lovdata.no/x">law</a><a href="mailto:a@uis.no">mail</a></body></html>')
    # As the build prints: the printed HTML marks mailto: (handouts._finish), the exporter rewrites
    # the links, the print puts the marked ones back (lmp_mkdocs/exporter.py `_print`).
    marked = BeautifulSoup(html, "lxml")
    paper_links.keep_other_schemes(marked)
    preprocessor = Preprocessor()
    preprocessor.preprocess(str(marked))
    preprocessor.rewrite_links("/laringsmiljo/themes/theme-1/index.html", ADDRESS)
    exported = paper_links.restore_other_schemes(str(preprocessor.html))
    hrefs = [a["href"] for a in BeautifulSoup(exported, "lxml").find_all("a")]
    assert hrefs[:2] == [ADDRESS + "themes/roles/ppt.html#duties", "#top"], hrefs
    assert hrefs[2:] == ["https://lovdata.no/x", "mailto:a@uis.no"]

    # The printed HTML as lmp/print/handouts.py finishes it: site links left alone with an address
    # (the exporter makes them absolute), plain text without.
    printed = {}
    for address in (ADDRESS, None):
        soup = BeautifulSoup(html.replace("<html>", "<html><head><title></title></head>"), "lxml")
        printed[address] = handouts._finish(soup, "T", None, "nb", SimpleNamespace(public_address=address))
    hrefs = [a["href"] for a in BeautifulSoup(printed[ADDRESS], "lxml").find_all("a")]
    assert hrefs == ["../roles/ppt.html#duties", "#top", "https://lovdata.no/x", "mailto:a@uis.no"]
    soup = BeautifulSoup(printed[None], "lxml")
    assert [a["href"] for a in soup.find_all("a")] == ["#top", "https://lovdata.no/x", "mailto:a@uis.no"]
    assert soup.find("span").get_text() == "PPT"

    # And printed by Chromium, as the build prints: the link annotations of a small PDF.
    for address, printed_html in ((ADDRESS, exported), (None, printed[None])):
        page = browser.new_page()
        page.set_content(printed_html)
        pdf = tmp_path / "links.pdf"
        pdf.write_bytes(page.pdf())
        page.close()
        uris = [u for u in Pdf(pdf).uris if u]   # this file is written twice: not the run's cache
        site_links = [ADDRESS + "themes/roles/ppt.html#duties"] if address else []
        assert uris == site_links + ["https://lovdata.no/x", "mailto:a@uis.no"], uris


@pytest.mark.parametrize("address", [ADDRESS, None])
def test_handout_back_page_prints_the_address_or_nothing(address):
    from lmp.print import handouts
    from lmp.print import paper_links
    site = SimpleNamespace(public_address=address)
    page = SimpleNamespace(dest_uri="themes/theme-1/index.html")
    printed = paper_links._back_addresses(site, page, "nb")
    if address:
        assert f'href="{ADDRESS}themes/theme-1/index.html"' in printed
        assert f'href="{ADDRESS}en/themes/theme-1/index.html"' in printed
    else:
        assert printed == ""


@fault_injector("published_address")
def inject_development_address(project: Path) -> dict[str, str]:
    """A development address typed into a page: in the combined fault build (a content check)."""
    page = project / "docs" / "about" / "organisation.nb.md"
    before = page.read_text(encoding="utf-8")
    page.write_text(before + "\nSe <http://127.0.0.1:8000/roles/ppt.html>.\n", encoding="utf-8")
    line = len((before + "\nSe").splitlines())
    return {f"docs/about/organisation.nb.md:{line}": "development address '127.0.0.1'"}


def test_a_hard_coded_development_address_fails_the_build(combined_faults):
    expected, result, _, _ = combined_faults["published_address"]
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)