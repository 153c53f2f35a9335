"""Every template page (front matter `type: template`) is also an editable Word file
(lmp.outputs.docx_templates): a file of the build, registered in on_files, its bytes set once the
page's HTML exists (on_page_content), copied by MkDocs."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp import project
from lmp.model import site as model
from lmp.outputs import docx_templates
from lmp_mkdocs.pages import page_info

_FILES: dict[str, File] = {}   # template page src_uri → its .docx File (this language build)


@event_priority(-200)  # after static-i18n (-100) has chosen the pages of the language being built
def on_files(files, config, **kwargs):
    """One .docx File per template page of this build, at the site's root (the URL it always had)."""
    _FILES.clear()
    docx_templates.stats.update(converted=0, cached=0, seconds=0.0)
    site = model.current(config.docs_dir)          # the build's page model: no second parse
    for file in files.documentation_pages():
        page = site.page(file.src_uri)
        if page is not None and page.meta.get("type") == "template":
            lang = getattr(file, "locale", None) or project.DEFAULT_LANGUAGE
            _FILES[file.src_uri] = File.generated(config, docx_templates.docx_path(file.src_uri, lang), content=b"")
            files.append(_FILES[file.src_uri])
    return files


def on_page_markdown(markdown, page, config, **kwargs):
    docx = _FILES.get(page.file.src_uri)
    return markdown if docx is None else docx_templates.with_link(markdown, page_info(page), docx.src_uri)


def on_page_content(html, page, config, **kwargs):
    docx = _FILES.get(page.file.src_uri)
    if docx is None:
        return html
    docx.content_bytes, html = docx_templates.converted(html, page_info(page))
    return html


def on_post_build(config, **kwargs):
    """One line per language build, e.g. `docx: 0 converted (0.00 s), 6 from the cache`."""
    if _FILES:
        stats = docx_templates.stats
        docx_templates.log.info("docx: %d converted (%.2f s), %d from the cache", stats["converted"],
                                stats["seconds"], stats["cached"])
