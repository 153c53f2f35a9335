#!/usr/bin/env python3
"""Measure the site search: what a first search transfers, how fast results come, how often the
query table of tests/test_search.py finds its page; ours against plain Material search.

- Index transferred per language for a first search: every file under search/ and Material's
  search worker and lunr files that the page loads up to the first results, as sent by a plain
  HTTP server (uncompressed), and gzip-compressed as most static hosts send it.
- Keystroke to results: from the keyup that Material listens to, to the result list changing,
  per query of the table, after the page has loaded and the worker is ready (median, 90th
  percentile, max).
- Offline: from opening the search box under file:// to the worker being ready (Material defers
  building the index there until search opens, and the iframe shim runs it on the main thread).
- Hit rate: share of the table's queries whose page is in the first 3 results with no result in
  the other language, and (looser) with the page in the first 3 whatever else is there.
The plain Material figures come from a build with LMP_SEARCH=material (lmp/search/index.py off).

Usage: python scripts/search_benchmark.py [SITE_DIR]   (builds the site without PDFs if not given)
scripts/benchmark.py calls main(site_dir) with its full build.
"""
from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

GOAL_KB, GOAL_MS = 400, 100

MEASURE = """async (query) => {
  const input = document.querySelector("[data-md-component=search-query]")
  const list = document.querySelector(".md-search-result__list")
  input.value = ""
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "Backspace", bubbles: true}))
  await new Promise(r => setTimeout(r, 60))
  return await new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start) })
    observer.observe(list, {childList: true, subtree: true})
    input.value = query
    const start = performance.now()
    input.dispatchEvent(new KeyboardEvent("keyup", {key: query.slice(-1), bubbles: true}))
    setTimeout(() => { observer.disconnect(); resolve(null) }, 3000)
  })
}"""


OFFLINE_READY = """async () => {
  const meta = document.querySelector(".md-search-result__meta")
  const ready = JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]
  const start = performance.now()
  document.querySelector("[data-md-component=search-query]").focus()
  while (meta.textContent !== ready && performance.now() - start < 10000) await new Promise(r => setTimeout(r, 5))
  return performance.now() - start
}"""


def build(target: Path, material: bool) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": "false"}
    if material:
        env["LMP_SEARCH"] = "material"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)], cwd=ROOT,
                   env=env, check=True)
    return target


def is_search_file(url: str) -> bool:
    path = urlparse(url).path
    return "/search/" in path or "/workers/search." in path or "/javascripts/lunr/" in path


def measure(site: Path, label: str, playwright) -> dict:
    from conftest import launch_chromium, serve
    import test_search as table

    url, server = serve(site)
    browser = launch_chromium(playwright)
    figures = {"label": label}
    try:
        for lang, queries in (("nb", table.NB_QUERIES), ("en", table.EN_QUERIES)):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            loaded = {}
            page.on("requestfinished", lambda request: is_search_file(request.url) and loaded.setdefault(
                request.url, len(request.response().body())))
            table.open_search(page, url, lang)
            table.results(page, queries[0][0])
            raw = sum(loaded.values())
            zipped = 0
            for address in loaded:
                zipped += len(gzip.compress((site / urlparse(address).path.lstrip("/")).read_bytes(), 6))
            timings = [page.evaluate(MEASURE, query) for query, _ in queries]
            timings = sorted(t for t in timings if t is not None)
            strict = loose = 0
            for query, target in queries:
                pages = [table.site_path(item["page"], url) for item in table.results(page, query)]
                other = [p for p in pages if (p.split("/")[0] == "en") != (lang == "en")]
                loose += target in pages[:table.TOP]
                strict += target in pages[:table.TOP] and not other
            # Offline (file://): Material builds the index only when search opens, on the main thread
            offline = context.new_page()
            offline.goto(site.as_uri() + "/" + table.START[lang])
            ready = offline.evaluate(OFFLINE_READY)
            figures[lang] = {
                "offline_ready_ms": ready,
                "files": sorted(urlparse(a).path for a in loaded), "raw_kb": raw / 1024, "gzip_kb": zipped / 1024,
                "median_ms": statistics.median(timings), "p90_ms": timings[int(0.9 * (len(timings) - 1))],
                "max_ms": timings[-1], "queries": len(queries), "hits": strict, "hits_loose": loose,
            }
            context.close()
    finally:
        browser.close()
        server.shutdown()
    return figures


