"""A rebuild in one process (what `mkdocs serve` does after each save) gives exactly what a clean
build gives, and a build parses each page source once (hooks/_model.py, hooks/site_model.py).

The review found that a second build in one process doubled the search terms (208 → 416): module
state of the hooks survived from one build to the next. PDFs are off (their cache is tested in
tests/test_pdf_cache.py); .ics and .docx carry the build time, so SOURCE_DATE_EPOCH fixes it for
the .ics files and the .docx files are compared by their contents (the XML parts in the zip).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ENV, ROOT, mkdocs_build

import _site  # noqa: E402  (hooks/ is on sys.path: conftest)

FIXED = {"PDF": "false", "SOURCE_DATE_EPOCH": "1700000000", "LMP_BUILD_DATE": "2026-09-01"}


def contents(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".docx":   # a zip: its members carry the time they were written
            with zipfile.ZipFile(path) as docx:
                for member in sorted(docx.namelist()):
                    files[f"{name}!{member}"] = docx.read(member)
        else:
            files[name] = path.read_bytes()
    return files


@pytest.fixture
def in_process(monkeypatch):
    """Build like `mkdocs serve` does: load the configuration and call build() in this process."""
    for name, value in {**ENV, **FIXED}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(ROOT)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run(site_dir: Path):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir)))
    return run


def test_a_second_build_in_one_process_equals_a_clean_build(tmp_path, in_process):
    clean = tmp_path / "clean"
    result = mkdocs_build(ROOT, clean, pdf=False, env=FIXED)
    assert result.returncode == 0, result.stderr[-4000:]
    served = tmp_path / "served"
    in_process(served)
    in_process(served)            # the rebuild, into the same folder, as serve does
    first, second = contents(clean), contents(served)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"a rebuild differs from a clean build in: {differing[:10]}"
    assert "search/lmp-search.nb.js" in first and any(name.endswith(".html") for name in first)


def test_a_build_parses_each_page_once(tmp_path, in_process):
    docs = ROOT / "docs"
    sources = [str(path) for path in sorted(docs.rglob("*.md"))]
    before = {path: _site.PARSES[path] for path in sources}
    in_process(tmp_path / "site")
    parsed = {path: _site.PARSES[path] - before[path] for path in sources}
    assert parsed and all(count == 1 for count in parsed.values()), \
        {Path(path).relative_to(docs).as_posix(): count for path, count in parsed.items() if count != 1}


def test_under_serve_a_save_of_a_default_language_page_rebuilds_it_and_equals_a_clean_build(tmp_path, in_process):
    """hooks/serve_one_language.py: under `mkdocs serve`, a save that changed only default-language
    pages rebuilds that language and puts the other languages back as their last build made
    them; the site is still byte for byte what a clean build of the same sources gives."""
    import shutil
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "dist", ".cache", "__pycache__", ".pytest_cache", "node_modules"))
    served, clean = tmp_path / "served", tmp_path / "clean"

    def serve_build():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
        config.plugins.on_startup(command="serve", dirty=False)     # what `mkdocs serve` calls
        build(config)
        return config.plugins["hooks/serve_one_language.py"]
    serve_build()                                                   # the first build: everything
    hook = serve_build()                                            # a save with nothing changed
    assert hook.SERVING["changed"] is None
    assert set(hook.RECORDS) == set(_site.LANGUAGES[1:])            # each other language recorded
    page = project / "docs" / "themes" / "theme-1" / "index.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn setning til for testen.\n", encoding="utf-8")
    hook = serve_build()                                            # the save of one nb page
    assert hook.SERVING["changed"] == {_site.DEFAULT_LANGUAGE}
    hook.SERVING.update(on=False, changed=None)
    result = mkdocs_build(project, clean, pdf=False, env=FIXED)
    assert result.returncode == 0, result.stderr[-4000:]
    first, second = contents(clean), contents(served)
    assert "En setning til for testen." in second["themes/theme-1/index.html"].decode()
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"a one-language rebuild differs from a clean build in: {differing[:10]}"


def test_which_languages_a_save_changed():
    import serve_one_language as hook
    before = {"docs/a.nb.md": (1, 10), "docs/a.en.md": (1, 10), "data/terms.yml": (1, 5)}
    languages = ("nb", "en")
    assert hook.changed_languages(before, {**before, "docs/a.nb.md": (2, 11)}, languages) == {"nb"}
    assert hook.changed_languages(before, {**before, "docs/a.nb.md": (2, 11), "docs/a.en.md": (2, 9)},
                                  languages) == {"nb", "en"}
    assert hook.changed_languages(before, {**before, "data/terms.yml": (2, 5)}, languages) is None
    assert hook.changed_languages(before, {**before, "docs/b.nb.md": (1, 1)}, languages) is None   # a new page
    assert hook.changed_languages(before, before, languages) is None                                 # nothing
    assert hook.changed_languages({}, before, languages) is None                                     # first build
