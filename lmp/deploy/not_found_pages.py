"""One "page not found" page per language: 404.html (nb) and en/404.html (overrides/404.html).

MkDocs writes the theme's 404.html to the root of the build; static-i18n's build of the second
language writes it there again (the English page at the root of a Norwegian site). Here each
language's 404 page is kept: the second language's goes to <lang>/404.html and the default
language's is put back at the root. Its words come from data/ui.<lang>.yml (not_found), through
`config.extra.lmp_ui` (set by lmp/checks/ui_check.py).

Its language switcher (overrides/partials/alternate.html, `config.extra.alternate`) offers each
language's home page. static-i18n gives every page the links to the same page in each language by
setting an attribute, `config.extra.alternate = …`, which Jinja reads before the item; at the start
of each language's build it resets only the item, `config.extra["alternate"]`, to each language's
home page. MkDocs renders 404.html before the pages, so the second and later languages' 404 pages
got the links of the last page of the language built before (e.g. topics/regulations.html). The
leftover attribute is dropped before 404.html is rendered; the item's links are root-absolute (with
the path of SITE_URL), as a 404 page's links must be.
"""
from __future__ import annotations


from lmp import project

NOT_FOUND = "404.html"


def path(lang: str) -> str:
    """Where a language's 404 page is written under the site: the default language's at the root."""
    return NOT_FOUND if lang == project.DEFAULT_LANGUAGE else f"{lang}/{NOT_FOUND}"
