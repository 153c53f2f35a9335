"""The parts of the site's one stylesheet (mkdocs.yml `extra.stylesheets`) are not published on
their own: they leave the build's files before mkdocs-exporter (priority 0) lists the site's
stylesheets, which it reads back after the build, and before static-i18n (-100) sorts the files.
identity.py adds the bundle they make (lmp/deploy/stylesheet.py)."""
from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(10)
def on_files(files, config, **kwargs):
    for part in config.extra.get("stylesheets") or []:
        found = files.get_file_from_path(part)
        if found is not None:
            files.remove(found)
    return files
