"""A slide deck (.pptx, 16:9) for the staff meeting of every theme, in every language, made from
the theme module's own rendered HTML: one source, never typed twice.

What goes where (slides in this order, each with a unique title in its title placeholder and the
facilitator's script in its speaker notes):

- title: the theme's title; the programme (site name), the semester and its term
  (data/programme.yml), the language and the setting edition
- the plan: the steps of `## … { #staff-meeting }` (its table: time "0–5", activity, who) with their
  minutes; the table's minutes must add up to the number in the heading (45). Then one slide per
  step; its notes: how long, who leads, what to do and ask, and the first paragraph of each part of
  the module the step links to
- `#key-points` (notes: the learning objectives, `#objectives`)
- `#reflection`: one question per slide
- the box «Før neste fagsamling»: its task list (notes: `#tasks-all-staff`) and the paragraph that
  says whom to tell when a child is not safe (one sentence a line)
- closing: the page's short address and a QR code (alt text); without a public address (SITE_URL)
  no address is named, as on paper

Two editions per theme and language (lmp.model.settings.EDITIONS): `barnehage` and `skole`
(school and SFO); text marked `data-for` for other settings is left out (settings.filter_html),
as in the printed editions. Type face and theme colour come from data/identity.yml; white on the
theme colour (≥ 4.5:1, checked by lmp.model.identity) and near-black on white. No text is smaller
than 18 pt: each text box's lines are estimated (`_lines`) and a list too long for its slide at
20 pt continues on another slide ("(2 of 2)"). Every run carries its language (a:rPr lang).
Words on the slides that are not the page's come from data/ui.<lang>.yml, section `decks`.

`check(docs_dir)` (run with the content checks, before anything is rendered) proves each theme
page has what a deck needs, naming file and line: the sections, the plan's table and its minutes.
"""
from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from lmp import cache
from lmp import markers
from lmp import project
from lmp import words
from lmp.errors import BuildError
from lmp.model import identity
from lmp.model import pages
from lmp.model import settings
from lmp.model import site as model

bs4 = project.lazy_import("bs4")
pptx = project.lazy_import("pptx")   # python-pptx, imported when a deck is made

log = logging.getLogger("mkdocs.hooks.decks")

# A short folder and file name at the site's root: a deck's address printed on paper keeps its QR code at
# version 4 at most (tests/test_handouts.py); the file is saved under `download_name`.
DECK_DIR = "decks"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SIZE_MARK = "lmp-deck-size-{edition}"       # in the theme page's link until the file's size is known
PLAN, KEY_POINTS, REFLECTION = "staff-meeting", "key-points", "reflection"
OBJECTIVES, STAFF_TASKS = "objectives", "tasks-all-staff"
REQUIRED = (PLAN, KEY_POINTS, REFLECTION)
TIME = re.compile(r"^\s*(\d+)\s*[–-]\s*(\d+)\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«“\"])")
LIST_MARKER = "decks-list"             # <!-- lmp:decks-list --> (tools, handouts): every deck of the language
markers.register(LIST_MARKER, owner="decks")
stats = {"made": 0, "cached": 0, "seconds": 0.0}   # of the language build running

# The slide (inches): 16:9, margins, the title band, the body's box.
WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.6
BAND = 1.45
BODY_TOP, BODY_BOTTOM = BAND + 0.35, 0.45
TEXT = "1F1F1F"          # on white: 16:1
WHITE = "FFFFFF"
SIZES = {"title": 32, "cover": 40, "lead": 26, "body": 28, "step": 30, "prompt": 32, "least": 20}
MINIMUM_PT = 18
CHAR_EM = 0.55           # a generous average advance: Source Sans 3 ≈ 0.47 em, DejaVu Sans ≈ 0.51 (LibreOffice's stand-in)
LINE = 1.2               # line spacing: a multiple of the face's own line height
FACE_LINE = 1.2          # a face's own line height, in em
SPACE_AFTER = 0.5        # between paragraphs, in em


# ---------------------------------------------------------------------------------------------
# What a deck holds, read from the page's HTML

