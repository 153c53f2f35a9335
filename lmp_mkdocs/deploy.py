"""What the web server gets besides the pages: robots.txt, each language's 404 page, the nginx
snippet with the Content-Security-Policy, and no file that no page loads (lmp.deploy)."""
from __future__ import annotations

from pathlib import Path

from lmp import project
from lmp.deploy import csp, not_found_pages, robots, unused_assets
from lmp.model import site as model
from lmp.search import index as search_index
from lmp_mkdocs import i18n

NOT_FOUND = not_found_pages.NOT_FOUND
_not_found: dict[str, str] = model.per_build({})   # language → its rendered 404 page, this build
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def on_files(files, config):
    """Material's lunr languages, search worker, default favicon and source maps stay out of site/
    (lmp.deploy.unused_assets)."""
    if not search_index.enabled():  # plain Material search (LMP_SEARCH=material) loads lunr's languages
        return files
    kept = unused_assets.keep((config.extra.get("search_stemmers") or {}).values())
    favicon = config.theme.get("favicon")
    for file in [f for f in files if unused_assets.unused(f.dest_uri, kept, favicon)]:
        files.remove(file)
    return files


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        # The 404 page's switcher: each language's home page, as static-i18n sets `extra.alternate`
        # at the start of a language's build (its attribute of the same name holds the links of the
        # last page rendered: overrides/partials/alternate.html reads this instead)
        context["lmp_alternate"] = config.extra["alternate"]
    return context


def on_post_template(output, template_name, config):
    if template_name == NOT_FOUND:
        _not_found[config.theme["language"] or project.DEFAULT_LANGUAGE] = output
    return output


def on_post_build(config):
    site_dir = Path(config.site_dir)
    address = project.public_address(config.site_url)
    if not i18n.is_nested_build(config):
        (site_dir / "robots.txt").write_text(robots.robots_txt(address), encoding="utf-8")
    for lang, html in _not_found.items():
        target = site_dir / not_found_pages.path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    # Every language's build writes into the same folder: only the last one sees all pages. A
    # preview (serve) is in a temporary folder: nothing to deploy.
    if _command["name"] != "serve" and i18n.last_language_build(config):
        csp.snippet_path(site_dir).write_text(csp.nginx_snippet(site_dir, address), encoding="utf-8")
