"""Give the reading-assignment builder (tools/reading-builder) its catalogue and its script.

The catalogue of one language (lmp/model/catalogue.py) is embedded in the page as JSON in a
<script type="application/json">, so the page works under file:// where fetch() is blocked, and
the script is loaded on this page only. The script (docs/assets/javascripts/reading-builder.js)
renders only what this catalogue holds: the selection in the URL is a list of its ids. Each
section carries its words; the script adds up the words of what is chosen and rounds once with
the same words per minute (`wpm`) as reading.minutes_for, so a whole page totals the minutes shown
under that page's title.
"""
import json


from lmp import words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import reading

PAGE_ID = "tool-reading-builder"
SCRIPT = "assets/javascripts/reading-builder.js"


def catalogue_json(entries, src_uri: str) -> list[dict]:
    return [{"id": section.id, "type": entry.type, "page": entry.title, "section": section.title,
             "url": catalogue.html_url(src_uri, entry.key, section.anchor), "minutes": section.minutes,
             "words": section.words}
            for entry in entries for section in entry.sections]


def page_content(html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return html
    lang = page.lang
    data = {"text": words.ui(lang)["builder"],   # the script's interface words (data/ui.<lang>.yml)
            "wpm": reading.WORDS_PER_MINUTE,
            "entries": catalogue_json(catalogue.load(site.docs_dir, lang), page.src_uri)}
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # never ends the <script>
    script = info.relative_url(SCRIPT, page.url)
    return (f'{html}\n<script type="application/json" id="lmp-catalogue">{payload}</script>\n'
            f'<script src="{script}" defer></script>\n')
