"""A content-addressed cache for generated files whose making is slow (the .docx templates).

The key is a hash of everything the output is made from: the inputs the caller passes, the
source of the code that makes it (the caller's module) and the versions of the packages it
uses. The same key always means the same bytes, so a hit is never stale; it is kept in memory
(`mkdocs serve` rebuilds in one process) and in `.cache/<kind>/` (git-ignored) for the next
build. LMP_BUILD_CACHE=off makes everything afresh; LMP_BUILD_CACHE=<dir> moves the folder.
PDFs have their own cache (hooks/pdf_cache.py), keyed on the printed HTML.
Not a hook; plain functions.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEEP = 200                       # newest entries kept per kind
_MEMORY: dict[str, bytes] = {}   # key → bytes (content-addressed: valid across builds)
stats = {"made": 0, "reused": 0}


def directory() -> Path | None:
    setting = os.environ.get("LMP_BUILD_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    return Path(setting) if setting else ROOT / ".cache"


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
