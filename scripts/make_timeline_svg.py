"""Draw the semester timeline (docs/assets/diagrams/semester-timeline.<lang>.svg) from data/programme.yml.

The SVGs are committed, so the site serves them as plain files; run this script after changing the
data file (tests/test_calendar.py fails while a committed SVG differs from what this draws):

    python scripts/make_timeline_svg.py
"""
from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
from lmp import project
from lmp import words as lmp_words
from lmp.model import pages
from lmp.generators.programme import TEXT, date_range  # noqa: E402

OUT = ROOT / "docs" / "assets" / "diagrams" / "semester-timeline.{lang}.svg"
# A schematic timeline (not to scale): a column for the kick-off, then one column per semester with
# its national gathering above the line and the semester (half-year, theme) below it.
WIDTH, HEIGHT, MARGIN, KICKOFF_W = 740, 280, 10, 130
SEMESTER_W = (WIDTH - 2 * MARGIN - KICKOFF_W) // 4
AXIS = 94                                                   # y of the time line
INK, PRIMARY, BAND = "#1b1b1f", "#303f9f", "#e8eaf6"
BREAKS = {"Organisasjonsutvikling": ["Organisasjons-", "utvikling"]}   # words too long for a column


def wrap(text: str, width: int) -> list[str]:
    """Break `text` into lines of at most `width` characters (words in BREAKS may be split)."""
    words = [part for word in text.split() for part in BREAKS.get(word, [word])]
    lines, line = [], ""
    for word in words:
        if line and (len(line) + 1 + len(word) > width or line.endswith("-")):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def text_el(x, y, content, size=13, weight="normal", anchor="middle", fill=INK) -> str:
    return (f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" '
            f'fill="{fill}">{escape(content)}</text>')


def render(lang: str, data: dict | None = None) -> str:
    data = data or pages.load_programme()
    words, text = lmp_words.ui(lang)["timeline"], TEXT[lang]
    semesters = {s["number"]: s for s in data["semesters"]}
    gatherings = sorted(data["gatherings"], key=lambda g: g["start"])
    kickoff = next(g for g in gatherings if g["semester"] == 0)
    desc = words["desc"].format(
        kickoff=date_range(kickoff["start"], kickoff["end"], lang),
        semesters=" ".join(
            f"{words['semester'].format(n=n)} ({s['term'][lang]}): {s['short'][lang]}; "
            f"{g['title'][lang]} {date_range(g['start'], g['end'], lang)} ({text[g['format']]})."
            for n, s in semesters.items()
            for g in gatherings if g["semester"] == n))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
           f'height="{HEIGHT}" role="img" aria-labelledby="timeline-title timeline-desc" lang="{lang}" '
           f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif">',
           f'<title id="timeline-title">{escape(words["title"])}</title>',
           f'<desc id="timeline-desc">{escape(desc)}</desc>',
           '<defs><marker id="timeline-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker></defs>',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
           f'<line x1="{MARGIN}" y1="{AXIS}" x2="{WIDTH - MARGIN}" y2="{AXIS}" stroke="{INK}" '
           f'stroke-width="2" marker-end="url(#timeline-arrow)"/>']
    for g in gatherings:
        n = g["semester"]
        left = MARGIN if n == 0 else MARGIN + KICKOFF_W + (n - 1) * SEMESTER_W
        width = KICKOFF_W if n == 0 else SEMESTER_W
        middle = left + width / 2
        title = wrap(g["title"][lang], int(width / 8))
        y = 18 if len(title) > 1 else 34
        for line in title:
            out.append(text_el(middle, y, line, 13, "bold"))
            y += 16
        out.append(text_el(middle, 52, date_range(g["start"], g["end"], lang), 12))
        out.append(text_el(middle, 68, f"({text[g['format']]})", 12))
        fill = PRIMARY if g["format"] == "physical" else "#ffffff"
        out.append(f'<circle cx="{middle}" cy="{AXIS}" r="8" fill="{fill}" stroke="{PRIMARY}" stroke-width="3"/>')
        if n == 0:
            continue
        s = semesters[n]
        out.append(f'<rect x="{left + 3}" y="{AXIS + 18}" width="{width - 6}" height="128" rx="6" '
                   f'fill="{BAND}" stroke="{PRIMARY}" stroke-width="1"/>')
        out.append(text_el(middle, AXIS + 40, words["semester"].format(n=n), 15, "bold", fill=PRIMARY))
        out.append(text_el(middle, AXIS + 60, s["term"][lang], 13))
        for i, line in enumerate(wrap(s["short"][lang], int(width / 8.2))):
            out.append(text_el(middle, AXIS + 86 + 17 * i, line, 12.5, "bold"))
    y = HEIGHT - 16
    out.append(f'<circle cx="{MARGIN + 8}" cy="{y - 4}" r="6" fill="{PRIMARY}" stroke="{PRIMARY}" stroke-width="3"/>')
    out.append(text_el(MARGIN + 20, y, words["legend_physical"], 12, anchor="start"))
    out.append(f'<circle cx="{MARGIN + 168}" cy="{y - 4}" r="6" fill="#ffffff" stroke="{PRIMARY}" stroke-width="3"/>')
    out.append(text_el(MARGIN + 180, y, words["legend_digital"], 12, anchor="start"))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    for lang in project.LANGUAGES:
        path = Path(str(OUT).format(lang=lang))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(lang), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
