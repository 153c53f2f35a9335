"""Pages as they are rendered: the generators of the `lmp` package fill each page's Markdown and
HTML, given the page and the build as plain values (lmp.model.info).

MkDocs runs this module's two handlers for every page of every language; the generators that
concern one page only look at its front matter first and return the text unchanged otherwise.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp import project
from lmp.checks import draft_markers
from lmp.errors import BuildError
from lmp.generators import (abbreviations, audience_index, before_next_seminar, home_page, last_updated,
                            law_citations, onboarding_path, permalinks, programme, reading_builder, reading_lists,
                            reading_time, role_semesters, self_check, setting_view, terms_table, theme_titles,
                            tools_hub, who_does_what)
from lmp.model import settings
from lmp.model.info import PageInfo, SiteInfo
from lmp_mkdocs import i18n

# In this order. The reading time comes first: it counts the page as its author wrote it; the box
# «Before the next seminar» then counts its own reading before other generators add text.
MARKDOWN = (reading_time, before_next_seminar, abbreviations, law_citations, theme_titles, terms_table,
            role_semesters, reading_lists, home_page, onboarding_path, audience_index, who_does_what,
            tools_hub, programme, last_updated)
# The self-check first: draft_markers then reads its text too.
# The setting view last: it labels the marked text of every other part.
CONTENT = (permalinks, self_check, draft_markers, reading_builder, onboarding_path, audience_index, home_page,
           setting_view)


def page_info(page) -> PageInfo:
    return PageInfo(src_uri=page.file.src_uri, lang=i18n.page_language(page), meta=page.meta,
                    dest_uri=page.file.dest_uri, url=page.url, title=page.title,
                    canonical_url=page.canonical_url)


def site_info(config) -> SiteInfo:
    return SiteInfo(docs_dir=config.docs_dir, site_dir=config.site_dir, config_file=config.config_file_path,
                    site_name=config.site_name, public_address=project.public_address(config.site_url),
                    site_description=config.site_description or "", copyright=config.copyright or "",
                    extra=config.extra)


@event_priority(10)   # after static-i18n (50) and mkdocs-exporter (100) have read the page
def on_page_markdown(markdown, page, config, **kwargs):
    info, site = page_info(page), site_info(config)
    try:
        for generator in MARKDOWN:
            markdown = generator.page_markdown(markdown, info, site)
    except BuildError as error:
        raise PluginError(str(error)) from error
    return markdown


def on_page_content(html, page, config, **kwargs):
    info, site = page_info(page), site_info(config)
    for generator in CONTENT:
        html = generator.page_content(html, info, site)
    return html


@event_priority(-200)  # after static-i18n (-100) has chosen the files of the language being built
def on_files(files, config, **kwargs):
    """Every language's calendar (.ics) as a file of each language's build: a generated file is not
    in docs_dir, so static-i18n leaves its place alone."""
    for uri, content in programme.calendar_files(config.docs_dir).items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=content))
    return files


def on_env(env, config, files):
    """The templates' one name for the settings (overrides/main.html's view script): the package's."""
    env.globals["lmp_settings"] = list(settings.SETTINGS)
    return env
