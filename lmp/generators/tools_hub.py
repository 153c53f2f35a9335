"""Fill the tools hub (tools/index): a link and the description of each tool page that exists.

The page groups the tools with markers `<!-- lmp:tools reading-lists onboarding -->` (paths under
tools/, without language and .md); `<!-- lmp:tools rest -->` lists every other tool page, so a new
tool appears on the hub without anyone typing its title or description twice. Markup: overrides/lmp/tools_hub-list.html.
"""

from lmp import markers
from lmp.model import catalogue
from lmp.model import info
from lmp.templates import render

PAGE_ID = "tools"
MARKER = "tools"
markers.register(MARKER, owner="tools_hub")


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = page.lang
    tools = {p.key[len("tools/"):]: p for p in catalogue.pages(site.docs_dir, lang)
             if p.key.startswith("tools/") and p.key != "tools/index"}
    named = {name for marker in markers.find(markdown, MARKER) for name in marker.args.split()}

    def listing(marker):
        names = marker.args.split()
        if names == ["rest"]:
            names = sorted(name for name in tools if name not in named
                           and not (name.startswith("templates/") and name != "templates/index"))
        return render("tools_hub-list.html", tools=[
            {"title": tools[n].meta["title"], "description": tools[n].meta["description"],
             "link": catalogue.md_link(page.src_uri, tools[n].key)} for n in names if n in tools])

    return markers.replace(markdown, MARKER, listing)
