"""Write the "semester by semester" section of each role page from its front matter.

The same front matter (`semesters`) feeds the roles × semesters matrix, so the text is never
typed twice.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402


def on_page_markdown(markdown, page, **kwargs):
    semesters = page.meta.get("semesters")
    if page.meta.get("type") != "role" or not isinstance(semesters, dict):
        return markdown
    lang = getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE
    words = _site.ui(lang)["role_semesters"]      # data/ui.<lang>.yml
    depth = "../" * page.file.src_uri.count("/")
    rows = [f"| {n} | [{words['theme_n'].format(n=n)}]({depth}themes/theme-{n}/index.md) | {semesters[n]} |"
            for n in _site.SEMESTERS if n in semesters]
    table = "\n".join([f"| {words['semester']} | {words['theme']} | {words['text']} |", "|---|---|---|", *rows])
    return f"{markdown.rstrip()}\n\n## {words['heading']} {{ #by-semester }}\n\n{table}\n"
