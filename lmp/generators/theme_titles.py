"""Write a theme's title where a page names it: `<!-- lmp:theme-title theme-2 -->` becomes the title in
the front matter of themes/theme-2/index in the page's language (model.theme_title). A theme's
name is typed once, on its own page; lists, headings and links elsewhere use the marker, e.g.
`[<!-- lmp:theme-title theme-2 -->](../themes/theme-2/index.md)`. An unknown theme id is reported
with its file and line by the marker check (lmp/checks/marker_names.py) before anything is rendered.
"""

from lmp import markers
from lmp.model import info
from lmp.model import pages
from lmp.model import site as model

MARKER = "theme-title"
markers.register(MARKER, owner="theme_titles")


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if next(markers.find(markdown, MARKER), None) is None:
        return markdown
    lang = page.lang

    def title(marker):
        if marker.args not in pages.THEMES:   # reported before rendering (lmp/checks/marker_names.py)
            return marker.text
        return model.theme_title(marker.args, lang, site.docs_dir)

    return markers.replace(markdown, MARKER, title)
