"""A role page's "semester by semester" section, made from its front matter (`semesters`): part of
the page as it is read (the catalogue counts its words) and as it is rendered
(lmp.generators.role_semesters). The same front matter feeds the roles × semesters matrix, so the
text is never typed twice."""
from __future__ import annotations

from lmp import words as lmp_words
from lmp.model import pages


def with_semesters(markdown: str, meta: dict, lang: str, src_uri: str) -> str:
    """A role page's Markdown with its generated section (other pages unchanged)."""
    semesters = meta.get("semesters")
    if meta.get("type") != "role" or not isinstance(semesters, dict):
        return markdown
    words = lmp_words.ui(lang)["role_semesters"]      # data/ui.<lang>.yml
    depth = "../" * src_uri.count("/")
    rows = [f"| {n} | [{words['theme_n'].format(n=n)}]({depth}themes/theme-{n}/index.md) | {semesters[n]} |"
            for n in pages.SEMESTERS if n in semesters]
    table = "\n".join([f"| {words['semester']} | {words['theme']} | {words['text']} |", "|---|---|---|", *rows])
    return f"{markdown.rstrip()}\n\n## {words['heading']} {{ #by-semester }}\n\n{table}\n"
