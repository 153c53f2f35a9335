"""Law citations come from one data file, data/law.yml (CONTRIBUTING.md, "Law references").

- Every page gets the Lovdata link targets of every act and provision, generated from the data
  file, so `[barnehageloven § 41][bhl-41]` links to Lovdata without anyone typing the address.
- A provision or chapter id alone, `[bhl-41]`, `[bhl-ch-8]`, becomes the full citation: act,
  number and official heading.
- The law overview page is built from the data file: each line `<!-- lmp:law <part> -->` in it becomes
  that part (acts, bhl, oppl, old-to-new, uncrc).
- The build fails, naming file and line, on a provision id that the data file does not have, and
  on a section number in the prose (`§ 44`, `§§ 12-1–12-7`, "Education Act section 10-12") that
  it does not know for that act, and on an official heading typed by hand in quotation marks.

The logic is plain functions of the data and the Markdown; the MkDocs events at the end only wire
them in.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from lmp import markers
from lmp import project
from lmp import words as lmp_words
from lmp.model import info
from lmp.model import pages
from lmp.model import site as model
from lmp.templates import render

log = logging.getLogger("mkdocs.hooks.law_citations")

ID_SHAPE = re.compile(r"(?:bhl|oppl|mrl|bk)(?:-[\w-]*)?")
FULL_REFERENCE = re.compile(r"\]\[([^\]\n]+)\]")
SHORTCUT_REFERENCE = re.compile(r"(?<![\]\\])\[([a-z0-9-]+)\](?![\[(])")
MARKER = "law"   # <!-- lmp:law PART --> on the law page: one part of the overview
markers.register(MARKER, owner="law_citations")
NUMBER = r"\d+(?:\s?A(?=-))?(?:-\d+)?"
JOIN = r"\s*(?:–|-|,|til|to|og|and|eller|or)\s*"
SECTION_SIGN = re.compile(rf"§§?\s*({NUMBER}(?:{JOIN}{NUMBER})*)")
SECTION_WORD = re.compile(rf"\b[Ss]ections?\s+({NUMBER}(?:{JOIN}{NUMBER})*)(?![\d-]|\.\d)")
SECTION_CHAR = "%C2%A7"




def load_law(path: str | Path | None = None) -> dict:
    path = path or project.path("data", "law.yml")
    law = pages.load_yaml(path)
    for pid, provision in law["provisions"].items():
        provision["id"] = pid
    return law


# --- Link targets and citations -----------------------------------------------------------------

def url_of(law: dict, pid: str) -> str | None:
    """The Lovdata address of an act, chapter or provision id; None for a repealed act's parts.
    A chapter links to its act (Lovdata's chapter anchors are not part of the data)."""
    if pid in law["acts"]:
        return law["acts"][pid]["url"]
    if pid in law["chapters"]:
        act = law["acts"][law["chapters"][pid]["act"]]
        return None if act.get("repealed") else act["url"]
    provision = law["provisions"][pid]
    act = law["acts"][provision["act"]]
    if act.get("repealed"):
        return None
    if "article" in provision:
        return f"{act['url']}/bkn%2FARTIKKEL_{provision['article']}"
    return f"{act['url']}/{SECTION_CHAR}{provision['section']}"


def link_targets(law: dict) -> dict[str, str]:
    ids = list(law["acts"]) + list(law["chapters"]) + list(law["provisions"])
    return {pid: url for pid in ids if (url := url_of(law, pid))}


def link_definitions(law: dict) -> str:
    return "\n".join(f"[{pid}]: {url}" for pid, url in link_targets(law).items())


def number_of(law: dict, provision: dict, lang: str) -> str:
    """'barnehageloven § 41', 'Education Act section 12-4', 'barnekonvensjonen artikkel 3'."""
    words = lmp_words.ui(lang)["law"]
    if "article" in provision:
        return f"{words['uncrc']} {words['article']} {provision['article']}"
    if "number" in provision:  # a chapter
        return f"{law['acts'][provision['act']]['name'][lang]} {words['chapter']} {provision['number']}"
    return f"{law['acts'][provision['act']]['name'][lang]} {words['section']} {provision['section']}"


def quoted(text: str, lang: str) -> str:
    left, right = lmp_words.ui(lang)["law"]["quotes"]
    return f"{left}{text}{right}"


def reads_norwegian(lang: str) -> bool:
    """Pages in a Norwegian language (bokmål, nynorsk) show the acts' official headings as they
    are; others show our English rendering with the Norwegian in brackets (`law.official_headings`
    in data/ui.<lang>.yml)."""
    return bool(lmp_words.ui(lang)["law"]["official_headings"])


def citation(law: dict, pid: str, lang: str, capital: bool = False) -> str:
    """The full citation of a provision: linked number, then the official heading when known.

    nb: `[barnehageloven § 41][bhl-41] «Nulltoleranse og forebyggende arbeid»`; en: `[Kindergarten
    Act section 41][bhl-41], Zero tolerance and preventive work (Norwegian: “Nulltoleranse …”)`.
    """
    provision = law["provisions"].get(pid) or law["chapters"][pid]
    number = number_of(law, provision, lang)
    text = f"[{number[0].upper() + number[1:] if capital else number}][{pid}]"
    if provision.get("heading"):
        if reads_norwegian(lang):
            return f"{text} {quoted(provision['heading'], lang)}"
        original = lmp_words.ui(lang)["law"]["in_norwegian"].format(quoted(provision["heading"], lang))
        return f"{text}, {provision['heading_en']} ({original})"
    if "label" in provision:
        return f"{text} ({provision['label'][lang]})"
    return text if reads_norwegian(lang) else f"{text} ({provision['heading_en'][0].lower()}{provision['heading_en'][1:]})"


def shortcuts(text: str):
    """Shortcut references `[id]`, leaving out link definitions (`[id]: …` at a line's start)."""
    for match in SHORTCUT_REFERENCE.finditer(text):
        at_line_start = match.start() == 0 or text[match.start() - 1] == "\n"
        if not (at_line_start and text.startswith(":", match.end())):
            yield match


LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*+]|\d+\.)?[ \t]*(?:\*\*)?$")


