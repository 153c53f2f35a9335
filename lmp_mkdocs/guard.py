"""Refuse to build silently with an untested version of a package whose internals we rely on.

The project patches or leans on internals of mkdocs-exporter, Material and mkdocs-static-i18n
(MAINTAINING.md lists each). The versions pinned in requirements.txt are the tested ones; when
the installed version differs, a strict build (every build here but the preview) stops before
rendering, naming the package (lmp_mkdocs/start.py); the preview logs it as a warning. To upgrade: change the pin, run `pytest tests/test_integrations.py`
(seconds: it asserts every internal the adapter uses still exists), then the full suite.
"""
from __future__ import annotations

import logging
import re
from importlib import metadata
from pathlib import Path
from lmp import project


LOG = logging.getLogger("mkdocs.hooks.integration_guard")
GUARDED = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-exporter", "playwright")


def tested_versions(lock: Path | None = None) -> dict[str, str]:
    lock = lock or project.path("requirements.txt")
    """The pinned version of each guarded package, from the lock file."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return {name: pins[name] for name in GUARDED if name in pins}


def untested(installed=metadata.version, lock: Path | None = None) -> list[str]:
    """One message for each guarded package whose installed version is not the pinned one."""
    problems = []
    for name, tested in tested_versions(lock).items():
        try:
            version = installed(name)
            found = f"{name} {version} is installed"
        except metadata.PackageNotFoundError:
            version, found = None, f"{name} is not installed"
        if version != tested:
            problems.append(
                f"{found}, but this project is tested with {tested} "
                f"(requirements.txt). Its internals are patched here: see MAINTAINING.md, "
                f"'Upgrading a dependency', and run tests/test_integrations.py."
            )
    return problems


def on_config(config):
    # on_config, not on_startup: MkDocs counts warnings for --strict only inside build().
    from lmp_mkdocs import i18n
    if i18n.is_nested_build(config):  # static-i18n's nested build
        return
    from lmp.model import site as model   # the build's verdict before rendering (lmp_mkdocs/start.py)
    model.PROBLEMS.extend((LOG.name, "requirements.txt", problem) for problem in untested())
