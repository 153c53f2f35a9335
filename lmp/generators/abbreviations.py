"""Append the page language's abbreviation list (includes/abbreviations.<lang>.md) to each page.

Material shows them as tooltips (content.tooltips). static-i18n cannot give each language its
own pymdownx.snippets settings, hence this module.
"""
from lmp import project
from lmp.model import info



def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    lang = page.lang
    abbreviations = project.path("includes", f"abbreviations.{lang}.md")
    if not abbreviations.exists():
        return markdown
    return markdown + "\n\n" + abbreviations.read_text(encoding="utf-8")
