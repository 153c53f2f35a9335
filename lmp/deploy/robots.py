"""Write robots.txt: every page may be crawled; with a public address (SITE_URL) it names the
sitemap (overrides/sitemap.xml). Crawlers read robots.txt only at the root of a host: when the
site lives under a sub-path, add the `Sitemap:` line to the host's own robots.txt (README)."""
from __future__ import annotations




def robots_txt(address: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if address:
        lines += ["", f"Sitemap: {address}sitemap.xml"]
    return "\n".join(lines) + "\n"
