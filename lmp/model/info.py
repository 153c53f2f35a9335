"""What the site's logic needs to know of a page being rendered and of the build: plain values
that the engine adapter (lmp_mkdocs/) makes from its own objects, so that nothing here depends on
the engine."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PageInfo:
    """One page of one language being rendered."""

    src_uri: str                  # its source under docs/, e.g. "roles/ppt.nb.md"
    lang: str                     # the language it is rendered in
    meta: dict                    # its front matter: the engine's own dict (a key set here reaches the templates)
    dest_uri: str = ""            # where it is written under the site, e.g. "en/roles/ppt.html"
    url: str = ""                 # its address relative to the site's root
    title: str | None = None
    canonical_url: str | None = None
    abs_src_path: str | None = None  # the source file on disk
    content: str | None = None    # its rendered body (after the page is built)
    html: str | None = None       # the whole page as it prints (mkdocs-exporter's copy)

    @property
    def src_path(self) -> str:
        return self.src_uri


@dataclass(frozen=True)
class SiteInfo:
    """The build: where its sources and output are, and what it is called."""

    docs_dir: str
    site_dir: str
    config_file: str
    site_name: str = ""
    public_address: str | None = None     # the site's address ending in "/", or None (lmp.project)
    site_description: str = ""
    copyright: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def root(self) -> Path:
        """The project's folder: mkdocs.yml, data/, includes/, overrides/."""
        return Path(self.config_file).parent


def relative_url(url: str, other: str) -> str:
    """The address `url` as seen from the page at `other` (both relative to the site's root), as
    MkDocs' `get_relative_url` gives it."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + url, "/" + other)
    return relative + "/" if url.endswith("/") else relative
