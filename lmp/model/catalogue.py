"""The catalogue of readable sections: theme modules, topics and role pages, cut at their H2s.

Shared by the tool pages (reading lists, reading-assignment builder, onboarding path, audience
index, who-does-what matrix). The tool generators import it. Everything comes from
the Markdown sources and their front matter (lmp/model/pages.py reads them); reading minutes use
reading.reading_minutes, the same count as the reading time under each page title.

A section's id is `<page id>#<heading id>`, e.g. `theme-2#legal-anchors`: stable, because both
parts are fixed by CONTRIBUTING.md. Text above a page's first H2 counts with that first section.

Each section keeps its word count and shows its minutes (reading.section_minutes): minutes for any
set of sections (a whole page, a reading-list row, a path, an assignment) are `minutes_of`, the sum
of the minutes shown beside each part, so every total adds up; the minutes under a page's title
are the sum of its sections too.
"""
from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lmp import markers
from lmp.model import pages as lmp_pages
from lmp.model import reading
from lmp.model import roles  # a role page's generated section is part of the page as read
from lmp.model import site as model

log = logging.getLogger("mkdocs.hooks.catalogue")
markers.register("words-per-minute", owner="_catalogue")   # tool pages: the figure the minutes use

KINDS = ("theme", "topic", "role")  # the page types a reader is assigned sections of
# Sections that hold no text to read: the self-check questions the build puts at the end of each theme
# module (lmp/generators/self_check.py). Not offered as a section to read; the words of their heading
# count with the section before, so a whole page still adds up to the minutes under its title.
NOT_READ = ("self-check",)


@dataclass
class Section:
    id: str            # page id + '#' + heading id
    anchor: str
    title: str
    words: int

    @property
    def minutes(self) -> int:
        return reading.section_minutes(self.words)


@dataclass
class Entry:
    id: str
    key: str           # source path without language and .md, e.g. themes/theme-1/index
    type: str
    title: str
    meta: dict
    sections: list[Section] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return minutes_of(self.sections)


def minutes_of(sections) -> int:
    """The reading time of some sections together: the sum of the minutes shown beside each."""
    return sum(section.minutes for section in sections)


def page_minutes(markdown: str, meta: dict, lang: str, key: str) -> int:
    """The reading time shown under a page's title: the sum of its sections' minutes, as its
    catalogue entry (a page without H2 sections: its words)."""
    page = lmp_pages.Page(path=Path(key), key=key, lang=lang, meta=meta, body=markdown)
    sections = _sections(page, lang) if isinstance(meta.get("id"), str) else []
    return minutes_of(sections) if sections else reading.reading_minutes(_full_markdown(page, lang))


def language(page) -> str:
    return page.lang


def pages(docs_dir, lang: str) -> list[lmp_pages.Page]:
    """Every page of one language with valid front matter, in path order (from the build's
    page model: lmp/model/site.py)."""
    return [page for page in model.iter_pages(docs_dir) if page.lang == lang and not page.meta_error]


def _order(entry: Entry):
    meta = entry.meta
    if entry.type == "theme":
        return (0, meta.get("semester") or 9, entry.key)
    if entry.type == "topic":
        name = entry.key.rsplit("/", 1)[-1]
        return (1, lmp_pages.TOPICS.index(name) if name in lmp_pages.TOPICS else 99, entry.key)
    role = meta.get("role")
    return (2, lmp_pages.ROLES.index(role) if role in lmp_pages.ROLES else 99, entry.key)


def _full_markdown(page: lmp_pages.Page, lang: str) -> str:
    """The body as readers see it: for role pages with the generated 'by semester' section."""
    return roles.with_semesters(page.body, page.meta, lang, page.key + ".md")


def _sections(page: lmp_pages.Page, lang: str) -> list[Section]:
    markdown = _full_markdown(page, lang)
    parsed = lmp_pages.Page(path=page.path, key=page.key, lang=lang, meta=page.meta, body=markdown,
                        body_line=0)
    lines = markdown.splitlines()
    h2 = [(text, anchor, line) for level, text, anchor, line in parsed.headings() if level == 2 and anchor]
    sections = []
    for index, (text, anchor, line) in enumerate(h2):
        start = 0 if index == 0 else line
        end = h2[index + 1][2] if index + 1 < len(h2) else len(lines)
        chunk = "\n".join(lines[start:end])
        if anchor in NOT_READ and sections:
            sections[-1].words += reading.word_count(chunk)
            continue
        sections.append(Section(f"{page.meta['id']}#{anchor}", anchor, text, reading.word_count(chunk)))
    return sections


def load(docs_dir, lang: str) -> list[Entry]:
    """The catalogue of one language: theme modules by semester, then topics, then roles.
    Computed once per build from the page model (lmp/model/site.py) and shared by every tool
    page that uses it: treat it as read-only."""
    return model.current(docs_dir).once(("catalogue", lang), lambda: _load(docs_dir, lang))


def _load(docs_dir, lang: str) -> list[Entry]:
    entries = []
    for page in pages(docs_dir, lang):
        kind = page.meta.get("type")
        if kind not in KINDS or not isinstance(page.meta.get("id"), str):
            continue
        entries.append(Entry(page.meta["id"], page.key, kind, str(page.meta.get("title", "")),
                             page.meta, _sections(page, lang)))
    return sorted(entries, key=_order)


def sections_by_id(entries: list[Entry]) -> dict[str, tuple[Entry, Section]]:
    return {section.id: (entry, section) for entry in entries for section in entry.sections}


def md_link(from_src_uri: str, key: str, anchor: str | None = None) -> str:
    """A Markdown link target from one source file to a page (MkDocs resolves the language)."""
    target = posixpath.relpath(key + ".md", posixpath.dirname(from_src_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


def html_url(from_src_uri: str, key: str, anchor: str | None = None) -> str:
    """A built-site URL relative to a page (use_directory_urls is off: pages end in .html)."""
    target = posixpath.relpath(key + ".html", posixpath.dirname(from_src_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


def words_per_minute(markdown: str) -> str:
    """`<!-- lmp:words-per-minute -->` anywhere on a tool page becomes the figure the minutes use."""
    return markers.replace(markdown, "words-per-minute", lambda marker: str(reading.WORDS_PER_MINUTE))
