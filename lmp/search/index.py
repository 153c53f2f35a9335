"""Search per language, Norwegian-aware, offline too: Material's search box with our own worker.

static-i18n merges both languages into one search index, and Material's lunr worker finds no
inflected Norwegian forms (shared/notes/toolchain.md §3). Material lets a site bring its own search
worker (the `search` URL in the page's config); we keep Material's search box, result list and
keyboard handling, and give each language a worker of its own:

- After static-i18n has built and merged both languages, Material's index is split by language
  into site/search/lmp-index.<lang>.js: lunr, the Snowball stemmer (nb), that language's pages and
  sections, its synonym groups (includes/search-synonyms.<lang>.yml) and lmp/search/worker.js.
  One script file per language: it loads as a Web Worker over HTTP, and through Material's
  iframe-worker shim under file:// (the offline zip), where fetch() is blocked. The worker each
  page starts is site/search/lmp-search.<lang>.js (lmp/search/loader.js, under 2 KB): it loads the
  index only when the reader first searches (Material starts its worker on every page view).
- Each page's config names the worker of its own language, so results are in the reader's language.
- search_index.json (and the offline plugin's search_index.js), which Material's page script still
  loads, are cut down to their config: the worker does not use their documents.
- Documents of pages that list rather than explain (home, overview pages, the sources) and of the
  glossary are marked, so the worker ranks the page that explains a term above them. A
  page's snippet leaves out its reading-time line, and a page with no other text before its first
  heading shows its `description`: a result shows text, not "Reading time: about 14 min".

LMP_SEARCH=material in the environment switches all of this off (plain Material search), for
comparison in scripts/search_benchmark.py.
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

import yaml

from lmp import project
from lmp.errors import BuildError
from lmp.model import pages
from lmp.model import site as model

LOG = logging.getLogger("mkdocs.hooks.search_index")
WORKER = Path(__file__).resolve().parent / "worker.js"
LOADER = Path(__file__).resolve().parent / "loader.js"
OUTPUT = "search/lmp-search.{lang}.js"    # the worker each page starts: loader.js, a few hundred bytes
INDEX = "search/lmp-index.{lang}.js"       # the real worker, loaded by it on the first query
LUNR = "assets/vendor/lunr/lunr.min.js"
LUNR_LANGUAGES = "assets/javascripts/lunr/min/lunr.{name}.min.js"   # shipped by Material
# Definition-list terms by section (Material's index drops <dl>): location#anchor → terms
# (both are emptied at the start of each build: lmp/model/site.py `per_build`)
DEFINED: dict[str, list[str]] = model.per_build({})
# Per page URL: its front-matter type and description, and its reading-time line as rendered
PAGES: dict[str, dict] = model.per_build({})
READING_TIME = re.compile(r'<p class="lmp-reading-time"[^>]*>(.*?)</p>', re.DOTALL)
LISTING_TYPES, LISTING_IDS = {"home", "overview"}, {"sources"}   # pages that list, not explain
GLOSSARY_IDS = {"glossary"}      # defines terms in short; the pages that explain them come first
SECTION_OR_TERM = re.compile(r'<h[23]\b[^>]*\bid="([^"]+)"|<dt\b[^>]*>(.*?)</dt>', re.DOTALL)


def enabled() -> bool:
    return os.environ.get("LMP_SEARCH", "").lower() != "material"


def collect_defined_terms(html: str, url: str):
    location = url
    for anchor, term in SECTION_OR_TERM.findall(html):
        if anchor:
            location = f"{url}#{anchor}"
        else:
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", term)).strip()
            DEFINED.setdefault(location, []).append(text)


def load_synonyms(lang: str) -> list[list[str]]:
    """Synonym groups of one language: a YAML list of lists of words or phrases."""
    path = project.path("includes", f"search-synonyms.{lang}.yml")
    if not path.exists():
        return []
    try:
        groups = pages.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise BuildError(f"{path.relative_to(project.ROOT)}: invalid YAML: {error}") from error
    if not isinstance(groups, list) or not all(
        isinstance(group, list) and len(group) >= 2 and all(isinstance(x, str) and x.strip() for x in group)
        for group in groups
    ):
        raise BuildError(f"{path.relative_to(project.ROOT)}: expected a list of groups, each a list of "
                          "two or more words or phrases, e.g. - [PPT, pedagogisk-psykologisk tjeneste]")
    return groups


def check_synonyms(docs_dir=None):
    """('file', problem) for each language's synonym file that is not a list of groups: a content
    check, reported before anything is rendered (lmp_mkdocs/start.py)."""
    for lang in project.LANGUAGES:
        try:
            load_synonyms(lang)
        except BuildError as error:
            where, _, problem = str(error).partition(": ")
            yield where, problem


def split_index(index: dict) -> dict[str, list[dict]]:
    """Material's merged index documents by language (non-default languages live under /<lang>/)."""
    others = [lang for lang in project.LANGUAGES if lang != project.DEFAULT_LANGUAGE]
    split = {lang: [] for lang in project.LANGUAGES}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        lang = first if first in others and "/" in doc["location"] else project.DEFAULT_LANGUAGE
        entry = {key: doc[key] for key in ("location", "title", "text")}
        info = PAGES.get(doc["location"].split("#")[0], {})
        for flag in ("lists", "glossary"):
            if info.get(flag):
                entry[flag] = True
        if "#" not in doc["location"] and info.get("reading"):   # for the snippet only, not the ranking
            entry["reading"] = info["reading"]
            entry["summary"] = info.get("description", "")
        if DEFINED.get(doc["location"]):  # the terms a section defines (glossary, key concepts)
            entry["terms"] = " · ".join(DEFINED[doc["location"]])
        split[lang].append(entry)
    return split


