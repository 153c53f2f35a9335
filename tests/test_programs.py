"""A new machine has every program the project runs: each program that the build, the tests, the
scripts or the Makefile start is installed by `.ci/run` (its table of programs and Debian packages)
and named in the README. Found by reading the code, not by running it: `shutil.which("x")`, a
`subprocess` call whose command starts with "x", the browser discovery (`find_browser`), and the
first word of each command in the Makefile's recipes."""
from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

from conftest import ROOT

CI = ROOT / ".ci" / "run"
README = ROOT / "README.md"
CODE = ("lmp", "lmp_mkdocs", "scripts", "tests")
SUBPROCESS = {"run", "call", "check_call", "check_output", "Popen"}
# What every Debian machine has (packages of priority "required", and the shell's builtins), and
# the project's own Python and its virtual environment's programs: nothing to install for these.
BASE = {"bash", "sh", "cd", "echo", "printf", "test", "[", "true", "false", "rm", "mkdir", "touch",
        "cp", "mv", "ls", "cat", "grep", "sed", "awk", "sort", "head", "tail", "tr", "find", "env",
        "python", "python3", "pip", "mkdocs", "pytest"}
COMMAND_SEPARATORS = {"&&", "||", ";", "|", "(", ")", "{", "}"}
BROWSER = "chromium"   # find_browser() (lmp_mkdocs/exporter.py) starts a Chromium: .ci/run's `chromium`


def ci_table(text: str) -> dict[str, str]:
    """{program: Debian package} from the `programs=( "program package" … )` table of .ci/run."""
    block = re.search(r"^programs=\((.*?)^\)", text, re.S | re.M)
    assert block, ".ci/run has no programs=( … ) table"
    return dict(re.findall(r'^\s*"(\S+)\s+(\S+)"', block.group(1), re.M))


def _constant_head(node) -> str | None:
    """The program of a command given as a list or tuple whose first item is a string."""
    if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
        first = node.elts[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def programs_in_python(path: Path) -> dict[str, int]:
    """{program: first line} of the programs one Python file starts or looks up."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        func, name = node.func, None
        attr = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if attr == "which" and node.args and isinstance(node.args[0], ast.Constant):
            name = node.args[0].value
        elif attr in SUBPROCESS and node.args:
            name = _constant_head(node.args[0])
        elif attr == "find_browser":
            name = BROWSER
        if isinstance(name, str) and name:
            found.setdefault(Path(name).name, node.lineno)
    return found


def programs_in_makefile(path: Path) -> dict[str, int]:
    """{program: first line} of the first word of each shell command in the Makefile's recipes.
    Words with make's or the shell's variables ($(BIN)/pip) or a path (.lock-venv/bin/pip) are the
    project's own environment, not programs to install."""
    found: dict[str, int] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        start, line = number + 1, lines[number]
        while line.endswith("\\") and number + 1 < len(lines):   # a recipe line continued
            number += 1
            line = line[:-1] + " " + lines[number]
        number += 1
        if not line.startswith("\t"):
            continue
        line = re.sub(r"\$\$?[({][^)}]*[)}]", "$V", line)   # $(BIN), $${PDF:-false}: one word
        tokens = shlex.shlex(line.strip().lstrip("@-"), posix=True, punctuation_chars=True)
        tokens.whitespace_split = True
        expect_command = True
        for token in tokens:
            if token in COMMAND_SEPARATORS:
                expect_command = True
            elif expect_command and not re.fullmatch(r"[A-Za-z_]+=.*", token):   # VAR=value first
                expect_command = False
                if not re.search(r"[$/<>]", token):
                    found.setdefault(token, start)
    return found


def programs_run_by(root: Path) -> dict[str, str]:
    """{program: 'file:line' where it is first run} over the project's code under `root`."""
    found: dict[str, str] = {}
    for folder in CODE:
        for path in sorted((root / folder).rglob("*.py")):
            for name, line in programs_in_python(path).items():
                found.setdefault(name, f"{path.relative_to(root).as_posix()}:{line}")
    if (root / "Makefile").is_file():
        for name, line in programs_in_makefile(root / "Makefile").items():
            found.setdefault(name, f"Makefile:{line}")
    return found


def not_installed(root: Path, table: dict[str, str]) -> list[str]:
    """A line for each program the code runs that neither .ci/run installs nor every machine has."""
    return [f"{where}: runs `{name}`, which .ci/run does not install (add it to its programs table "
            "with its Debian package, and name the package in README.md)"
            for name, where in sorted(programs_run_by(root).items())
            if name not in table and name not in BASE]


def test_ci_installs_every_program_the_code_runs():
    problems = not_installed(ROOT, ci_table(CI.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_the_scan_finds_the_programs_it_must():
    """The scan is not empty-handed: the programs known to be run are found where they are run."""
    found = programs_run_by(ROOT)
    for name in ("hunspell", "pdftoppm", "nginx", "java", "chromium", "npm", "git", "openssl"):
        assert name in found, f"the scan did not find `{name}`"


def test_a_program_that_ci_does_not_install_fails_the_check_with_its_name(tmp_path):
    (tmp_path / "lmp").mkdir()
    # (a space after each opening parenthesis: the same code to Python's parser, but not a call
    # that a plain text search of this test file would take for one of the project's own)
    (tmp_path / "lmp" / "new_step.py").write_text(
        "import shutil, subprocess\n\n\ndef run():\n"
        "    subprocess.run( ['inkscape', '--export-type=pdf'], check=True)\n"
        "    return shutil.which( 'qpdf')\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("x:\n\tPDF=false pandoc -o x.pdf x.md && echo done\n", encoding="utf-8")
    problems = not_installed(tmp_path, ci_table(CI.read_text(encoding="utf-8")))
    assert problems == [
        "lmp/new_step.py:5: runs `inkscape`, which .ci/run does not install (add it to its programs "
        "table with its Debian package, and name the package in README.md)",
        "Makefile:2: runs `pandoc`, which .ci/run does not install (add it to its programs table with "
        "its Debian package, and name the package in README.md)",
        "lmp/new_step.py:6: runs `qpdf`, which .ci/run does not install (add it to its programs table "
        "with its Debian package, and name the package in README.md)",
    ]


def test_every_package_ci_installs_is_named_in_the_readme():
    text = CI.read_text(encoding="utf-8")
    packages = set(ci_table(text).values()) | set(re.findall(r'^\s*"/\S+\s+(\S+)"', text, re.M))
    readme = README.read_text(encoding="utf-8")
    missing = sorted(package for package in packages if not re.search(rf"\b{re.escape(package)}\b", readme))
    assert not missing, f"README.md does not name the Debian packages {missing} that .ci/run installs"
