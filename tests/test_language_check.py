"""Every word a reader reads is a word of the page's language (lmp/checks/language_check.py).

The checker function is proven on small fixtures (one hunspell run each) and on the nynorsk
pages (staged in translations/nn until nynorsk is switched on); the build is proven in the one
combined fault build (conftest.py `combined_faults`): a wrong word on a page of each site language
fails it with `docs/<file>:<line>`, and leaves the sources as they were.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lmp.errors import BuildError

from conftest import ROOT, assert_reported, fault_injector
from lmp import project as lmp_project

from lmp.checks import language_check

SETTINGS = language_check.spelling(lmp_project.read_config()["extra"])


@pytest.fixture(autouse=True)
def no_answers_from_the_cache(monkeypatch):
    """hunspell itself answers here, as in the builds of the tests (LMP_BUILD_CACHE=off)."""
    monkeypatch.setenv("LMP_BUILD_CACHE", "off")
    monkeypatch.setattr(language_check, "_KNOWN", {})
    monkeypatch.setattr(language_check, "_READ", set())
NN = {"nn": SETTINGS.get("nn") or {"dictionary": "nn_NO", "package": "hunspell-no"}}
BOKMAL_FORMS = ("ikke", "hva", "hvordan", "jeg")


def check(tmp_path: Path, files: dict[str, str], word_lists: dict[str, str] | None = None,
          settings: dict | None = None) -> dict[str, str]:
    """{file:line: problem} of the checker on fixture pages {docs/<name>.<lang>.md: text}."""
    (tmp_path / "data").mkdir(exist_ok=True)
    settings = settings or {**SETTINGS, **NN}
    for lang in settings:
        (tmp_path / "data" / f"words.{lang}.txt").write_text(
            "# fixture\n" + (word_lists or {}).get(lang, ""), encoding="utf-8")
    pages = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pages.append((path, name.split(".")[-2], text))
    found: dict[str, str] = {}
    for where, problem in language_check.problems(pages, tmp_path, settings):
        found[where] = found.get(where, "") + problem
    return found


PAGE = "---\nid: x\ntype: page\ntitle: Om prosjektet\ndescription: Ei kort skildring.\n---\n\n"


def test_bokmal_forms_on_a_nynorsk_page_are_named_with_file_and_line(tmp_path):
    body = ("## Kva prosjektet gjer { #what }\n\nDette er ikkje vanskeleg.\n\n"   # lines 8-10
            "Det er ikke vanskeleg.\n\nKva gjer vi? Hva gjer vi?\n\n"             # 12, 14
            "Korleis? Hvordan?\n\nEg veit at jeg kan.\n")                         # 16, 18
    found = check(tmp_path, {"docs/x.nn.md": PAGE + body})
    assert {where: problem.split("'")[1].lower() for where, problem in found.items()} == {
        "docs/x.nn.md:12": "ikke", "docs/x.nn.md:14": "hva", "docs/x.nn.md:16": "hvordan",
        "docs/x.nn.md:18": "jeg"}
    assert "is not a word of the language nn (hunspell nn_NO)" in found["docs/x.nn.md:12"]
    assert "data/words.nn.txt" in found["docs/x.nn.md:12"]


def test_what_readers_do_not_read_is_not_looked_up(tmp_path):
    body = ("Her står `ikke` i kode og <https://example.org/hvordan> i ei lenkje til [ei side](hvordan.md).\n\n"
            "```text\njeg hva ikke\n```\n\n"
            "Sitatet «jeg vet ikke» og “hva nå” står som dei er skrivne.\n\n"
            "> Jeg vet ikke hvordan.\n\n"
            "Eit sitat «som held fram\npå neste line, hvordan det no går» sluttar der.\n\n"
            "## Overskrift { #hvordan }\n\n<!-- lmp:ikke -->\n\n"
            "Boka *Hva jeg vet*{ lang=nb } er på bokmål, og <span lang=\"nb\">ikke</span> òg.\n\n"
            "*[PPT]: jeg hva\n")
    assert check(tmp_path, {"docs/x.nn.md": PAGE + body}) == {}


def test_a_quotation_left_open_ends_with_its_paragraph(tmp_path):
    body = "Han sa «jeg veit\nikke kva.\n\nHvordan gjekk det?\n"
    assert list(check(tmp_path, {"docs/x.nn.md": PAGE + body})) == ["docs/x.nn.md:11"]


def test_a_part_marked_in_another_language_is_looked_up_in_that_language(tmp_path):
    body = "Boka heiter <span lang=\"en\">Teh Lerning Envirnoment</span> på engelsk.\n"
    found = check(tmp_path, {"docs/x.nn.md": PAGE + body})
    assert "'Envirnoment' is not a word of the language en" in found["docs/x.nn.md:8"]
    assert "'Lerning'" in found["docs/x.nn.md:8"]
    assert "heiter" not in found["docs/x.nn.md:8"]


def test_front_matter_that_readers_read_is_looked_up(tmp_path):
    text = "---\nid: x\ntype: page\ntitle: Om prosjektet\ndescription: Hvordan det gjekk.\n---\n\nTekst.\n"
    assert "'Hvordan'" in check(tmp_path, {"docs/x.nn.md": text})["docs/x.nn.md:5"]


def test_the_word_list_holds_names_and_terms(tmp_path):
    body = "Rådgjevaren Xyzzyson frå Qwuxdir og Qwuxdirs rådgjevar. Xyzzysonn skreiv feil.\n"
    found = check(tmp_path, {"docs/x.nn.md": PAGE + body}, {"nn": "Xyzzyson\nQwuxdir\n"})
    assert list(found) == ["docs/x.nn.md:8"]
    assert found["docs/x.nn.md:8"].count("' is not a word") == 1 and "'Xyzzysonn'" in found["docs/x.nn.md:8"]


def test_a_misspelling_on_a_page_of_each_site_language(tmp_path):
    wrong = {"nb": "Dette er en skrivefeiil.", "en": "This is a mispelled word.", "nn": "Dette er ein skrivefeiil."}
    english = PAGE.replace("Om prosjektet", "About the project").replace("Ei kort skildring", "A summary")
    files = {f"docs/x.{lang}.md": (english if lang == "en" else PAGE) + wrong[lang] + "\n" for lang in SETTINGS}
    found = check(tmp_path, files)
    assert set(found) == {f"docs/x.{lang}.md:8" for lang in SETTINGS}, found


def test_a_missing_dictionary_fails_naming_the_debian_package(tmp_path):
    settings = {"nn": {"dictionary": "xx_XX", "package": "hunspell-xx"}}
    with pytest.raises(BuildError, match=r"no dictionary xx_XX: install Debian's hunspell-xx \(apt-get install hunspell-xx\)"):
        check(tmp_path, {"docs/x.nn.md": PAGE + "Tekst.\n"}, settings=settings)


def test_every_site_language_has_an_installed_dictionary_and_a_word_list():
    with pytest.raises(BuildError, match=r"no hunspell dictionary for the language 'nb'.*extra\.spelling\.nb"):
        language_check.spelling({})
    for lang in lmp_project.LANGUAGES:
        entry = SETTINGS[lang]
        found = language_check.unknown_to_hunspell({entry["dictionary"]: ({"Tekst", "Xqzqx"}, entry["package"])})
        assert "Xqzqx" in found[entry["dictionary"]]
        assert language_check.load_word_list(ROOT / "data" / f"words.{lang}.txt") is not None


def nynorsk_pages() -> list[Path]:
    """The nynorsk pages: in docs/ once nynorsk is switched on, staged in translations/nn before."""
    pages = sorted(ROOT.glob("docs/**/*.nn.md")) + sorted(ROOT.glob("translations/nn/**/*.nn.md"))
    assert pages, "no nynorsk pages in docs/ or translations/nn/"
    return pages


def test_the_nynorsk_pages_pass():
    pages = [(path, "nn", path.read_text(encoding="utf-8")) for path in nynorsk_pages()]
    assert list(language_check.problems(pages, ROOT, {**SETTINGS, **NN})) == []


def test_bokmal_forms_put_into_a_nynorsk_page_are_found(tmp_path):
    source = next(path for path in nynorsk_pages() if path.name == "index.nn.md" and path.parent.name == "theme-1")
    text = source.read_text(encoding="utf-8").rstrip("\n") + "\n\nMen jeg veit ikke hva vi gjer, eller hvordan.\n"
    line = text.count("\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "words.nn.txt").write_text((ROOT / "data" / "words.nn.txt").read_text(encoding="utf-8"))
    found = list(language_check.problems([(tmp_path / "theme-1.nn.md", "nn", text)], tmp_path, NN))
    assert sorted(problem.split("'")[1] for where, problem in found) == sorted(BOKMAL_FORMS)
    assert {where for where, _ in found} == {f"theme-1.nn.md:{line}"}


# The combined fault build: a wrong word on a page of each site language. A language added to the
# site needs its wrong word here (the test fails until it has one).
WRONG_WORDS = {"nb": ("Dette er en skrivefeiil.", ["skrivefeiil"]),
               "en": ("This is a mispelled word.", ["mispelled"]),
               "nn": ("Eg veit ikke hva jeg skal gjere, eller hvordan.", list(BOKMAL_FORMS))}


@fault_injector("language_check")
def inject_wrong_words(project: Path) -> dict[str, str]:
    expected = {}
    for lang in lmp_project.config_languages(project / "mkdocs.yml"):
        assert lang in WRONG_WORDS, f"tests/test_language_check.py: no wrong word for the language {lang}"
        text, words = WRONG_WORDS[lang]
        page = project / "docs" / f"about/success-criteria.{lang}.md"
        lines = page.read_text(encoding="utf-8").splitlines() + ["", text]
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for index, word in enumerate(words):   # trailing spaces keep expectations for one line apart
            expected[f"docs/about/success-criteria.{lang}.md:{len(lines)}" + " " * index] = (
                f"'{word}' is not a word of the language {lang}")
    return expected


@pytest.fixture(scope="module")
def faulty_build(combined_faults):
    return combined_faults["language_check"]


def test_the_build_fails_naming_each_wrong_word_with_file_and_line(faulty_build):
    expected, result, before, after = faulty_build
    assert result.returncode != 0
    for where, message in expected.items():
        assert_reported(result, where, message)
    assert before == after, "the build changed the author's files"


def test_answers_kept_in_the_cache_give_the_same_result(tmp_path, monkeypatch):
    """A second build (a new process: nothing in memory) takes hunspell's answers from
    .cache/hunspell/ and still names a word it has not seen before."""
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path / "cache"))
    first = check(tmp_path, {"docs/x.nn.md": PAGE + "Det er ikke vanskeleg.\n"})
    assert list((tmp_path / "cache" / "hunspell").glob("nn_NO-*.json"))
    monkeypatch.setattr(language_check, "_KNOWN", {})
    monkeypatch.setattr(language_check, "_READ", set())
    start = language_check._start_hunspell

    def not_asked(*args):
        raise AssertionError("hunspell was asked although every word's answer is in the cache")
    monkeypatch.setattr(language_check, "_start_hunspell", not_asked)
    assert check(tmp_path, {"docs/x.nn.md": PAGE + "Det er ikke vanskeleg.\n"}) == first
    monkeypatch.setattr(language_check, "_start_hunspell", start)
    again = check(tmp_path, {"docs/x.nn.md": PAGE + "Det er ikke vanskeleg, jeg veit.\n"})
    assert "'jeg'" in again["docs/x.nn.md:8"] and "'ikke'" in again["docs/x.nn.md:8"]
