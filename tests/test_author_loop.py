"""The author loop's savings keep the output: with PDFs off mkdocs-exporter's HTML post-processing
runs on no page (hooks/pdf_export.py `_only_on_pdf_pages`); with PDFs on, only on printed pages."""
from __future__ import annotations

from types import SimpleNamespace

import pdf_export  # hooks/ is on sys.path (conftest)


class Exporter:
    def __init__(self):
        self.seen = []

    def _on_post_page_2(self, html, page, **kwargs):
        self.seen.append(page.name)
        return html + "<!-- re-serialised -->"


def handler(pdf_on: bool):
    exporter = Exporter()
    plugins = SimpleNamespace(events={"post_page": [exporter._on_post_page_2]})
    pdf_export._only_on_pdf_pages(plugins, exporter, pdf_on=pdf_on)
    return plugins.events["post_page"][0], exporter


def page(name: str, printed: bool):
    return SimpleNamespace(name=name, meta={"pdf": True} if printed else {})


def test_with_pdfs_off_the_exporter_sees_no_page():
    run, exporter = handler(pdf_on=False)
    assert run("<p>x</p>", page=page("theme-1", printed=True)) == "<p>x</p>"
    assert exporter.seen == []


def test_with_pdfs_on_it_sees_the_printed_pages_only():
    run, exporter = handler(pdf_on=True)
    assert run("<p>x</p>", page=page("theme-1", printed=True)) == "<p>x</p><!-- re-serialised -->"
    assert run("<p>y</p>", page=page("about", printed=False)) == "<p>y</p>"
    assert exporter.seen == ["theme-1"]
