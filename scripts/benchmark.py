#!/usr/bin/env python3
"""Measure the build: prints figures, asserts nothing (speed goals are reported, not tested).

- the bilingual HTML build (both languages, PDFs off), best of N runs;
- the same Norwegian pages built as a plain one-language Material site with its default search
  plugin and no hooks (the fair baseline: the ratio of the two is what i18n and our hooks cost);
- the full build with PDFs, and so the time of the PDF step;
- pages and PDFs per language;
- then the figures of the other benchmarks in scripts/ (search, PDFs, page weight) if present.

Usage: python scripts/benchmark.py [--runs N]
"""
from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
import _site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PLAIN_CONFIG = """site_name: Plain
theme:
  name: material
  font: false
  language: nb
plugins: [search]
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables, toc,
  pymdownx.details, pymdownx.superfences]
"""


def timed_build(project: Path, site_dir: Path, pdf: bool) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=project,
                   env={**ENV, "PDF": "true" if pdf else "false"}, check=True)
    return time.perf_counter() - start


def plain_project(scratch: Path) -> Path:
    """The default language's pages as a plain one-language Material project."""
    project = scratch / "plain"
    docs = project / "docs"
    for page in _site.iter_pages(ROOT / "docs"):
        if page.lang == _site.DEFAULT_LANGUAGE:
            target = docs / f"{page.key}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.path.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return project


def count(site_dir: Path, suffix: str) -> dict[str, int]:
    files = [p.relative_to(site_dir) for p in site_dir.rglob("*" + suffix) if p.name != "404.html"]
    counts = {lang: 0 for lang in _site.LANGUAGES}
    for path in files:
        lang = path.parts[0] if path.parts[0] in _site.LANGUAGES[1:] else _site.DEFAULT_LANGUAGE
        counts[lang] += 1
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per HTML build (best is reported)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        html = min(timed_build(ROOT, scratch / "html", pdf=False) for _ in range(args.runs))
        plain_root = plain_project(scratch)
        plain = min(timed_build(plain_root, scratch / "plain-site", pdf=False) for _ in range(args.runs))
        full = timed_build(ROOT, scratch / "full", pdf=True)
        pages, pdfs = count(scratch / "full", ".html"), count(scratch / "full", ".pdf")
        print(f"Bilingual HTML build (nb + en, PDFs off): {html:6.2f} s  (best of {args.runs})")
        print(f"Plain one-language Material build:        {plain:6.2f} s  (best of {args.runs})")
        print(f"Ratio bilingual / plain:                  {html / plain:6.2f}")
        print(f"Full build with PDFs:                     {full:6.2f} s")
        print(f"PDF step (full − HTML):                   {full - html:6.2f} s")
        for lang in _site.LANGUAGES:
            print(f"{lang}: {pages[lang]} HTML pages, {pdfs[lang]} PDFs")
        for name in ("search_benchmark", "pdf_benchmark", "page_weight"):
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            print(f"\n== {name} ==")
            module.main(scratch / "full")
    return 0


if __name__ == "__main__":
    sys.exit(main())
