"""lmp/cache.py: a generated file is made again exactly when something it is made from changed
(its inputs, the code that makes it), and never when LMP_BUILD_CACHE=off."""
from __future__ import annotations

from lmp import cache
from lmp.model import site as model


def test_made_once_until_an_input_or_the_code_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path / "cache"))
    code = tmp_path / "maker.py"
    code.write_text("version 1", encoding="utf-8")
    calls = []

    def make(text):
        calls.append(text)
        return text.encode()

    assert cache.made("t", ("a",), lambda: make("a"), code=[code]) == b"a"
    assert cache.made("t", ("a",), lambda: make("a"), code=[code]) == b"a"
    assert calls == ["a"]
    cache._MEMORY.clear()                       # a new process: the file on disk serves
    assert cache.made("t", ("a",), lambda: make("a"), code=[code]) == b"a" and calls == ["a"]
    assert cache.made("t", ("b",), lambda: make("b"), code=[code]) == b"b" and calls == ["a", "b"]
    code.write_text("version 2", encoding="utf-8")   # the converter changed
    assert cache.made("t", ("a",), lambda: make("a"), code=[code]) == b"a" and calls == ["a", "b", "a"]


def test_off_makes_everything_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("LMP_BUILD_CACHE", "off")
    code = tmp_path / "maker.py"
    code.write_text("x", encoding="utf-8")
    calls = []
    for _ in range(2):
        cache.made("t", ("a",), lambda: calls.append(1) or b"a", code=[code])
    assert len(calls) == 2


def test_a_check_result_is_kept_for_the_next_process_until_its_inputs_or_the_hooks_change(tmp_path, monkeypatch):
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_RESULTS", {})
    monkeypatch.setattr(cache, "_UNSAVED", set())
    monkeypatch.setattr(cache, "_HOOKS_DIGEST", ["hooks version 1"])
    calls = []

    def check(text):
        calls.append(text)
        return [(1, f"problem in {text}")]

    assert cache.result("k", "page.md", ("a",), lambda: check("a")) == [[1, "problem in a"]]
    cache.save_results()
    cache._RESULTS.clear()                      # a new process: the file on disk serves
    assert cache.result("k", "page.md", ("a",), lambda: check("a")) == [[1, "problem in a"]]
    assert calls == ["a"]
    assert cache.result("k", "page.md", ("b",), lambda: check("b")) == [[1, "problem in b"]]
    assert calls == ["a", "b"]                   # the page changed
    cache._HOOKS_DIGEST[:] = ["hooks version 2"]
    assert cache.result("k", "page.md", ("b",), lambda: check("b")) == [[1, "problem in b"]]
    assert calls == ["a", "b", "b"]              # a hook changed: checked again


def test_check_results_off_are_computed_every_time(monkeypatch):
    monkeypatch.setenv("LMP_BUILD_CACHE", "off")
    calls = []
    for _ in range(2):
        cache.result("k", "page.md", ("a",), lambda: calls.append(1) or [])
    assert len(calls) == 2


def test_a_content_check_is_replayed_until_a_source_file_changes(tmp_path, monkeypatch):
    """report.report: a new build with no file of docs/, data/, includes/ or mkdocs.yml changed keeps
    the same problems without running the check; an edit anywhere there runs it again."""
    import logging
    from types import SimpleNamespace

    from lmp.checks import report
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_RESULTS", {})
    monkeypatch.setattr(cache, "_UNSAVED", set())
    project = tmp_path / "project"
    for name, text in {"mkdocs.yml": "site_name: x\n", "docs/index.md": "# Hei\n",
                       "data/terms.yml": "terms: []\n", "includes/links.md": "\n"}.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"),
                             plugins={})
    from lmp.model import site as model
    log, runs, logged = logging.getLogger("mkdocs.hooks.a_check"), [], []
    # What report() keeps for the build's verdict (lmp_mkdocs/start.py), as `file:line: problem`.
    monkeypatch.setattr(model, "PROBLEMS", type("Kept", (list,), {
        "append": lambda self, item: logged.append(f"{item[1]}: {item[2]}")})())

    def check(docs_dir):
        runs.append(1)
        yield "docs/index.md:1", f"{len(runs)}. run"

    report.report(config.docs_dir, config.config_file_path, log.name, check)
    cache.save_results()
    cache._RESULTS.clear()                      # a new process: the result on disk serves
    report.report(config.docs_dir, config.config_file_path, log.name, check)
    assert (len(runs), logged) == (1, ["docs/index.md:1: 1. run"] * 2)
    report.report(config.docs_dir, config.config_file_path, log.name, check, inputs=("another dictionary",))
    assert len(runs) == 2                        # what else the check reads changed
    (project / "data" / "terms.yml").write_text("terms: [x]\n", encoding="utf-8")
    report.report(config.docs_dir, config.config_file_path, log.name, check)
    assert len(runs) == 3 and logged[-1] == "docs/index.md:1: 3. run"
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    report.report(config.docs_dir, config.config_file_path, log.name, check)
    assert len(runs) == 4                        # overrides/ is read too (published_address)
