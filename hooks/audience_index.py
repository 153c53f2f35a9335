"""Fill the audience filter (tools/by-audience): every page, grouped by theme, that a reader can
narrow down to their setting and role.

Read from the `settings`, `roles` and `themes` front matter of every page of the same language
(hooks/_site.py), so a page turns up here as soon as its front matter says whom it concerns. A page
that names no setting (or no role) concerns every setting (or every role). Each page is listed once:
under its theme when it names one theme, under "for all the themes" when it names several, and
under "about, tools and reference" when it names none.

`<!-- lmp:audience-filter -->` becomes the form (hidden until assets/javascripts/audience-filter.js
shows it: without JavaScript the page is the full grouped list); `<!-- lmp:audience-groups -->` the
groups. The reader's choice lives in the URL (?setting=school&role=ppt): shareable, never stored.
Both are left out of the search index (data-search-exclude): they only repeat other pages' titles.
"""
import html
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))
import _catalogue  # noqa: E402
import _markers  # noqa: E402
import _site  # noqa: E402

_markers.register("audience-filter", "audience-groups", owner="audience_index")

PAGE_ID = "tool-by-audience"
SCRIPT = "assets/javascripts/audience-filter.js"
TYPE_ORDER = ("theme", "topic", "role", "template", "tool", "overview", "page", "reference")
LEFT_OUT = {"home", PAGE_ID}    # the home page and this page itself


def on_page_markdown(markdown, page, config, **kwargs):
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = _catalogue.language(page)
    words = _site.ui(lang)
    pages = [p for p in sorted(_catalogue.pages(config.docs_dir, lang), key=_order)
             if p.meta.get("type") not in LEFT_OUT and p.meta.get("id") not in LEFT_OUT]
    roles = {p.meta.get("role"): str(p.meta["title"]) for p in pages if p.meta.get("type") == "role"}
    themes = {p.meta["id"]: str(p.meta["title"]) for p in pages if p.meta.get("type") == "theme"}
    markdown = _markers.fill(markdown, "audience-filter", form(words, roles), f"docs/{page.file.src_path}")
    return _markers.fill(markdown, "audience-groups", groups(pages, themes, words, page), f"docs/{page.file.src_path}")


def on_page_content(html_text, page, config, **kwargs):
    if page.meta.get("id") != PAGE_ID:
        return html_text
    return f'{html_text}\n<script src="{get_relative_url(SCRIPT, page.url)}" defer></script>\n'


def _order(page):
    kind = page.meta.get("type")
    return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER),
            page.meta.get("semester") or 0, page.key)


def _options(name, label, any_label, values):
    options = [f'<option value="">{html.escape(any_label)}</option>']
    options += [f'<option value="{value}">{html.escape(text)}</option>' for value, text in values]
    return (f'<p><label for="lmp-audience-{name}">{html.escape(label)}</label>\n'
            f'<select id="lmp-audience-{name}" name="{name}">{"".join(options)}</select></p>')


def form(words, roles) -> str:
    text = words["audience"]
    settings = [(s, words["settings"][s]) for s in _site.SETTINGS]
    role_options = [(r, roles[r]) for r in _site.ROLES if r in roles]
    return ('<form id="lmp-audience" class="lmp-audience-form" hidden data-search-exclude>\n'
            + _options("setting", text["setting"], text["any_setting"], settings) + "\n"
            + _options("role", text["role"], text["any_role"], role_options) + "\n"
            + f'<p class="lmp-audience-count" role="status" data-count="{html.escape(text["count"])}" '
              f'data-count-all="{html.escape(text["count_all"])}"></p>\n'
            + "</form>\n")


def group_of(page) -> str:
    named = [t for t in page.meta.get("themes") or [] if t in _site.THEMES]
    return named[0] if len(named) == 1 else "all-themes" if named else "general"


def groups(pages, themes, words, page) -> str:
    text, out = words["audience"], []
    titles = {**themes, "all-themes": text["all_themes"], "general": text["general"]}
    for group in (*_site.THEMES, "all-themes", "general"):
        members = [p for p in pages if group_of(p) == group]
        if not members:
            continue
        items = []
        for p in members:
            href = _catalogue.html_url(page.file.src_uri, p.key)
            items.append(f'<li data-settings="{" ".join(p.meta.get("settings") or [])}" '
                         f'data-roles="{" ".join(p.meta.get("roles") or [])}">'
                         f'<a href="{href}">{html.escape(str(p.meta["title"]))}</a></li>')
        label = html.escape(titles[group], quote=True)   # the table of contents leaves the count out
        out.append(f'### {titles[group]} <span class="lmp-group-count">({len(members)})</span> '
                   f'{{ #group-{group} data-toc-label="{label}" }}\n\n'
                   f'<ul class="lmp-audience-list" data-group="{group}" data-search-exclude>\n' + "\n".join(items) + "\n</ul>\n\n"
                   f'<p class="lmp-audience-none" hidden>{html.escape(text["none"])}</p>\n')
    return "\n".join(out)
