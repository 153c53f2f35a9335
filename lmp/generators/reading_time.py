"""Show an honest reading time under each page title, computed from the page's own words.

The words-per-minute figure and what counts as a word are in lmp/model/pages.py. The figure comes
from catalogue.page_minutes: the same words (role pages with their generated "by semester"
section) and the same rounding as the reading-assignment builder, the reading lists and the
onboarding paths. The words are in data/ui.<lang>.yml (reading_time). The minutes are also kept in page.meta["reading_time"] for templates and tools.
"""


from lmp import words
from lmp.model import catalogue
from lmp.model import info
from lmp.templates import render


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("type") in (None, "home", "tool", "template"):
        return markdown
    lang = page.lang
    minutes = catalogue.page_minutes(markdown, page.meta, lang, page.src_uri[: -len(".md")])
    page.meta["reading_time"] = minutes
    line = render("reading_time-line.html", words=words.ui(lang)["reading_time"], minutes=minutes)
    return f"{line}\n\n{markdown}"
