"""Leave out of the published site what no page loads.

Material copies every lunr language (30 word-splitters and stemmers, ~1 MB, e.g. the Japanese
`tinyseg`) and source maps (~1.3 MB) into every build. The site's search worker
(lmp/search/index.py) embeds lunr with each language's stemmer (mkdocs.yml extra.search_stemmers), which it reads from the build at
post-build time: those files stay, everything else below is excluded from the build here
(on_files), so it is never written to site/. With LMP_SEARCH=material (plain Material search, for
scripts/search_benchmark.py) lunr's languages are kept: Material's own worker loads them.

Also left out: Material's own search worker (every page names ours instead, lmp/search/index.py)
and its default favicon when the site names another (mkdocs.yml theme.favicon). The lunr files the
workers embed are deleted from site/ once the workers are written (`after_search`): no page loads
them. tests/test_build.py holds every published asset to a page, stylesheet or script naming it.
"""
from __future__ import annotations

import fnmatch


LUNR = "assets/javascripts/lunr/"
MATERIAL_WORKER = "assets/javascripts/workers/*"
MATERIAL_FAVICON = "assets/images/favicon.png"
UNUSED = ("*.map", LUNR + "*", MATERIAL_WORKER)
LUNR_CORE = "assets/vendor/lunr/lunr.min.js"


def keep(stemmers) -> set[str]:
    """The lunr-languages files the search workers embed (mkdocs.yml extra.search_stemmers)."""
    if not stemmers:
        return set()
    return {LUNR + "min/lunr.stemmer.support.min.js", *(f"{LUNR}min/lunr.{name}.min.js" for name in stemmers)}


def unused(dest_uri: str, kept: set[str], favicon: str | None = None) -> bool:
    if dest_uri == MATERIAL_FAVICON and favicon and favicon != MATERIAL_FAVICON:
        return True
    return dest_uri not in kept and any(fnmatch.fnmatch(dest_uri, pattern) for pattern in UNUSED)


def after_search(site_dir, kept: set[str]) -> None:
    """Delete the lunr sources the search workers embed (read from site/ while writing them)."""
    from pathlib import Path
    for name in (*kept, LUNR_CORE):
        (Path(site_dir) / name).unlink(missing_ok=True)
    for folder in (Path(site_dir) / LUNR / "min", Path(site_dir) / LUNR):   # emptied above
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
