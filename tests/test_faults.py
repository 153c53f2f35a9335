"""Bad input fails loudly: each fault is injected into a throw-away copy of the project, and the
build must fail with a message that names the file (and line where there is one), while the
author's files stay exactly as they were. Content faults join the one combined fault build
(conftest.py `combined_faults`), which stops before rendering; the link faults MkDocs finds while
rendering join the render-stage fault build; the PDF step's faults stop the build before any page
is rendered."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import fault_injector, mkdocs_build


def snapshot(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(docs.rglob("*")) if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def build_fails(project: Path, pdf: bool = False, env: dict | None = None) -> str:
    """Build the copy; assert it failed and left docs/ untouched; return what it printed."""
    before = snapshot(project / "docs")
    result = mkdocs_build(project, project / "site", pdf=pdf, env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed although it should have failed:\n" + output[-3000:]
    assert snapshot(project / "docs") == before, "the build changed the author's files"
    return output


@fault_injector("one_language_only")
def inject_page_in_one_language(project: Path) -> dict[str, str]:
    """A content fault (the pairs check, before rendering): joins the combined fault build."""
    (project / "docs/about/only-norwegian.nb.md").write_text(
        "---\nid: only-norwegian\ntype: page\ntitle: Bare norsk\ndescription: Mangler engelsk.\n---\n\n"
        "## Innhold { #content }\n\nTekst.\n", encoding="utf-8")
    return {}


def test_page_in_one_language_only(combined_faults):
    _, result, before, after = combined_faults["one_language_only"]
    output = result.stdout + result.stderr
    assert result.returncode != 0 and before == after
    assert "docs/about/only-norwegian.nb.md:1: no translation: docs/about/only-norwegian.en.md is missing" in output


@fault_injector("links", stage="render")
def inject_link_faults(project: Path) -> dict[str, str]:
    """Faults MkDocs' own validation reports while it renders (without a line number): in the
    render-stage fault build, without PDFs (a link is validated in the web page; the print of a
    page comes later and adds nothing to that check)."""
    append(project / "docs/about/index.en.md", "\nSee [the plan](no-such-page.md).\n")
    append(project / "docs/about/index.nb.md", "\nSe [planen](organisation.md#no-such-anchor).\n")
    theme = project / "docs/themes/theme-1/index.en.md"
    assert "pdf: true" in theme.read_text(encoding="utf-8"), "theme 1 is no longer a printed page"
    append(theme, "\nSee [the missing handout](../theme-9/index.md).\n")
    return {}


@pytest.fixture(scope="module")
def link_faults(combined_faults) -> str:
    _, result, before, after = combined_faults["links"]
    assert result.returncode != 0, "the build passed although it should have failed"
    assert before == after, "the build changed the author's files"
    return result.stdout + result.stderr


def test_link_to_a_missing_page(link_faults):
    assert re.search(r"about/index(\.en)?\.md.*no-such-page\.md", link_faults), link_faults[-3000:]


def test_link_to_a_missing_anchor(link_faults):
    assert re.search(r"about/index(\.nb)?\.md.*no-such-anchor", link_faults), link_faults[-3000:]


def test_broken_link_in_a_page_that_is_printed(link_faults):
    assert re.search(r"themes/theme-1/index(\.en)?\.md.*theme-9/index\.md", link_faults), link_faults[-3000:]


full = pytest.mark.full   # a build of its own (the combined fault builds are not)


@full
def test_no_browser_for_pdfs(project_copy, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    # No browser on PATH, but the spelling checker the build needs first (lmp/checks/language_check.py)
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "hunspell").symlink_to(shutil.which("hunspell"))
    env = {"PATH": str(tools), "PLAYWRIGHT_BROWSERS_PATH": str(empty), "LMP_CHROMIUM": ""}
    output = build_fails(project_copy, pdf=True, env=env)
    lines = [line for line in output.splitlines() if "No Chromium for PDFs" in line]
    assert lines, output[-3000:]
    assert "playwright install chromium" in lines[0] and "apt-get install chromium" in lines[0]


@full
def test_a_named_browser_that_does_not_exist(project_copy):
    output = build_fails(project_copy, pdf=True, env={"LMP_CHROMIUM": "/no/such/chromium"})
    assert "LMP_CHROMIUM=/no/such/chromium is not an executable file" in output



def test_content_faults_stop_the_build_before_anything_is_rendered(content_faults):
    """Fail fast: every content fault of every module in ONE message, and no page written."""
    expected, result, _, _, site_dir = content_faults
    output = result.stdout + result.stderr
    message = re.search(r"ERROR\s+-\s+\d+ problem\(s\) found before building; nothing was built\..*(?:\n  .*)+", output)
    assert message, output[-3000:]
    for faults in expected.values():
        for where, problem in faults.items():
            assert re.search(re.escape(where.strip()) + r":? [^\n]*" + re.escape(problem), message.group(0)), \
                f"{where}: {problem} is not in the build's one message"
    assert not list(site_dir.rglob("*.html")), "pages were rendered although the content has problems"
