"""A problem the site's logic reports (lmp.errors.BuildError) stops MkDocs with its message alone."""
from __future__ import annotations

import functools

from mkdocs.exceptions import PluginError

from lmp.errors import BuildError


def engine_errors(handler):
    """`handler`, raising MkDocs' PluginError (message only, no traceback) for a BuildError."""
    @functools.wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except BuildError as error:
            raise PluginError(str(error)) from error
    return run
