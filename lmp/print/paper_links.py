"""Links on paper: a link to a part of the same PDF prints "(se side 7)"; a link to another page or
site prints its address, whole and on one line where it fits (`prints_whole`), else "(udir.no,
lenke 3)" with an entry and a QR code in the links part; the back page's addresses. Without a
public address (SITE_URL) links to the site print as plain text."""
from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from lmp import project
from lmp.print import short_links
from lmp.print.markup import HANDBOOK, _inline_text, _key_of, _one, words
from lmp.templates import render

if TYPE_CHECKING:
    from bs4 import Tag


def short_address(url: str) -> str:
    """An address as printed: no scheme, no www., no trailing slash or index.html."""
    parts = urlsplit(url)
    path = parts.path
    for ending in ("index.html", ".html"):
        if path.endswith(ending):
            path = path[: -len(ending)] if ending == "index.html" else path
    shown = parts.netloc.removeprefix("www.") + path.rstrip("/")
    return unquote(shown + (f"?{parts.query}" if parts.query else ""))


# Addresses on paper (issue #13): an address that fits on one line where it is printed prints whole
# and never breaks (`white-space: nowrap`, handout.css); a longer one prints as "(udir.no, lenke 3)"
# and is listed with a QR code in the links part near the end of the PDF. The limit comes from the
# print layout (print/handout.css): a text area 114 mm wide, .lmp-url at 85 % of the text,
# body text 11 pt, tables 9.5 pt (8 pt from seven columns), equal columns (table-layout: fixed)
# with 1.6 mm padding on each side. Running text is taken 20 mm narrower than the text area (a list
# inside a box). The print font (Source Sans 3) sets addresses at 0.42–0.49 em a character (measured in the PDFs).
TEXT_WIDTH_MM = 114
INDENT_MM = 20
CELL_PADDING_MM = 2 * 1.6
BODY_PT, TABLE_PT, NARROW_TABLE_PT, NARROW_TABLE_COLUMNS = 11.0, 9.5, 8.0, 7
URL_SCALE = 0.85
CHAR_EM = 0.5
POINTS_PER_MM = 72 / 25.4


def address_limit(columns: int | None = None) -> int:
    """How many characters of an address fit on one printed line in running text, or (`columns`)
    in a cell of a table of that many columns; the parentheses around it are counted off."""
    if columns:
        size = NARROW_TABLE_PT if columns >= NARROW_TABLE_COLUMNS else TABLE_PT
        width = TEXT_WIDTH_MM / columns - CELL_PADDING_MM
    else:
        size, width = BODY_PT, TEXT_WIDTH_MM - INDENT_MM
    return int(width * POINTS_PER_MM / (URL_SCALE * size * CHAR_EM)) - 2


def prints_whole(shown: str, columns: int | None = None) -> bool:
    """Whether an address (as `short_address` writes it) is printed whole where it stands, or as
    its host and a number in the links part."""
    return len(shown) <= address_limit(columns)


def _page_ref(anchor: str, lang: str) -> Tag:
    """' (se side 00)' after a link inside the PDF; lmp_mkdocs/exporter.py puts in the number."""
    before, _, after = words(lang)["see_page"].partition("{page}")
    return _one(render("handout-page-ref.html", before=before, after=after, anchor=anchor))


def _columns(link: Tag) -> int | None:
    """The number of columns of the table whose cell holds `link` (None outside tables)."""
    cell = link.find_parent(["td", "th"])
    row = cell.find_parent("table").find("tr") if cell is not None else None
    if row is None:
        return None
    return sum(int(c.get("colspan") or 1) for c in row.find_all(["td", "th"], recursive=False))


def _links_on_paper(article: Tag, page, site, lang: str, in_pdf: set[str]) -> None:
    """A link to a part of this PDF gets its page number; a link to another page of the site
    (none without a public address: the link is then plain text) or to another site gets its
    address: whole where it fits on a line (`prints_whole`), else "(udir.no, lenke 3)" and an
    entry with a QR code in the links part, before the notes page (handouts) or as the last
    chapter (handbook). An address with a short one of the site's own (data/short-links.yml,
    builds with a public address) prints and links the short one."""
    site_url = site.public_address
    base = posixpath.dirname(page.dest_uri)
    numbers: dict[str, int] = {}                       # address → its number in the links part
    entries = []
    short = short_links.load() if site_url else {}    # data/short-links.yml: <site>/l/<name>/
    for link in article.select("a[href]"):
        if link.find_parent(class_="lmp-toc") or link.find_parent(class_="lmp-back"):
            continue
        parts = urlsplit(link["href"])
        if parts.scheme in ("http", "https") and parts.netloc:
            url = short_links.short_url(link["href"], site_url, short) or link["href"]
        elif parts.scheme or parts.netloc:
            continue
        elif not parts.path:
            if parts.fragment in in_pdf:
                link.insert_after(_page_ref(parts.fragment, lang))
            continue
        elif site_url:
            url = site_url + posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        else:
            continue
        shown = short_address(url)
        if link.get_text(strip=True) == shown:          # the link's text is its address already
            continue
        if prints_whole(shown, _columns(link)):
            link.insert_after(_one(render("handout-url.html", shown=shown)))
            continue
        host = urlsplit(url).netloc.removeprefix("www.")
        if url not in numbers:
            numbers[url] = len(numbers) + 1
            entries.append((numbers[url], _link_description(link), host, url, qr_svg(url, error="l")))
        link.insert_after(_one(render("handout-url.html", host=host, number=numbers[url],
                                      words=words(lang))))
    if entries:
        _links_part(article, entries, lang, chapter=_key_of(page.src_uri) == HANDBOOK)


