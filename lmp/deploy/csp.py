"""The Content-Security-Policy of the built site, and the build's settings for the web server.

The pages run the theme's small inline scripts (scope, palette, anchor). The policy allows scripts
from the site itself and exactly these inline scripts, by their SHA-256 hash: no 'unsafe-inline'.
After each build the hashes are computed from the built HTML and written, with the site's path and
its per-language 404 pages, into an nginx snippet NEXT TO the build folder (site/ → site-nginx.conf),
not inside it. deploy/nginx/laringsmiljo.conf uses these variables (README, "Deploying").
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from lmp import project

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
SRC_OR_TYPE = re.compile(r"""\b(src|type)\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Everything from the site itself; inline styles are allowed (the theme and tables set style
# attributes), inline scripts only by hash. Images may be data: URIs (the theme's icons).
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "frame-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-ancestors 'none'")


def inline_script_hashes(site_dir: Path) -> list[str]:
    """'sha256-…' of every distinct inline script that a browser runs, over all built pages."""
    found = set()
    for page in site_dir.rglob("*.html"):
        for attributes, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            attrs = {name.lower(): value for name, value in SRC_OR_TYPE.findall(attributes)}
            if "src" in attrs or attrs.get("type", "").lower() not in EXECUTED_TYPES:
                continue  # an external script, or data (JSON) that is never run
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(found)


def policy(hashes: list[str]) -> str:
    return POLICY.format(hashes=" ".join(hashes))


def nginx_snippet(site_dir: Path, address: str | None) -> str:
    base = urlsplit(address).path if address else "/"
    lines = [
        f"# Written by lmp/deploy/csp.py for the build in {site_dir.name}/ ({address or 'no SITE_URL: served at /'}).",
        "# Do not edit: every build writes it again. Include it before deploy/nginx/laringsmiljo.conf.",
        f'set $lmp_base "{base}";',
        f'set $lmp_not_found "{base}404.html";',
    ]
    for lang in project.LANGUAGES:
        if lang != project.DEFAULT_LANGUAGE:
            lines.append(f'if ($uri ~ "^{re.escape(base)}{lang}/") {{ set $lmp_not_found "{base}{lang}/404.html"; }}')
    lines.append(f'set $lmp_csp "{policy(inline_script_hashes(site_dir))}";')
    return "\n".join(lines) + "\n"


def snippet_path(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + "-nginx.conf")
