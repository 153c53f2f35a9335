"""The readability report (scripts/readability.py): LIX per page and the median per top-level
folder and language, with a budget of 40. Fast: it reads the Markdown sources, no build."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "readability.py"
sys.path.insert(0, str(SCRIPT.parent))
import readability  # noqa: E402


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_the_real_docs_are_within_the_budget():
    result = run(ROOT / "docs", "--pages")
    assert result.returncode == 0, result.stdout + result.stderr
    for folder in ("(root)", "about", "reference", "roles", "themes", "tools", "topics"):
        assert folder in result.stdout


def test_lix_of_a_known_text():
    # 6 words, 2 sentences, 2 long words ("Barnehagen", "arbeider"): 3 + 100·2/6 = 36.3
    score, words = readability.lix("Barnehagen er trygg. Alle arbeider godt.")
    assert words == 6
    assert round(score, 1) == 36.3


def test_prose_leaves_out_markup():
    text = readability.prose('---\ntitle: "Langtekstordene"\n---\n\n'
                             '<!-- lmp:theme-title theme-1 -->\n\n'
                             '!!! note "Tittel"\n    Les [siden](https://example.org/averyveryverylongaddress).\n\n'
                             '| Kolonne | Verdi |\n|---|---|\n| a | b |\n\n```\nkodeordkodeord\n```\n')
    assert "Langtekstordene" not in text and "lmp" not in text and "kodeordkodeord" not in text
    assert "example.org" not in text and "|" not in text and "!!!" not in text
    assert "siden" in text and "Tittel" in text


def test_a_folder_over_the_budget_fails_and_is_named(tmp_path):
    docs = tmp_path / "docs"
    (docs / "about").mkdir(parents=True)
    (docs / "roles").mkdir()
    hard = "Kommuneadministrasjonens kvalitetsutviklingsarbeid forutsetter systematiske evalueringsprosesser. " * 5
    easy = "Vi er her. Du er der. Alt er bra. " * 5
    for lang in ("nb", "nn", "en"):
        (docs / "about" / f"index.{lang}.md").write_text(hard if lang == "nb" else easy, encoding="utf-8")
        (docs / "roles" / f"index.{lang}.md").write_text(easy, encoding="utf-8")
    (docs / f"index.nb.md").write_text(easy, encoding="utf-8")
    result = run(docs)
    assert result.returncode == 1
    assert "about (nb)" in result.stderr
    assert "about (nn)" not in result.stderr and "roles" not in result.stderr
    assert "(root)" in result.stdout
    assert run(docs, "--budget", "200").returncode == 0
