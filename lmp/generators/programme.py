"""The programme's calendar, from one data file (data/programme.yml) to pages and .ics files.

- In a page, a marker line is replaced by generated Markdown in the page's language:
  `<!-- lmp:programme-gatherings -->` the five national gatherings (table),
  `<!-- lmp:programme-semesters -->`  the four semesters, their themes and gatherings (table),
  `<!-- lmp:programme-rhythm -->`     what happens in every semester (table),
  `<!-- lmp:programme-ics -->`        a download link to the calendar file of the page's language.
- One iCalendar file per language, site/calendar/laringsmiljoprosjektet.<lang>.ics, is a
  file of the build (registered in on_files, so MkDocs copies it and strict link validation covers
  the Markdown link to it; RFC 5545, made with `icalendar`):
  the gatherings as all-day events (DTEND is the day after the last day), the rhythm of a
  semester in the calendar's description. Local dates are not known, so they are not in it.
"""
from __future__ import annotations

import datetime as dt
import logging
import os


from lmp import cache
from lmp import markers
from lmp import project
from lmp import words
from lmp.model import info
from lmp.model import pages
from lmp.model import site as model
from lmp.templates import render as render_template

log = logging.getLogger("mkdocs.hooks.programme")

ICS_DIR = "calendar"   # a short folder at the site's root: the address printed on paper keeps a small QR code (≤ version 4)
ICS_NAME = "laringsmiljoprosjektet.{lang}.ics"
KINDS = ("gatherings", "semesters", "rhythm", "ics")   # <!-- lmp:programme-KIND -->
markers.register(*(f"programme-{kind}" for kind in KINDS), owner="programme")



class _Words(dict):
    """`TEXT[lang]`: the section `programme:` of data/ui.<lang>.yml (also read by home_page and
    handouts for the gathering format words). No words in Python; a missing language fails."""

    def __missing__(self, lang: str) -> dict:
        return words.ui(lang)["programme"]


TEXT = _Words()


def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """'23.–24. september 2025' / '23–24 September 2025'; one day: '24. april 2025'."""
    month, dot = TEXT[lang]["months"], TEXT[lang]["day_suffix"]
    last = f"{end.day}{dot} {month[end.month - 1]} {end.year}"
    if start == end:
        return last
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{dot}–{last}"
    first = f"{start.day}{dot} {month[start.month - 1]}" + (f" {start.year}" if start.year != end.year else "")
    return f"{first} – {last}"


def _table(head, rows) -> str:
    return render_template("markdown-table.html", head=head, rows=rows).strip("\n")


def _semester_label(number: int, lang: str) -> str:
    return TEXT[lang]["before"] if number == 0 else str(number)


def render(kind: str, page, data: dict, docs_dir=None) -> str | None:
    lang, text = page.lang, TEXT[page.lang]
    depth = "../" * page.src_uri.count("/")
    if kind == "gatherings":
        rows = [(g["title"][lang], date_range(g["start"], g["end"], lang), text[g["format"]],
                 _semester_label(g["semester"], lang)) for g in data["gatherings"]]
        return _table(text["gatherings"], rows)
    if kind == "semesters":
        by_semester = {g["semester"]: g for g in data["gatherings"]}
        rows = []
        for s in data["semesters"]:
            gathering = by_semester.get(s["number"])
            rows.append((s["number"], s["term"][lang],
                         f"[{model.theme_title(s['theme'], lang, docs_dir)}]"
                         f"({depth}themes/{s['theme']}/index.md)",
                         f"{gathering['title'][lang]}, {date_range(gathering['start'], gathering['end'], lang)}"
                         if gathering else "–"))
        return _table(text["semesters"], rows)
    if kind == "rhythm":
        return _table(text["rhythm"], [(r["count"][lang], r["what"][lang]) for r in data["rhythm"]])
    if kind == "ics":
        # A Markdown link to a file of the build (on_files): MkDocs validates it.
        href = os.path.relpath(f"{ICS_DIR}/{ICS_NAME.format(lang=lang)}",
                               os.path.dirname(page.src_uri) or ".").replace(os.sep, "/")
        return render_template("programme-ics-link.html", text=text["ics"], href=href, lang=lang).strip("\n")
    return None


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if "lmp:programme-" not in markdown:
        return markdown
    data = pages.load_programme()
    for kind in KINDS:
        markdown = markers.replace(markdown, f"programme-{kind}",
                                    lambda marker, kind=kind: render(kind, page, data, site.docs_dir))
    return markdown


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def calendar(data: dict, lang: str, stamp: dt.datetime | None = None,
             docs_dir=None) -> icalendar.Calendar:
    """The national gatherings as an RFC 5545 calendar in one language."""
    import icalendar   # here: a build whose calendars come from the cache (ics_bytes) never needs it
    text = TEXT[lang]
    if stamp is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        stamp = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch
                 else dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Laeringsmiljoprosjektet//Programme calendar//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", text["calendar"])
    cal.add("x-wr-calname", text["calendar"])
    rhythm = "\n".join([text["rhythm_intro"]] + [f"- {r['count'][lang]}: {r['what'][lang]}"
                                                 for r in data["rhythm"]])
    cal.add("description", rhythm)
    cal.add("x-wr-caldesc", icalendar.vText(rhythm))
    semesters = {s["number"]: s for s in data["semesters"]}
    for g in data["gatherings"]:
        semester = semesters.get(g["semester"])
        when = (text["when"].format(n=semester["number"], term=_lower_first(semester["term"][lang]),
                                    theme=model.theme_title(semester["theme"], lang, docs_dir))
                if semester else text["kickoff"])
        event = icalendar.Event()
        event.add("uid", f"{g['id']}-{g['start']:%Y%m%d}@laringsmiljoprosjektet")
        event.add("dtstamp", stamp)
        event.add("dtstart", g["start"])                            # VALUE=DATE: all day
        event.add("dtend", g["end"] + dt.timedelta(days=1))          # exclusive
        event.add("summary", f"{g['title'][lang]} – {text['calendar'].split(' – ')[0]}")
        event.add("description", text["event"].format(format=text[g["format"]], when=when))
        if g["format"] == "digital":
            event.add("location", text["location"])
        cal.add_component(event)
    return cal


def ics_bytes(data: dict, lang: str, docs_dir) -> bytes:
    """The .ics file of one language, made again only when something it is made from changed (the
    data, the language's words, the theme titles, SOURCE_DATE_EPOCH, this code, icalendar's version:
    lmp/cache.py). Its DTSTAMP is the time the file was made."""
    titles = [model.theme_title(semester["theme"], lang, docs_dir) for semester in data["semesters"]]
    inputs = (repr(data), lang, repr(TEXT[lang]), repr(titles), os.environ.get("SOURCE_DATE_EPOCH", ""))
    return cache.made("ics", inputs, lambda: calendar(data, lang, docs_dir=docs_dir).to_ical(),
                       code=[__file__], packages=("icalendar",))


def calendar_files(docs_dir) -> dict[str, bytes]:
    """Every language's calendar (.ics) by its path under the site: made for each language's build,
    at the site's root (the address it always had)."""
    data = pages.load_programme()
    return {f"{ICS_DIR}/{ICS_NAME.format(lang=lang)}": ics_bytes(data, lang, docs_dir) for lang in project.LANGUAGES}
