"""A content-addressed cache for generated files whose making is slow (the .docx templates, the
.ics calendars: their packages are then not even imported).

The key is a hash of everything the output is made from: the inputs the caller passes, the
source of the code that makes it (the caller's module) and the versions of the packages it
uses. The same key always means the same bytes, so a hit is never stale; it is kept in memory
(`mkdocs serve` rebuilds in one process) and in `.cache/<kind>/` (git-ignored) for the next
build. LMP_BUILD_CACHE=off makes everything afresh; LMP_BUILD_CACHE=<dir> moves the folder.
PDFs have their own cache (lmp/print/pdf_cache.py), keyed on the printed HTML. The checks' results
per file (`_model.unchanged`: term_check, law_citations, draft_markers) are kept the same way
(`result`, `.cache/checks/<kind>.json`), keyed on their inputs and the site's code, so a new
`mkdocs build` process does not re-scan every page that did not change.
Plain functions.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from lmp import project

CODE = Path(__file__).resolve().parent.parent   # the folder of lmp/ and lmp_mkdocs/: the code a result depends on

KEEP = 200                       # newest entries kept per kind
_MEMORY: dict[str, bytes] = {}   # key → bytes (content-addressed: valid across builds)
_RESULTS: dict[str, dict] = {}  # kind → {name: [key, result]}, as in .cache/checks/<kind>.json
_UNSAVED: set[str] = set()        # kinds with results not written yet (save_results)
_JINJA: dict[str, object] = {}   # folder → its Jinja bytecode cache (content-keyed, not state)
stats = {"made": 0, "reused": 0}


def directory() -> Path | None:
    setting = os.environ.get("LMP_BUILD_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    return Path(setting) if setting else project.path(".cache")


def key(kind: str, inputs, code: list[str | Path], packages: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256(kind.encode())
    for item in inputs:
        digest.update(b"\0" + str(item).encode("utf-8"))
    for path in code:
        digest.update(b"\0" + Path(path).read_bytes())
    for package in packages:
        digest.update(b"\0" + f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()


def made(kind: str, inputs, make, code: list[str | Path], packages: tuple[str, ...] = ()) -> bytes:
    """make() the bytes, or take them from the cache when nothing they are made from changed."""
    folder = directory()
    if folder is None:
        stats["made"] += 1
        return make()
    name = key(kind, inputs, code, packages)
    path = folder / kind / name
    if name not in _MEMORY and path.is_file():
        _MEMORY[name] = path.read_bytes()
        path.touch()
    if name in _MEMORY:
        stats["reused"] += 1
        return _MEMORY[name]
    stats["made"] += 1
    data = _MEMORY[name] = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    for old in sorted(path.parent.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
    return data


def jinja_bytecode():
    """Jinja's bytecode cache in `.cache/jinja/` (None with LMP_BUILD_CACHE=off), one per folder:
    compiled templates are kept across builds and processes. Jinja keys an entry on the
    template's name and file and checks it against a checksum of its source and the Python
    version, so an edited template is compiled afresh and the output is the same."""
    folder = directory()
    if folder is None:
        return None
    folder = folder / "jinja"
    if str(folder) not in _JINJA:
        from jinja2 import FileSystemBytecodeCache
        folder.mkdir(parents=True, exist_ok=True)
        _JINJA[str(folder)] = FileSystemBytecodeCache(str(folder))
    return _JINJA[str(folder)]


_HOOKS_DIGEST: list[str] = []


def _hooks_digest() -> str:
    """The code every check runs: lmp/ and lmp_mkdocs/ (loaded once per process, so read once) and Python."""
    if not _HOOKS_DIGEST:
        digest = hashlib.sha256(sys.version.encode())
        for path in sorted(path for folder in ("lmp", "lmp_mkdocs") for path in (CODE / folder).rglob("*.py")):
            digest.update(b"\0" + path.read_bytes())
        _HOOKS_DIGEST.append(digest.hexdigest())
    return _HOOKS_DIGEST[0]


def result(kind: str, name: str, inputs: tuple, compute):
    """compute() one file's check result (JSON: lists, strings, numbers), or the result kept from
    an earlier build when its inputs and the site's code are the same (no cache: compute())."""
    folder = directory()
    if folder is None:
        return compute()
    if kind not in _RESULTS:
        path = folder / "checks" / f"{kind}.json"
        try:
            _RESULTS[kind] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _RESULTS[kind] = {}
    table, digest = _RESULTS[kind], key(kind, (name, *inputs, _hooks_digest()), [])
    kept = table.get(name)
    if kept is None or kept[0] != digest:
        kept = table[name] = [digest, json.loads(json.dumps(compute()))]
        _UNSAVED.add(kind)
    return kept[1]


def save_results() -> None:
    """Write the check results computed since the last save (at the end of each build)."""
    folder = directory()
    for kind in sorted(_UNSAVED) if folder is not None else ():
        path = folder / "checks" / f"{kind}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f"{path.name}.{os.getpid()}")
        scratch.write_text(json.dumps(_RESULTS[kind]), encoding="utf-8")
        os.replace(scratch, path)     # whole or not at all: another build may be reading it
    _UNSAVED.clear()
