"""Bad input fails loudly: each fault is injected into a throw-away copy of the project, and the
build must fail with a message that names the file (and line where there is one), while the
author's files stay exactly as they were. Faults that need no PDF join the one combined fault
build (conftest.py `combined_faults`); those of the PDF step get a build each."""
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


@fault_injector("links")
def inject_link_faults(project: Path) -> dict[str, str]:
    """Faults MkDocs' own validation reports (without a line number): they join the one combined
    fault build (conftest.py `combined_faults`); the tests below look for their messages."""
    append(project / "docs/about/index.en.md", "\nSee [the plan](no-such-page.md).\n")
    append(project / "docs/about/index.nb.md", "\nSe [planen](organisation.md#no-such-anchor).\n")
    (project / "docs/about/only-norwegian.nb.md").write_text(
        "---\nid: only-norwegian\ntype: page\ntitle: Bare norsk\ndescription: Mangler engelsk.\n---\n\n"
        "## Innhold { #content }\n\nTekst.\n", encoding="utf-8")
    return {}


@pytest.fixture(scope="module")
def combined(combined_faults):
    _, result, before, after = combined_faults["links"]
    assert result.returncode != 0, "the build passed although it should have failed"
    assert before == after, "the build changed the author's files"
    return result.stdout + result.stderr


def test_link_to_a_missing_page(combined):
    assert re.search(r"about/index(\.en)?\.md.*no-such-page\.md", combined), combined[-3000:]


def test_link_to_a_missing_anchor(combined):
    assert re.search(r"about/index(\.nb)?\.md.*no-such-anchor", combined), combined[-3000:]


def test_page_in_one_language_only(combined):
    assert "docs/about/only-norwegian.nb.md:1: no translation: docs/about/only-norwegian.en.md is missing" in combined


def test_broken_link_in_a_page_printed_to_pdf(project_copy):
    theme = project_copy / "docs/themes/theme-1/index.en.md"
    assert "pdf: true" in theme.read_text(encoding="utf-8")
    append(theme, "\nSee [the missing handout](../theme-9/index.md).\n")
    output = build_fails(project_copy, pdf=True)
    assert re.search(r"themes/theme-1/index(\.en)?\.md.*theme-9/index\.md", output), output[-3000:]


def test_no_browser_for_pdfs(project_copy, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    # No browser on PATH, but the spelling checker the build needs first (hooks/language_check.py)
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "hunspell").symlink_to(shutil.which("hunspell"))
    env = {"PATH": str(tools), "PLAYWRIGHT_BROWSERS_PATH": str(empty), "LMP_CHROMIUM": ""}
    output = build_fails(project_copy, pdf=True, env=env)
    lines = [line for line in output.splitlines() if "No Chromium for PDFs" in line]
    assert lines, output[-3000:]
    assert "playwright install chromium" in lines[0] and "apt-get install chromium" in lines[0]


def test_a_named_browser_that_does_not_exist(project_copy):
    output = build_fails(project_copy, pdf=True, env={"LMP_CHROMIUM": "/no/such/chromium"})
    assert "LMP_CHROMIUM=/no/such/chromium is not an executable file" in output

