"""Every theme page's staff meeting as slide decks (lmp.outputs.decks): files of the build,
registered in on_files (two per theme page: the kindergarten and the school-and-SFO edition), their
bytes made once the page's HTML exists (on_page_content), copied by MkDocs. Links to them are
Markdown links that strict validation checks: under the theme page's plan, and the table that
`<!-- lmp:decks-list -->` asks for (tools, handouts)."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp import project
from lmp.model import settings
from lmp.model import site as model
from lmp.outputs import decks
from lmp_mkdocs.pages import page_info, site_info

_FILES: dict[str, dict[str, File]] = {}   # theme page src_uri → {edition: its .pptx File} (this language build)


@event_priority(-200)  # after static-i18n (-100) has chosen the pages of the language being built
def on_files(files, config, **kwargs):
    _FILES.clear()
    decks.stats.update(made=0, cached=0, seconds=0.0)
    site = model.current(config.docs_dir)
    for file in files.documentation_pages():
        page = site.page(file.src_uri)
        if page is not None and page.meta.get("type") == "theme":
            lang = getattr(file, "locale", None) or project.DEFAULT_LANGUAGE
            made = _FILES[file.src_uri] = {
                edition: File.generated(config, decks.deck_path(str(page.meta.get("id")), lang, edition), content=b"")
                for edition in settings.EDITIONS}
            for deck in made.values():
                files.append(deck)
    return files


def on_page_markdown(markdown, page, config, **kwargs):
    made = _FILES.get(page.file.src_uri)
    info = page_info(page)
    if made is not None:
        markdown = decks.theme_link(markdown, info, {edition: file.src_uri for edition, file in made.items()})
    return decks.with_list(markdown, info, config.docs_dir)


def on_page_content(html, page, config, **kwargs):
    made = _FILES.get(page.file.src_uri)
    if made is None:
        return html
    info, site = page_info(page), site_info(config)
    sizes = {}
    for edition, data in decks.made(html, info, site).items():
        made[edition].content_bytes = data
        sizes[edition] = len(data)
    return decks.with_sizes(html, sizes, info.lang)


def on_post_build(config, **kwargs):
    """One line per language build, e.g. `decks: 8 made (0.61 s), 0 from the cache`."""
    if _FILES:
        stats = decks.stats
        decks.log.info("decks: %d made (%.2f s), %d from the cache", stats["made"], stats["seconds"],
                       stats["cached"])
