"""Fill the steps and the estimated time of the onboarding paths (tools/onboarding).

The page says, in prose, which step comes when and why; each step names the sections to read with a
marker `<!-- lmp:step theme-1#why role-staff#duties -->` (catalogue ids, lmp/model/catalogue.py). The
module writes a link and the reading time for each section, and `<!-- lmp:path-total -->` becomes the
reading time of all the steps' sections under the same H2 (their words rounded once,
catalogue.minutes_of, as everywhere on the site). An id that is not in the catalogue is a warning (fatal under
--strict), so a path never silently points at a section that is gone.

Each path (an H2 with steps) gets a button that prints that path alone
(assets/javascripts/print-path.js), and
Markup: overrides/lmp/onboarding-*.html; words: data/ui.<lang>.yml (onboarding, onboarding_time); the page a print header with the site's name and the date.
"""
import logging
import re


from lmp import markers
from lmp import words as lmp_words
from lmp.model import catalogue
from lmp.templates import render
from lmp.generators import home_page  # (the build date)
from lmp.generators import programme  # (dates in words)
from lmp.model import info

log = logging.getLogger("mkdocs.hooks.onboarding_path")

PAGE_ID = "tool-onboarding"
STEP, TOTAL = "step", "path-total"
markers.register(STEP, TOTAL, owner="onboarding_path")
H2_ID = re.compile(r"^## .*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}[ \t]*$", re.MULTILINE)
SCRIPT = "assets/javascripts/print-path.js"
CHECKLIST = '<div class="lmp-checklist"'


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = page.lang
    words = lmp_words.ui(lang)["onboarding"]
    known = catalogue.sections_by_id(catalogue.load(site.docs_dir, lang))
    chunks = re.split(r"(?m)^(?=## )", catalogue.words_per_minute(markdown))
    today = home_page.build_date()
    header = render("onboarding-header.html", site_name=site.site_name, title=str(page.meta["title"]),
                    words=words, date=programme.date_range(today, today, lang)) + "\n\n"
    return header + "".join(fill_path(chunk, known, words, page, lang) for chunk in chunks)


def page_content(html_text: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return html_text
    return f'{html_text}\n<script src="{info.relative_url(SCRIPT, page.url)}" defer></script>\n'


def print_button(chunk: str, words: dict) -> str:
    """Above a path's checklist (or under its heading): a button that prints this path only."""
    heading = H2_ID.search(chunk)
    if not heading:
        return chunk
    button = render("onboarding-print.html", path=heading.group(1), words=words) + "\n\n"
    at = chunk.find(CHECKLIST)
    at = at if at >= 0 else heading.end() + 1
    return chunk[:at] + button + chunk[at:]


def fill_path(chunk: str, known: dict, words: dict, page, lang: str) -> str:
    minutes = []  # the sections of the path's steps
    if next(markers.find(chunk, STEP), None) is None:
        return chunk

    def step(marker):
        links = []
        for section_id in marker.args.split():
            if section_id not in known:
                log.warning("docs/%s: onboarding step names '%s', which is no section in the catalogue",
                            page.src_path, section_id)
                continue
            entry, section = known[section_id]
            minutes.append(section)
            target = catalogue.md_link(page.src_uri, entry.key, section.anchor)
            links.append({"text": f"{entry.title}: {section.title}", "target": target, "minutes": section.minutes})
        return render("onboarding-step.html", words=words, links=links, minutes=lmp_words.ui(lang)["onboarding_time"])

    chunk = markers.replace(chunk, STEP, step)
    total = lmp_words.ui(lang)["onboarding_time"]["minutes"].format(minutes=catalogue.minutes_of(minutes) if minutes else 0)
    return print_button(markers.replace(chunk, TOTAL, lambda marker: total), words)
