"""Write the "semester by semester" section of each role page from its front matter.

The same front matter (`semesters`) feeds the roles × semesters matrix, so the text is never
typed twice.
"""
import sys
from pathlib import Path

from lmp import project
from lmp import words as lmp_words
from lmp.model import pages
from lmp.model import info


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    lang = page.lang
    return with_semesters(markdown, page.meta, lang, page.src_uri)


def with_semesters(markdown: str, meta: dict, lang: str, src_uri: str) -> str:
    """A role page's Markdown with its generated section (other pages unchanged): a plain
    function, used by this hook and by the section catalogue (hooks/_catalogue.py)."""
    semesters = meta.get("semesters")
    if meta.get("type") != "role" or not isinstance(semesters, dict):
        return markdown
    words = lmp_words.ui(lang)["role_semesters"]      # data/ui.<lang>.yml
    depth = "../" * src_uri.count("/")
    rows = [f"| {n} | [{words['theme_n'].format(n=n)}]({depth}themes/theme-{n}/index.md) | {semesters[n]} |"
            for n in pages.SEMESTERS if n in semesters]
    table = "\n".join([f"| {words['semester']} | {words['theme']} | {words['text']} |", "|---|---|---|", *rows])
    return f"{markdown.rstrip()}\n\n## {words['heading']} {{ #by-semester }}\n\n{table}\n"
