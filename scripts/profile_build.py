#!/usr/bin/env python3
"""Where a rebuild's time goes: the table in MAINTAINING.md ("Where the build's time goes").

Builds the site in this process like `mkdocs serve` does after a save (load the configuration,
call build(); PDFs off), once to warm up and then `--runs` times, and prints a Markdown table of
the time of each event handler (hook or plugin; its own time, without handlers it calls, e.g.
static-i18n's post_build without the handlers of the nested English build it runs) and of the
rest (MkDocs and Material: Markdown, templates, copying files). Reports; asserts nothing.

Usage: python scripts/profile_build.py [--runs N] [--rows N]
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_events(totals: collections.Counter):
    """Replace PluginCollection.run_event by one that adds each handler's own time to `totals`."""
    from mkdocs.plugins import PluginCollection
    stack: list[float] = []        # time spent in handlers called inside the running handler

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            owner = getattr(method, "__module__", "") or ""
            label = owner if owner.startswith(("lmp.", "lmp_mkdocs.")) else self._current_plugin
            stack.append(0.0)
            start = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent = time.perf_counter() - start
            inner = stack.pop()
            totals[f"{label}: {name}"] += spent - inner
            if stack:
                stack[-1] += spent
            if result is not None:
                item = result
        self._current_plugin = None
        return item
    PluginCollection.run_event = run_event


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--rows", type=int, default=20)
    args = parser.parse_args(argv)
    os.environ.update(PDF="false", NO_MKDOCS_2_WARNING="1")
    os.chdir(ROOT)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    totals: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory() as site_dir:
        build(load_config("mkdocs.yml", site_dir=site_dir))      # warm-up: imports, first parse
        timed_events(totals)
        config_time = build_time = 0.0
        for _ in range(args.runs):
            start = time.perf_counter()
            config = load_config("mkdocs.yml", site_dir=site_dir)
            loaded = time.perf_counter()
            build(config)
            config_time += loaded - start
            build_time += time.perf_counter() - loaded
    runs = args.runs
    handlers = sum(totals.values()) / runs
    rows = [(f"load_config (mkdocs.yml read and validated again: serve does it on every save)", config_time / runs)]
    rows += [(name, seconds / runs) for name, seconds in totals.most_common(args.rows)]
    rest = sum(seconds for _, seconds in totals.most_common()[args.rows:]) / runs
    rows.append((f"other handlers ({max(0, len(totals) - args.rows)})", rest))
    rows.append(("MkDocs + Material outside handlers (Markdown, templates, copying; both languages)",
                 build_time / runs - handlers))
    total = config_time / runs + build_time / runs
    print(f"Warm rebuild in one process (as mkdocs serve), PDFs off, mean of {runs}: {total:.2f} s\n")
    print("| Step | Seconds | Share |\n|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