@dataclass
class Step:
    start: int
    end: int
    activity: str
    who: str
    links: list[str] = field(default_factory=list)   # in-page anchors the activity links to

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class Content:
    title: str
    plan_title: str
    plan_total: int
    plan_intro: list[str]
    labels: tuple[str, str, str]                # the plan's column heads: time, activity, who
    steps: list[Step]
    key_points_title: str
    key_points: list[str]
    objectives_title: str
    objectives: list[str]
    reflection_title: str
    prompts: list[str]
    box_title: str
    tasks_title: str
    tasks: list[str]
    staff_tasks_title: str
    staff_tasks: list[str]
    tell_title: str
    tell: list[str]
    sections: dict[str, tuple[str, str]]        # anchor → (heading, its first paragraph)


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True)).replace(" ,", ",").replace(" .", ".") \
        .replace("( ", "(").replace(" )", ")").replace(" :", ":").replace(" ;", ";").replace(" ?", "?").strip()


def _section(heading):
    level = int(heading.name[1])
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            return
        yield sibling


def _items(heading) -> list[str]:
    return [_text(item) for block in _section(heading) if block.name in ("ol", "ul")
            for item in block.find_all("li", recursive=False)]


def _clean(soup) -> None:
    for element in soup.select(".headerlink, .lmp-web-only, .lmp-download, script"):
        if not element.decomposed:
            element.decompose()


def _where(page) -> str:
    return f"docs/{page.src_uri}"


def marked(html: str) -> bool:
    """Whether the page has text for some settings only (`data-for`, lmp.model.settings)."""
    return f"{settings.ATTRIBUTE}=" in html


