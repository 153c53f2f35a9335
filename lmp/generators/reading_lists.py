"""Fill the reading-lists page (tools/reading-lists) from the section catalogue.

The rule, also stated on the page, for semester N and each group (the working group, all staff):
- the theme module of semester N: all of it for the working group; for all staff all of it but the
  staff-meeting plan and the further reading (SKIP_FOR_STAFF);
- the group's own role page: the whole page in semester 1, its "semester by semester" section later;
- working group only: every topic page, whole, in the first semester whose theme its `themes` lists.
Minutes come from the catalogue's words (lmp/model/catalogue.py, minutes_of): a row is its sections'
words rounded once, so a "whole page" row shows the minutes printed under that page's title, and
the total is all the words of the list rounded once (it can be less than the sum of the rows).
"""

from lmp import markers
from lmp import words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import pages
from lmp.templates import render as render_template

PAGE_ID = "tool-reading-lists"
MARKER = "reading-lists"
markers.register(MARKER, owner="reading_lists")
GROUPS = ("working-group", "staff")          # role ids; the role page's title names the group
SKIP_FOR_STAFF = {"staff-meeting", "further-reading"}


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = page.lang
    entries = catalogue.load(site.docs_dir, lang)
    return markers.fill(catalogue.words_per_minute(markdown), MARKER, render(entries, lang, page.src_uri),
                         f"docs/{page.src_path}")


def reading(entries, semester: int, group: str):
    """[(entry, [sections])] that `group` reads in `semester`, in reading order."""
    themes = [e for e in entries if e.type == "theme" and e.meta.get("semester") == semester]
    items = []
    for theme in themes:
        skip = SKIP_FOR_STAFF if group == "staff" else set()
        items.append((theme, [s for s in theme.sections if s.anchor not in skip]))
    for role in (e for e in entries if e.type == "role" and e.meta.get("role") == group):
        items.append((role, role.sections if semester == 1 else
                      [s for s in role.sections if s.anchor == "by-semester"]))
    if group == "working-group":
        for topic in (e for e in entries if e.type == "topic"):
            listed = [int(t.rsplit("-", 1)[1]) for t in topic.meta.get("themes", []) if t in pages.THEMES]
            if listed and min(listed) == semester:
                items.append((topic, topic.sections))
    return [(entry, sections) for entry, sections in items if sections]


def render(entries, lang: str, src_uri: str) -> str:
    """The lists of every semester (overrides/lmp/reading_lists-semesters.html)."""
    titles = {e.meta.get("role"): e.title for e in entries if e.type == "role"}
    semesters = []
    for semester in pages.SEMESTERS:
        themes = [{"title": t.title, "link": catalogue.md_link(src_uri, t.key)}
                  for t in entries if t.type == "theme" and t.meta.get("semester") == semester]
        groups = [{"id": group, "title": titles.get(group, group), **rows(reading(entries, semester, group), src_uri)}
                  for group in GROUPS]
        semesters.append({"number": semester, "themes": themes, "groups": groups})
    return render_template("reading_lists-semesters.html", semesters=semesters,
                           words=words.ui(lang)["reading_lists"]) + "\n"


def rows(items, src_uri: str) -> dict:
    """A table's rows (page, sections or the whole page, minutes) and its total minutes."""
    found = [{"title": entry.title, "link": catalogue.md_link(src_uri, entry.key),
              "whole": len(sections) == len(entry.sections), "minutes": catalogue.minutes_of(sections),
              "sections": [{"title": s.title, "link": catalogue.md_link(src_uri, entry.key, s.anchor)}
                           for s in sections]}
             for entry, sections in items]
    return {"rows": found, "total": catalogue.minutes_of([s for _, sections in items for s in sections])}
