"""The programme's identity on the web pages: the stylesheet made from data/identity.yml (the
typeface and each theme's colour as CSS variables, lmp.model.identity), a file of every build."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lmp.model import identity

STYLESHEET = "assets/stylesheets/identity-data.css"   # in mkdocs.yml's extra_css


@event_priority(-200)  # after static-i18n (-100) has chosen the files of the language being built
def on_files(files, config, **kwargs):
    if files.get_file_from_path(STYLESHEET) is None:
        files.append(File.generated(config, STYLESHEET, content=identity.load().css()))
    return files


def on_config(config):
    """The templates read the contact line (overrides/partials/copyright.html) as
    config.extra.lmp_identity; a bad data/identity.yml stops the build naming the file."""
    config.extra["lmp_identity"] = identity.load()
    return config
