"""A content-addressed cache of printed PDFs, so that a rebuild re-prints only what changed.

The key is a hash of the HTML that Chromium would print plus the bytes of every local file it
loads (stylesheets, scripts, images: mkdocs-exporter rewrites their addresses to absolute paths),
so a change to a page, the print stylesheet or an image gives a new key. Chromium's output for
the same input is taken as the same PDF. lmp_mkdocs/exporter.py keeps each PDF finished (after
lmp/print/pdf_ua.py `finish`), so its key also holds the page's printed HTML and the finishing code
(`also`). lmp/print/booklets.py keeps each booklet here too (key: its A4 PDF's bytes, title, language
and the imposing code). The cache lives in `.cache/pdf/` (git-ignored);
LMP_PDF_CACHE=off switches it off, LMP_PDF_CACHE=<dir> moves it. lmp_mkdocs/exporter.py uses it.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse
from lmp import project

KEEP = 200                      # newest entries kept; older ones are removed as new ones arrive
# Files the printed page loads: anything in src, href targets other than pages (a page's
# <link rel=prev/next> names its neighbours, which do not change how it prints) and the font files
# of the print's @font-face rules (url("file:///…"), lmp/print/handouts.py `_font_faces`).
LOCAL_REFERENCE = re.compile(r'\b(?:src="((?:file://)?/[^"#?]+)|href="((?:file://)?/[^"#?]+(?<!\.html))"'
                             r'|url\("(file:///[^"#?]+)"\))')
VERSION = "1"                   # bump when what goes into a PDF changes outside its HTML
stats = {"printed": 0, "cached": 0}
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
LOG = logging.getLogger("mkdocs.hooks.pdf_cache")


def directory() -> Path | None:
    setting = os.environ.get("LMP_PDF_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    return Path(setting) if setting else project.path(".cache", "pdf")


def key(html: str, also: tuple[str | bytes, ...] = ()) -> str:
    """The key of printing `html`: the HTML, every local file it loads, and `also` (what else
    makes the PDF: the page's printed HTML and the code that finishes the print)."""
    digest = hashlib.sha256(VERSION.encode() + html.encode("utf-8"))
    for part in also:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(hashlib.sha256(data).digest())
    for reference in sorted({src or href or font for src, href, font in LOCAL_REFERENCE.findall(html)}):
        path = Path(unquote(urlparse(reference).path))
        if path.is_file():
            digest.update(reference.encode() + hashlib.sha256(path.read_bytes()).digest())
    title = TITLE.search(html)
    LOG.debug("PDF %s: %s", digest.hexdigest()[:12], title.group(1).strip() if title else "(no title)")
    return digest.hexdigest()


def get(key: str, count: bool = True) -> tuple[bytes, int] | None:
    """The cached PDF and its page count; `count` adds it to the printed/unchanged figures that
    pdf_export logs (a booklet, lmp/print/booklets.py, is not counted)."""
    folder = directory()
    if folder is None or not (folder / f"{key}.pdf").is_file():
        stats["printed"] += count
        return None
    stats["cached"] += count
    meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    (folder / f"{key}.pdf").touch()
    return (folder / f"{key}.pdf").read_bytes(), meta["pages"]


def put(key: str, pdf: bytes, pages: int) -> None:
    folder = directory()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.json").write_text(json.dumps({"pages": pages}), encoding="utf-8")
    (folder / f"{key}.pdf").write_bytes(pdf)
    entries = sorted(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".json").unlink(missing_ok=True)