PAGEFIND = """async ([root, queries]) => {
  const pagefind = await import(root + "pagefind/pagefind.js")
  await pagefind.init()
  const found = [], timings = []
  for (const query of queries) {
    const start = performance.now()
    const search = await pagefind.search(query)
    const top = await Promise.all(search.results.slice(0, 3).map(result => result.data()))
    timings.push(performance.now() - start)
    found.push({all: search.results.length, top: top.map(data => data.url)})
  }
  return {found, timings}
}"""


def measure_pagefind(site: Path, playwright, scratch: Path) -> dict | None:
    """The alternative considered: Pagefind's own index and search (its JS API, no UI) over a copy
    of the site; nothing marked up for it (whole <body>, no synonyms)."""
    import shutil
    from conftest import launch_chromium, serve
    import test_search as table
    copy = scratch / "pagefind" / "site"
    shutil.copytree(site, copy)
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy)], capture_output=True)
    if done.returncode != 0:
        return None
    url, server = serve(copy)
    browser = launch_chromium(playwright)
    figures = {"label": "Pagefind 1.5.2 as it comes (JS API, default indexing), for comparison"}
    try:
        for lang, queries in (("nb", table.NB_QUERIES), ("en", table.EN_QUERIES)):
            page = browser.new_page()
            loaded = {}
            page.on("requestfinished", lambda request: "/pagefind/" in request.url and loaded.setdefault(
                request.url, len(request.response().body())))
            page.goto(url + table.START[lang])
            page.evaluate(PAGEFIND, [url, queries[:1]])
            raw = sum(loaded.values())
            outcome = page.evaluate(PAGEFIND, [url, [query for query, _ in queries]])
            timings = sorted(outcome["timings"])
            strict = loose = 0
            for (query, target), found in zip(queries, outcome["found"]):
                pages = [table.site_path(url.rstrip("/") + "/" + p.lstrip("/"), url) for p in found["top"]]
                loose += target in pages
                strict += target in pages and all((p.split("/")[0] == "en") == (lang == "en") for p in pages)
            figures[lang] = {"files": [f"{len(loaded)} files under /pagefind/"], "raw_kb": raw / 1024,
                             "gzip_kb": raw / 1024,  # Pagefind's index files are gzipped already
                             "median_ms": statistics.median(timings),
                             "p90_ms": timings[int(0.9 * (len(timings) - 1))], "max_ms": timings[-1],
                             "queries": len(queries), "hits": strict, "hits_loose": loose}
            page.close()
    finally:
        browser.close()
        server.shutdown()
    return figures


def report(figures: dict):
    print(f"-- {figures['label']}")
    for lang in ("nb", "en"):
        f = figures[lang]
        print(f"  {lang}: first search transfers {f['raw_kb']:.0f} KB ({f['gzip_kb']:.0f} KB gzipped; "
              f"goal ≤ {GOAL_KB} KB): {', '.join(f['files'])}")
        print(f"  {lang}: keystroke → results: median {f['median_ms']:.0f} ms, p90 {f['p90_ms']:.0f} ms, "
              f"max {f['max_ms']:.0f} ms (goal ≤ {GOAL_MS} ms)")
        if "offline_ready_ms" in f:
            print(f"  {lang}: offline (file://): search ready {f['offline_ready_ms']:.0f} ms after it is opened")
        print(f"  {lang}: hit rate {f['hits']}/{f['queries']} = {100 * f['hits'] / f['queries']:.0f} % "
              f"(page in top 3, no other-language result); page in top 3 at all: "
              f"{f['hits_loose']}/{f['queries']}")


def main(site_dir: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        ours = Path(site_dir) if site_dir else build(scratch / "ours" / "site", material=False)
        plain = build(scratch / "material" / "site", material=True)
        with sync_playwright() as playwright:
            results = {"ours": measure(ours, "This site (per-language worker, lmp/search/index.py)", playwright),
                       "material": measure(plain, "Plain Material search (LMP_SEARCH=material)", playwright)}
            pagefind = measure_pagefind(plain, playwright, scratch)
            if pagefind:
                results["pagefind"] = pagefind
    for figures in results.values():
        report(figures)
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