def content(html: str, page, edition: str) -> Content:
    """The deck's content from the theme page's rendered HTML (its article), for one edition."""
    soup = bs4.BeautifulSoup(html, "lxml")
    keep = settings.EDITIONS[edition]
    for element in soup.select(f"[{settings.ATTRIBUTE}]"):   # settings.filter_html, on the tree parsed here
        if not element.decomposed and not settings.applies(element.get(settings.ATTRIBUTE), keep):
            element.decompose()
    _clean(soup)
    where = _where(page)
    headings = {h["id"]: h for h in soup.find_all(re.compile(r"^h[2-6]$"), id=True)}
    for anchor in REQUIRED:
        if anchor not in headings:
            raise BuildError(f"{where}: the slide deck ({edition}) needs the section {{ #{anchor} }}")

    plan = headings[PLAN]
    plan_title = _text(plan)
    total = re.search(r"\d+", plan_title)
    table = next((block for block in _section(plan) if block.name == "table"), None)
    if total is None or table is None:
        raise BuildError(f"{where}: the staff-meeting plan needs its length in the heading and a table")
    heads = [_text(cell) for cell in table.select("thead th")] or ["", "", ""]
    steps = []
    for row in table.select("tbody tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        match = TIME.match(_text(cells[0])) if len(cells) >= 3 else None
        if match is None:
            raise BuildError(f"{where}: a row of the staff-meeting plan has no time like 5–15: {_text(row)}")
        links = [a["href"][1:] for a in cells[1].find_all("a", href=True) if a["href"].startswith("#")]
        steps.append(Step(int(match[1]), int(match[2]), _text(cells[1]), _text(cells[2]), links))
    minutes = sum(step.minutes for step in steps)
    if minutes != int(total.group(0)):
        raise BuildError(f"{where}: the staff-meeting plan's steps add up to {minutes} minutes in the "
                         f"{edition} edition, not the {total.group(0)} of its heading")
    intro = [_text(p) for p in _section(plan) if p.name == "p"]

    box = soup.find("div", class_="admonition")
    box_title = _text(box.find(class_="admonition-title")) if box else ""
    task_list = box.find(["ul", "ol"]) if box else None
    label = task_list.find_previous_sibling("p") if task_list else None
    tell = None
    for paragraph in (box.find_all("p", recursive=False) if box else []):
        first = next((child for child in paragraph.children if str(child).strip()), None)
        if getattr(first, "name", None) != "strong":
            continue
        if _text(paragraph) != _text(first):     # **Whom to tell:** and the text, in one paragraph
            tell = (first, [paragraph])
            continue
        # **Whom to tell:** as a lead-in, then a list (one item a setting, marked) and paragraphs
        parts = []
        for sibling in paragraph.find_next_siblings():
            if sibling.name in ("ul", "ol") or (sibling.name == "p" and not sibling.get("class")):
                parts.append(sibling)
            else:
                break
        if parts and parts[0].name in ("ul", "ol"):
            tell = (first, [paragraph, *parts])
    if task_list is None or tell is None:
        raise BuildError(f"{where}: the box «{box_title}» needs its task list and the paragraph that "
                         "starts in bold and says whom to tell")
    tell_title = _text(tell[0]).rstrip(":")
    tell[0].decompose()
    tell_lines = []
    for part in tell[1]:
        if part.name in ("ul", "ol"):
            tell_lines += [_text(item) for item in part.find_all("li")]
        else:
            tell_lines += [s for s in SENTENCE_END.split(_text(part)) if s]

    def heading_text(anchor):
        return _text(headings[anchor]) if anchor in headings else ""

    sections = {}
    for anchor, heading in headings.items():
        paragraph = next((block for block in _section(heading) if block.name == "p"), None)
        sections[anchor] = (_text(heading), _text(paragraph) if paragraph is not None else "")
    return Content(
        title=page.meta["title"], plan_title=plan_title, plan_total=int(total.group(0)), plan_intro=intro,
        labels=tuple(heads[:3]), steps=steps,
        key_points_title=heading_text(KEY_POINTS), key_points=_items(headings[KEY_POINTS]),
        objectives_title=heading_text(OBJECTIVES),
        objectives=_items(headings[OBJECTIVES]) if OBJECTIVES in headings else [],
        reflection_title=heading_text(REFLECTION), prompts=_items(headings[REFLECTION]),
        box_title=box_title, tasks_title=(_text(label).rstrip(":") if label else box_title),
        tasks=[_text(li) for li in task_list.find_all("li", recursive=False)],
        staff_tasks_title=heading_text(STAFF_TASKS),
        staff_tasks=_items(headings[STAFF_TASKS]) if STAFF_TASKS in headings else [],
        tell_title=tell_title, tell=tell_lines,
        sections=sections)


# ---------------------------------------------------------------------------------------------
# Fitting text: python-pptx does not measure text, so estimate lines and keep within the box

def _wrapped(text: str, per_line: int) -> int:
    """How many lines `text` takes when wrapped at spaces, `per_line` characters a line."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
        while used > per_line:          # a word longer than a line
            lines, used = lines + 1, used - per_line
    return lines


def _lines(paragraphs: list[str], size: float, width_in: float) -> float:
    """The height in points that `paragraphs` take at `size` in a box `width_in` wide: lines
    wrapped at spaces, each LINE times the face's own line height (about 1.2 em)."""
    per_line = max(1, int(width_in * 72 / (size * CHAR_EM)))
    lines = sum(_wrapped(text, per_line) for text in paragraphs)
    return lines * size * LINE * FACE_LINE + len(paragraphs) * size * SPACE_AFTER


def fits(paragraphs: list[str], size: float, width_in: float, height_in: float) -> bool:
    return _lines(paragraphs, size, width_in) <= height_in * 72


def _size_for(paragraphs, width_in, height_in, largest, least=SIZES["least"]) -> int | None:
    """The largest size from `largest` down to `least` at which the paragraphs fit, or None."""
    for size in range(largest, least - 1, -1):
        if fits(paragraphs, size, width_in, height_in):
            return size
    return None


def _chunks(items: list[str], width_in: float, height_in: float) -> list[tuple[list[str], int]]:
    """The list on as few slides as it takes: (items, size) per slide, each fitting its box."""
    size = _size_for(items, width_in, height_in, SIZES["body"])
    if size is not None:
        return [(items, size)]
    chunks, current = [], []
    for item in items:
        if current and not fits(current + [item], SIZES["least"], width_in, height_in):
            chunks.append(current)
            current = []
        current.append(item)
    chunks.append(current)
    chunks = _balanced(items, len(chunks), width_in, height_in) or chunks
    return [(chunk, _size_for(chunk, width_in, height_in, SIZES["body"]) or SIZES["least"]) for chunk in chunks]


def _balanced(items: list[str], count: int, width_in: float, height_in: float) -> list[list[str]] | None:
    """The items on `count` slides in runs of about the same length (no slide with one item left
    over), or None when such a split does not fit."""
    target = sum(len(item) for item in items) / count
    chunks, current, length = [], [], 0
    for index, item in enumerate(items):
        left = len(items) - index
        if current and len(chunks) < count - 1 and (length + len(item) / 2 > target or left < count - len(chunks)):
            chunks.append(current)
            current, length = [], 0
        current.append(item)
        length += len(item)
    chunks.append(current)
    fit = len(chunks) == count and all(fits(chunk, SIZES["least"], width_in, height_in) for chunk in chunks)
    return chunks if fit else None


# ---------------------------------------------------------------------------------------------
# The .pptx

class _Deck:
    def __init__(self, lang: str, colour: str, typeface: str):
        from pptx.enum.lang import MSO_LANGUAGE_ID
        from pptx.util import Inches
        self.prs = pptx.Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
        self.layout = self.prs.slide_layouts[5]          # "Title Only"
        code = words.ui(lang)["docx"]["word_language"]
        try:
            self.language = MSO_LANGUAGE_ID.from_xml(code)
        except ValueError:
            raise BuildError(f"data/ui.{lang}.yml: docx.word_language {code!r} is no language tag PowerPoint "
                             "knows (e.g. nb-NO, nn-NO, en-GB)") from None
        self.colour, self.typeface = colour.lstrip("#").upper(), typeface
        self.titles: set[str] = set()

    def _run(self, paragraph, text, size, colour=TEXT, bold=False):
        from pptx.dml.color import RGBColor
        from pptx.util import Pt
        run = paragraph.add_run()
        run.text = text
        font = run.font
        font.size, font.bold, font.name = Pt(size), bold, self.typeface
        font.color.rgb = RGBColor.from_string(colour)
        font.language_id = self.language
        return run

    def _paragraphs(self, frame, paragraphs, size, colour=TEXT, bullets=False, bold_first=False):
        from pptx.util import Pt
        frame.word_wrap = True
        for index, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(size * SPACE_AFTER)
            paragraph.line_spacing = LINE
            self._run(paragraph, ("• " if bullets else "") + text, size, colour,
                      bold=bold_first and index == 0)

    def slide(self, title: str, notes: list[str], background: str | None = None, title_size=None,
              title_box=None):
        from pptx.dml.color import RGBColor
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
        from pptx.util import Inches
        if title in self.titles:
            raise BuildError(f"slide deck: two slides are called {title!r}")
        self.titles.add(title)
        slide = self.prs.slides.add_slide(self.layout)
        if background:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = RGBColor.from_string(background)
        shape = slide.shapes.title
        left, top, width, height = title_box or (0, 0, WIDTH, BAND)
        shape.left, shape.top, shape.width, shape.height = (Inches(left), Inches(top), Inches(width), Inches(height))
        if not background:
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(self.colour)
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE if not title_box else MSO_ANCHOR.BOTTOM
        frame.margin_left = frame.margin_right = Inches(MARGIN if not title_box else 0)
        size = title_size or _size_for([title], WIDTH - 2 * MARGIN, BAND - 0.2, SIZES["title"], 24) or 24
        self._run(frame.paragraphs[0], title, size, WHITE, bold=True)
        frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        notes_frame = slide.notes_slide.notes_text_frame
        for index, text in enumerate(line for line in notes if line):
            paragraph = notes_frame.paragraphs[0] if index == 0 else notes_frame.add_paragraph()
            run = paragraph.add_run()
            run.text = text
            run.font.language_id = self.language
        return slide

    def text(self, slide, paragraphs, size, top=BODY_TOP, left=MARGIN, width=None, height=None,
             colour=TEXT, bullets=False, bold_first=False):
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Inches
        width = width or WIDTH - 2 * MARGIN
        height = height or HEIGHT - top - BODY_BOTTOM
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        frame = box.text_frame
        frame.auto_size = MSO_AUTO_SIZE.NONE          # the box keeps its size: the text is sized to fit it
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        self._paragraphs(frame, paragraphs, size, colour, bullets, bold_first)
        return box

    def save(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return _reproducible(out.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same zip with a fixed time on every member: the same deck, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _list_slides(deck: _Deck, title: str, items: list[str], notes: list[str], text: dict) -> None:
    """A list on one slide, or on as many as it needs ("Title (2 of 3)")."""
    width, height = WIDTH - 2 * MARGIN, HEIGHT - BODY_TOP - BODY_BOTTOM
    chunks = _chunks([f"• {item}" for item in items], width, height)
    for number, (chunk, size) in enumerate(chunks, start=1):
        name = title if len(chunks) == 1 else text["continued"].format(title=title, part=number, parts=len(chunks))
        slide = deck.slide(name, notes)
        deck.text(slide, chunk, size)


def _short(activity: str) -> str:
    """A step's activity as the plan slide lists it: up to its first colon, full stop or question
    mark when that leaves a phrase (not a word or two)."""
    match = re.search(r"^(.{3,70}?)[:.?](\s|$)", activity)
    return match.group(1) if match else activity


def _questions_named(activity: str, data: Content) -> list[int]:
    """The reflection questions a step names by number ("reflection questions 5 and 6")."""
    heading = data.reflection_title.lower()
    at = activity.lower().find(heading) if heading else -1
    if at < 0:
        return []
    after = re.match(r"[\s\d,]*(?:\w{1,3}\s+\d+)?", activity[at + len(heading):]).group(0)
    return [int(n) for n in re.findall(r"\d+", after) if 1 <= int(n) <= len(data.prompts)]


def build(data: Content, page, site, edition: str, address: str | None, qr_png: bytes | None) -> bytes:
    """The .pptx of one theme, language and edition."""
    from pptx.util import Inches
    lang = page.lang
    text = words.ui(lang)["decks"]
    handout = words.ui(lang)["handouts"]
    look = identity.load()
    theme = str(page.meta.get("id"))
    deck = _Deck(lang, look.theme_colour(theme), look.typeface)
    props = deck.prs.core_properties
    props.title, props.subject = data.title, page.meta.get("description", "")
    props.author, props.language = words.ui(lang)["docx"]["author"], words.ui(lang)["docx"]["word_language"]
    props.keywords = text["editions"][edition]

    # Title
    semester = page.meta.get("semester")
    term = next((entry["term"][lang] for entry in pages.load_programme().get("semesters", [])
                 if entry.get("number") == semester), None)
    lines = [site.site_name]
    if semester:
        lines.append(f'{handout["semester"]} {semester}' + (f" – {term}" if term else ""))
    lines.append(_edition_line(lang, edition))
    size = _size_for([data.title], WIDTH - 2 * MARGIN, 2.9, SIZES["cover"], 28) or 28
    slide = deck.slide(data.title, [page.meta.get("description", ""), *data.plan_intro],
                       background=deck.colour, title_size=size, title_box=(MARGIN, 0.9, WIDTH - 2 * MARGIN, 2.9))
    deck.text(slide, lines, SIZES["lead"], top=4.2, colour=WHITE, bold_first=True)

    # The plan, then a slide per step
    time_label, _, who_label = data.labels
    agenda = [f"{step.start}–{step.end}  {_short(step.activity)}" for step in data.steps]
    agenda_notes = [*data.plan_intro] + [
        f"{step.start}–{step.end} ({text['minutes'].format(minutes=step.minutes)}): {step.activity} – {step.who}"
        for step in data.steps]
    _list_slides(deck, data.plan_title, agenda, agenda_notes, text)
    for number, step in enumerate(data.steps, start=1):
        title = text["step"].format(number=number, count=len(data.steps),
                                    minutes=text["minutes"].format(minutes=step.minutes))
        notes = [text["notes_time"].format(minutes=text["minutes"].format(minutes=step.minutes),
                                           start=step.start, end=step.end),
                 f"{who_label}: {step.who}", f'{text["notes_do"]}: {step.activity}']
        questions = [s for s in SENTENCE_END.split(step.activity) if s.endswith("?")]
        questions += [data.prompts[number - 1] for number in _questions_named(step.activity, data)]
        notes += [f'{text["notes_ask"]}: {question}' for question in questions]
        for anchor in step.links:
            heading, first = data.sections.get(anchor, ("", ""))
            if first:
                notes.append(f'{text["notes_from"].format(section=heading)}: {first}')
        slide = deck.slide(title, notes)
        body = [step.activity, f"{who_label}: {step.who}", f"{time_label}: {step.start}–{step.end}"]
        size = _size_for(body, WIDTH - 2 * MARGIN, HEIGHT - BODY_TOP - BODY_BOTTOM, SIZES["step"]) or SIZES["least"]
        deck.text(slide, body, size, bold_first=True)

    # Key points (notes: the learning objectives)
    _list_slides(deck, data.key_points_title, data.key_points,
                 [data.objectives_title, *data.objectives], text)

    # One question a slide
    for number, prompt in enumerate(data.prompts, start=1):
        title = text["prompt"].format(title=data.reflection_title, number=number, count=len(data.prompts))
        slide = deck.slide(title, [f'{text["notes_ask"]}: {prompt}', text["notes_prompt"]])
        size = _size_for([prompt], WIDTH - 2 * MARGIN, HEIGHT - BODY_TOP - BODY_BOTTOM, SIZES["prompt"])
        deck.text(slide, [prompt], size or SIZES["least"], top=BODY_TOP + 0.4)

    # Before the next seminar; whom to tell
    _list_slides(deck, data.tasks_title, data.tasks, [data.staff_tasks_title, *data.staff_tasks], text)
    _list_slides(deck, data.tell_title, data.tell, [data.box_title, data.tell_title, *data.tell], text)

    # Closing: the page online
    title = text["closing"]
    if address:
        slide = deck.slide(title, [text["notes_closing"], address])
        code = 3.6
        width = WIDTH - 2 * MARGIN - code - 0.4
        size = _size_for([data.title], width, 2.4, 28) or SIZES["least"]
        deck.text(slide, [data.title], size, width=width, height=2.4, bold_first=True)
        one_line = int(width * 72 / (len(address) * CHAR_EM))      # the address on one line, unbroken
        deck.text(slide, [address], max(SIZES["least"], min(28, one_line)), top=BODY_TOP + 2.6, width=width,
                  height=HEIGHT - BODY_TOP - 2.6 - BODY_BOTTOM)
        picture = slide.shapes.add_picture(io.BytesIO(qr_png), Inches(WIDTH - MARGIN - code), Inches(BODY_TOP),
                                           Inches(code), Inches(code))
        _alt_text(picture, text["qr"].format(address=address))
    else:
        slide = deck.slide(title, [text["notes_closing"]])
        deck.text(slide, [data.title, text["offline"].format(site=site.site_name)], 26, bold_first=True)
    return deck.save()


def _alt_text(picture, description: str) -> None:
    """A picture's alternative text: the `descr` of its p:cNvPr (ECMA-376 PresentationML), set on
    the shape's public `element` (its lxml element), as python-pptx has no alt-text property."""
    (properties,) = picture.element.xpath("./p:nvPicPr/p:cNvPr")
    properties.set("descr", description)


def qr_png(address: str) -> bytes:
    import segno
    out = io.BytesIO()
    segno.make(address, error="m").save(out, kind="png", scale=10, border=4, dark="#000", light="#fff")
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Files, names, links

def deck_name(page_id: str, lang: str, edition: str) -> str:
    """'theme-2-nb-barnehage.pptx': the file's name under DECK_DIR."""
    return f"{page_id}-{lang}-{edition}.pptx"


def download_name(page_id: str, lang: str, edition: str) -> str:
    """'laringsmiljoprosjektet-theme-2-nb-barnehage.pptx': the name a download is saved under."""
    return f"laringsmiljoprosjektet-{deck_name(page_id, lang, edition)}"


def paper_label(title: str, lang: str, edition: str) -> str:
    """A deck's link named on paper (data-lmp-label, lmp/print/paper_links.py): its theme and edition."""
    text = words.ui(lang)["decks"]
    return text["paper"].format(title=title, edition=text["editions"][edition])


def deck_path(page_id: str, lang: str, edition: str) -> str:
    return f"{DECK_DIR}/{deck_name(page_id, lang, edition)}"


def made(html: str, page, site) -> dict[str, bytes]:
    """The decks of a theme page's rendered HTML, one per edition (lmp/cache.py keeps each under
    the HTML, the address, the identity, the interface words and this module's code). When the
    page marks nothing for one setting, the editions differ only in their label: the deck is made
    once and relabelled."""
    from lmp.print.paper_links import short_address
    address = site.public_address + page.dest_uri if site.public_address else None
    shown = short_address(address) if address else None
    made_now: dict[str, bytes] = {}

    def make_all() -> dict[str, bytes]:
        if made_now:
            return made_now
        start = time.perf_counter()
        code = qr_png(address) if address else None
        if marked(html):
            for edition in settings.EDITIONS:
                made_now[edition] = build(content(html, page, edition), page, site, edition, shown, code)
        else:
            first, *others = settings.EDITIONS
            made_now[first] = build(content(html, page, first), page, site, first, shown, code)
            for edition in others:
                made_now[edition] = _relabel(made_now[first], page.lang, first, edition)
        stats["seconds"] += time.perf_counter() - start
        return made_now

    inputs = (html, page.lang, page.src_uri, page.dest_uri, repr(sorted(page.meta.items())),
              address or "", site.site_name, words.ui(page.lang)["decks"], words.ui(page.lang)["handouts"],
              repr(identity.load()), repr(pages.load_programme().get("semesters")))
    decks = {edition: cache.made("pptx", (*inputs, edition), lambda edition=edition: make_all()[edition],
                                 code=[__file__], packages=("python-pptx", "segno", "beautifulsoup4"))
             for edition in settings.EDITIONS}
    stats["made" if made_now else "cached"] += len(decks)
    return decks


def _edition_line(lang: str, edition: str) -> str:
    text, handout = words.ui(lang)["decks"], words.ui(lang)["handouts"]
    return f'{text["meeting"]} · {handout["language_name"]} · {text["editions"][edition]}'


def _relabel(data: bytes, lang: str, edition: str, other: str) -> bytes:
    """The deck of `edition` as the deck of `other` (the same content): the title slide's edition
    line and the file's keywords say which."""
    from xml.sax.saxutils import escape
    swaps = [(escape(_edition_line(lang, edition)), escape(_edition_line(lang, other))),
             (f"<cp:keywords>{escape(words.ui(lang)['decks']['editions'][edition])}</cp:keywords>",
              f"<cp:keywords>{escape(words.ui(lang)['decks']['editions'][other])}</cp:keywords>")]
    out, done = io.BytesIO(), []
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename in ("ppt/slides/slide1.xml", "docProps/core.xml"):
                text = member.decode("utf-8")
                for old, new in swaps:
                    if old in text:
                        text = text.replace(old, new)
                        done.append(old)
                member = text.encode("utf-8")
            target.writestr(info, member)
    if len(done) != len(swaps):
        raise BuildError(f"slide deck: the {edition} edition's label was not found to make the {other} edition")
    return out.getvalue()


def theme_link(markdown: str, page, uris: dict[str, str]) -> str:
    """The theme page's Markdown with the decks' download links at the end of its staff-meeting
    section (their sizes come once the decks are made)."""
    import os
    from lmp.templates import render
    text = words.ui(page.lang)["decks"]
    links = [{"text": text["editions"][edition], "type": PPTX_TYPE, "lang": page.lang,
              "href": os.path.relpath(uri, os.path.dirname(page.src_uri) or ".").replace(os.sep, "/"),
              "size": SIZE_MARK.format(edition=edition),
              "name": download_name(str(page.meta.get("id")), page.lang, edition),
              "label": escape(paper_label(page.meta["title"], page.lang, edition))}
             for edition, uri in uris.items()]
    block = render("decks-link.html", intro=text["link"], links=links).strip()
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines) if re.search(r"\{\s*#" + PLAN + r"\s*\}", line)), None)
    if start is None:
        return markdown
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"#{1,2} ", lines[i])), len(lines))
    return "\n".join(lines[:end] + ["", block, ""] + lines[end:]) + "\n"


