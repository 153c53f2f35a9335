#!/usr/bin/env python3
"""Check every external link of the built site on the web (needs a network).

Usage: python scripts/check_external_links.py [SITE_DIR]
Builds the site (with PDFs) into a temporary folder when SITE_DIR is not given. Collects the
external addresses from the HTML pages and from the links inside the PDFs, the .ics calendars
and the .docx templates, asks each once
(HEAD, then GET where HEAD is refused) and prints every one that fails. Exit status: 0 when all
answered, 1 when some failed, 2 when none could be reached (no network: nothing was checked).
The offline tests (tests/test_links.py) check the same addresses for form only.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
USER_AGENT = "laringsmiljo-linkcheck/1.0 (+https://www.uis.no/)"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def html_links(path: Path) -> list[str]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def pdf_links(path: Path) -> list[str]:
    """The /URI targets of the link annotations in a PDF."""
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/URI"):
                uris.append(str(action["/URI"]))
    return uris


URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+")


def ics_links(path: Path) -> list[str]:
    """URL properties and addresses written in the text of an iCalendar file."""
    from icalendar import Calendar

    links = []
    for component in Calendar.from_ical(path.read_bytes()).walk():
        for key, value in component.property_items(recursive=False):
            if key == "URL":
                links.append(str(value))
            elif key in ("DESCRIPTION", "LOCATION", "SUMMARY"):
                links += URL_IN_TEXT.findall(str(value))
    return links


def docx_links(path: Path) -> list[str]:
    """The targets of the external hyperlinks in a Word file (its relationship part)."""
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(path) as archive:
        rels = [name for name in archive.namelist() if name.endswith(".rels")]
        links = []
        for name in rels:
            for rel in ElementTree.fromstring(archive.read(name)):
                if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink"):
                    links.append(rel.get("Target"))
    return links


def is_external(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and parsed.hostname not in LOCAL_HOSTS


def collect(site_dir: Path) -> dict[str, set[str]]:
    """External address -> the built files that link to it."""
    found: dict[str, set[str]] = {}
    sources = [(p, html_links) for p in site_dir.rglob("*.html")]
    sources += [(p, pdf_links) for p in site_dir.rglob("*.pdf")]
    sources += [(p, ics_links) for p in site_dir.rglob("*.ics")]
    sources += [(p, docx_links) for p in site_dir.rglob("*.docx")]
    for path, reader in sources:
        for url in reader(path):
            if is_external(url):
                found.setdefault(url.split("#")[0], set()).add(path.relative_to(site_dir).as_posix())
    return found


def check(url: str, timeout: float = 15) -> str | None:
    """None when the address answers with a success status, else the reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return f"HTTP {error.code}"
        except (urllib.error.URLError, OSError) as error:
            return f"unreachable ({getattr(error, 'reason', error)})"
    return "no answer"


def check_all(urls, workers: int = 8) -> dict[str, str]:
    urls = sorted(urls)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(urls, pool.map(check, urls)))
    return {url: reason for url, reason in results.items() if reason}


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                   cwd=ROOT, env=env, check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = args.site_dir or Path(scratch) / "site"
        if not args.site_dir:
            build(site_dir)
        links = collect(site_dir)
    print(f"Checking {len(links)} external addresses…")
    failures = check_all(links)
    for url, reason in failures.items():
        print(f"FAIL {reason}: {url}\n     linked from {', '.join(sorted(links[url])[:3])}")
    if links and len(failures) == len(links) and all(r.startswith("unreachable") for r in failures.values()):
        print("No external address could be reached: is there a network? Nothing was checked.")
        return 2
    print(f"{len(links) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
