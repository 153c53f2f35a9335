"""The «Før neste fagsamling» / "Before the next seminar" box opens every theme module in both
languages: at most 250 words, it says whom to tell when a child is not safe (one reporting line
per setting), links to the between-session tasks, and shows the between-session reading time for
a first- and a second-language reader. Checked on the built pages."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from lmp import project
from lmp import words as lmp_words
from lmp.model import reading
from lmp.model import site as model
from lmp.generators import before_next_seminar as box_hook  # noqa: E402

PREFIX = {lang: "" if lang == project.DEFAULT_LANGUAGE else f"{lang}/" for lang in project.LANGUAGES}
THEMES = [p for p in model.iter_pages(ROOT / "docs") if p.meta.get("type") == "theme"]
# Whom a staff member tells, per setting (shared/notes/facts.md: bhl. § 42, opplæringslova § 12-4,
# which § 12-1 applies to SFO).
TELL = {"nb": ("I barnehagen melder du fra til styreren", "På skolen og i SFO melder du fra til rektor"),
        "en": ("In a kindergarten, report to the kindergarten head (styrer)",
               "At school and in SFO, report to the principal (rektor)"),
        "nn": ("I barnehagen melder du frå til styraren", "På skolen og i SFO melder du frå til rektor")}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


# Both builds: without PDFs (html_site: `make check`) and with them (site: full), where the PDF
# download line stands between the title and the box.
@pytest.mark.parametrize("build", ["html_site", pytest.param("site", marks=pytest.mark.full)])
@pytest.mark.parametrize("source", THEMES, ids=lambda p: f"{p.key}.{p.lang}")
def test_the_box_opens_the_module(request, build, source):
    site = request.getfixturevalue(build)
    html = (site / PREFIX[source.lang] / f"{source.key}.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner'):]
    # After the title come only the web-only lines (reading time, PDF download and its setting
    # editions, the setting view's links), then the box.
    after_title = re.sub(r'^.*?</h1>\s*((<p class="lmp-(reading-time|pdf-download|pdf-editions)[^"]*">.*?</p>'
                         r'|<nav [^>]*class="lmp-view"[^>]*>.*?</nav>)\s*)*', "", article, count=1, flags=re.S)
    assert after_title.startswith('<div class="admonition note">'), f"{source.key}.{source.lang}: no box at the top"
    box = after_title[: after_title.index("\n</div>")]
    title = lmp_words.ui(source.lang)["before_next_seminar"]["title"]
    assert f'<p class="admonition-title">{title}</p>' in box
    words = len(reading.WORD.findall(text_of(box)))
    assert words <= box_hook.MAX_WORDS, f"{source.key}.{source.lang}: {words} words in the box"
    text = text_of(box)
    for sentence in TELL[source.lang]:
        assert sentence in text, f"{source.key}.{source.lang}: '{sentence}' missing"
    for anchor in ("between-sessions", "tasks-working-group", "tasks-all-staff"):
        assert f'href="#{anchor}"' in box and f'id="{anchor}"' in html
    for anchor in re.findall(r'href="#([\w-]+)"', box):
        assert f'id="{anchor}"' in html, f"{source.key}.{source.lang}: the box links to a missing #{anchor}"
    # The between-session reading time: the box, the section and what they link to, at both speeds.
    shown = re.search(r'<p class="lmp-between-time lmp-web-only">[^<]*?(\d+) min[^<]*?(\d+) min', box)
    assert shown, f"{source.key}.{source.lang}: no between-session reading time in the box"
    words = reading.word_count(box_hook.between_reading(source.body))
    assert int(shown.group(1)) == reading.minutes_for(words)
    assert int(shown.group(2)) == reading.minutes_for(words, reading.SECOND_LANGUAGE_WORDS_PER_MINUTE)
    assert int(shown.group(2)) > int(shown.group(1))
