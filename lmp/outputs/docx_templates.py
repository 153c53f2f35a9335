"""Every template page (front matter `type: template`) is also an editable Word file.

The page's own rendered HTML is the single source: after MkDocs has turned the Markdown into HTML,
this hook converts the same content to site/assets/templates/<name>.<lang>.docx with python-docx
(page H2 → Heading 1, H3 → Heading 2, tables with a repeated, bold header row, lists with Word's
list styles; document title and language in the core properties and the default text language;
A4 pages with 2 cm margins; links as real Word hyperlinks to absolute addresses, resolved against
the page's public address, SITE_URL) and puts a download link at the top of the page. The .docx
is a file of the build (registered in on_files, its bytes set once the page's HTML exists, copied
by MkDocs), so the link is a Markdown link that strict validation checks; relative, so it works
over HTTP and from file://. Anything marked `.lmp-web-only` stays out of the Word file (and out of
print). A conversion is cached (hooks/_cache.py: .cache/docx/ and memory, under a hash of the page's
HTML, this converter and its packages; LMP_BUILD_CACHE=off switches it off): a rebuild with nothing
changed converts no file.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp import cache  # noqa: E402  (a .docx is made again only when its page changed)
from lmp.model import site as model  # noqa: E402
from lmp import project
from lmp import words
from lmp.templates import render  # noqa: E402

docx_convert = project.lazy_import("lmp.outputs.docx_convert")   # HTML → Word; python-docx is imported when a file is converted

log = logging.getLogger("mkdocs.hooks.docx_templates")

DOCX_DIR = "assets/templates"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


CONVERTER = str(Path(__file__).with_name("docx_convert.py"))   # HTML → Word: lmp/outputs/docx_convert.py
SIZE_MARK = "lmp-docx-size"   # in the link's Markdown until the file's size is known
stats = {"converted": 0, "cached": 0, "seconds": 0.0}   # of the language build running
_FILES: dict[str, File] = {}   # template page src_uri → its .docx File (this language build)


def _lang(file) -> str:
    return getattr(file, "locale", None) or project.DEFAULT_LANGUAGE


def docx_name(file) -> str:
    """'activity-plan.nb.docx' for docs/tools/templates/activity-plan.nb.md."""
    return f"{Path(file.src_uri).name.split('.')[0]}.{_lang(file)}.docx"


@event_priority(-200)  # after static-i18n (-100) has chosen the pages of the language being built
def on_files(files, config, **kwargs):
    """One .docx File per template page of this build, at the site's root (the URL it always had);
    its bytes are set in on_page_content, before MkDocs copies the files."""
    _FILES.clear()
    stats.update(converted=0, cached=0, seconds=0.0)
    site = model.current(config.docs_dir)          # the build's page model: no second parse
    for file in files.documentation_pages():
        page = site.page(file.src_uri)
        if page is not None and page.meta.get("type") == "template":
            _FILES[file.src_uri] = File.generated(config, f"{DOCX_DIR}/{docx_name(file)}", content=b"")
            files.append(_FILES[file.src_uri])
    return files


def on_page_markdown(markdown, page, config, **kwargs):
    docx = _FILES.get(page.file.src_uri)
    if docx is None:
        return markdown
    lang = _lang(page.file)
    href = os.path.relpath(docx.src_uri, os.path.dirname(page.file.src_uri) or ".").replace(os.sep, "/")
    link = render("docx-link.html", text=words.ui(lang)["docx"]["link"], href=href, type=DOCX_TYPE, lang=lang,
                  size=SIZE_MARK)
    return f"{link.strip()}\n\n{markdown}"


def on_page_content(html, page, config, **kwargs):
    docx = _FILES.get(page.file.src_uri)
    if docx is None:
        return html
    lang = _lang(page.file)
    data = cached_docx(html, page.title, lang, page.meta.get("description", ""), base=page.canonical_url)
    docx.content_bytes = data
    size = words.ui(lang)["docx"]["size"].format(max(1, round(len(data) / 1024)))
    return f'<div class="lmp-template">{html.replace(SIZE_MARK, size, 1)}</div>'


def on_post_build(config, **kwargs):
    """One line per language build, e.g. `docx: 0 converted (0.00 s), 6 from the cache`."""
    if _FILES:
        log.info("docx: %d converted (%.2f s), %d from the cache", stats["converted"], stats["seconds"],
                 stats["cached"])


def cached_docx(html: str, title: str, lang: str, description: str, base: str | None) -> bytes:
    """html_to_docx, or the file it made before from the same input (hooks/_cache.py: keyed on the
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
