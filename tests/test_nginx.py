"""The web-server recipe (deploy/nginx/laringsmiljo.conf), tested with Debian's nginx.

nginx runs on a loopback port with the recipe and the snippet the build wrote next to the site
(lmp/deploy/csp.py), serving the session build at the root and the SITE_URL build under a sub-path.
Every page of both languages is loaded through it in Chromium, and the search, the reading
builder and the language switcher are used: no Content-Security-Policy violation, no console
error, no failed request. Then the headers, compression, cache lifetimes, the 404 pages and the
download types. With LMP_DEPLOY_URL=https://… the same checks run against that deployment instead
(no nginx is started; the page list comes from a local build of the same sources).
"""
from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

from conftest import ADDRESS, ROOT, html_pages

from lmp import project
from lmp.deploy import csp  # noqa: E402

RECIPE = ROOT / "deploy" / "nginx" / "laringsmiljo.conf"
HOW_TO_INSTALL = "install Debian's nginx (apt-get install nginx); `make test` (.ci/run) does it"
DEPLOY_URL = os.environ.get("LMP_DEPLOY_URL")
OTHER = next(code for code in project.LANGUAGES if code != project.DEFAULT_LANGUAGE)


def find_nginx() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if not found:
        pytest.fail("no nginx for the web-server test: " + HOW_TO_INSTALL)
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """nginx in the foreground with its own prefix, pid and logs under `work`."""

    def __init__(self, work: Path, root: Path, snippet: Path, tls: bool = False):
        self.work, self.port = work, free_port()
        (work / "logs").mkdir(parents=True, exist_ok=True)
        listen_tls = ""
        if tls:  # a throw-away self-signed certificate, to see what HTTPS readers get
            self.tls_port = free_port()
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=localhost", "-keyout", str(work / "key.pem"),
                            "-out", str(work / "cert.pem")], check=True, capture_output=True)
            listen_tls = (f"listen 127.0.0.1:{self.tls_port} ssl; ssl_certificate {work / 'cert.pem'}; "
                          f"ssl_certificate_key {work / 'key.pem'};")
        temp = " ".join(f"{kind}_temp_path {work / kind};" for kind in
                        ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        user = "user root;" if os.geteuid() == 0 else ""
        (work / "nginx.conf").write_text(f"""
daemon off; {user} worker_processes 1; pid {work / 'nginx.pid'};
error_log {work / 'logs' / 'error.log'} warn;
events {{ worker_connections 256; }}
http {{
  access_log off; {temp}
  server {{
    listen 127.0.0.1:{self.port}; {listen_tls}
    root {root};
    include {snippet};
    include {RECIPE};
  }}
}}
""", encoding="utf-8")
        command = [find_nginx(), "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "logs" / "error.log")]
        check = subprocess.run(command + ["-t"], capture_output=True, text=True)
        assert check.returncode == 0, f"nginx rejects the recipe:\n{check.stderr}"
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            self.stop()
            pytest.fail("nginx did not start: " + (work / "logs" / "error.log").read_text())
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """The base address of the session build behind nginx (or of LMP_DEPLOY_URL)."""
    if DEPLOY_URL:
        yield DEPLOY_URL.rstrip("/") + "/"
        return
    server = Nginx(tmp_path_factory.mktemp("nginx"), site, csp.snippet_path(site))
    yield server.url
    server.stop()


def get(url: str, gzip_ok: bool = True, context=None):
    """(status, headers, body) of a GET; the body decompressed."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response = urllib.request.urlopen(request, timeout=20, context=context)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, response.headers, body


# ---------------------------------------------------------------------------------------------
# In the browser: every page, the search, the reading builder, the language switcher

WATCH_CSP = """window.__lmpViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__lmpViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber})`));"""


class Watched:
    """A browser page that records CSP violations, console errors, page errors, failed requests."""

    def __init__(self, context):
        self.page = context.new_page()
        self.problems: list[str] = []
        self.page.add_init_script(WATCH_CSP)
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console: {m.text} ({m.location.get('url')})"))
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}"))
        # ERR_ABORTED: a load that the test's own next navigation cancelled, not a server answer.
        self.page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and
                     self.problems.append(f"failed {r.url}: {r.failure}"))

    def visit(self, url: str) -> list[str]:
        self.page.goto(url, wait_until="load")
        return self.collect(url)

    def collect(self, where: str) -> list[str]:
        self.page.wait_for_timeout(50)  # let the theme's scripts start (sitemap, search worker)
        found = [f"{where}: CSP {v}" for v in self.page.evaluate("window.__lmpViolations || []")]
        found += [f"{where}: {p}" for p in self.problems]
        self.problems.clear()
        self.page.evaluate("window.__lmpViolations = []")
        return found


def all_paths(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for lang in project.LANGUAGES for p in html_pages(site, lang)]


def use_search(watched: Watched, base: str, prefix: str, query: str) -> list[str]:
    page = watched.page
    page.goto(base + prefix + "index.html")
    page.locator("[data-md-component=search-query]").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    return watched.collect(f"{prefix}index.html search {query!r}")


def use_reading_builder(watched: Watched, base: str, prefix: str) -> list[str]:
    page = watched.page
    page.goto(base + prefix + "tools/reading-builder.html")
    boxes = page.locator("#lmp-choose input[value]")
    assert boxes.count() > 2, "the reading builder shows nothing to choose"
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.locator("#lmp-assignment .lmp-assigned a").first.wait_for(timeout=5_000)
    return watched.collect(f"{prefix}tools/reading-builder.html (ticked two sections)")


def use_language_switcher(watched: Watched, base: str) -> list[str]:
    page = watched.page
    page.goto(base + "roles/ppt.html")
    with page.expect_navigation():
        page.locator(f'a.lmp-lang__link[hreflang="{OTHER}"]').first.click()
    assert page.url.startswith(base + OTHER + "/"), f"the switcher led to {page.url}"
    return watched.collect(f"roles/ppt.html → {page.url} (language switcher)")


def test_every_page_loads_without_csp_violation_through_nginx(site, served, browser):
    context = browser.new_context()
    watched = Watched(context)
    paths = all_paths(site)
    problems = []
    for path in paths:
        problems += watched.visit(served + path)
    for lang, query in ((project.DEFAULT_LANGUAGE, "mobbing"), (OTHER, "bullying")):
        prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
        problems += use_search(watched, served, prefix, query)
        problems += use_reading_builder(watched, served, prefix)
    problems += use_language_switcher(watched, served)
    context.close()
    print(f"{len(paths)} pages loaded through {'the deployment' if DEPLOY_URL else 'nginx'}, "
          f"{len(problems)} problems")
    assert len(paths) > 90
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_an_inline_script_without_a_hash_is_caught(site, tmp_path, browser):
    """Fault injection: a page gains an inline script the build did not hash (e.g. edited after
    the build): the CSP blocks it and the check above names the page."""
    if DEPLOY_URL:
        pytest.skip("fault injection needs a local nginx, not a deployment")
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf", "*.docx", "*.pptx"))
    shutil.copy(csp.snippet_path(site), csp.snippet_path(copy))
    page_file = copy / "roles" / "ppt.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", "<script>document.title = 'injected'</script></body>"),
                         encoding="utf-8")
    server = Nginx(tmp_path / "nginx", copy, csp.snippet_path(copy))
    try:
        context = browser.new_context()
        problems = Watched(context).visit(server.url + "roles/ppt.html")
        context.close()
    finally:
        server.stop()
    assert any("roles/ppt.html: CSP script-src" in p for p in problems), problems


# ---------------------------------------------------------------------------------------------
# Headers, compression, cache lifetimes, 404s, downloads

def test_security_headers_compression_and_cache(site, served):
    status, headers, _ = get(served + "roles/ppt.html")
    assert status == 200
    policy = headers.get("Content-Security-Policy", "")
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, script_src
    assert "'sha256-" in script_src
    assert "frame-ancestors 'none'" in policy
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert "camera=()" in headers.get("Permissions-Policy", "")
    assert headers.get("Content-Encoding") == "gzip", "HTML is not compressed"
    assert headers.get("Cache-Control") == "no-cache", "HTML must be revalidated"
    if served.startswith("https:"):
        assert "max-age=" in headers.get("Strict-Transport-Security", ""), "no HSTS over HTTPS"

    page = BeautifulSoup((site / "roles" / "ppt.html").read_text(encoding="utf-8"), "lxml")
    css = next(link["href"] for link in page.find_all("link", rel="stylesheet") if ".min.css" in link["href"])
    js = next(s["src"] for s in page.find_all("script", src=True) if "bundle." in s["src"])
    for asset in (css, js):
        status, headers, _ = get(urljoin(served + "roles/ppt.html", asset))
        assert status == 200, asset
        assert "immutable" in headers.get("Cache-Control", "") and "max-age=31536000" in headers["Cache-Control"], asset
        assert headers.get("Content-Encoding") == "gzip", f"{asset} is not compressed"
        assert headers.get("Content-Security-Policy"), f"{asset}: headers missing on assets"
    status, headers, _ = get(served + "assets/stylesheets/lmp.css")
    assert "max-age=3600" in headers.get("Cache-Control", ""), "a file without a hash in its name is cached for long"


def test_hsts_is_sent_over_https_and_not_over_http(site, tmp_path):
    if DEPLOY_URL:
        pytest.skip("LMP_DEPLOY_URL: HSTS is checked above when the deployment is HTTPS")
    import ssl
    server = Nginx(tmp_path / "nginx", site, csp.snippet_path(site), tls=True)
    try:
        unverified = ssl.create_default_context()
        unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
        status, headers, _ = get(f"https://127.0.0.1:{server.tls_port}/index.html", context=unverified)
        assert status == 200 and headers.get("Strict-Transport-Security") == "max-age=31536000"
        assert headers.get("Content-Security-Policy")
        status, headers, _ = get(server.url + "index.html")
        assert status == 200 and "Strict-Transport-Security" not in headers
    finally:
        server.stop()


@pytest.mark.parametrize("lang", project.LANGUAGES)
def test_404_pages_are_in_the_addresss_language_and_their_links_resolve(served, lang):
    prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
    for missing in (f"{prefix}no-such-page.html", f"{prefix}roles/no/such/page"):
        status, headers, body = get(served + missing)
        assert status == 404, missing
        assert headers.get("Content-Security-Policy"), "no security headers on the 404 page"
        soup = BeautifulSoup(body, "lxml")
        assert soup.html["lang"] == lang, f"{missing}: the 404 page is in {soup.html['lang']}"
        links = {a["href"] for a in soup.find_all("a", href=True) if not a["href"].startswith(("#", "http", "mailto:", "tel:"))}
        links |= {tag.get("src") or tag.get("href") for tag in soup.find_all(["script", "link"])
                  if (tag.get("src") or tag.get("href") or "").startswith("/")}
        # A way on from every section: the tabs and the menu link each top-level section of the nav
        # (the menu of the sections not open is pruned to one link each: navigation.prune).
        tabs = {a["href"] for a in soup.select("a.md-tabs__link")}
        menu = {a["href"] for a in soup.select("nav.md-nav--primary a[href]")}
        assert len(tabs) == len(project.read_config()["nav"]) and tabs <= menu, (tabs, menu)
        for link in sorted(links):
            assert get(urljoin(served + missing, link))[0] == 200, f"{missing}: {link} does not resolve"


def test_downloads_have_their_content_types(site, served):
    want = {".pdf": "application/pdf", ".ics": "text/calendar",
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
    for suffix, content_type in want.items():
        files = sorted(site.rglob("*" + suffix))
        assert files, f"no {suffix} file in the build"
        status, headers, body = get(served + files[0].relative_to(site).as_posix(), gzip_ok=False)
        assert status == 200 and headers.get_content_type() == content_type, (files[0], headers.get("Content-Type"))
        assert body == files[0].read_bytes() or (DEPLOY_URL and body), files[0]
    status, headers, body = get(served + f"{OTHER}/roles/sitemap.xml")  # the theme's probe
    assert status == 200 and body.startswith(b"<?xml"), "the theme's sitemap probe gets no sitemap"


# ---------------------------------------------------------------------------------------------
# Under a sub-path, with the public address set (the pages are opened at that address: Chromium
# is answered by the nginx on loopback)

@pytest.fixture(scope="module")
def sub_path_server(address_site, tmp_path_factory):
    work = tmp_path_factory.mktemp("nginx-sub")
    www = work / "www"
    www.mkdir()
    (www / urlsplit(ADDRESS).path.strip("/")).symlink_to(address_site)
    server = Nginx(work / "server", www, csp.snippet_path(address_site))
    yield server
    server.stop()


def test_under_a_sub_path_pages_404s_and_the_sitemap_work(address_site, sub_path_server, browser):
    if DEPLOY_URL:
        pytest.skip("LMP_DEPLOY_URL: the deployment is checked by the tests above")
    local = sub_path_server.url[:-1]
    context = browser.new_context()

    def forward(route):
        """The public address answered by the nginx on loopback. A request still in flight when
        the context closes has nothing to fulfil any more: that is not a finding of this test, and
        raised here it would surface later in another test's browser call."""
        try:
            route.fulfill(response=route.fetch(url=local + urlsplit(route.request.url).path))
        except PlaywrightError as error:
            if "disposed" not in str(error) and "closed" not in str(error):
                raise

    context.route("https://example.org/**", forward)
    watched = Watched(context)
    problems = []
    for path in ("index.html", "roles/ppt.html", "tools/reading-builder.html", f"{OTHER}/index.html",
                 f"{OTHER}/themes/theme-2/index.html"):
        problems += watched.visit(ADDRESS + path)
    problems += use_search(watched, ADDRESS, f"{OTHER}/", "bullying")
    problems += use_language_switcher(watched, ADDRESS)
    for lang in project.LANGUAGES:
        prefix = "" if lang == project.DEFAULT_LANGUAGE else lang + "/"
        response = watched.page.goto(ADDRESS + prefix + "no/such/page.html")
        assert response.status == 404
        assert watched.page.get_attribute("html", "lang") == lang
        missing = ADDRESS + prefix + "no/such/page.html"  # its own 404 is expected, nothing else
        watched.problems = [p for p in watched.problems if p != f"404 {missing}" and not p.endswith(f"({missing})")]
        problems += watched.collect(f"{prefix}no/such/page.html")
        home = watched.page.locator("article a").first
        with watched.page.expect_navigation():
            home.click()
        assert watched.page.url == ADDRESS + prefix + "index.html", watched.page.url
    context.unroute_all(behavior="ignoreErrors")   # no handler left running after the close
    context.close()
    assert not problems, "\n".join(problems[:30])


def test_the_build_ships_no_source_maps_or_unused_word_splitters(site):
    """lmp/deploy/unused_assets.py: only what a page or the search worker loads is published. Each
    language's index (search/lmp-index.<lang>.js) carries lunr and its stemmer, so no lunr file is."""
    maps = [p.relative_to(site).as_posix() for p in site.rglob("*.map")]
    lunr = sorted(p.name for p in (site / "assets" / "javascripts").rglob("lunr*.js"))
    assert not maps, maps
    assert lunr == [], lunr
    assert "lunr.no.stemmer" in (site / "search" / "lmp-index.nb.js").read_text(encoding="utf-8")
    assert not list(site.rglob("tinyseg.js"))
