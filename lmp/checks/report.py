"""The content checks' problems: kept per build for one verdict before anything is rendered,
and replayed from .cache/checks when nothing a check reads has changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

from lmp import cache, project
from lmp.model import site as model



def report(docs_dir, config_file, name: str, check, inputs: tuple = ()) -> None:
    """Run a content check once per build and keep each problem (`file:line`, problem) for the
    build's verdict before anything is rendered (lmp_mkdocs/start.py: a strict build stops with
    every problem in one message; a preview logs them and shows them on their pages). Its
    problems are kept (`cache.result`, in .cache/checks/report.json) under a digest of the
    project's sources (sources_digest: a check reads nothing else of the project), the site's
    code and `inputs` (anything else the check reads, e.g. a dictionary's version): a new build
    with none of them changed logs the same problems without running the check again."""
    def run():
        return [[where, problem] for where, problem in check(Path(docs_dir))]
    if cache.directory() is None:
        found = run()
    else:
        digest = model.once(docs_dir, "sources_digest", lambda: sources_digest(docs_dir, config_file))
        found = cache.result("report", name, (digest, *inputs), run)
    for where, problem in found:
        model.PROBLEMS.append((name, where, problem))


def verdict(problems) -> str:
    """One message for every problem the checks found, each on a line of its own (problems:
    (logger name, 'file:line', problem)): what a strict build stops with before rendering."""
    lines = sorted(dict.fromkeys(f"{where}: {problem}" for _, where, problem in problems))
    return (f"{len(lines)} problem(s) found before building; nothing was built. Each names its file "
            "and line (CONTRIBUTING.md says what each rule is for):\n  " + "\n  ".join(lines))


_SOURCES: dict[str, tuple[list, str]] = {}   # project → (its files' path, size and time; their digest)


def sources_digest(docs_dir, config_file) -> str:
    """A digest of everything a content check reads from the project: mkdocs.yml and every file
    under docs/, data/, includes/, overrides/ and print/ (of the config's project and of the project these
    code belongs to, when another), read again only when a file's size or time changed."""
    folder_of_project = Path(config_file).parent
    files = [Path(config_file)]
    folders = [Path(docs_dir)] + [base / name for base in dict.fromkeys((folder_of_project, project.ROOT))
                                         for name in ("data", "includes", "overrides", "print")]
    for folder in folders:
        files += sorted(path for path in folder.rglob("*") if path.is_file())
    stamps = [(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files]
    kept = _SOURCES.get(str(folder_of_project))
    if kept is None or kept[0] != stamps:
        digest = hashlib.sha256()
        for path in files:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        kept = _SOURCES[str(folder_of_project)] = (stamps, digest.hexdigest())
    return kept[1]


