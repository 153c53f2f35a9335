#!/usr/bin/env python3
"""Time the PDF step (seminar handouts, booklets and handbooks, every language) against Chromium alone.

- PDF step: a full build with PDFs minus the same build without, best of N.
- Chromium alone: the same content printed with plain Playwright `page.pdf()` (no Paged.js, no
  covers, no page numbers): every PDF page's web page, and for each handbook every web page of its
  language (the handbook holds them all), with the same number of pages printing at once.
- With --sweep: the PDF step at exporter concurrency 1, 2, 3 and 4 (env PDF_CONCURRENCY, read by
  mkdocs.yml), to choose the setting for 2 cores.

Called by scripts/benchmark.py as main(site_dir) with its full build; on its own it builds.
Usage: python scripts/pdf_benchmark.py [--runs N] [--sweep]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from lmp import project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CONCURRENCY = 2  # keep equal to mkdocs.yml (exporter concurrency) for a fair comparison


PDF_STEP_BUDGET_PER_LANGUAGE = 30    # seconds a language, booklets included: 60 s for nb + en, 90 s with nn
HANDOUT_BUDGET = 500 * 1024          # bytes, each seminar handout (and its booklet)


def build(site_dir: Path, pdf: bool, concurrency: int | None = None) -> float:
    # Every PDF printed afresh: the PDF cache (lmp/print/pdf_cache.py) would time nothing.
    env = {**ENV, "PDF": "true" if pdf else "false", "LMP_PDF_CACHE": "off"}
    if concurrency:
        env["PDF_CONCURRENCY"] = str(concurrency)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=ROOT,
                   env=env, check=True)
    return time.perf_counter() - start


def pages_to_print(site_dir: Path) -> list[Path]:
    """The web pages whose content the PDFs hold: each PDF's page, and for a handbook all pages."""
    found = []
    for pdf in sorted(site_dir.rglob("*.pdf")):
        html = pdf.with_suffix(".html")
        if html.name == "handbook.html":
            lang_dir = pdf.parent.parent
            found += sorted(p for p in lang_dir.rglob("*.html") if p.name != "404.html"
                            and (lang_dir != site_dir or p.relative_to(site_dir).parts[0] not in project.LANGUAGES)
                            and p != html)
        elif html.exists():
            found.append(html)
    return found


async def _print_all(pages: list[Path], out: Path, concurrency: int) -> float:
    from playwright.async_api import async_playwright
    from conftest import CHROMIUM_ARGS as ARGS
    from lmp_mkdocs.exporter import find_browser

    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(args=ARGS)
        except Exception as error:  # Playwright's own browser is not installed
            if "Executable doesn't exist" not in str(error):
                raise
            browser = await playwright.chromium.launch(executable_path=find_browser(), args=ARGS)
        context = await browser.new_context()
        semaphore = asyncio.Semaphore(concurrency)

        async def one(index: int, path: Path):
            async with semaphore:
                page = await context.new_page()
                await page.goto(path.as_uri(), wait_until="load")
                await page.pdf(path=str(out / f"{index}.pdf"), format="A4", print_background=True,
                               tagged=True, outline=True)
                await page.close()

        start = time.perf_counter()
        await asyncio.gather(*(one(i, p) for i, p in enumerate(pages)))
        elapsed = time.perf_counter() - start
        await browser.close()
    return elapsed


def chromium_alone(site_dir: Path, concurrency: int = CONCURRENCY) -> tuple[float, int]:
    pages = pages_to_print(site_dir)
    with tempfile.TemporaryDirectory() as out:
        return asyncio.run(_print_all(pages, Path(out), concurrency)), len(pages)


def pdf_step(scratch: Path, runs: int, concurrency: int | None = None) -> float:
    html = min(build(scratch / "html", pdf=False) for _ in range(runs))
    full = min(build(scratch / "full", pdf=True, concurrency=concurrency) for _ in range(runs))
    return full - html


def budgets(site_dir: Path) -> None:
    """Pages and size of every PDF; handouts and booklets against their size budget."""
    from pypdf import PdfReader
    for pdf in sorted(site_dir.rglob("*.pdf")):
        size, pages = pdf.stat().st_size, len(PdfReader(pdf).pages)
        handout = "/themes/" in "/" + pdf.relative_to(site_dir).as_posix()
        note = ""
        if handout:
            note = "  ok" if size <= HANDOUT_BUDGET else f"  OVER {HANDOUT_BUDGET // 1024} KB"
        print(f"  {pdf.relative_to(site_dir).as_posix():42} {pages:4d} pages {size / 1024:8.0f} KB{note}")


def main(site_dir: Path | None = None, argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sweep", action="store_true", help="measure concurrency 1, 2, 3, 4")
    args = parser.parse_args(argv if argv is not None else ([] if site_dir else None))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        step = pdf_step(scratch, args.runs)
        site_dir = site_dir or scratch / "full"
        pdfs = sorted(site_dir.rglob("*.pdf"))
        alone, printed = chromium_alone(site_dir)
        print(f"PDFs: {len(pdfs)} ({sum(p.stat().st_size for p in pdfs) / 1e6:.1f} MB)")
        budget = PDF_STEP_BUDGET_PER_LANGUAGE * len(project.LANGUAGES)
        verdict = "within" if step <= budget else "OVER"
        print(f"PDF step (full build − HTML build):        {step:6.2f} s  ({verdict} the budget of {budget} s: "
              f"{PDF_STEP_BUDGET_PER_LANGUAGE} s × {len(project.LANGUAGES)} languages)")
        budgets(site_dir)
        print(f"Chromium alone, same {printed} pages, page.pdf: {alone:6.2f} s")
        print(f"Ratio PDF step / Chromium alone:           {step / alone:6.2f}  (goal ≤ 1.5)")
        if args.sweep:
            for concurrency in (1, 2, 3, 4):
                print(f"Concurrency {concurrency}: PDF step {pdf_step(scratch, args.runs, concurrency):6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
