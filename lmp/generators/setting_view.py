"""The setting view (kindergarten, school, SFO) in every page's HTML.

The author marks text for some settings with attr_list's `data-for` (lmp/model/settings.py, the
syntax and its check). Here, in the rendered HTML of each page:

- a marked heading's whole section (up to the next heading of the same or a higher level) is wrapped
  in one `<div class="lmp-for-section" data-for="…">`, which takes the mark over from the heading;
- every marked element gets `data-for-label` («Gjelder barnehage»), shown by the site's CSS before
  the text: without JavaScript every part shows, each labelled;
- the view control goes near the top of the content (on the home page: into the first start card):
  links ?for=barnehage, ?for=skole, ?for=sfo and «Alle», hidden without JavaScript. An inline script
  in the page head (overrides/main.html) sets <html data-view="…"> from the address before the first
  paint, so the CSS hides the other settings' text without a layout shift;
  assets/javascripts/setting-view.js switches the view in place and carries ?for= on the site's links.

Markup: overrides/lmp/setting_view-control.html; words: data/ui.<lang>.yml `view`.
"""
from __future__ import annotations

import re

from lmp import project
from lmp import words as lmp_words
from lmp.model import info
from lmp.model import settings
from lmp.templates import render

bs4 = project.lazy_import("bs4")

MARKED_HEADING = re.compile(r"<h[1-6]\b[^>]*\bdata-for=")
MARK = re.compile(r'\bdata-for="([^"]*)"')
READING_TIME = re.compile(r'<p class="lmp-reading-time">.*?</p>\n?', re.DOTALL)
HOME_CARD = re.compile(r'<h3 id="start-staff">.*?</h3>\n?', re.DOTALL)
WRAPPER = "lmp-for-section"     # the element that holds a marked heading's section
LEFT_OUT = {"tool-by-audience"}   # the audience filter has its own choice of setting


def page_content(html_text: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    words = lmp_words.ui(page.lang)["view"]
    if "data-for=" in html_text:
        html_text = labelled(wrap_sections(html_text), words)
    if page.meta.get("id") in LEFT_OUT or page.meta.get("lmp_no_view"):
        return html_text
    return with_control(html_text, page, words)


def wrap_sections(html_text: str) -> str:
    """Each marked heading and the blocks after it, up to the next heading of its level or higher, in
    one <div class="lmp-for-section" data-for>; the mark moves from the heading to it."""
    if not MARKED_HEADING.search(html_text):
        return html_text
    soup = bs4.BeautifulSoup(html_text, "html.parser")
    for heading in soup.find_all(re.compile(r"^h[1-6]$"), attrs={settings.ATTRIBUTE: True}):
        level = int(heading.name[1])
        section = soup.new_tag("div", attrs={"class": WRAPPER, settings.ATTRIBUTE: heading[settings.ATTRIBUTE]})
        del heading[settings.ATTRIBUTE]
        members = [heading]
        for sibling in heading.next_siblings:
            name = getattr(sibling, "name", None)
            if name and re.fullmatch(r"h[1-6]", name) and int(name[1]) <= level:
                break
            members.append(sibling)
        heading.insert_before(section)
        for member in members:
            section.append(member.extract())
    return str(soup)


def label(value: str, words) -> str:
    names = [words["in_text"][name] for name in settings.SETTINGS if name in settings.values(value)]
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {words['and']} {names[-1]}"
    return words["applies"].format(settings=joined)


def labelled(html_text: str, words) -> str:
    return MARK.sub(lambda match: f'{match.group(0)} data-for-label="{label(match.group(1), words)}"', html_text)


def control(words) -> str:
    return render("setting_view-control.html", words=words, settings=settings.SETTINGS)


def with_control(html_text: str, page: info.PageInfo, words) -> str:
    block = control(words)
    if page.meta.get("type") == "home":
        card = HOME_CARD.search(html_text)
        if card:
            return html_text[:card.end()] + block + html_text[card.end():]
    reading = READING_TIME.search(html_text)
    if reading and reading.start() < 2000:
        return html_text[:reading.end()] + block + html_text[reading.end():]
    return block + html_text
