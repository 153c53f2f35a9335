"""One marker syntax for generated blocks (lmp/markers.py, lmp/checks/marker_names.py): unit tests.
The build with unknown and old-style markers (and links to missing .ics/.docx files) is part of
the combined fault-injection build in test_author_errors.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lmp import markers  # noqa: E402
from lmp.checks import marker_names  # noqa: E402


def test_find_gives_name_arguments_and_line():
    found = list(markers.find("text\n<!-- lmp:step theme-1#why role-staff#duties -->\n<!-- lmp:path-total -->"))
    assert [(m.name, m.args, m.line) for m in found] == [
        ("step", "theme-1#why role-staff#duties", 2), ("path-total", "", 3)]


def test_replace_fills_only_the_named_marker():
    text = "[<!-- lmp:theme-title theme-2 -->](x.md) <!-- lmp:other -->"
    assert markers.replace(text, "theme-title", lambda m: m.args.upper()) == "[THEME-2](x.md) <!-- lmp:other -->"


@pytest.mark.parametrize("old", ["<!-- programme:ics -->", "<!-- step: theme-1#why -->", "<!-- path-total -->",
                                 "<!-- theme-title: theme-2 -->", "{{ law acts }}", "<!-- home:now -->"])
def test_the_old_syntax_is_reported(old):
    assert [text for _, text in markers.old_style(f"Intro.\n\n{old}\n")] == [old]
    assert marker_names.problems(f"Intro.\n\n{old}\n")[0][0] == 3


def test_a_plain_comment_and_a_known_marker_are_not_reported():
    from lmp.generators import programme  # noqa: F401  (registers programme-*)
    assert marker_names.problems("<!-- a note for the layout, in words -->\n<!-- lmp:programme-ics -->\n") == []


def test_a_docx_is_converted_once_for_the_same_html(tmp_path, monkeypatch):
    """.cache/docx (lmp/cache.py): the same page HTML (and converter) gives the cached file, a
    change converts."""
    from lmp.outputs import docx_templates
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path))
    docx_templates.stats.update(converted=0, cached=0, seconds=0.0)
    html = "<h2>Plan</h2><p>Text.</p>"
    first = docx_templates.cached_docx(html, "Plan", "nb", "", None)
    again = docx_templates.cached_docx(html, "Plan", "nb", "", None)
    changed = docx_templates.cached_docx(html + "<p>More.</p>", "Plan", "nb", "", None)
    assert first == again and changed != first
    assert (docx_templates.stats["converted"], docx_templates.stats["cached"]) == (2, 1)
    assert len(list((tmp_path / "docx").iterdir())) == 2