def _link_description(link: Tag) -> str:
    """What the links part calls a link: the name its markup gives it for paper (data-lmp-label: a
    Word template's title, not "Last ned malen som Word-fil"), else its text; where that is one
    word, a site's name such as "Udir.no" in a list of sources, the title of the work cited beside
    it (the first <em> of its list item or paragraph), when there is one."""
    if link.get("data-lmp-label"):
        return link["data-lmp-label"]
    text = _inline_text(link)
    block = link.find_parent(["li", "p", "dd", "td"]) if " " not in text else None
    title = block.find("em") if block is not None else None
    return _inline_text(title).rstrip(".") if title is not None else text


def _links_part(article: Tag, entries: list, lang: str, chapter: bool) -> None:
    """The numbered links with their QR codes: before the notes page of a handout; the last
    chapter of the handbook, with its line in the contents."""
    part = _one(render("handout-links.html", words=words(lang), links=entries, chapter=chapter))
    notes = article.find(class_="lmp-notes-page")
    if notes is not None:
        notes.insert_before(part)
    else:
        article.append(part)
    contents = article.select_one(".lmp-toc ol")
    if contents is not None:
        contents.append(_one(render("handout-toc-entry.html", depth=1, anchor="lmp-links-title",
                                    text=words(lang)["links"])))


def site_links_as_text(root: Tag) -> None:
    """For a build without a public address: links to other pages of the site have no target a
    reader of the PDF can reach (mkdocs-exporter would leave them pointing into the temporary file
    the PDF is printed from): keep their text, drop the link. Links within the PDF (#…), to other
    hosts and mailto: stay. With an address, mkdocs-exporter makes them absolute on it."""
    for link in root.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if not parts.scheme and not parts.netloc and parts.path:
            link.name = "span"
            for attribute in ("href", "title", "target", "rel", "hreflang", "download"):
                link.attrs.pop(attribute, None)


# mkdocs-exporter makes every link without a host absolute on the site's address before printing,
# mailto: and tel: too ("https://…/tools/name@uis.no"). The printed HTML keeps such a link's
# address in this attribute (`keep_other_schemes`), and the print puts it back
# (`restore_other_schemes`, lmp_mkdocs/exporter.py `_print`): no patch of the exporter's code.
KEPT_HREF = "data-lmp-href"
OWN_SCHEMES = ("", "http", "https", "file")
_LINK_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_KEPT = re.compile(KEPT_HREF + r'="([^"]*)"')
_HREF = re.compile(r'(?<![\w-])href="[^"]*"')


def keep_other_schemes(root: Tag) -> None:
    for link in root.find_all("a", href=True):
        if urlsplit(link["href"]).scheme not in OWN_SCHEMES:
            link[KEPT_HREF] = link["href"]


def restore_other_schemes(html: str) -> str:
    """Each link marked by `keep_other_schemes` gets its own address back (as serialised HTML)."""
    def restore(match):
        tag = match.group(0)
        kept = _KEPT.search(tag)
        return _HREF.sub(lambda _: f'href="{kept.group(1)}"', tag, count=1) if kept else tag
    return _LINK_TAG.sub(restore, html) if KEPT_HREF in html else html


def qr_svg(address: str, error: str = "m") -> Markup:
    """The address as a QR code, inline SVG (vector), black on white, with its quiet zone.
    segno raises the error correction above `error` where that fits in the same size."""
    import segno

    code = segno.make(address, error=error)
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", omitsize=True)
    return Markup(svg)


def _language_url(site_url: str, dest: str, lang: str, other: str) -> str:
    """The same page in language `other` (the default language at /, the others under /<lang>/)."""
    default = project.DEFAULT_LANGUAGE
    if lang != default:
        dest = dest[len(lang) + 1:]
    return site_url + ("" if other == default else other + "/") + dest


def _addresses(site, page, lang: str) -> list[tuple[str, str, str]]:
    """(term, short address, address) of the site, the page and the page in every other
    language (named in that language); none when the build has no public address (SITE_URL): a
    printed address must be one a reader can reach."""
    site_url = site.public_address
    if site_url is None:
        return []
    text = words(lang)
    rows = [(text["back_site"], site_url), (text["back_page"], site_url + page.dest_uri)]
    rows += [(words(other)["language_name"], _language_url(site_url, page.dest_uri, lang, other))
             for other in project.LANGUAGES if other != lang]
    return [(term, short_address(url), url) for term, url in rows]


def _back_addresses(site, page, lang: str) -> str:
    """The back page's addresses as printed ('' without a public address)."""
    return render("handout-addresses.html", addresses=_addresses(site, page, lang)).strip()
