"""The programme's identity on the web pages: the stylesheet made from data/identity.yml (the
typeface and each theme's colour as CSS variables, lmp.model.identity), and the site's own
stylesheets served as one file with it (lmp.deploy.stylesheet: mkdocs.yml `extra.stylesheets` are
the parts, `extra_css` names the bundle; the parts themselves are not published: stylesheet.py)."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from mkdocs.exceptions import PluginError

from lmp.deploy import stylesheet
from lmp.errors import BuildError
from lmp.model import identity

STYLESHEET = "assets/stylesheets/identity-data.css"   # a part of the bundle (mkdocs.yml extra.stylesheets)


@event_priority(-200)  # after static-i18n (-100) has chosen the files of the language being built
def on_files(files, config, **kwargs):
    parts = list(config.extra.get("stylesheets") or [])   # left out of the files by stylesheet.py
    if files.get_file_from_path(stylesheet.BUNDLE) is None:
        try:
            css = stylesheet.bundle(config.docs_dir, parts, {STYLESHEET: identity.load().css()})
        except BuildError as error:
            raise PluginError(str(error)) from error
        files.append(File.generated(config, stylesheet.BUNDLE, content=css))
    return files


def on_config(config):
    """The templates read the contact line (overrides/partials/copyright.html) as
    config.extra.lmp_identity; a bad data/identity.yml stops the build naming the file."""
    config.extra["lmp_identity"] = identity.load()
    return config
