"""Markup of everything the site's code generates (tables, lists, covers, back pages, buttons) lives in
Jinja templates under overrides/lmp/, never in Python strings. One environment per process;
a template is parsed once and reused (Jinja's own cache, auto_reload keeps `mkdocs serve` fresh),
and its compiled code is kept in `.cache/jinja/` for the next build (`_cache.jinja_bytecode`).
Templates end in .html: MkDocs copies any other file in a theme folder into the site.

    from lmp.templates import render
    html = render("programme-table.html", rows=rows, words=words.ui(lang)["programme"])

StrictUndefined: a template that names a value the caller did not pass fails loudly.
"""
from __future__ import annotations


import jinja2

from lmp import cache
from lmp import project

_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(project.path("overrides", "lmp"))),
            autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=False),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=True,
            bytecode_cache=cache.jinja_bytecode(),
        )
    return _ENV


def render(name: str, **context) -> str:
    """Render overrides/lmp/<name> with the given values."""
    return environment().get_template(name).render(**context)
