"""Every template page (front matter `type: template`) is also an editable Word file.

The page's own rendered HTML is the single source: after MkDocs has turned the Markdown into HTML,
lmp_mkdocs/word.py converts the same content to site/docx/<name>.<lang>.docx with python-docx
(page H2 → Heading 1, H3 → Heading 2, tables with a repeated, bold header row, lists with Word's
list styles; document title and language in the core properties and the default text language;
A4 pages with 2 cm margins; links as real Word hyperlinks to absolute addresses, resolved against
the page's public address, SITE_URL) and puts a download link at the top of the page. The .docx
is a file of the build (registered in on_files, its bytes set once the page's HTML exists, copied
by MkDocs), so the link is a Markdown link that strict validation checks; relative, so it works
over HTTP and from file://. Anything marked `.lmp-web-only` stays out of the Word file (and out of
print). A conversion is cached (lmp/cache.py: .cache/docx/ and memory, under a hash of the page's
HTML, this converter and its packages; LMP_BUILD_CACHE=off switches it off): a rebuild with nothing
changed converts no file.
"""
from __future__ import annotations

import logging
from html import escape
import os
import time
from pathlib import Path


from lmp import cache  # (a .docx is made again only when its page changed)
from lmp import project
from lmp import words
from lmp.templates import render

docx_convert = project.lazy_import("lmp.outputs.docx_convert")   # HTML → Word; python-docx is imported when a file is converted

log = logging.getLogger("mkdocs.hooks.docx_templates")

# A short folder at the site's root: a Word file's address printed on paper (the handbook prints the
# download link with its address) fits on a line, or its QR code stays at version 4 at most
# (tests/test_handouts.py); under assets/templates/ the longest needed version 5.
DOCX_DIR = "docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


CONVERTER = str(Path(__file__).with_name("docx_convert.py"))   # HTML → Word: lmp/outputs/docx_convert.py
SIZE_MARK = "lmp-docx-size"   # in the link's Markdown until the file's size is known
stats = {"converted": 0, "cached": 0, "seconds": 0.0}   # of the language build running


def cached_docx(html: str, title: str, lang: str, description: str, base: str | None) -> bytes:
    """html_to_docx, or the file it made before from the same input (lmp/cache.py: keyed on the
    page HTML, this converter's source and the versions of python-docx and Beautiful Soup)."""
    made = []

    def convert() -> bytes:
        start = time.perf_counter()
        data = docx_convert.html_to_docx(html, title, lang, description, base=base)
        stats["seconds"] += time.perf_counter() - start
        made.append(True)
        return data

    data = cache.made("docx", (html, title, lang, description, base or ""), convert,
                       code=[__file__, CONVERTER], packages=("python-docx", "beautifulsoup4"))
    stats["converted" if made else "cached"] += 1
    return data


def docx_name(src_uri: str, lang: str) -> str:
    """'activity-plan.nb.docx' for docs/tools/templates/activity-plan.nb.md."""
    return f"{Path(src_uri).name.split('.')[0]}.{lang}.docx"


def docx_path(src_uri: str, lang: str) -> str:
    """Where a template page's .docx is under the site, e.g. docx/activity-plan.nb.docx."""
    return f"{DOCX_DIR}/{docx_name(src_uri, lang)}"


def with_link(markdown: str, page, docx_uri: str) -> str:
    """The page's Markdown with the download link to its .docx at the top (its size comes later)."""
    href = os.path.relpath(docx_uri, os.path.dirname(page.src_uri) or ".").replace(os.sep, "/")
    text = words.ui(page.lang)["docx"]
    # Its name on paper (a printed list of links, lmp/print/paper_links.py): the template's title.
    label = text["paper"].format(title=page.meta.get("title") or page.title)
    link = render("docx-link.html", text=text["link"], href=href, type=DOCX_TYPE,
                  lang=page.lang, size=SIZE_MARK, label=escape(label, quote=True))
    return f"{link.strip()}\n\n{markdown}"


def converted(html: str, page) -> tuple[bytes, str]:
    """(the .docx of a template page's rendered HTML, the page's HTML with the file's size)."""
    data = cached_docx(html, page.title, page.lang, page.meta.get("description", ""), base=page.canonical_url)
    size = words.ui(page.lang)["docx"]["size"].format(max(1, round(len(data) / 1024)))
    return data, f'<div class="lmp-template">{html.replace(SIZE_MARK, size, 1)}</div>'
