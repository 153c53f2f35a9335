#!/usr/bin/env python3
"""Readability report: LIX per page and the median per top-level folder, for each language.

    python scripts/readability.py [DOCS_DIR] [--budget 40] [--pages]

LIX = words/sentences + 100 × long words/words, where a long word has more than six letters.
It is computed on a page's prose only. Removed first: front matter, fenced and inline code, HTML
comments and `lmp:` markers, icon shortcodes (`:material-compass-outline:`), HTML tags, link
targets (the link text stays), reference-link definitions, attribute lists `{ … }`, table pipes
and separator rows, admonition syntax (`!!! note
"Title"` and `???`), headings' `#`, list markers and emphasis. A sentence ends at . ! ? or : and at
the end of every paragraph, list item, table cell and heading.

Pages are `docs/**/<name>.<lang>.md`. The top-level folder of `docs/themes/theme-1/index.nb.md` is
`themes`; pages directly under `docs/` (the home page, accessibility) form the folder `(root)`.
Prints the table and exits 1 naming each folder × language whose median is over the budget.
Standard library only.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

BUDGET = 40.0
LANGS = ("nb", "nn", "en")
PAGE = re.compile(r"^(?P<stem>.+)\.(?P<lang>nb|nn|en)\.md$")

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ATTR_LIST = re.compile(r"\{[:#.][^}]*\}|\{ [^}]*\}")
REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S.*$", re.M)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
BARE_REF = re.compile(r"\[([a-z0-9][a-z0-9-]*)\]")  # [bhl-41]: a generated citation, counted as one word
CODE = re.compile(r"`[^`]*`")
ICON = re.compile(r":(?:material|octicons|fontawesome|simple)-[a-z0-9-]+:")
ADMONITION = re.compile(r'^(\s*)(!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"([^"]*)")?\s*$', re.M)
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", re.M)
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
DEF_MARK = re.compile(r"^\s*:\s+", re.M)
HEADING = re.compile(r"^\s*#{1,6}\s+", re.M)
EMPHASIS = re.compile(r"[*_]{1,3}")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def prose(markdown: str) -> str:
    """The reader's running text of a Markdown page, one block per line-separated chunk."""
    text = FRONT_MATTER.sub("", markdown, count=1)
    text = FENCE.sub("\n", text)
    text = COMMENT.sub(" ", text)
    text = REF_DEF.sub("", text)
    text = ADMONITION.sub(lambda m: f"\n{m.group(3)}\n" if m.group(3) else "\n", text)
    text = IMAGE.sub(r"\1", text)
    text = INLINE_LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = BARE_REF.sub("paragraf", text)
    text = CODE.sub(" ", text)
    text = ICON.sub(" ", text)
    text = TAG.sub(" ", text)
    text = ATTR_LIST.sub(" ", text)
    text = TABLE_RULE.sub("", text)
    text = HEADING.sub("\n", text)
    text = LIST_MARK.sub("\n", text)
    text = DEF_MARK.sub("\n", text)
    text = text.replace("|", "\n")
    text = EMPHASIS.sub("", text)
    return text


def lix(text: str) -> tuple[float, int]:
    """(LIX, word count) of prose text. Every non-empty block ends a sentence."""
    words = sentences = long_words = 0
    for block in re.split(r"\n\s*\n|\n", text):
        found = WORD.findall(block)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for w in found if len(re.sub(r"[-'’]", "", w)) > 6)
        ends = len(SENTENCE_END.findall(block.rstrip()))
        sentences += ends + (0 if SENTENCE_END.search(block.rstrip()[-1:] or " ") else 1)
    if not words:
        return 0.0, 0
    return words / max(sentences, 1) + 100 * long_words / words, words


def folder_of(path: Path, docs: Path) -> str:
    parts = path.relative_to(docs).parts
    return parts[0] if len(parts) > 1 else "(root)"


def measure(docs: Path) -> dict[tuple[str, str], list[tuple[str, float, int]]]:
    """{(folder, lang): [(page, lix, words), …]} for every page with prose."""
    found: dict[tuple[str, str], list[tuple[str, float, int]]] = {}
    for path in sorted(docs.rglob("*.md")):
        match = PAGE.match(path.name)
        if not match:
            continue
        score, words = lix(prose(path.read_text(encoding="utf-8")))
        if not words:
            continue
        page = str(path.relative_to(docs).with_name(match["stem"]))
        found.setdefault((folder_of(path, docs), match["lang"]), []).append((page, score, words))
    return found


def report(found, budget: float, pages: bool) -> tuple[str, list[str]]:
    folders = sorted({folder for folder, _ in found}, key=lambda f: (f != "(root)", f))
    lines, over = [], []
    if pages:
        lines.append(f"{'page':<48} " + " ".join(f"{lang:>6}" for lang in LANGS))
        names = sorted({(folder, page) for (folder, _), rows in found.items() for page, _, _ in rows})
        for folder, page in names:
            cells = []
            for lang in LANGS:
                score = next((s for p, s, _ in found.get((folder, lang), []) if p == page), None)
                cells.append(f"{score:6.1f}" if score is not None else f"{'–':>6}")
            lines.append(f"{page:<48} " + " ".join(cells))
        lines.append("")
    lines.append(f"Median LIX per top-level folder (budget {budget:g}; * = over)")
    lines.append(f"{'folder':<14} {'pages':>5} " + " ".join(f"{lang:>7}" for lang in LANGS))
    for folder in folders:
        cells, count = [], 0
        for lang in LANGS:
            rows = found.get((folder, lang), [])
            count = max(count, len(rows))
            if not rows:
                cells.append(f"{'–':>7}")
                continue
            median = statistics.median(score for _, score, _ in rows)
            flag = "*" if median > budget else " "
            if median > budget:
                over.append(f"{folder} ({lang}): median LIX {median:.1f} > {budget:g}")
            cells.append(f"{median:6.1f}{flag}")
        lines.append(f"{folder:<14} {count:>5} " + " ".join(cells))
    return "\n".join(lines), over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", default=str(Path(__file__).resolve().parent.parent / "docs"))
    parser.add_argument("--budget", type=float, default=BUDGET)
    parser.add_argument("--pages", action="store_true", help="also list LIX for every page")
    args = parser.parse_args(argv)
    table, over = report(measure(Path(args.docs)), args.budget, args.pages)
    print(table)
    if over:
        print("\nOver the readability budget:", file=sys.stderr)
        for line in over:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
