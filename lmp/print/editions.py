"""The seminar handout (and its A5 booklet) in one edition per kind of unit: `barnehage` (the
kindergarten's text) and `skole` (the school's and SFO's), lmp.model.settings.EDITIONS.

An edition is the handout's printed HTML with the text marked for the other settings removed
(`settings.filter_html`), printed beside the handout by lmp_mkdocs/exporter.py, and imposed as a
booklet like the handout (lmp/print/booklets.py). Names: themes/theme-2/index.pdf →
index-barnehage.pdf and index-skole.pdf, their booklets index-barnehage-hefte.pdf …; download names
laringsmiljoprosjektet-theme-2-nb-barnehage.pdf. The web offers them on the theme page and the
handouts page, the reader's own setting first (assets/javascripts/setting-view.js).
"""
from __future__ import annotations

import posixpath
import re

from lmp import words
from lmp.model import settings
from lmp.print import booklets

EDITIONS = tuple(settings.EDITIONS)


def has_editions(meta: dict) -> bool:
    """The seminar handouts (the pages with a booklet) come in editions."""
    return booklets.has_booklet(meta)


def pdf_name(pdf: str, edition: str) -> str:
    """themes/theme-2/index.pdf → themes/theme-2/index-barnehage.pdf."""
    return f"{posixpath.splitext(pdf)[0]}-{edition}.pdf"


def download_name(meta: dict, lang: str, edition: str, booklet: bool = False) -> str:
    name = booklets.download_name(meta, lang) if booklet else f'laringsmiljoprosjektet-{meta.get("id")}-{lang}.pdf'
    return f"{name[:-4]}-{edition}.pdf"


def files(pdf: str, meta: dict, lang: str) -> list[str]:
    """Every edition's PDF and booklet of one handout `pdf` (site paths)."""
    if not has_editions(meta):
        return []
    return [name for edition in EDITIONS
            for name in (pdf_name(pdf, edition), booklets.booklet_name(pdf_name(pdf, edition), lang))]


def links(pdf_href: str, meta: dict, lang: str, booklet: bool = False) -> list[dict]:
    """The edition links beside a handout whose PDF is at `pdf_href` (relative to the linking page)."""
    if not has_editions(meta):
        return []
    label = words.ui(lang)["view"]["editions"]
    found = []
    for edition in EDITIONS:
        href = pdf_name(pdf_href, edition)
        found.append({"edition": edition, "label": label[edition],
                      "href": booklets.booklet_name(href, lang) if booklet else href,
                      "name": download_name(meta, lang, edition, booklet)})
    return found


COVER_KIND = re.compile(r'(<p class="lmp-cover__kind">)(.*?)(</p>)', re.DOTALL)


def printed_html(html: str, edition: str, lang: str) -> str:
    """A handout's printed HTML as the edition prints it: the other settings' text removed, and
    the edition named on the cover under the kind of document (overrides/lmp/handout-cover.html)."""
    label = words.ui(lang)["view"]["editions"][edition]
    html = COVER_KIND.sub(lambda m: f"{m.group(1)}{m.group(2)} · {label}{m.group(3)}", html, count=1)
    return settings.filter_html(html, edition)


def booklet_title(meta: dict, lang: str, edition: str) -> str:
    ui = words.ui(lang)
    return f'{ui["booklet"]["title"].format(title=meta["title"])} ({ui["view"]["editions"][edition]})'