def expand_shortcuts(markdown: str, law: dict, lang: str) -> str:
    parts, end = [], 0
    for match in shortcuts(markdown):
        pid = match.group(1)
        if pid in law["provisions"] or pid in law["chapters"]:
            capital = bool(LINE_START.search(markdown, max(0, match.start() - 80), match.start()))
            parts += [markdown[end:match.start()], citation(law, pid, lang, capital)]
            end = match.end()
    return "".join(parts) + markdown[end:]


# --- The law overview ----------------------------------------------------------------------------

def heading_title(law: dict, provision: dict, lang: str) -> str:
    """The H3 of a provision on the law page: `§ 41 Nulltoleranse …`, `Article 3 (…)`."""
    words = lmp_words.ui(lang)["law"]
    if "article" in provision:
        return f"{words['article'].capitalize()} {provision['article']} ({provision['label'][lang]})"
    if reads_norwegian(lang) and not provision["heading"]:
        # No official heading in data/law.yml: a plain Norwegian subject in brackets, never the
        # English rendering on a Norwegian page (legal review L2).
        return f"{words['heading_sign']} {provision['section']} ({provision['subject'][lang]})"
    name = provision["heading"] if reads_norwegian(lang) else provision["heading_en"]
    return f"{words['heading_sign']} {provision['section']} {name}"


def provision_block(law: dict, provision: dict, lang: str) -> str:
    """One provision of the overview (overrides/lmp/law-provision.html)."""
    words = lmp_words.ui(lang)["law"]
    values = {"words": words, "title": heading_title(law, provision, lang), "id": provision["id"],
              "anchor": provision["id"].replace("bk-", "uncrc-"), "article": "article" in provision,
              "number": number_of(law, provision, lang), "summary": provision["summary"][lang],
              "summary_block": "", "place": "", "section": "", "heading": ""}
    if not values["article"]:
        chapter = law["chapters"][provision["chapter"]]
        place = f"{law['acts'][provision['act']]['name'][lang]}, {words['chapter']} {chapter['number']}"
        if chapter["heading"]:
            place += " " + quoted(chapter["heading"], lang)
        heading = words["no_heading"]
        if provision["heading"]:
            heading = quoted(provision["heading"], lang)
            if not reads_norwegian(lang):
                heading += f" ({provision['heading_en']}; {words['unofficial']})"
            heading += "."
        summary = values["summary"]
        if summary.lstrip().startswith(("-", "1.")) or "\n\n" in summary:
            values["summary_block"] = "\n".join(("    " + line) if line else "" for line in summary.splitlines())
        values.update(place=place, section=provision["section"], heading=heading)
    return render("law-provision.html", **values).strip("\n")


def acts_table(law: dict, lang: str) -> str:
    words = lmp_words.ui(lang)["law"]
    rows = [(f"[{act['title']}][{aid}]" + (f", {words['repealed']}" if act.get("repealed") else ""),
             act["lovdata_id"], act["in_force"][lang], act["english_title"][lang])
            for aid, act in law["acts"].items()]
    return render("markdown-table.html", head=[words[k] for k in ("act", "id", "in_force", "english")],
                  rows=rows).strip("\n")


def old_to_new(law: dict, lang: str) -> str:
    words, rows = lmp_words.ui(lang)["law"], []
    for provision in law["provisions"].values():
        if provision["act"] != "oppl-1998":
            continue
        new = law["provisions"].get(provision["replaced_by"])
        target = (f"[{words['heading_sign']} {new['section']}](#{new['id']})"
                  if new else words["moved"].format(law["chapters"][provision["replaced_by"]]["number"]))
        rows.append((f"§ {provision['section']}", quoted(provision["heading"], lang), target))
    return render("markdown-table.html", head=[words[k] for k in ("old", "old_heading", "new")],
                  rows=rows).strip("\n")


def overview(law: dict, part: str, lang: str) -> str:
    if part == "acts":
        return acts_table(law, lang)
    if part == "old-to-new":
        return old_to_new(law, lang)
    act = {"uncrc": "mrl"}.get(part, part)
    blocks = [provision_block(law, p, lang) for p in law["provisions"].values() if p["act"] == act]
    return "\n\n".join(blocks)


