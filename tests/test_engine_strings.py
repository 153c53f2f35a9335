"""No text a reader sees lives in Python (issue #11): interface words are in data/ui.<lang>.yml.

Every Python file of lmp/ and lmp_mkdocs/ is parsed with `ast`; every string literal outside docstrings (f-strings: their
constant parts) is checked. A literal fails when it contains a Norwegian letter (æøåÆØÅ) or, once
stripped and at least 4 characters long, equals a value of any language file. Messages to authors
(English warnings naming file:line) may stay in Python.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(path for folder in ("lmp", "lmp_mkdocs") for path in (ROOT / folder).rglob("*.py"))
NORWEGIAN = set("æøåÆØÅ")

# Hooks allowed to keep reader text for now: none since issue #11 landed. Keep it empty; a hook
# named here is also what makes tests/test_engine_language.py's throw-away language an xfail.
PENDING: set[str] = set()


def language_values() -> dict[str, str]:
    """Every string value of every data/ui.<lang>.yml (stripped) → the file it comes from."""
    found = {}

    def walk(value, name):
        if isinstance(value, dict):
            for item in value.values():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, name)
        elif isinstance(value, str) and len(value.strip()) >= 4:
            found.setdefault(value.strip(), name)

    for path in sorted((ROOT / "data").glob("ui.*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), f"data/{path.name}")
    return found


def docstrings(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that are docstrings (module, class, function)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                found.add(id(body[0].value))
    return found


def keys(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that name a key (a dict literal's keys, `x["key"]`): names of
    data, e.g. the JSON key "section", not text a reader sees."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            found |= {id(key) for key in node.keys if isinstance(key, ast.Constant)}
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            found.add(id(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in \
                {"get", "pop", "setdefault"} and node.args and isinstance(node.args[0], ast.Constant):
            found.add(id(node.args[0]))                       # x.get("key")
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and \
                all(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            found.add(id(node.left))                          # "key" in x
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Subscript):
            found |= {id(c) for c in node.comparators if isinstance(c, ast.Constant)}  # x["format"] == "digital"
    return found


def patterns(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that are regular expressions (the first argument of re.compile,
    re.sub …): a character class such as [A-ZÆØÅ] matches text, it is not text a reader sees."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" \
                and node.args and isinstance(node.args[0], ast.Constant):
            found.add(id(node.args[0]))
    return found


def literals(path: Path):
    """(line, text) of each string literal of a Python file outside docstrings and keys."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = docstrings(tree) | keys(tree) | patterns(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def reader_text(path: Path, values: dict[str, str]) -> list[str]:
    problems = []
    for line, text in literals(path):
        where = f"{path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name}:{line}"
        if NORWEGIAN & set(text):
            problems.append(f"{where}: {text!r} has Norwegian letters: move it to data/ui.<lang>.yml")
        elif text.strip() in values:
            problems.append(f"{where}: {text!r} is a value of {values[text.strip()]}: read it from there")
    return problems


@pytest.mark.parametrize("path", [p for p in HOOKS if p.name not in PENDING], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_reader_text_in_hooks(path):
    problems = reader_text(path, language_values())
    assert not problems, "\n".join(problems)


def test_the_check_finds_reader_text(tmp_path):
    """The check itself: a hook with an interface word, a Norwegian word or an f-string part fails;
    an author message and a key do not."""
    hook = tmp_path / "bad_hook.py"
    hook.write_text('"""A docstring may say «Før neste samling»."""\n'
                    'LABEL = "Reading time: about {minutes} min"\n'
                    'def f(n):\n    return f"Tid å lese: {n}"\n'
                    'MESSAGE = "docs/x.md:3: unknown theme"\n'
                    'WORDS = {"section": 1}["section"]\n', encoding="utf-8")
    problems = reader_text(hook, language_values())
    assert len(problems) == 2, problems
    assert problems[0].startswith("bad_hook.py:2: ") and "data/ui.en.yml" in problems[0]
    assert problems[1].startswith("bad_hook.py:4: ") and "Norwegian" in problems[1]


def test_pending_hooks_exist():
    """PENDING names real hooks only (so emptying it later is a visible step)."""
    assert PENDING <= {p.name for p in HOOKS}