def theme_pages(docs_dir, lang: str) -> list[pages.Page]:
    """The theme pages of one language (front matter `type: theme`), in semester order."""
    found = [page for page in model.iter_pages(docs_dir)
             if page.lang == lang and not page.meta_error and page.meta.get("type") == "theme"]
    return sorted(found, key=lambda page: (page.meta.get("semester") or 0, page.key))


def with_list(markdown: str, page, docs_dir) -> str:
    """`<!-- lmp:decks-list -->` replaced by a table of the language's decks: a row per theme, a
    link per edition (Markdown links: MkDocs checks them against the build's files)."""
    if not any(markers.find(markdown, LIST_MARKER)):
        return markdown
    import os
    from lmp.templates import render
    text = words.ui(page.lang)["decks"]
    here = os.path.dirname(page.src_uri) or "."
    rows = []
    for theme in theme_pages(docs_dir, page.lang):
        theme_id = str(theme.meta.get("id"))
        title = f'[{theme.meta["title"]}]({os.path.relpath(theme.key + ".md", here)}#{PLAN})'
        links = []
        for edition in settings.EDITIONS:
            href = os.path.relpath(deck_path(theme_id, page.lang, edition), here)
            links.append(f'[{text["editions"][edition]}]({href})'
                         f'{{ download="{download_name(theme_id, page.lang, edition)}" type="{PPTX_TYPE}" '
                         f'hreflang="{page.lang}" data-lmp-label="{escape(paper_label(theme.meta["title"], page.lang, edition))}" }}')
        rows.append([title, " · ".join(links)])
    table = render("markdown-table.html", head=text["list_head"], rows=rows).strip("\n")
    return markers.replace(markdown, LIST_MARKER, lambda marker: table)


