"""Show an honest reading time under each page title, computed from the page's own words.

The words-per-minute figure and what counts as a word are in hooks/_site.py. The minutes are
also kept in page.meta["reading_time"] for templates and tools.
"""
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402

LABEL = {"nb": "Lesetid: ca. {} min", "en": "Reading time: about {} min"}


@event_priority(10)  # before other hooks add text to the page
def on_page_markdown(markdown, page, **kwargs):
    if page.meta.get("type") in (None, "home", "tool", "template"):
        return markdown
    minutes = _site.reading_minutes(markdown)
    page.meta["reading_time"] = minutes
    label = LABEL.get(getattr(page.file, "locale", None), LABEL["nb"]).format(minutes)
    return f"{label}\n{{: .lmp-reading-time }}\n\n{markdown}"
