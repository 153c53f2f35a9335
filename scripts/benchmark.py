#!/usr/bin/env python3
"""Measure the build: prints figures, asserts nothing (speed goals are reported, not tested).

- the HTML build of every language of the site (PDFs off), best of N runs with the build caches
  of .cache/ as an author has them, and once with empty caches (a fresh clone's first build);
- the same Norwegian pages built as a plain one-language Material site with its default search
  plugin and no hooks (the fair baseline: the ratio of the two is what i18n and our hooks cost);
- the full build with PDFs, and so the time of the PDF step;
- the author loop, in a throw-away copy of the project: a second full build with nothing changed
  and one after editing one theme page (how many PDFs each re-prints: lmp/print/pdf_cache.py), and the
  time from saving a page to `mkdocs serve` serving the new text (PDFs off);
- pages and PDFs per language;
- then the figures of the other benchmarks in scripts/ (search, PDFs, page weight) if present.
Where a rebuild's time goes, handler by handler: scripts/profile_build.py.

Usage: python scripts/benchmark.py [--runs N] [--no-others]
"""
from __future__ import annotations

import argparse
import importlib
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from lmp import project as lmp_project
from lmp.model import site as model

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


def timed_build(project: Path, site_dir: Path, pdf: bool, env: dict | None = None) -> float:
    return cpu_timed_build(project, site_dir, pdf, env)[0]


def cpu_timed_build(project: Path, site_dir: Path, pdf: bool, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the build process, steadier on a busy machine)."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=project,
                   env={**ENV, "PDF": "true" if pdf else "false", **(env or {})}, check=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cached_build(project: Path, site_dir: Path, cache: Path) -> tuple[float, str]:
    """A full build with the PDF cache in `cache`; (seconds, 'N printed, M unchanged')."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site_dir)], cwd=project,
                            env={**ENV, "PDF": "true", "LMP_PDF_CACHE": str(cache)},
                            capture_output=True, text=True, check=True)
    found = re.search(r"PDFs: (\d+ printed, \d+ unchanged)", result.stderr)
    return time.perf_counter() - start, found.group(1) if found else "no PDF printed"


def project_copy(scratch: Path) -> Path:
    copy = scratch / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "dist", ".cache", "__pycache__", ".pytest_cache", "node_modules"))
    return copy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_reload_seconds(project: Path, page: str, url_path: str, runs: int = 3) -> list[float]:
    """Save an edit to `page` under `mkdocs serve` (PDFs off); time until the server serves it."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env={**ENV, "PDF": "false"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url, source, times = f"http://127.0.0.1:{port}/{url_path}", project / page, []
    try:
        if not _wait_for(url, "", timeout=120):
            return times
        original = source.read_text(encoding="utf-8")
        for run in range(runs):
            # digits only: a made-up word would fail the strict build's language check
            marker = f"{run}0{os.getpid()}0{int(time.time())}"
            start = time.perf_counter()
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            if _wait_for(url, marker, timeout=120):
                times.append(time.perf_counter() - start)
            time.sleep(1.5)   # let the watcher settle before the next edit
        source.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def _wait_for(url: str, text: str, timeout: float) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def plain_project(scratch: Path) -> Path:
    """The default language's pages as a plain one-language Material project."""
    project = scratch / "plain"
    docs = project / "docs"
    for page in model.iter_pages(ROOT / "docs"):
        if page.lang == lmp_project.DEFAULT_LANGUAGE:
            target = docs / f"{page.key}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = page.path.read_text(encoding="utf-8")
            # Plain Material has no overrides: a page's own `template:` (the home page's) is dropped.
            target.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return project


