"""A rebuild in one process (what `mkdocs serve` does after each save) gives exactly what a clean
build gives, and a build parses each page source once (lmp/model/site.py, lmp_mkdocs/start.py).

The review found that a second build in one process doubled the search terms (208 → 416): module
state of the hooks survived from one build to the next. PDFs are off (their cache is tested in
tests/test_pdf_cache.py); .ics and .docx carry the build time, so SOURCE_DATE_EPOCH fixes it for
the .ics files and the .docx files are compared by their contents (the XML parts in the zip).
The three build tests share one set of builds (the `builds` fixture): one clean build serves as
the reference both for the rebuild and for the rebuild under serve.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ENV, ROOT, mkdocs_build

from lmp import project as lmp_project
from lmp.model import pages

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


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Every build of this module, in one process and one project copy, as `mkdocs serve` and a
    clean `mkdocs build` make them (6 builds instead of 8: the clean build is shared):
    1. under serve: the first build (everything), a save with nothing changed, a save of one
       default-language page (lmp_mkdocs/serve.py);
    2. serving off: a build and a rebuild into the same folder (what a second build in one
       process gives), counting the parses of each page source in each;
    3. a clean `mkdocs build` of the same (edited) sources, in a new process."""
    import shutil
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    patch = pytest.MonkeyPatch()
    for name, value in {**ENV, **FIXED}.items():
        patch.setenv(name, value)
    folder = tmp_path_factory.mktemp("rebuild")
    project = folder / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "dist", ".cache", "__pycache__", ".pytest_cache", "node_modules"))
    patch.chdir(project)
    for name in ("ROOT", "CONFIG_FILE", "LANGUAGES", "DEFAULT_LANGUAGE"):   # these builds name the copy's
        patch.setattr(lmp_project, name, getattr(lmp_project, name))     # folder: put this checkout back after
    docs, served, rebuilt, clean = project / "docs", folder / "served", folder / "rebuilt", folder / "clean"
    found = {}

    def serve_build():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
        config.plugins.on_startup(command="serve", dirty=False)     # what `mkdocs serve` calls
        build(config)
        from lmp_mkdocs import serve
        return serve
    try:
        serve_build()                                               # the first build: everything
        hook = serve_build()                                        # a save with nothing changed
        found["unchanged save"] = (hook.SERVING["changed"], set(hook.RECORDS))
        page = docs / "themes" / "theme-1" / "index.nb.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEn setning til for testen.\n", encoding="utf-8")
        hook = serve_build()                                        # the save of one nb page
        found["nb save"] = hook.SERVING["changed"]
        hook.SERVING.update(on=False, changed=None)

        sources = [str(path) for path in sorted(docs.rglob("*.md"))]
        found["parses"] = []
        for _ in range(2):                                          # a build, then the rebuild
            before = {path: pages.PARSES[path] for path in sources}
            build(load_config(str(project / "mkdocs.yml"), site_dir=str(rebuilt)))
            found["parses"].append({Path(path).relative_to(docs).as_posix(): pages.PARSES[path] - before[path]
                                    for path in sources})
    finally:
        patch.undo()
    result = mkdocs_build(project, clean, pdf=False, env=FIXED)
    assert result.returncode == 0, result.stderr[-4000:]
    found.update(clean=contents(clean), served=contents(served), rebuilt=contents(rebuilt))
    return found


@pytest.mark.full   # the module's builds
def test_a_second_build_in_one_process_equals_a_clean_build(builds):
    first, second = builds["clean"], builds["rebuilt"]
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"a rebuild differs from a clean build in: {differing[:10]}"
    assert "search/lmp-search.nb.js" in first and any(name.endswith(".html") for name in first)


@pytest.mark.full   # the module's builds
def test_a_build_parses_each_page_once(builds):
    parsed = builds["parses"][0]
    assert parsed and all(count == 1 for count in parsed.values()), \
        {path: count for path, count in parsed.items() if count != 1}


@pytest.mark.full   # the module's builds
def test_under_serve_a_save_of_a_default_language_page_rebuilds_it_and_equals_a_clean_build(builds):
    """lmp_mkdocs/serve.py: under `mkdocs serve`, a save that changed only default-language
    pages rebuilds that language and puts the other languages back as their last build made
    them; the site is still byte for byte what a clean build of the same sources gives."""
    changed, recorded = builds["unchanged save"]
    assert changed is None
    assert recorded == set(lmp_project.LANGUAGES[1:])                     # each other language recorded
    assert builds["nb save"] == {lmp_project.DEFAULT_LANGUAGE}
    first, second = builds["clean"], builds["served"]
    assert "En setning til for testen." in second["themes/theme-1/index.html"].decode()
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"a one-language rebuild differs from a clean build in: {differing[:10]}"


def test_which_languages_a_save_changed():
    from lmp_mkdocs import serve as hook
    before = {"docs/a.nb.md": (1, 10), "docs/a.en.md": (1, 10), "data/terms.yml": (1, 5)}
    languages = ("nb", "en")
    assert hook.changed_languages(before, {**before, "docs/a.nb.md": (2, 11)}, languages) == {"nb"}
    assert hook.changed_languages(before, {**before, "docs/a.nb.md": (2, 11), "docs/a.en.md": (2, 9)},
                                  languages) == {"nb", "en"}
    assert hook.changed_languages(before, {**before, "data/terms.yml": (2, 5)}, languages) is None
    assert hook.changed_languages(before, {**before, "docs/b.nb.md": (1, 1)}, languages) is None   # a new page
    assert hook.changed_languages(before, before, languages) is None                                 # nothing
    assert hook.changed_languages({}, before, languages) is None                                     # first build
