"""Write a theme's title where a page names it: `<!-- lmp:theme-title theme-2 -->` becomes the title in
the front matter of themes/theme-2/index in the page's language (_site.theme_title). A theme's
name is typed once, on its own page; lists, headings and links elsewhere use the marker, e.g.
`[<!-- lmp:theme-title theme-2 -->](../themes/theme-2/index.md)`. An unknown theme id is a warning
(fatal under --strict) naming the file and line.
"""
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _markers  # noqa: E402
import _site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.theme_titles")

MARKER = "theme-title"
_markers.register(MARKER, owner="theme_titles")


def on_page_markdown(markdown, page, config, **kwargs):
    if next(_markers.find(markdown, MARKER), None) is None:
        return markdown
    lang = getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE

    def title(marker):
        if marker.args not in _site.THEMES:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(source, start=1) if marker.text in text), 1)
            log.warning("docs/%s:%d: unknown theme '%s' in %s (known: %s)", page.file.src_path,
                        line, marker.args, marker.text, ", ".join(_site.THEMES))
            return marker.text
        return _site.theme_title(marker.args, lang, config.docs_dir)

    return _markers.replace(markdown, MARKER, title)
