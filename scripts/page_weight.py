#!/usr/bin/env python3
"""Page weight: what a first visit to a typical module page transfers (goal ≤ 150 KB gzip).

Loads the page in Chromium from a fresh profile (no cache), records every response, and sums
the bytes by kind (HTML, CSS, JS, fonts, images, other; the search index that Material's worker
fetches at load is counted apart, against its own budget), raw and gzip-compressed (as a static host
that compresses would send them). Also reports each language's search worker (goal ≤ 400 KB for
a first search). Usage: python scripts/page_weight.py [SITE_DIR]   (default: build into a temp dir)
"""
from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

PAGES = ["themes/theme-1/index.html", "en/themes/theme-1/index.html"]
KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}


def first_visit(site_url: str, path: str, browser) -> dict[str, list[int]]:
    """{kind: [raw bytes, gzip bytes]} for one page loaded with an empty cache."""
    totals: dict[str, list[int]] = {}
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(site_url + path, wait_until="networkidle")
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and failed requests have no body
            continue
        kind = KINDS.get(response.request.resource_type, "other")
        if "/search/" in response.url:
            kind = "search"  # the search index, fetched by Material's worker at load: its own budget
        sizes = totals.setdefault(kind, [0, 0])
        sizes[0] += len(body)
        sizes[1] += len(gzip.compress(body, 9))
    context.close()
    return totals


def report(site_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    from conftest import launch_chromium, serve

    url, server = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for path in PAGES:
                totals = first_visit(url, path, browser)
                page_only = {kind: v for kind, v in totals.items() if kind != "search"}
                raw = sum(v[0] for v in page_only.values())
                packed = sum(v[1] for v in page_only.values())
                parts = ", ".join(f"{kind} {v[1] / 1024:.0f}" for kind, v in sorted(totals.items()))
                print(f"First visit {path}: {packed / 1024:.0f} KB gzip ({raw / 1024:.0f} KB raw); "
                      f"gzip KB by kind: {parts}  [goal ≤ 150 KB without search]")
            browser.close()
    finally:
        server.shutdown()
    for worker in sorted((site_dir / "search").glob("lmp-search.*.js")):
        body = worker.read_bytes()
        print(f"Search worker {worker.name}: {len(body) / 1024:.0f} KB raw, "
              f"{len(gzip.compress(body, 9)) / 1024:.0f} KB gzip  [goal ≤ 400 KB]")


def main(site_dir: Path | None = None) -> None:
    if site_dir:
        return report(Path(site_dir))
    from check_external_links import build

    with tempfile.TemporaryDirectory() as scratch:
        build(Path(scratch) / "site")
        report(Path(scratch) / "site")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
