"""Write a theme's title where a page names it: `<!-- theme-title: theme-2 -->` becomes the title in
the front matter of themes/theme-2/index in the page's language (_site.theme_title). A theme's
name is typed once, on its own page; lists, headings and links elsewhere use the marker, e.g.
`[<!-- theme-title: theme-2 -->](../themes/theme-2/index.md)`. An unknown theme id is a warning
(fatal under --strict) naming the file and line.
"""
import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.theme_titles")

MARKER = re.compile(r"<!-- theme-title: ([\w-]+) -->")


def on_page_markdown(markdown, page, config, **kwargs):
    if "<!-- theme-title:" not in markdown:
        return markdown
    lang = getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE

    def title(match):
        if match.group(1) not in _site.THEMES:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(source, start=1) if match.group(0) in text), 1)
            log.warning("docs/%s:%d: unknown theme '%s' in %s (known: %s)", page.file.src_path,
                        line, match.group(1), match.group(0), ", ".join(_site.THEMES))
            return match.group(0)
        return _site.theme_title(match.group(1), lang, config.docs_dir)

    return MARKER.sub(title, markdown)