def with_sizes(html: str, sizes: dict[str, int], lang: str) -> str:
    text = words.ui(lang)["decks"]
    for edition, size in sizes.items():
        html = html.replace(SIZE_MARK.format(edition=edition),
                            text["size"].format(max(1, round(size / 1024))), 1)
    return html


# ---------------------------------------------------------------------------------------------
# The check: every theme page has what its deck needs (file:line, before anything is rendered)

def check(docs_dir: Path):
    for page in model.iter_pages(docs_dir):
        if page.meta.get("type") != "theme" or page.lang not in project.LANGUAGES:
            continue
        rel = page.path.relative_to(Path(docs_dir).parent).as_posix()
        for line, problem in problems(page):
            yield f"{rel}:{line}", problem


def problems(page: pages.Page):
    headings = page.headings()
    ids = {anchor: (level, text, line) for level, text, anchor, line in headings if anchor}
    for anchor in REQUIRED:
        if anchor not in ids:
            yield page.body_line, f"the slide deck needs a section {{ #{anchor} }} on every theme page"
    if PLAN not in ids:
        return
    level, heading, line = ids[PLAN]
    total = re.search(r"\d+", heading)
    if total is None:
        yield line, "the staff-meeting plan's heading names its length in minutes (45)"
    lines = page.body.splitlines()
    index = line - page.body_line + 1
    rows = []
    while index < len(lines) and not re.match(r"#{1,%d} " % level, lines[index]):
        cells = [cell.strip() for cell in lines[index].strip().strip("|").split("|")]
        if lines[index].lstrip().startswith("|") and not set(lines[index]) <= set("|-: "):
            rows.append((page.body_line + index, cells))
        index += 1
    if len(rows) < 2:
        yield line, "the staff-meeting plan needs a table: time (0–5), activity, who"
        return
    previous, minutes = None, 0
    for number, cells in rows[1:]:
        match = TIME.match(cells[0])
        if match is None or len(cells) < 3:
            yield number, ("a step of the staff-meeting plan needs a time like 5–15, an activity and who "
                           f"leads it: {cells[0]!r}")
            return
        start, end = int(match[1]), int(match[2])
        if end <= start or start != (previous or 0):
            yield number, f"the step {cells[0]} does not start where the one before it ends ({previous or 0})"
        previous, minutes = end, minutes + max(0, end - start)
    if total and minutes != int(total.group(0)):
        yield rows[-1][0], (f"the staff-meeting plan's steps add up to {minutes} minutes, "
                            f"not the {total.group(0)} of its heading")
    yield from _box_problems(page, lines)