def write_workers(site_dir: Path, index: dict, stemmers: dict | None = None) -> dict[str, Path]:
    """One worker per language; `stemmers` maps a language to its lunr-languages stemmer
    (mkdocs.yml extra.search_stemmers; a language without one gets lunr's English stemming)."""
    lunr = (site_dir / LUNR).read_text(encoding="utf-8")
    worker = WORKER.read_text(encoding="utf-8")
    written = {}
    for lang, docs in split_index(index).items():
        if not docs:
            raise BuildError(f"search: no {lang} pages in the search index; did static-i18n's "
                              "post_build run before lmp/search/index.py?")
        parts = [lunr]
        stemmer = (stemmers or {}).get(lang)
        if stemmer:  # lunr's core stems English; Norwegian comes from lunr-languages ("no")
            parts += [(site_dir / LUNR_LANGUAGES.format(name=name)).read_text(encoding="utf-8")
                      for name in ("stemmer.support", stemmer)]
        payload = {"lang": lang, "docs": docs, "synonyms": load_synonyms(lang)}
        parts.append("self.LMP_SEARCH = " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + ";")
        parts.append(worker)
        target = site_dir / INDEX.format(lang=lang)
        target.write_text("\n".join(parts), encoding="utf-8")
        loader = site_dir / OUTPUT.format(lang=lang)
        loader.write_text(f"self.LMP_INDEX = {json.dumps(Path(INDEX.format(lang=lang)).name)};\n"
                          + LOADER.read_text(encoding="utf-8"), encoding="utf-8")
        written[lang] = target
    return written


def record_page(html: str, url: str, meta: dict) -> None:
    """What the index needs of a rendered page besides Material's documents: the terms its
    sections define, whether it lists or explains, its description and its reading-time line."""
    collect_defined_terms(html, url)
    reading = READING_TIME.search(html)
    PAGES[url] = {"lists": meta.get("type") in LISTING_TYPES or meta.get("id") in LISTING_IDS,
                  "glossary": meta.get("id") in GLOSSARY_IDS,
                  "description": meta.get("description", ""),
                  "reading": reading.group(1).strip() if reading else None}


def worker_path(lang: str) -> str:
    """The search worker a page of `lang` starts (overrides/base.html's config "search")."""
    return OUTPUT.format(lang=lang)


def split_site_index(site_dir: Path, stemmers: dict) -> None:
    """Material's merged index of every language (search/search_index.json) → one worker per
    language; the merged index (and the offline plugin's copy) is cut down to its config."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    if not index.get("docs"):
        return  # already split (a repeated post_build)
    write_workers(site_dir, index, stemmers)
    stub = json.dumps({"config": index["config"], "docs": []}, separators=(",", ":"))
    path.write_text(stub, encoding="utf-8")
    if (site_dir / "search" / "search_index.js").exists():
        (site_dir / "search" / "search_index.js").write_text(f"var __index = {stub}", encoding="utf-8")
