"""Fill the audience filter (tools/by-audience): every section of every page, grouped by theme, that
a reader can narrow down to their setting and role.

The items are SECTIONS: each H2 section of a page, and each deeper section whose heading carries a
setting mark (lmp/model/settings.py). A section's settings are its heading's mark; an unmarked H2
section applies to the settings the page's front matter names (all when it names none), so the
counts follow the same marks as the setting view on the pages. Roles come from the page's `roles`
front matter (none: every role). Each page is listed once, with its sections: under its theme when
it names one theme, under "for all the themes" when it names several, and under "about, tools and
reference" when it names none.

`<!-- lmp:audience-filter -->` becomes the form (hidden until assets/javascripts/audience-filter.js
shows it: without JavaScript the page is the full grouped list); `<!-- lmp:audience-groups -->` the
groups. The reader's choice lives in the URL (?for=sfo&role=ppt, the same ?for= as every page's setting view): shareable, never stored.
Markup: overrides/lmp/audience-*.html; words: data/ui.<lang>.yml (audience, settings).
Both are left out of the search index (data-search-exclude): they only repeat other pages' titles.
"""


import re

from lmp import markers
from lmp import words as lmp_words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import pages as lmp_pages
from lmp.model import settings as lmp_settings
from lmp.templates import render

markers.register("audience-filter", "audience-groups", owner="audience_index")

PAGE_ID = "tool-by-audience"
SCRIPT = "assets/javascripts/audience-filter.js"
TYPE_ORDER = ("theme", "topic", "role", "template", "tool", "overview", "page", "reference")
LEFT_OUT = {"home", PAGE_ID}    # the home page and this page itself


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = page.lang
    words = lmp_words.ui(lang)
    pages = [p for p in sorted(catalogue.pages(site.docs_dir, lang), key=_order)
             if p.meta.get("type") not in LEFT_OUT and p.meta.get("id") not in LEFT_OUT]
    roles = {p.meta.get("role"): str(p.meta["title"]) for p in pages if p.meta.get("type") == "role"}
    themes = {p.meta["id"]: str(p.meta["title"]) for p in pages if p.meta.get("type") == "theme"}
    markdown = markers.fill(markdown, "audience-filter", form(words, roles), f"docs/{page.src_path}")
    return markers.fill(markdown, "audience-groups", groups(pages, themes, words, page), f"docs/{page.src_path}")


def page_content(html_text: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return html_text
    return f'{html_text}\n<script src="{info.relative_url(SCRIPT, page.url)}" defer></script>\n'


def _order(page):
    kind = page.meta.get("type")
    return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER),
            page.meta.get("semester") or 0, page.key)


def form(words, roles) -> str:
    return render("audience-form.html", words=words["audience"],
                  settings=[(s, words["view"]["names"][s]) for s in lmp_settings.SETTINGS],
                  roles=[(r, roles[r]) for r in lmp_pages.ROLES if r in roles]) + "\n"


def group_of(page) -> str:
    named = [t for t in page.meta.get("themes") or [] if t in lmp_pages.THEMES]
    return named[0] if len(named) == 1 else "all-themes" if named else "general"


def groups(pages, themes, words, page) -> str:
    text = words["audience"]
    titles = {**themes, "all-themes": text["all_themes"], "general": text["general"]}
    found = []
    for group in (*lmp_pages.THEMES, "all-themes", "general"):
        members = [{"roles": p.meta.get("roles") or [], "href": catalogue.html_url(page.src_uri, p.key),
                    "title": str(p.meta["title"]), "sections": sections(p, page)}
                   for p in pages if group_of(p) == group]
        if members:
            found.append({"id": group, "title": titles[group], "pages": members})
    return render("audience-groups.html", groups=found, words=text) + "\n"


LEFT_OUT_SECTIONS = set(catalogue.NOT_READ)


def sections(p, page) -> list[dict]:
    """The page's H2 sections and its marked deeper sections: title, link and settings."""
    whole = lmp_settings.from_front_matter(p.meta.get("settings")).split()
    lines = p.body.splitlines()
    found = []
    for level, text, anchor, line in p.headings():
        mark = lmp_settings.heading_mark(lines[line - p.body_line]) if 0 <= line - p.body_line < len(lines) else frozenset()
        if anchor in LEFT_OUT_SECTIONS or (level != 2 and not mark):
            continue
        found.append({"title": _plain(text), "href": catalogue.html_url(page.src_uri, p.key, anchor),
                      "settings": [s for s in lmp_settings.SETTINGS if s in mark] if mark else whole})
    return found or [{"title": str(p.meta["title"]), "href": catalogue.html_url(page.src_uri, p.key),
                      "settings": whole}]


def _plain(text: str) -> str:
    """A heading's text without its attribute list and Markdown emphasis or icons."""
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = re.sub(r":[a-z0-9-]+:(\{[^}]*\})?", "", text)
    return re.sub(r"[*_`]", "", text).strip()