def count(site_dir: Path, suffix: str) -> dict[str, int]:
    files = [p.relative_to(site_dir) for p in site_dir.rglob("*" + suffix) if p.name != "404.html"]
    counts = {lang: 0 for lang in lmp_project.LANGUAGES}
    for path in files:
        lang = path.parts[0] if path.parts[0] in lmp_project.LANGUAGES[1:] else lmp_project.DEFAULT_LANGUAGE
        counts[lang] += 1
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per HTML build (best is reported)")
    parser.add_argument("--no-others", action="store_true", help="skip the search, PDF and page-weight benchmarks")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        # first with empty build caches (.cache/: check results, theme listing, templates), as on a fresh clone
        first = cpu_timed_build(ROOT, scratch / "html", pdf=False, env={"LMP_BUILD_CACHE": str(scratch / "empty-cache")})
        html_runs = [cpu_timed_build(ROOT, scratch / "html", pdf=False) for _ in range(args.runs)]
        plain_root = plain_project(scratch)
        plain_runs = [cpu_timed_build(plain_root, scratch / "plain-site", pdf=False) for _ in range(args.runs)]
        (html, html_cpu), (plain, plain_cpu) = (tuple(map(min, zip(*runs))) for runs in (html_runs, plain_runs))
        full = timed_build(ROOT, scratch / "full", pdf=True, env={"LMP_PDF_CACHE": "off"})  # printed afresh
        pages, pdfs = count(scratch / "full", ".html"), count(scratch / "full", ".pdf")
        languages = len(lmp_project.LANGUAGES)
        goal = "goal: at most 2.0, wall clock; compare in alternating pairs (farm-bench --vs) on a busy machine"
        for label, figure in (
                (f"{languages}-language HTML build ({' + '.join(lmp_project.LANGUAGES)}, PDFs off):",
                 f"{html:6.2f} s  (best of {args.runs}; CPU {html_cpu:.2f} s)"),
                ("  the same with empty build caches:", f"{first[0]:6.2f} s  (CPU {first[1]:.2f} s; a fresh clone's first build)"),
                ("Plain one-language Material build:", f"{plain:6.2f} s  (best of {args.runs}; CPU {plain_cpu:.2f} s)"),
                (f"Ratio {languages} languages / plain:", f"{html / plain:6.2f}  (CPU {html_cpu / plain_cpu:.2f}; {goal})")):
            print(f"{label:42s}{figure}")
        print(f"Full build with PDFs:                     {full:6.2f} s")
        print(f"PDF step (full − HTML):                   {full - html:6.2f} s")
        for lang in lmp_project.LANGUAGES:
            print(f"{lang}: {pages[lang]} HTML pages, {pdfs[lang]} PDFs")

        print("\n== author loop (a copy of the project) ==")
        copy, cache = project_copy(scratch), scratch / "pdf-cache"
        cold, cold_count = cached_build(copy, scratch / "loop", cache)
        warm, warm_count = cached_build(copy, scratch / "loop", cache)
        theme = copy / "docs" / "themes" / "theme-2" / "index.nb.md"
        theme.write_text(theme.read_text(encoding="utf-8") + "\nEn setning til.\n", encoding="utf-8")
        edited, edited_count = cached_build(copy, scratch / "loop", cache)
        print(f"Full build, empty PDF cache:              {cold:6.2f} s  ({cold_count})")
        print(f"Second full build, nothing changed:       {warm:6.2f} s  ({warm_count}; goal: 0 printed, at most 5 s)")
        print(f"Full build after editing theme 2 (nb):    {edited:6.2f} s  ({edited_count}; goal: 2 printed, "
              "the theme's handout and the handbook)")
        reloads = live_reload_seconds(copy, "docs/themes/theme-1/index.nb.md", "themes/theme-1/index.html")
        if reloads:
            print(f"Live reload, save → new page served:      {min(reloads):6.2f} s best, "
                  f"{max(reloads):.2f} s worst ({len(reloads)} edits, PDFs off; goal: at most 1.0 s)")
        else:
            print("Live reload: mkdocs serve did not serve the edit within 120 s")
        for name in () if args.no_others else ("search_benchmark", "pdf_benchmark", "page_weight"):
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            print(f"\n== {name} ==")
            module.main(scratch / "full")
    return 0


if __name__ == "__main__":
    sys.exit(main())
