"""Give the reading-assignment builder (tools/reading-builder) its catalogue and its script.

The catalogue of one language (lmp/model/catalogue.py) is embedded in the page as JSON in a
<script type="application/json">, so the page works under file:// where fetch() is blocked, and
the script is loaded on this page only. The script (docs/assets/javascripts/reading-builder.js)
renders only what this catalogue holds: the selection in the URL is a list of its ids. Each
section carries its minutes (reading.section_minutes); the script adds up the minutes of what is
chosen (catalogue.minutes_of), so every total is the sum of the parts shown and a whole page
totals the minutes under its title.
"""
import json


from lmp import words
from lmp.errors import BuildError
from lmp.model import catalogue
from lmp.model import info
from lmp.templates import render

PAGE_ID = "tool-reading-builder"
SCRIPT = "assets/javascripts/reading-builder.js"


def catalogue_json(entries, src_uri: str) -> list[dict]:
    return [{"id": section.id, "type": entry.type, "page": entry.title, "section": section.title,
             "url": catalogue.html_url(src_uri, entry.key, section.anchor), "minutes": section.minutes,
             "words": section.words}
            for entry in entries for section in entry.sections]


OUTPUT = '<div id="lmp-assignment" class="lmp-assignment"></div>'
CHOOSE = '<form id="lmp-choose" class="lmp-choose lmp-web-only"></form>'
KINDS = ("theme", "topic", "role")


def choose_view(entries) -> list[dict]:
    """The sections to choose, by kind of page and page, numbered as the boxes' ids."""
    kinds, number = [], 0
    for kind in KINDS:
        groups = []
        for entry in (e for e in entries if e.type == kind):
            whole = number
            sections = []
            for section in entry.sections:
                sections.append({"id": section.id, "title": section.title, "minutes": section.minutes,
                                 "number": number + len(sections)})
            number += len(sections)
            groups.append({"title": entry.title, "minutes": catalogue.minutes_of(entry.sections),
                           "whole": whole, "sections": sections})
        if groups:
            kinds.append({"type": kind, "pages": groups})
    return kinds


def page_content(html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return html
    lang = page.lang
    entries = catalogue.load(site.docs_dir, lang)
    text = words.ui(lang)["builder"]
    for placeholder, part in ((OUTPUT, "output"), (CHOOSE, "choose")):
        if placeholder not in html:
            raise BuildError(f"docs/{page.src_uri}: the reading builder needs {placeholder} in the page")
        html = html.replace(placeholder, render("reading_builder-form.html", part=part, text=text,
                                                kinds=choose_view(entries)))
    data = {"text": text,   # the script's interface words (data/ui.<lang>.yml)
            "entries": catalogue_json(entries, page.src_uri)}
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # never ends the <script>
    script = info.relative_url(SCRIPT, page.url)
    return (f'{html}\n<script type="application/json" id="lmp-catalogue">{payload}</script>\n'
            f'<script src="{script}" defer></script>\n')
