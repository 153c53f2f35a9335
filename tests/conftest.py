"""Shared fixtures: the site is built once per test session (strict, PDFs on), served on
loopback, and looked at with the same Chromium that prints the PDFs."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from lmp import project as lmp_project

LANGUAGES = lmp_project.LANGUAGES
# Builds start from the default configuration: a SITE_URL in the caller's shell does not leak into
# them (the session build is the build without a public address; `address_site` sets one).
# Tests print every PDF afresh (LMP_PDF_CACHE=off) and make every .docx afresh (LMP_BUILD_CACHE=off):
# what they read always comes from Chromium and the converter.
ENV = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1",
       "LMP_PDF_CACHE": "off", "LMP_BUILD_CACHE": "off"}

# Chromium flags for a closed network (no background connections) and root (no sandbox).
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-gpu"]


@pytest.fixture(autouse=True)
def _project_restored():
    """A build in this process (tests/test_rebuild.py) names its project's folder and languages
    (lmp.project.use, set_languages): every test starts from this checkout's again."""
    kept = {name: getattr(lmp_project, name) for name in ("ROOT", "CONFIG_FILE", "LANGUAGES", "DEFAULT_LANGUAGE")}
    yield
    for name, value in kept.items():
        setattr(lmp_project, name, value)


def mkdocs_build(project: Path, site_dir: Path, pdf: bool = True, env: dict | None = None):
    """Run `mkdocs build --strict` for `project` into `site_dir`; return the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**ENV, "PDF": "true" if pdf else "false", **(env or {})},
    )


def built_once(tmp_path_factory, name: str, build):
    """build(folder) once per test run. `make test` runs two pytest-xdist workers (one per core):
    each has its own session, so the first worker to ask builds under a lock in the run's shared
    temporary folder and the other waits and takes the same result (pickled), instead of building
    the same site twice. Without xdist: build(folder) in this session's temporary folder."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(tmp_path_factory.mktemp(name))
    import fcntl
    import pickle
    shared = tmp_path_factory.getbasetemp().parent / "built-once"
    shared.mkdir(exist_ok=True)
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # released when the file closes
        kept = shared / f"{name}.pickle"
        if kept.exists():
            return pickle.loads(kept.read_bytes())
        (shared / name).mkdir(exist_ok=True)
        result = build(shared / name)
        kept.write_bytes(pickle.dumps(result))
        return result


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once: every language, PDFs, strict. LMP_TEST_SITE=<dir> reuses a
    site built beforehand with `mkdocs build --strict -d <dir>` (CI never sets it)."""
    if os.environ.get("LMP_TEST_SITE"):   # a developer's shortcut: test a build made beforehand
        reused = Path(os.environ["LMP_TEST_SITE"]).resolve()
        assert (reused / "index.html").exists(), f"LMP_TEST_SITE={reused} holds no built site"
        return reused
    def build(folder: Path) -> Path:
        result = mkdocs_build(ROOT, folder / "site")
        if result.returncode != 0:
            pytest.fail("mkdocs build --strict failed:\n" + result.stdout[-4000:] + result.stderr[-8000:])
        return folder / "site"
    return built_once(tmp_path_factory, "site", build)


@pytest.fixture(scope="session")
def html_site(tmp_path_factory) -> Path:
    """The whole site without PDFs (every language, strict), built once: for the tests that read
    only web pages that do not depend on the PDFs, so that `make check` and a single test file
    need no Chromium print. LMP_TEST_HTML_SITE=<dir> reuses a build made beforehand."""
    if os.environ.get("LMP_TEST_HTML_SITE"):
        reused = Path(os.environ["LMP_TEST_HTML_SITE"]).resolve()
        assert (reused / "index.html").exists(), f"LMP_TEST_HTML_SITE={reused} holds no built site"
        return reused
    def build(folder: Path) -> Path:
        result = mkdocs_build(ROOT, folder / "site", pdf=False)
        if result.returncode != 0:
            pytest.fail("mkdocs build --strict (PDF=false) failed:\n" + result.stdout[-4000:] + result.stderr[-8000:])
        return folder / "site"
    return built_once(tmp_path_factory, "html", build)


ADDRESS = "https://example.org/laringsmiljo/"   # a public address under a sub-path, for tests


@pytest.fixture(scope="session")
def address_site(tmp_path_factory) -> Path:
    """The site built with SITE_URL=ADDRESS, without PDFs (their address logic is tested apart)."""
    def build(folder: Path) -> Path:
        result = mkdocs_build(ROOT, folder / "site", pdf=False, env={"SITE_URL": ADDRESS})
        if result.returncode != 0:
            pytest.fail("mkdocs build --strict with SITE_URL failed:\n" + result.stderr[-8000:])
        return folder / "site"
    return built_once(tmp_path_factory, "address", build)


def html_pages(site: Path, lang: str) -> list[Path]:
    """Every built HTML page of one language (en lives under site/en/)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    if lang == lmp_project.DEFAULT_LANGUAGE:
        return sorted(p for p in pages if p.relative_to(site).parts[0] not in LANGUAGES)
    return sorted(p for p in pages if p.relative_to(site).parts[0] == lang)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve `directory` on a free loopback port; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served over HTTP on loopback."""
    url, server = serve(site)
    yield url
    server.shutdown()


def launch_chromium(playwright):
    """Playwright's own Chromium if installed, else the system one (as the PDF build does)."""
    from lmp_mkdocs.exporter import find_browser  # the same discovery as the PDF build
    if os.environ.get("LMP_CHROMIUM"):
        return playwright.chromium.launch(executable_path=find_browser(), args=CHROMIUM_ARGS)
    try:
        return playwright.chromium.launch(args=CHROMIUM_ARGS)
    except Exception as error:  # Playwright's own browser is not installed
        if "Executable doesn't exist" not in str(error):
            raise
        return playwright.chromium.launch(executable_path=find_browser(), args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def copy_project(folder: Path) -> Path:
    """A throw-away copy of the project (docs, config, hooks, data…) in `folder`/project."""
    copy = folder / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "dist", ".cache", "node_modules",
                                    "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project (docs, config, hooks…) for fault-injection builds."""
    return copy_project(tmp_path)


def snapshot(docs: Path) -> dict[str, str]:
    """A hash of every Markdown source and of the data files next to docs/ (data/*.yml), to prove
    that a build left the author's files alone."""
    import hashlib
    files = sorted(docs.rglob("*.md")) + sorted((docs.parent / "data").glob("*.yml"))
    return {p.as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


# Fault injection in TWO builds. Test modules register the faults they prove with
# @fault_injector("name"): inject(project) puts them into a project copy and returns
# {expected 'file:line': expected message part}. Faults the content checks find (before anything
# is rendered: the build stops there with one message listing them all, lmp_mkdocs/start.py) go
# into one copy; faults found only while pages are rendered (MkDocs' link validation, text a hook
# generates) are registered with stage="render" and go into a second copy, which has no content
# fault and so is rendered. Each copy gets every registered module's faults in turn (each module
# reads the files as the earlier ones left them, so the line numbers it expects are right), is
# built once without PDFs, and must be left with its sources as they were. Faults are combined
# only where they do not interfere: different pages, or lines appended at the end of a page, and
# checks that report every problem instead of stopping at the first. Running one test file builds
# only its own faults.
FAULTS: dict = {"content": {}, "render": {}}


def fault_injector(name: str, stage: str = "content"):
    def register(inject):
        FAULTS[stage][name] = inject
        return inject
    return register


def _fault_build(tmp_path_factory, stage: str):
    """(expected by module name, result, sources before, after, site dir) of one stage's copy
    (every worker of a pytest-xdist run collects every module, so every worker would inject the
    same faults: the copy is built once for all)."""
    def build(folder: Path):
        project = copy_project(folder)
        expected = {name: inject(project) for name, inject in FAULTS[stage].items()}
        before = snapshot(project / "docs")
        result = mkdocs_build(project, project / "site", pdf=False)
        return expected, result, before, snapshot(project / "docs"), project / "site"
    return built_once(tmp_path_factory, f"faults-{stage}", build)


@pytest.fixture(scope="session")
def content_faults(tmp_path_factory):
    """The build of the copy with every content fault: it must stop before rendering."""
    return _fault_build(tmp_path_factory, "content")


@pytest.fixture(scope="session")
def render_faults(tmp_path_factory):
    """The build of the copy with every fault found while rendering (None when no module has one)."""
    return _fault_build(tmp_path_factory, "render") if FAULTS["render"] else None


@pytest.fixture(scope="session")
def combined_faults(content_faults, render_faults):
    """{module name: (expected, result, sources before, sources after)}: a module's faults of both
    stages, with what both builds printed (each must have failed: returncode 1 only when both
    did) and the sources of both copies."""
    builds = [build for build in (content_faults, render_faults) if build is not None]
    result = types.SimpleNamespace(
        returncode=int(all(build[1].returncode != 0 for build in builds)),
        stdout="".join(build[1].stdout for build in builds),
        stderr="".join(build[1].stderr for build in builds))
    before = {f"{n}:{path}": digest for n, build in enumerate(builds) for path, digest in build[2].items()}
    after = {f"{n}:{path}": digest for n, build in enumerate(builds) for path, digest in build[3].items()}
    names = dict.fromkeys(name for build in builds for name in build[0])
    return {name: ({where: message for build in builds for where, message in build[0].get(name, {}).items()},
                   result, before, after) for name in names}


def append_lines(path: Path, *new: str) -> int:
    """Append lines to a file of a project copy after a blank line; return the number of the first
    appended line (where a check must report a fault injected there)."""
    lines = path.read_text(encoding="utf-8").splitlines() + [""]
    path.write_text("\n".join(lines + list(new)) + "\n", encoding="utf-8")
    return len(lines) + 1


def replace_line(path: Path, start: str, *new: str) -> int:
    """Replace the first line of a file that starts with `start` by the lines `new`; return its
    number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[index:index + 1] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def assert_reported(result, where: str, message: str) -> None:
    """The build's output names the place (`file:line`, or `file` for generated text) and the
    message on one line, as an author sees it."""
    output = result.stdout + result.stderr
    where = where.strip()  # a trailing space only keeps two expectations for one line apart
    pattern = re.escape(where) + r":? [^\n]*" + re.escape(message)
    assert re.search(pattern, output), f"expected '{where}: …{message}…' in:\n" + \
        "\n".join(line for line in output.splitlines() if "WARNING" in line)


# Tiers. `make check` (authors: seconds to a minute) runs `pytest -m "not full"`; `make test` runs
# everything. A test is in the full tier when it needs what takes minutes: the PDF build (`site`
# and what serves it), a browser, or a build of its own (a module marks itself
# `pytestmark = pytest.mark.full`). The marking follows the fixtures a test asks for, so a new test
# that reads the PDFs is in the right tier without anyone remembering to mark it.
FULL_FIXTURES = {"site", "site_url", "browser", "page", "address_site"}


def pytest_collection_modifyitems(items):
    for item in items:
        asked = set(getattr(item, "fixturenames", ()))
        # a test that picks a build by name through a parameter (request.getfixturevalue)
        callspec = getattr(item, "callspec", None)
        asked |= {value for value in (callspec.params.values() if callspec else ()) if isinstance(value, str)}
        if FULL_FIXTURES & asked:
            item.add_marker(pytest.mark.full)


# --- PDFs parsed once per run (tests/pdfs.py) ---------------------------------------------------
# Every test that reads the built PDFs asks for `pdfs`: pdfs[path] parses each file at most once
# per library for the whole run (pypdf text and annotations, pdfplumber characters), whichever
# test file reads it first.

@pytest.fixture(scope="session")
def pdfs(tmp_path_factory):
    """pdfs[path] → tests/pdfs.Pdf of a built PDF, read lazily and kept for the run; the page
    texts also in the run's folder that both workers share (tests/pdfs.py)."""
    from pdfs import Pdfs
    run = tmp_path_factory.getbasetemp()
    return Pdfs(shared=(run.parent if os.environ.get("PYTEST_XDIST_WORKER") else run) / "pdf-text")
# --- end of the PDFs block ----------------------------------------------------------------------
