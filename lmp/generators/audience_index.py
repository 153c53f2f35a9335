"""Fill the audience filter (tools/by-audience): every page, grouped by theme, that a reader can
narrow down to their setting and role.

Read from the `settings`, `roles` and `themes` front matter of every page of the same language
(lmp/model/pages.py), so a page turns up here as soon as its front matter says whom it concerns. A page
that names no setting (or no role) concerns every setting (or every role). Each page is listed once:
under its theme when it names one theme, under "for all the themes" when it names several, and
under "about, tools and reference" when it names none.

`<!-- lmp:audience-filter -->` becomes the form (hidden until assets/javascripts/audience-filter.js
shows it: without JavaScript the page is the full grouped list); `<!-- lmp:audience-groups -->` the
groups. The reader's choice lives in the URL (?setting=school&role=ppt): shareable, never stored.
Markup: overrides/lmp/audience-*.html; words: data/ui.<lang>.yml (audience, settings).
Both are left out of the search index (data-search-exclude): they only repeat other pages' titles.
"""


from lmp import markers
from lmp import words as lmp_words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import pages as lmp_pages
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
                  settings=[(s, words["settings"][s]) for s in lmp_pages.SETTINGS],
                  roles=[(r, roles[r]) for r in lmp_pages.ROLES if r in roles]) + "\n"


def group_of(page) -> str:
    named = [t for t in page.meta.get("themes") or [] if t in lmp_pages.THEMES]
    return named[0] if len(named) == 1 else "all-themes" if named else "general"


def groups(pages, themes, words, page) -> str:
    text = words["audience"]
    titles = {**themes, "all-themes": text["all_themes"], "general": text["general"]}
    found = []
    for group in (*lmp_pages.THEMES, "all-themes", "general"):
        members = [{"settings": p.meta.get("settings") or [], "roles": p.meta.get("roles") or [],
                    "href": catalogue.html_url(page.src_uri, p.key), "title": str(p.meta["title"])}
                   for p in pages if group_of(p) == group]
        if members:
            found.append({"id": group, "title": titles[group], "pages": members})
    return render("audience-groups.html", groups=found, words=text) + "\n"
