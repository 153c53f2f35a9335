"""Write the "semester by semester" section of each role page from its front matter.

The same front matter (`semesters`) feeds the roles × semesters matrix, so the text is never
typed twice.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402

TEXT = {
    "nb": ("Semester for semester", "Semester", "Tema", "Hva rollen gjør", "Tema {}"),
    "en": ("Semester by semester", "Semester", "Theme", "What the role does", "Theme {}"),
}


def on_page_markdown(markdown, page, **kwargs):
    semesters = page.meta.get("semesters")
    if page.meta.get("type") != "role" or not isinstance(semesters, dict):
        return markdown
    lang = getattr(page.file, "locale", _site.DEFAULT_LANGUAGE)
    heading, col_semester, col_theme, col_text, theme = TEXT.get(lang, TEXT["nb"])
    depth = "../" * page.file.src_uri.count("/")
    rows = [f"| {n} | [{theme.format(n)}]({depth}themes/theme-{n}/index.md) | {semesters[n]} |"
            for n in _site.SEMESTERS if n in semesters]
    table = "\n".join([f"| {col_semester} | {col_theme} | {col_text} |", "|---|---|---|", *rows])
    return f"{markdown.rstrip()}\n\n## {heading} {{ #by-semester }}\n\n{table}\n"
