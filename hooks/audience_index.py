"""Fill the audience index (tools/by-audience): pages by setting, by role and by theme.

Read from the `settings`, `roles` and `themes` front matter of every page of the same language
(hooks/_site.py), so a page turns up here as soon as its front matter says whom it concerns.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _catalogue  # noqa: E402
import _site  # noqa: E402

PAGE_ID = "tool-by-audience"
SETTINGS = {"nb": {"kindergarten": "Barnehage", "school": "Skole", "sfo": "SFO"},
            "en": {"kindergarten": "Kindergarten", "school": "School", "sfo": "SFO"}}
NONE = {"nb": "Ingen sider ennå.", "en": "No pages yet."}
TYPE_ORDER = ("theme", "topic", "role", "overview", "page", "reference")


def on_page_markdown(markdown, page, config, **kwargs):
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = _catalogue.language(page)
    pages = sorted(_catalogue.pages(config.docs_dir, lang), key=_order)
    roles = {p.meta.get("role"): p.meta["title"] for p in pages if p.meta.get("type") == "role"}
    themes = {p.meta["id"]: p.meta["title"] for p in pages if p.meta.get("type") == "theme"}
    facets = (("by-setting", "settings", "setting", _site.SETTINGS, SETTINGS.get(lang, SETTINGS["nb"])),
              ("by-role", "roles", "role", _site.ROLES, roles),
              ("by-theme", "themes", "theme", _site.THEMES, themes))
    for marker, key, prefix, values, labels in facets:
        text = "\n".join(facet(pages, key, prefix, value, labels.get(value, value), lang, page)
                         for value in values)
        markdown = _catalogue.fill(markdown, marker, text, page)
    return markdown


def _order(page):
    kind = page.meta.get("type")
    return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER), page.key)


def facet(pages, key: str, prefix: str, value: str, label: str, lang: str, page) -> str:
    found = [p for p in pages if value in (p.meta.get(key) or [])]
    items = [f"- [{p.meta['title']}]({_catalogue.md_link(page.file.src_uri, p.key)})" for p in found]
    body = "\n".join(items) if items else NONE.get(lang, NONE["nb"])
    return f"### {label} {{ #{prefix}-{value} }}\n\n{body}\n"
