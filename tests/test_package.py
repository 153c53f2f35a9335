"""The site's logic is one package, `lmp`, that knows nothing of the engine; MkDocs reaches it
through one adapter, `lmp_mkdocs` (MAINTAINING.md, "The code")."""
from __future__ import annotations

import ast
import re
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ENGINE = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_exporter", "pymdownx", "properdocs")
PACKAGE = ROOT / "lmp"


def modules(folder: Path, package: str) -> dict[str, Path]:
    found = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        name = ".".join((package, *parts[:-1])) if parts[-1] == "__init__" else ".".join((package, *parts))
        found[name] = path
    return found


def imports_of(path: Path, name: str) -> set[str]:
    """The modules `path` imports (absolute names), also inside functions."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def test_the_package_imports_no_engine_module_in_a_fresh_process():
    """Every module of lmp imported in a new Python: none of MkDocs, Material, static-i18n, the
    exporter or pymdown-extensions is loaded."""
    names = sorted(modules(PACKAGE, "lmp"))
    code = ("import importlib, json, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    engine = [name for name in loaded if name.split(".")[0] in ENGINE]
    assert engine == [], f"lmp loads the engine: {engine}"


def test_the_package_has_no_import_cycle_and_does_not_import_the_adapter():
    graph = {name: {other for other in imports_of(path, name) if other in modules(PACKAGE, "lmp")} - {name}
             for name, path in modules(PACKAGE, "lmp").items()}
    adapter = [name for name, path in modules(PACKAGE, "lmp").items()
               if any(i.split(".")[0] == "lmp_mkdocs" for i in imports_of(path, name))]
    assert adapter == [], f"these import the MkDocs adapter: {adapter}"
    # a module's package (__init__) is imported with it: not an edge of the graph
    graph = {name: {o for o in edges if not name.startswith(o + ".")} for name, edges in graph.items()}
    state, cycle = {}, []

    def visit(name, path):
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                cycle.append(path + [other])
            elif other not in state:
                visit(other, path + [other])
        state[name] = "done"
    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycle == [], "import cycles: " + "; ".join(" → ".join(c) for c in cycle)


def test_no_module_of_the_site_is_loaded_twice_and_none_edits_sys_path():
    """Loading the config imports the adapter and the package once each (a module loaded as a hook
    file and again by name would hold two copies of its state)."""
    code = ("import json, sys\nfrom mkdocs.config import load_config\nload_config('mkdocs.yml')\n"
            "files = [getattr(m, '__file__', None) for n, m in list(sys.modules.items()) "
            "if n.split('.')[0] in ('lmp', 'lmp_mkdocs')]\n"
            "print(json.dumps([f for f in files if f]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)
    assert len(files) == len(set(files)), sorted(f for f in files if files.count(f) > 1)
    assert any(f.endswith("lmp_mkdocs/plugin.py") for f in files)
    edits = [f"{path.relative_to(ROOT)}:{node.lineno}"
             for folder in ("lmp", "lmp_mkdocs") for path in sorted((ROOT / folder).rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Attribute) and node.attr in ("insert", "append")
             and isinstance(node.value, ast.Attribute) and node.value.attr == "path"
             and isinstance(node.value.value, ast.Name) and node.value.value.id == "sys"]
    assert edits == []


def test_mkdocs_yml_names_one_adapter_and_no_hook_files():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:" not in config
    assert "\n  - lmp\n" in config
    assert not (ROOT / "hooks").exists()


def test_maintaining_stays_a_guide_whose_places_exist():
    """MAINTAINING.md: at most 250 lines; every module and function its patch table names exists;
    every LMP_ setting the guides document is read by the code."""
    guide = (ROOT / "MAINTAINING.md").read_text(encoding="utf-8")
    assert len(guide.splitlines()) <= 250
    table = guide[guide.index("## Patches of third-party internals"):guide.index("## Other engines")]
    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert rows, "no numbered row found in the patch table"
    missing = []
    for row in rows:
        where = row.split(" | ")[2]
        files = [ROOT / name if "/" in name else ROOT / "lmp_mkdocs" / name
                 for name in re.findall(r"([\w/]+\.py)", where)]
        for path in files:
            if not path.is_file():
                missing.append(f"{path.relative_to(ROOT)} (row {row[:6]})")
                continue
            text = path.read_text(encoding="utf-8")
            missing += [f"{path.relative_to(ROOT)}: {name}" for name in re.findall(r"`(\w+)`", where)
                        if not re.search(rf"\b{name}\b", text)]
    assert missing == []
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("lmp", "lmp_mkdocs", "scripts", "tests")
                     for path in (ROOT / folder).rglob("*.py")) + (ROOT / "Makefile").read_text(encoding="utf-8")
    documented = {name for guide_file in ("MAINTAINING.md", "README.md", "CONTRIBUTING.md")
                  for name in re.findall(r"\bLMP_[A-Z_]+\b", (ROOT / guide_file).read_text(encoding="utf-8"))}
    assert sorted(name for name in documented if name not in code) == []
