"""The page model (lmp/model/site.py) on a small fixture site, in milliseconds: each page is parsed
once per build, every reader gets the same pages, nothing one reader changes reaches another, and
per-build state is emptied when the next build starts."""
from __future__ import annotations

from lmp.model import catalogue
from lmp.model import site as model
from lmp import project
from lmp import words as lmp_words
from lmp.model import pages
from lmp.model import site as model


def write(path, title, body="Tekst.\n", kind="page", **meta):
    extra = "".join(f"{key}: {value}\n" for key, value in meta.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nid: {path.stem.split('.')[0]}\ntype: {kind}\ntitle: {title}\ndescription: D.\n"
                    f"{extra}---\n{body}", encoding="utf-8")


def fixture_site(tmp_path):
    docs = tmp_path / "docs"
    for lang, title in (("nb", "Tema"), ("en", "Theme")):
        write(docs / "themes" / "theme-1" / f"index.{lang}.md", f"{title} 1",
              body="## Del { #part }\n\nEn to tre fire.\n", kind="theme", semester=1)
        write(docs / f"about.{lang}.md", "Om" if lang == "nb" else "About")
    (docs / "broken.nb.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    return docs


def parses(docs):
    return {path: n for path, n in pages.PARSES.items() if path.startswith(str(docs))}


def test_a_build_parses_each_page_once_and_every_reader_shares_it(tmp_path):
    docs = fixture_site(tmp_path)
    site = model.start_build(docs)
    try:
        assert [page.key for page in site.pages] == ["about", "about", "broken", "themes/theme-1/index",
                                                     "themes/theme-1/index"]
        assert site.page("broken.nb.md").meta_error.startswith("invalid YAML front matter")
        # Many readers, as in a build: checks, the catalogue, theme titles.
        for _ in range(3):
            assert len(list(model.iter_pages(docs))) == 5
            assert [entry.id for entry in catalogue.load(docs, "en")] == ["index"]
            assert model.theme_title("theme-1", "nb", docs) == "Tema 1"
        assert set(parses(docs).values()) == {1} and len(parses(docs)) == 5
        # The catalogue is computed once per language and build, not once per reader.
        assert catalogue.load(docs, "nb") is catalogue.load(docs, "nb")
        # A reader's change to its copy of the front matter stays its own.
        first = next(page for page in model.iter_pages(docs) if page.key == "about" and page.lang == "nb")
        first.meta["title"] = "changed by a hook"
        assert next(p for p in model.iter_pages(docs) if p.key == "about" and p.lang == "nb").meta["title"] == "Om"
    finally:
        model._CURRENT.clear()


def test_the_next_build_reads_the_pages_again_and_resets_per_build_state(tmp_path):
    docs = fixture_site(tmp_path)
    collected = model.per_build({})
    try:
        model.start_build(docs)
        collected["x"] = 1
        write(docs / "about.nb.md", "Om oss")
        assert next(p for p in model.iter_pages(docs) if p.key == "about" and p.lang == "nb").meta["title"] == "Om"
        model.start_build(docs)         # a rebuild under `mkdocs serve`
        assert collected == {}
        assert next(p for p in model.iter_pages(docs) if p.key == "about" and p.lang == "nb").meta["title"] == "Om oss"
        assert set(parses(docs).values()) == {2}
    finally:
        # by identity: list.remove() takes the first EQUAL container, and an emptied {} equals every
        # other empty one, e.g. lmp/search/index.py's DEFINED, which would then never be reset again
        model._STATE[:] = [container for container in model._STATE if container is not collected]
        model._CURRENT.clear()


def test_outside_a_build_a_folder_is_read_afresh(tmp_path):
    docs = fixture_site(tmp_path)
    assert next(p for p in model.iter_pages(docs) if p.key == "about" and p.lang == "en").meta["title"] == "About"
    write(docs / "about.en.md", "About us")
    assert next(p for p in model.iter_pages(docs) if p.key == "about" and p.lang == "en").meta["title"] == "About us"


def test_a_data_file_is_read_again_when_it_changes_and_copies_do_not_leak(tmp_path):
    import os
    data = tmp_path / "law.yml"
    data.write_text("provisions: [a]\n", encoding="utf-8")
    first = pages.load_yaml(data)
    first["provisions"].append("changed by a hook")
    assert pages.load_yaml(data) == {"provisions": ["a"]}
    data.write_text("provisions: [a, b]\n", encoding="utf-8")
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert pages.load_yaml(data) == {"provisions": ["a", "b"]}


def test_plain_copy_is_a_deep_copy_of_yaml_data():
    import datetime as dt
    data = {"a": [1, {"b": ["c"]}], "d": dt.date(2026, 9, 1), "e": {1, 2}, "f": None}
    copied = pages.plain_copy(data)
    assert copied == data
    copied["a"][1]["b"].append("x")
    copied["e"].add(3)
    assert data == {"a": [1, {"b": ["c"]}], "d": dt.date(2026, 9, 1), "e": {1, 2}, "f": None}


def test_a_check_re_reads_only_a_changed_page_and_still_finds_what_changed(tmp_path):
    """The content checks remember each file's result while its text (and the rules) are unchanged,
    so that a save under `mkdocs serve` re-checks one page; an edit is never missed."""
    from lmp.checks import draft_markers
    docs = fixture_site(tmp_path)
    (docs / "broken.nb.md").unlink()
    markers = ["ikke sjekket"]
    assert list(draft_markers.check(docs, markers)) == []
    write(docs / "about.nb.md", "Om", body="Dette er ikke sjekket ennå.\n")
    found = list(draft_markers.check(docs, markers))
    assert [where for where, _ in found] == ["docs/about.nb.md:7"]
    # Other rules, same text: checked again with the new rules.
    assert list(draft_markers.check(docs, ["noe annet"])) == []
    calls = []
    assert model.unchanged("kind", "file", ("text", 1), lambda: calls.append(1) or "r") == "r"
    assert model.unchanged("kind", "file", ("text", 1), lambda: calls.append(1) or "r") == "r"
    assert model.unchanged("kind", "file", ("text", 2), lambda: calls.append(1) or "s") == "s"
    assert calls == [1, 1]


def test_once_per_build_is_computed_again_by_the_next_build(tmp_path):
    docs = fixture_site(tmp_path)
    calls = []
    try:
        model.start_build(docs)
        assert [model.once(docs, "k", lambda: calls.append(1) or len(calls)) for _ in range(3)] == [1, 1, 1]
        model.start_build(docs)
        assert model.once(docs, "k", lambda: calls.append(1) or len(calls)) == 2
    finally:
        model._CURRENT.clear()
    assert model.once(docs, "k", lambda: "outside a build: every call") == "outside a build: every call"


def test_interface_words_are_shared_and_cannot_be_changed_by_a_hook():
    import pytest
    words = lmp_words.ui(project.DEFAULT_LANGUAGE)
    assert lmp_words.ui(project.DEFAULT_LANGUAGE) is words
    section = next(iter(words))
    with pytest.raises(TypeError, match="copy a section"):
        words[section] = "changed"
    with pytest.raises(TypeError, match="copy a section"):
        words.pop(section)


def test_yaml_errors_read_as_with_the_pure_python_parser():
    import yaml
    text = "title: [unclosed\nid: x\n"
    errors = []
    for parse in (pages.safe_load, yaml.safe_load):
        try:
            parse(text)
        except yaml.YAMLError as error:
            errors.append(str(error))
    assert len(errors) == 2 and errors[0] == errors[1]
    valid = "a: [1, 2]\nb: {c: d}\nd: 2026-09-01\n"
    assert pages.safe_load(valid) == yaml.safe_load(valid)
