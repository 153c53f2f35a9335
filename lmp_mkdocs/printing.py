"""The printed documents (lmp.print) in a MkDocs build: mkdocs-exporter prints what the package
composes. This module registers every PDF and booklet as a file of the build (strict link checks
cover links to them), gives each PDF page its download link, collects the rendered pages and, after
the build, turns the exporter's copy of each PDF page into the printed document. The exporter's
own launch and print are in exporter.py."""
from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp import project
from lmp.model import site as model
from lmp.print import booklets, editions, handouts, markup, short_links
from lmp_mkdocs import i18n
from lmp_mkdocs.pages import page_info, site_info

# Material's partials/content.html as overrides/partials/content.html copies it (sha256): when an
# upgrade changes it, the copy (which places the PDF link) must be redone.
MATERIAL_CONTENT = "ce33929c85af129f6e2f3b0aed47159e9c4a519482d1938bae15f5ff4a3cfae5"


class _State:
    """What one language's build has collected (reset at the start of every build)."""

    def __init__(self):
        self.nav = None
        self.pages: dict = {}   # dest_uri → MkDocs page, every page of this build


state = _State()


# The PDFs and booklets of this language's build: files MkDocs knows (so strict link validation
# covers links to them). MkDocs writes each as an empty file with the other files; mkdocs-exporter and
# the booklets write over it after the pages. A build without PDFs removes the empty files at its end.
_PLACEHOLDERS: list[str] = model.per_build([])   # dest_uri of each


def pdf_enabled(config) -> bool:
    plugin = config.plugins.get("exporter-pdf")
    return bool(plugin and plugin.config.enabled)


def _makes_pdf(page, config) -> bool:
    return pdf_enabled(config) and bool(page.meta.get("pdf"))


def on_config(config, **kwargs):
    import material
    copied = Path(material.__file__).parent / "templates" / "partials" / "content.html"
    if not copied.is_file() or hashlib.sha256(copied.read_bytes()).hexdigest() != MATERIAL_CONTENT:
        raise PluginError(
            "handouts: Material's partials/content.html is not the one overrides/partials/content.html "
            "copies (it places the PDF download link). Copy it again, keep the lmp/handout-download.html "
            "line and update MATERIAL_CONTENT in lmp_mkdocs/print.py (MAINTAINING.md, Material).")
    return config


def on_pre_build(config, **kwargs):
    global state
    state = _State()


@event_priority(-110)  # after static-i18n (-100) has chosen this language's files
def on_files(files, config, **kwargs):
    """Register each PDF the exporter will write, and each handout's booklet, as a file of the
    build (also in a preview without PDFs, so that links are validated the same way in both)."""
    site = model.current(config.docs_dir)          # the build's page model: no second parse
    for file in list(files.documentation_pages()):
        page = site.page(file.src_uri)
        if page is None or not page.meta.get("pdf"):
            continue
        src, dest = markup._key_of(file.src_uri) + ".pdf", handouts.pdf_dest(file.dest_uri)
        made = [(src, dest)]
        lang = getattr(file, "locale", None) or project.DEFAULT_LANGUAGE
        if booklets.has_booklet(page.meta):
            made.append((booklets.booklet_name(src, lang), booklets.booklet_name(dest, lang)))
        made += zip(editions.files(src, page.meta, lang), editions.files(dest, page.meta, lang))
        for src, dest in made:
            pdf = File.generated(config, src, content=b"")
            pdf.dest_uri = dest
            pdf.url = pdf.dest_uri
            files.append(pdf)
            _PLACEHOLDERS.append(dest)
    if config.site_url and not i18n.is_nested_build(config):
        # the short addresses paper prints (data/short-links.yml): only with a public address
        for dest, content in short_links.files().items():
            files.append(File.generated(config, dest, content=content))
    return files


def on_nav(nav, config, files, **kwargs):
    state.nav = nav
    return nav


def _pdf_documents(lang: str, files, docs_dir: str) -> list[tuple[dict, str]]:
    """(front matter, src_uri) of every PDF page of `lang`."""
    site = model.current(docs_dir)
    return [(meta, file.src_uri) for file in files.documentation_pages()
            if file.src_uri.endswith(f".{lang}.md") and (meta := site.page(file.src_uri).meta).get("pdf")]


def on_page_markdown(markdown, page, config, files, **kwargs):
    info = page_info(page)
    if _makes_pdf(page, config):
        page.meta["lmp_pdf"] = handouts.download(info)
    if handouts.MARKER not in markdown:
        return markdown
    return handouts.with_pdf_table(markdown, info, _pdf_documents(info.lang, files, config.docs_dir),
                                   pdf_enabled(config))


def on_page_content(html, page, config, files, **kwargs):
    return handouts.without_wrapped_caption(html)


@event_priority(50)  # after mkdocs-exporter (its PDF part returns page.html as the output at 90)
def on_post_page(output, page, config, **kwargs):
    state.pages[page.file.dest_uri] = page
    if page.meta.get("lmp_pdf") and 'class="lmp-pdf-download' not in output:
        raise PluginError(f"handouts: {page.file.src_uri} has a PDF but its web page has no download "
                          "link: overrides/partials/content.html no longer includes "
                          "lmp/handout-download.html (MAINTAINING.md, Material)")
    if pdf_enabled(config):
        # the booklet, made once the handout's PDF is written (exporter.py runs lmp_after_print)
        after = booklets.after_print(Path(config.site_dir), page.file.dest_uri, page.meta,
                                     i18n.page_language(page), lambda: getattr(page, "lmp_a5", None))
        if after:
            page.lmp_after_print = after
        if editions.has_editions(page.meta):   # printed beside the handout (exporter.py)
            page.lmp_editions = [(edition, Path(config.site_dir) / editions.pdf_name(handouts.pdf_dest(page.file.dest_uri), edition))
                                 for edition in editions.EDITIONS]
    return output


def _printed(page):
    """A MkDocs page as the print composer reads it (lmp.model.info.PageInfo with its HTML)."""
    info = page_info(page)
    info.abs_src_path = page.file.abs_src_path
    info.content = page.content
    info.html = getattr(page, "html", None)
    return info


def _nav_entries(items, depth=0):
    """(depth, section title or None, page or None) in navigation order."""
    for item in items:
        if getattr(item, "is_section", False):
            yield depth, item.title, None
            yield from _nav_entries(item.children, depth + 1)
        elif getattr(item, "is_page", False):
            yield depth, None, _printed(item)


@event_priority(-80)  # after every page is built, before mkdocs-exporter prints (-90)
def on_post_build(config, **kwargs):
    """Turn the HTML that mkdocs-exporter kept of each PDF page into the printed document. Done
    here, not in on_post_page: the exporter returns its copy as the web page's output there."""
    if not pdf_enabled(config):
        for dest in _PLACEHOLDERS:   # no PDF is made: no empty file is published in its place
            placeholder = Path(config.site_dir) / dest
            if placeholder.is_file() and placeholder.stat().st_size == 0:
                placeholder.unlink()
        return
    printing = [page for page in state.pages.values()
                if _makes_pdf(page, config) and getattr(page, "html", None) is not None]
    if not printing:
        return
    site = site_info(config)
    entries = list(_nav_entries(state.nav.items)) if state.nav else []
    for page in printing:
        info = _printed(page)
        page.html = handouts.printed_html(info, site, entries)
        if booklets.has_booklet(page.meta):   # printed a second time for A5 (exporter.py `_print`)
            page.lmp_booklet_style = handouts.booklet_style(info)
