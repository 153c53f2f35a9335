"""Show an honest reading time under each page title, computed from the page's own words.

The words-per-minute figure and what counts as a word are in hooks/_site.py. The figure comes
from catalogue.page_minutes: the same words (role pages with their generated "by semester"
section) and the same rounding as the reading-assignment builder, the reading lists and the
onboarding paths. The words are in data/ui.<lang>.yml (reading_time). The minutes are also kept in page.meta["reading_time"] for templates and tools.
"""
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from lmp.model import catalogue  # noqa: E402
from lmp import words
from lmp.templates import render  # noqa: E402


@event_priority(10)  # before other hooks add text to the page
def on_page_markdown(markdown, page, **kwargs):
    if page.meta.get("type") in (None, "home", "tool", "template"):
        return markdown
    lang = catalogue.language(page)
    minutes = catalogue.page_minutes(markdown, page.meta, lang, page.file.src_uri[: -len(".md")])
    page.meta["reading_time"] = minutes
    line = render("reading_time-line.html", words=words.ui(lang)["reading_time"], minutes=minutes)
    return f"{line}\n\n{markdown}"
