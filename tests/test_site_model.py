"""hooks/_site.py reads each page once while it is unchanged, and every caller gets its own copy."""
from __future__ import annotations

import os

import _site  # hooks/ is on sys.path (conftest)


def write(path, title, body="Tekst.\n"):
    path.write_text(f"---\nid: x\ntype: page\ntitle: {title}\ndescription: D.\n---\n{body}", encoding="utf-8")


def test_a_page_is_parsed_again_when_it_changes_and_copies_do_not_leak(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "x.nb.md"
    write(page, "Først")
    first = _site.read_page(page, docs)
    assert first.meta["title"] == "Først" and first.lang == "nb" and first.key == "x"
    first.meta["title"] = "endret av en hook"
    assert _site.read_page(page, docs).meta["title"] == "Først"       # a caller's change stays its own
    write(page, "Deretter", body="Mer tekst her.\n")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a save, even within one tick
    again = _site.read_page(page, docs)
    assert again.meta["title"] == "Deretter" and again.body == "Mer tekst her.\n"


def test_a_data_file_is_read_again_when_it_changes_and_copies_do_not_leak(tmp_path):
    data = tmp_path / "law.yml"
    data.write_text("provisions: [a]\n", encoding="utf-8")
    first = _site.load_yaml(data)
    first["provisions"].append("changed by a hook")
    assert _site.load_yaml(data) == {"provisions": ["a"]}
    data.write_text("provisions: [a, b]\n", encoding="utf-8")
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert _site.load_yaml(data) == {"provisions": ["a", "b"]}
