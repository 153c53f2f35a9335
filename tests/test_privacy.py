"""Privacy: every page of both languages, loaded in Chromium, asks nothing of any other host, sets
no cookie, and stores nothing but Material's colour-scheme preference (see the privacy statement,
docs/accessibility.*.md#storage)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, html_pages

# What Material writes to localStorage: its palette, under a key scoped by the site's base path
# (e.g. "/.__palette", or "/sub/path/.__palette" under a sub-path). Nothing else is allowed.
ALLOWED_STORAGE_SUFFIXES = (".__palette",)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_third_party_request_no_cookie_and_only_the_palette_in_storage(site, site_url, browser, lang):
    own = urlparse(site_url).netloc
    context = browser.new_context()
    foreign, requests = [], 0

    def on_request(request):
        nonlocal requests
        requests += 1
        host = urlparse(request.url).netloc
        if request.url.startswith(("data:", "blob:")) or host == own:
            return
        foreign.append(request.url)

    context.on("request", on_request)
    page = context.new_page()
    pages = html_pages(site, lang)
    assert len(pages) >= 20
    storage = set()
    for path in pages:
        page.goto(site_url + path.relative_to(site).as_posix(), wait_until="load")
        storage |= set(page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))"))
    page.keyboard.press("/")          # open the search and type: the search is local too
    page.keyboard.type("plikt")
    page.wait_for_timeout(500)
    storage |= set(page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))"))
    cookies = context.cookies()
    context.close()
    print(f"{lang}: {len(pages)} pages, {requests} requests intercepted, storage keys {sorted(storage)}")
    assert requests > len(pages)
    assert not foreign, "requests to other hosts:\n" + "\n".join(sorted(set(foreign))[:20])
    assert not cookies, f"cookies were set: {cookies}"
    unexpected = [key for key in storage if not key.endswith(ALLOWED_STORAGE_SUFFIXES)]
    assert not unexpected, f"stored in the browser beyond the palette: {unexpected}"
