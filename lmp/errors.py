"""The one exception the site's logic raises for a problem an author or maintainer must fix.

The MkDocs adapter (lmp_mkdocs/) turns it into MkDocs' PluginError, so that a build stops with the
message alone (no traceback); the package itself knows nothing of MkDocs."""


class BuildError(Exception):
    """A problem that stops the build, with a message that names the file and what to do."""