OVERVIEW_PARTS = ("acts", "bhl", "oppl", "old-to-new", "uncrc")


def expand_markers(markdown: str, law: dict, lang: str) -> str:
    return markers.replace(markdown, MARKER, lambda marker: overview(law, marker.args, lang))


# --- The checks ----------------------------------------------------------------------------------

def act_patterns(law: dict) -> dict[str, re.Pattern]:
    return {aid: re.compile(rf"(?<!\w)(?:{act['names']})(?!\w)", re.IGNORECASE)
            for aid, act in law["acts"].items()}


def known_sections(law: dict) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {aid: set() for aid in law["acts"]}
    for provision in law["provisions"].values():
        if "section" in provision:
            known[provision["act"]].add(provision["section"])
    return known


SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-ZÆØÅ«“(])")


def act_before(line: str, position: int, patterns: dict) -> str | None:
    """The act named last before `position` in the same sentence."""
    start = max([m.end() for m in SENTENCE_END.finditer(line, 0, position)], default=0)
    best, best_at = None, -1
    for aid, pattern in patterns.items():
        for match in pattern.finditer(line, start, position):
            if match.start() > best_at:
                best, best_at = aid, match.start()
    return best


def act_of(number: str, named: str | None) -> str:
    if "A" in number:
        return "oppl-1998"
    if named in ("bhl", "oppl"):
        return named
    return "oppl" if "-" in number else "bhl"


def section_problems(line: str, law: dict, patterns: dict, known: dict):
    found = [(m, True) for m in SECTION_SIGN.finditer(line)] + [(m, False) for m in SECTION_WORD.finditer(line)]
    for match, sign in found:
        named = act_before(line, match.start(), patterns)
        if not sign and named not in ("bhl", "oppl", "oppl-1998"):
            continue  # "section 3.5 of the core curriculum": not a section of an act we cite
        for number in re.findall(NUMBER, match.group(1)):
            number = re.sub(r"\s?A", " A", number)
            act = act_of(number, named)
            if number not in known[act]:
                name = law["acts"][act]["name"]["en"] + f" ({law['acts'][act]['name']['nb']})"
                listed = ", ".join(sorted(known[act], key=lambda s: [int(x) if x.isdigit() else x for x in re.split(r"[ -]", s)]))
                yield (f"section § {number} of the {name} is not in data/law.yml "
                       f"(it knows §§ {listed}): check the number, or add the provision there")


def id_problems(line: str, law: dict):
    ids = set(law["provisions"]) | set(law["acts"]) | set(law["chapters"])
    candidates = FULL_REFERENCE.findall(line) + [match.group(1) for match in shortcuts(line)]
    for pid in candidates:
        if ID_SHAPE.fullmatch(pid) and pid not in ids:
            yield f"unknown law provision id '{pid}': data/law.yml has no such act or provision"


def quoted_headings(law: dict) -> dict[str, re.Pattern]:
    """An official heading in quotation marks, typed by hand, for each provision and chapter."""
    parts = {**law["chapters"], **law["provisions"]}
    return {pid: re.compile(r"[«“\"]" + re.escape(part["heading"]) + r"[»”\"]")
            for pid, part in parts.items() if part.get("heading") and part["act"] != "oppl-1998"}


def heading_problems(line: str, headings: dict):
    for pid, pattern in headings.items():
        if pattern.search(line):
            yield (f"the official heading of {pid} is typed by hand: write [{pid}] and the build "
                   f"adds act, number and heading from data/law.yml")


def problems(page: pages.Page, law: dict):
    patterns, known, headings = act_patterns(law), known_sections(law), quoted_headings(law)
    text = page.text.splitlines()
    for number, line in pages.prose_lines(text):
        if next(markers.find(line, MARKER), None) is not None:
            continue
        yield from ((number, p) for p in id_problems(line, law))
        yield from ((number, p) for p in section_problems(line, law, patterns, known))
        yield from ((number, p) for p in heading_problems(line, headings))


def check(docs_dir: Path, law: dict | None = None):
    law = law or load_law()
    data = repr(law)   # the data as one string: compared and hashed per page, not re-serialised
    for page in model.iter_pages(docs_dir):
        rel = page.path.relative_to(docs_dir.parent).as_posix()
        # re-checked only when the page or the data changed (mkdocs serve: the edited page)
        found = model.unchanged("law_citations", str(page.path), (page.text, data),
                                 lambda: list(problems(page, law)))
        for line, problem in found:
            yield f"{rel}:{line}", problem


# --- MkDocs events -------------------------------------------------------------------------------

def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    # The data file and its link definitions once per build, not once per page.
    law, definitions = model.once(site.docs_dir, "law_citations", _law_and_definitions)
    lang = page.lang
    markdown = expand_markers(markdown, law, lang)
    markdown = expand_shortcuts(markdown, law, lang)
    return markdown + "\n\n" + definitions + "\n"


def _law_and_definitions() -> tuple[dict, str]:
    law = load_law()
    return law, link_definitions(law)
