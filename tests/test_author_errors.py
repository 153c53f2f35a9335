"""Author errors are reported with file and line, and fail the build.

Every fault below is injected into the one throw-away copy of the project that all fault tests
share (`combined_faults` in conftest.py), which is then built once: the build must fail, print
each expected `docs/<file>:<line>: <message>`, and leave the author's files exactly as they were.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import append_lines, assert_reported, fault_injector, replace_line
from lmp import project as lmp_project










@fault_injector("author_errors")
def inject_faults(project: Path) -> dict[str, str]:
    """Inject every fault; return {expected 'file:line' prefix: expected message part}."""
    docs, expected = project / "docs", {}
    line = replace_line(docs / "topics/parents.en.md", "title:", "title: [unclosed, list")
    expected[f"docs/topics/parents.en.md:{line}"] = "invalid YAML front matter"
    line = replace_line(docs / "roles/ppt.nb.md", "type:", "type: role\ncolour: blue")
    expected[f"docs/roles/ppt.nb.md:{line + 1}"] = "unknown front-matter key 'colour'"
    line = replace_line(docs / "roles/head.en.md", "roles:", "roles: [head, janitor]")
    expected[f"docs/roles/head.en.md:{line}"] = "unknown role id 'janitor'"
    for lang in lmp_project.LANGUAGES:
        line = replace_line(docs / f"about/success-criteria.{lang}.md", "id:", "id: evaluations")
        expected[f"docs/about/success-criteria.{lang}.md:{line}"] = (
            f"id 'evaluations' is already used by docs/about/evaluations.{lang}.md")
    (docs / "about/lonely.en.md").write_text(
        "---\nid: lonely\ntype: page\ntitle: Lonely\ndescription: Only in English.\n---\n\n"
        "## Text { #text }\n\nHello.\n", encoding="utf-8")
    expected["docs/about/lonely.en.md:1"] = "no translation: docs/about/lonely.nb.md is missing"
    line = append_lines(docs / "about/organisation.nb.md", "![](../assets/logo.svg)")
    expected[f"docs/about/organisation.nb.md:{line}"] = "image without alt text"
    line = append_lines(docs / "roles/owner.en.md", "#### Too deep { #too-deep }", "", "Text.")
    expected[f"docs/roles/owner.en.md:{line}"] = "is H4 after H2: a level was skipped"
    line = append_lines(docs / "roles/owner.nb.md", '!!! danger "Fare"', "    Tekst.")
    expected[f"docs/roles/owner.nb.md:{line}"] = "unknown admonition type 'danger'"
    line = append_lines(docs / "about/organisation.en.md", "<!-- lmp:programme-gatherins -->")
    expected[f"docs/about/organisation.en.md:{line}"] = "unknown marker <!-- lmp:programme-gatherins -->"
    line = append_lines(docs / "roles/owner.en.md", "<!-- programme:rhythm -->")
    expected[f"docs/roles/owner.en.md:{line}"] = "old marker syntax <!-- programme:rhythm -->"
    return expected


@fault_injector("author_errors", stage="render")
def inject_link_faults(project: Path) -> dict[str, str]:
    """Links MkDocs validates while rendering."""
    docs, expected = project / "docs", {}
    # Generated files are files of the build: a link to one that is not generated fails like any link.
    append_lines(docs / "tools/calendar.nb.md", "[Kalender](../calendar/laringsmiljoprosjektet.xx.ics)")
    expected["Doc file 'tools/calendar.nb.md' contains a link"] = (
        "'calendar/laringsmiljoprosjektet.xx.ics' is not found among documentation files")
    append_lines(docs / "tools/index.en.md", "[Word](../docx/no-such-template.en.docx)")
    expected["Doc file 'tools/index.en.md' contains a link"] = (
        "'docx/no-such-template.en.docx' is not found among documentation files")
    return expected


@pytest.fixture(scope="module")
def faulty_build(combined_faults):
    return combined_faults["author_errors"]


def test_the_build_fails(faulty_build):
    _, result, _, _ = faulty_build
    assert result.returncode != 0, result.stdout[-2000:] + result.stderr[-2000:]


CASES = ["invalid YAML", "unknown key", "unknown role id", "duplicated id (nb)", "duplicated id (en)",
         "missing pair", "image without alt", "skipped heading level", "unknown admonition type",
         "unknown marker", "old-style marker", "link to a missing .ics", "link to a missing .docx"]


@pytest.mark.parametrize("case", range(len(CASES)), ids=CASES)
def test_each_error_names_file_and_line(faulty_build, case):
    expected, result, _, _ = faulty_build
    where, message = list(expected.items())[case]
    assert_reported(result, where, message)


def test_the_authors_files_are_not_modified_by_the_build(faulty_build):
    _, _, before, after = faulty_build
    assert before == after
