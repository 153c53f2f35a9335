"""Leave out of the published site what no page loads.

Material copies every lunr language (30 word-splitters and stemmers, ~1 MB, e.g. the Japanese
`tinyseg`) and source maps (~1.3 MB) into every build. The site's search worker
(lmp/search/index.py) embeds lunr with each language's stemmer (mkdocs.yml extra.search_stemmers), which it reads from the build at
post-build time: those files stay, everything else below is excluded from the build here
(on_files), so it is never written to site/. With LMP_SEARCH=material (plain Material search, for
scripts/search_benchmark.py) lunr's languages are kept: Material's own worker loads them.
"""
from __future__ import annotations

import fnmatch


LUNR = "assets/javascripts/lunr/"
UNUSED = ("*.map", LUNR + "*")


def keep(stemmers) -> set[str]:
    """The lunr-languages files the search workers embed (mkdocs.yml extra.search_stemmers)."""
    if not stemmers:
        return set()
    return {LUNR + "min/lunr.stemmer.support.min.js", *(f"{LUNR}min/lunr.{name}.min.js" for name in stemmers)}


def unused(dest_uri: str, kept: set[str]) -> bool:
    return dest_uri not in kept and any(fnmatch.fnmatch(dest_uri, pattern) for pattern in UNUSED)
