"""The author loop's savings keep the output: with PDFs off mkdocs-exporter's HTML post-processing
runs on no page (lmp_mkdocs/exporter.py `_only_on_pdf_pages`); with PDFs on, only on printed pages."""
from __future__ import annotations

from types import SimpleNamespace

from lmp_mkdocs import exporter as lmp_exporter


class Exporter:
    def __init__(self):
        self.seen = []

    def _on_post_page_2(self, html, page, **kwargs):
        self.seen.append(page.name)
        return html + "<!-- re-serialised -->"


def handler(pdf_on: bool):
    exporter = Exporter()
    plugins = SimpleNamespace(events={"post_page": [exporter._on_post_page_2]})
    lmp_exporter._only_on_pdf_pages(plugins, exporter, pdf_on=pdf_on)
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


# The author is never stuck: under `make serve` (mkdocs serve --no-strict) a content problem is
# logged and shown on its page, and the preview goes on serving the new text; a strict build
# (make build, make test) stops before rendering with every problem in one message
# (lmp_mkdocs/start.py; the combined fault build in conftest.py proves the strict side).

import re  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

import pytest  # noqa: E402

from conftest import ENV, copy_project  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _served(url: str, must_contain: str, server, seconds: float = 180) -> str:
    """The page at `url` once it contains `must_contain` (the preview rebuilds after a save)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped:\n" + server.stdout.read()[-3000:]
        try:
            html = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if must_contain in html:
                return html
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {must_contain!r} within {seconds} s")


@pytest.mark.full
def test_under_serve_a_content_problem_is_shown_and_the_new_text_is_served(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "about" / "index.nb.md"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**ENV, "PDF": "false"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    try:
        url = f"http://127.0.0.1:{port}/about/index.html"
        _served(url, "<article", server)
        # An author saves a sentence with a word the language check does not know.
        lines = page.read_text(encoding="utf-8").splitlines()
        page.write_text("\n".join(lines) + "\n\nEt nytt avsnitt om xyzzyordet.\n", encoding="utf-8")
        html = _served(url, "xyzzyordet", server)
        box = re.search(r'<div class="admonition danger lmp-preview-problems".*?</div>', html, re.S)
        assert box, "the preview shows no box with the page's problems"
        assert f"docs/about/index.nb.md:{len(lines) + 2}" in box.group(0) and "xyzzyordet" in box.group(0)
        assert "Et nytt avsnitt om xyzzyordet." in html, "the new text is not served"
        # A page without a problem of its own has no box.
        other = urllib.request.urlopen(f"http://127.0.0.1:{port}/roles/ppt.html", timeout=5).read().decode()
        assert "lmp-preview-problems" not in other
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert re.search(rf"WARNING\s+-\s+docs/about/index\.nb\.md:{len(lines) + 2}: 'xyzzyordet'", output), output[-3000:]