def _box_problems(page: pages.Page, lines: list[str]):
    """The box «Før neste fagsamling» holds the tasks (a list) and a paragraph that starts in bold
    and says whom to tell (the box itself is before_next_seminar's check)."""
    from lmp.generators import before_next_seminar
    found = before_next_seminar.box(lines)
    if not found:
        return
    first, end = found
    inside = lines[first + 1:end]
    items = [index for index, line in enumerate(inside) if re.match(r"\s+(?:[-*]|\d+\.)\s", line)]
    if not items:
        yield page.body_line + first, "the slide deck needs the tasks of this box as a list"
    # Whom to tell: after the task list, a line that starts in bold, with the text on it or a list after it.
    lead_ins = [index for index, line in enumerate(inside)
                if index > (items[0] if items else -1) and re.match(r"\s+\*\*[^*]+\*\*", line)]
    told = any(re.match(r"\s+\*\*[^*]+\*\*\s*\S", inside[index]) or   # the text on the same line
               any(re.match(r"\s+(?:[-*]|\d+\.)\s", line) for line in inside[index + 1:index + 3] if line.strip())
               for index in lead_ins)                                    # or a list right after it
    if not told:
        yield page.body_line + first, ("the slide deck needs the paragraph of this box that starts in bold "
                                       "and says whom to tell when a child is not safe")
