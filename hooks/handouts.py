"""Printable PDFs from the same Markdown as the web pages: a seminar handout for every theme and
the whole handbook, in each language. mkdocs-exporter prints them (hooks/pdf_export.py); this hook
decides what goes into the printed HTML and where the PDFs are offered.

- Handouts: the exporter keeps each `pdf: true` page's HTML in `page.html` (its on_post_page,
  priority 100) and prints it after the build. At priority 95 we rewrite that copy for print:
  a cover (programme, theme, semester, the national gathering from data/programme.yml, language,
  content version from git), contents with page numbers (Paged.js target-counter), the Lovdata
  and other web addresses written out, ruled lines under every reflection question and after
  the between-session tasks, a back page with the site's address; running header and "side 3
  av 12" footer (Paged.js @page margin boxes). The web page itself is not changed by any of it.
- Handbook: tools/handbook.<lang>.md is an ordinary `pdf: true` page. Its web page says what the
  PDF is; its printed HTML is replaced (post_build, before the exporter prints) by every page of
  the language in navigation order, headings demoted by their depth in the navigation, ids
  prefixed per page, links between pages turned into links inside the PDF. So the handbook is one
  exporter PDF: tagged, with /Lang, /Title and an outline (the exporter's aggregator would merge
  per-page PDFs, dropping /Lang and the structure tree, and both languages would share one file).
- Download links: our own link on each PDF page, to the PDF of the page's own language (the
  exporter's button points English pages at the Norwegian PDF with use_directory_urls: false,
  exporter issues #44/#60). The marker `<!-- handouts:list -->` (tools/handouts) becomes a table
  of the language's PDFs. Page counts and sizes are only known once the PDFs exist: after
  printing, they are written into the built HTML in place of `data-lmp-pdf` placeholders.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import subprocess
import sys
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page
from mkdocs_exporter.formats.pdf.preprocessor import Preprocessor as PdfPreprocessor

sys.path.insert(0, str(Path(__file__).parent))
import _site  # noqa: E402
import programme  # noqa: E402  (date_range and the gathering format words)
import pdf_ua  # noqa: E402  (PDF/UA repairs in finish_pdf)

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = "tools/handbook"           # the page whose PDF is the whole handbook
MARKER = "<!-- handouts:list -->"      # replaced by the table of PDFs
LINES_PER_QUESTION = 4
LINES_FOR_NOTES = 5

TEXT = {
    "nb": {
        "handout": "Seminarhefte til fagsamlingen",
        "handbook": "Håndbok",
        "handbook_title": "Læringsmiljøprosjektet – håndbok",
        "semester": "Semester", "gathering": "Nasjonal samling", "language": "Språk",
        "language_name": "Norsk (bokmål)", "version": "Innholdsversjon", "draft": "arbeidsutkast",
        "web": "På nettet",
        "contents": "Innhold", "notes": "Notater",
        "page_of": ('"side " counter(page) " av " counter(pages)'),
        "back": "Nettstedet",
        "back_text": ("Dette dokumentet er laget fra det samme innholdet som nettstedet til {site}. "
                      "Der finner du alltid den nyeste versjonen, de andre temaene, rollene og "
                      "verktøyene, og alle PDF-ene til nedlasting."),
        "back_site": "Nettstedet", "back_page": "Denne siden på nettet", "other": "English version",
        "button": {"theme": "Last ned seminarheftet (PDF)", "handbook": "Last ned hele håndboka (PDF)",
                   "page": "Last ned som PDF"},
        "pages": "{} sider", "one_page": "1 side",
        "list_head": ("Dokument", "Semester", "Sider", "Størrelse"),
        "list_caption": "PDF-er på norsk (bokmål)",
        "no_pdf": "PDF-ene lages ikke i denne forhåndsvisningen (PDF=false).",
        "decimal": ",",
    },
    "en": {
        "handout": "Seminar handout",
        "handbook": "Handbook",
        "handbook_title": "The Learning Environment Project – handbook",
        "semester": "Semester", "gathering": "National gathering", "language": "Language",
        "language_name": "English", "version": "Content version", "draft": "working draft",
        "web": "Online",
        "contents": "Contents", "notes": "Notes",
        "page_of": ('"page " counter(page) " of " counter(pages)'),
        "back": "The website",
        "back_text": ("This document is made from the same content as the website of {site}. There "
                      "you always find the latest version, the other themes, the roles and the "
                      "tools, and every PDF to download."),
        "back_site": "The website", "back_page": "This page online", "other": "Norsk utgave",
        "button": {"theme": "Download the seminar handout (PDF)",
                   "handbook": "Download the whole handbook (PDF)", "page": "Download as PDF"},
        "pages": "{} pages", "one_page": "1 page",
        "list_head": ("Document", "Semester", "Pages", "Size"),
        "list_caption": "PDFs in English",
        "no_pdf": "The PDFs are not made in this preview (PDF=false).",
        "decimal": ".",
    },
}


class _State:
    """What one language's build has collected (reset at the start of every build)."""

    def __init__(self):
        self.nav = None
        self.pages: dict[str, Page] = {}   # dest_uri → page, every page of this build
        self.handbook: Page | None = None
        self.placeholders: dict[str, str] = {}  # built HTML file (dest_uri) with placeholders → lang


state = _State()
_MAKER = BeautifulSoup("", "html.parser")  # makes tags for any tree


# mkdocs-exporter makes every link without a host absolute on site_url, mailto: included
# ("http://…/tools/name@uis.no"): keep links with another scheme as they are.
_rewrite_links = PdfPreprocessor.rewrite_links


def _rewrite_site_links(self, base, root):
    kept = [(a, a["href"]) for a in self.html.find_all("a", href=True)
            if urlsplit(a["href"]).scheme not in ("", "http", "https", "file")]
    _rewrite_links(self, base, root)
    for link, href in kept:
        link["href"] = href


PdfPreprocessor.rewrite_links = _rewrite_site_links


# ---------------------------------------------------------------------------------------------
# Small helpers

def _lang(page) -> str:
    return getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE


def _key(page) -> str:
    """themes/theme-1/index for themes/theme-1/index.en.md."""
    stem = page.file.src_uri[: -len(".md")]
    for code in _site.LANGUAGES:
        if stem.endswith("." + code):
            return stem[: -len(code) - 1]
    return stem


def pdf_enabled(config) -> bool:
    plugin = config.plugins.get("exporter-pdf")
    return bool(plugin and plugin.config.enabled)


def _makes_pdf(page, config) -> bool:
    return pdf_enabled(config) and bool(page.meta.get("pdf"))


def pdf_dest(html_dest: str) -> str:
    """The exporter writes the PDF next to the page: themes/theme-1/index.pdf."""
    return posixpath.splitext(html_dest)[0] + ".pdf"


def _relative(target: str, from_dest: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(from_dest) or ".")


def _other_language_url(site_url: str, dest: str, lang: str) -> str:
    """The same page in the other language (nb at /, en under /en/)."""
    default = _site.DEFAULT_LANGUAGE
    if lang == default:
        other = next(code for code in _site.LANGUAGES if code != default)
        return site_url + other + "/" + dest
    return site_url + dest[len(lang) + 1:]


def content_version(paths: list[Path]) -> tuple[str | None, dt.date]:
    """(short commit, commit date) of the last commit touching `paths`; (None, newest file
    date) when they have uncommitted changes or git is not there: a working draft."""
    try:
        run = dict(cwd=ROOT, capture_output=True, text=True, timeout=20, check=True)
        last = subprocess.run(["git", "log", "-1", "--format=%h %cs", "--", *map(str, paths)], **run)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *map(str, paths)], **run)
        if last.stdout.strip() and not dirty.stdout.strip():
            commit, day = last.stdout.split()
            return commit, dt.date.fromisoformat(day)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    newest = max((f.stat().st_mtime for f in files), default=0)
    return None, dt.date.fromtimestamp(newest)


def _version_text(paths: list[Path], lang: str) -> str:
    commit, day = content_version(paths)
    when = programme.date_range(day, day, lang)
    return f"{commit}, {when}" if commit else f"{TEXT[lang]['draft']}, {when}"


def _size_text(size: int, lang: str) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", TEXT[lang]["decimal"])


def _pages_text(count: int, lang: str) -> str:
    return TEXT[lang]["one_page"] if count == 1 else TEXT[lang]["pages"].format(count)


def _placeholder(pdf: str, field: str, initial: str = "") -> str:
    return f'<span data-lmp-pdf="{escape(pdf)}" data-lmp-field="{field}">{initial}</span>'


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fragment(soup: BeautifulSoup, html: str) -> Tag:
    """Parse an HTML snippet into a tag belonging to `soup`."""
    holder = BeautifulSoup(f"<div>{html}</div>", "html.parser").div
    return holder.extract()


# ---------------------------------------------------------------------------------------------
# Collecting the pages of this build

def on_pre_build(config, **kwargs):
    global state
    state = _State()


def on_nav(nav, config, files, **kwargs):
    state.nav = nav
    return nav


# ---------------------------------------------------------------------------------------------
# The table of PDFs (tools/handouts)

def _pdf_documents(lang: str, files, docs_dir: str) -> list[tuple[dict, str]]:
    """(front matter, html dest) of every PDF page of `lang`: themes by semester, then the rest."""
    found = []
    for file in files.documentation_pages():
        if not file.src_uri.endswith(f".{lang}.md"):
            continue
        meta = _site.read_page(Path(file.abs_src_path), Path(docs_dir)).meta
        if meta.get("pdf"):
            found.append((meta, file.dest_uri))
    return sorted(found, key=lambda item: (item[0].get("semester") is None,
                                           item[0].get("semester") or 0, item[1]))


def _pdf_table(page, config, files) -> str:
    lang, text = _lang(page), TEXT[_lang(page)]
    documents = _pdf_documents(lang, files, config.docs_dir)
    enabled = pdf_enabled(config)
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in text["list_head"])
    rows = []
    for meta, dest in documents:
        pdf = pdf_dest(dest)
        title = escape(meta["title"])
        if enabled:
            name = f'laringsmiljoprosjektet-{meta["id"]}-{lang}.pdf'
            title = (f'<a href="{escape(_relative(pdf, page.file.dest_uri))}" type="application/pdf" '
                     f'hreflang="{lang}" download="{name}">{title}</a>')
        rows.append(f'<tr><th scope="row">{title}</th><td>{meta.get("semester") or "–"}</td>'
                    f'<td>{_placeholder(pdf, "pages", "–")}</td>'
                    f'<td>{_placeholder(pdf, "size", "–")}</td></tr>')
    note = "" if enabled else f'<p class="lmp-note">{escape(text["no_pdf"])}</p>'
    return (f'{note}<table class="lmp-pdf-list"><caption>{escape(text["list_caption"])}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def on_page_markdown(markdown, page, config, files, **kwargs):
    if MARKER not in markdown:
        return markdown
    state.placeholders[page.file.dest_uri] = _lang(page)
    return markdown.replace(MARKER, _pdf_table(page, config, files))


# ---------------------------------------------------------------------------------------------
# Printed HTML: what every PDF gets

WEB_ONLY = (".md-path", ".lmp-reading-time", ".headerlink", ".lmp-web-only", ".lmp-pdf-download",
            ".md-content__button", "form", "button", "input", "select", "textarea", "noscript",
            "article script", "iframe", "video", "audio")


def _printable(root: Tag) -> None:
    """Drop web-only parts, open tabs one after the other, write external addresses out."""
    for tabs in root.select(".tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(".tabbed-labels > label")]
        blocks = tabs.select(".tabbed-content > .tabbed-block")
        flat = []
        for label, block in zip(labels, blocks):
            flat.append(f'<p class="lmp-tab-label"><strong>{escape(label)}</strong></p>')
            flat.append(block.decode_contents())
        tabs.replace_with(_fragment(root, "".join(flat)))
    for selector in WEB_ONLY:
        for element in root.select(selector):
            element.decompose()
    for link in root.select("a[href]"):
        parts = urlsplit(link["href"])
        if parts.scheme in ("http", "https") and parts.netloc:
            shown = unquote(parts.netloc.removeprefix("www.") + parts.path.rstrip("/")
                            + (f"?{parts.query}" if parts.query else ""))
            if link.get_text(strip=True) == shown:
                continue
            span = _MAKER.new_tag("span", attrs={"class": "lmp-url"})
            span.string = f" ({shown})"
            link.insert_after(span)


def _ruled(soup, count: int) -> Tag:
    lines = soup.new_tag("div", attrs={"class": "lmp-lines", "aria-hidden": "true"})
    for _ in range(count):
        lines.append(soup.new_tag("span"))
    return lines


def _section_after(heading: Tag):
    """The elements after an H2/H3 up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            return
        yield sibling


def _write_in(soup, article: Tag, lang: str) -> None:
    """Ruled lines under each reflection question, a notes field after each task list."""
    heading = article.find(id="reflection")
    if heading:
        for block in list(_section_after(heading)):
            if block.name == "ol":
                for item in block.find_all("li", recursive=False):
                    item.append(_ruled(soup, LINES_PER_QUESTION))
    for anchor in ("tasks-working-group", "tasks-all-staff"):
        heading = article.find(id=anchor)
        if not heading:
            continue
        blocks = [b for b in _section_after(heading) if b.name in ("ol", "ul")]
        if blocks:
            notes = soup.new_tag("div", attrs={"class": "lmp-notes"})
            label = soup.new_tag("p", attrs={"class": "lmp-notes__label"})
            label.string = TEXT[lang]["notes"]
            notes.append(label)
            notes.append(_ruled(soup, LINES_FOR_NOTES))
            blocks[-1].insert_after(notes)


def _contents(soup, entries: list[tuple[int, str, str]], lang: str) -> Tag:
    """Contents with page numbers (Paged.js fills target-counter); entries: (depth, id, text)."""
    nav = soup.new_tag("nav", attrs={"class": "lmp-toc", "aria-labelledby": "lmp-toc-title"})
    title = soup.new_tag("h2", attrs={"id": "lmp-toc-title"})
    title.string = TEXT[lang]["contents"]
    nav.append(title)
    listing = soup.new_tag("ol")
    for depth, anchor, text in entries:
        item = soup.new_tag("li", attrs={"class": f"lmp-toc__level-{depth}"})
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = text
        item.append(link)
        listing.append(item)
    nav.append(listing)
    return nav


MARGIN_BOX = ("font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; "
              "font-size: 7.5pt; color: #555;")


def _page_style(running: str | None, lang: str) -> str:
    """Per-document @page margin boxes: the running title (else the current chapter's) and
    'side 3 av 12' in the page's language; none on the cover."""
    title = _css_string(running) if running else "string(chapter)"
    return (f"@page {{ @top-left {{ content: {title}; {MARGIN_BOX} vertical-align: bottom; "
            f"padding-bottom: 5mm; }} @bottom-right {{ content: {TEXT[lang]['page_of']}; {MARGIN_BOX} "
            "vertical-align: top; padding-top: 5mm; } }"
            "@page :first { @top-left { content: none; } @bottom-right { content: none; } }"
            "@page back { @top-left { content: none; } @bottom-right { content: none; } }")


def _finish(soup, title: str, running: str | None, lang: str) -> str:
    soup.title.string = title
    style = soup.new_tag("style")
    style.string = _page_style(running, lang)
    soup.head.append(style)
    return str(soup)


def _dl(soup, rows: list[tuple[str, str]]) -> Tag:
    listing = soup.new_tag("dl", attrs={"class": "lmp-cover__details"})
    for term, value in rows:
        dt_tag = soup.new_tag("dt")
        dt_tag.string = term
        dd_tag = soup.new_tag("dd")
        dd_tag.string = value
        listing.extend([dt_tag, dd_tag])
    return listing


def _back_page(soup, config, page, lang: str) -> Tag:
    text = TEXT[lang]
    back = soup.new_tag("section", attrs={"class": "lmp-back", "aria-labelledby": "lmp-back-title"})
    back.append(_fragment(soup, (
        f'<h2 id="lmp-back-title">{escape(text["back"])}</h2>'
        f'<p>{escape(text["back_text"].format(site=config.site_name))}</p>'
        f'{_back_addresses(config, page, lang)}'
        f'<p class="lmp-back__copyright">© {escape(config.copyright or config.site_name)}</p>')))
    return back


def _back_addresses(config, page, lang: str) -> str:
    """The site's, the page's and the other language's address; nothing when the build has no
    public address (SITE_URL): a printed address must be one a reader can reach."""
    site_url = _site.public_address(config)
    if site_url is None:
        return ""
    text = TEXT[lang]
    rows = [(text["back_site"], site_url), (text["back_page"], site_url + page.file.dest_uri),
            (text["other"], _other_language_url(site_url, page.file.dest_uri, lang))]
    return ('<dl class="lmp-back__addresses">' + "".join(
        f'<dt>{escape(term)}</dt><dd><a href="{escape(url)}">{escape(url)}</a></dd>'
        for term, url in rows) + "</dl>")


# ---------------------------------------------------------------------------------------------
# The seminar handout (theme pages)

def _gathering(semester: int, lang: str) -> str | None:
    data = _site.load_programme()
    for gathering in data.get("gatherings", []):
        if gathering.get("semester") == semester:
            when = programme.date_range(gathering["start"], gathering["end"], lang)
            form = programme.TEXT[lang].get(gathering["format"], gathering["format"])
            return f'{gathering["title"][lang]}, {when} ({form})'
    return None


def _term(semester: int, lang: str) -> str | None:
    for entry in _site.load_programme().get("semesters", []):
        if entry.get("number") == semester:
            return entry["term"][lang]
    return None


def _handout_html(page, config) -> str:
    lang, text = _lang(page), TEXT[_lang(page)]
    soup = BeautifulSoup(page.html, "lxml")
    article = soup.select_one("article.md-content__inner")
    for element in soup.select(".md-path"):
        element.decompose()
    _printable(article)
    _write_in(soup, article, lang)

    title = page.meta["title"]
    semester = page.meta.get("semester")
    h1 = article.find("h1") or soup.new_tag("h1")
    h1.extract()
    h1.string = title
    cover = soup.new_tag("section", attrs={"class": "lmp-cover", "aria-labelledby": "lmp-cover-title"})
    h1["id"] = "lmp-cover-title"
    rows = []
    if semester:
        term = _term(semester, lang)
        rows.append((text["semester"], f"{semester} – {term}" if term else str(semester)))
        gathering = _gathering(semester, lang)
        if gathering:
            rows.append((text["gathering"], gathering))
    rows.append((text["language"], text["language_name"]))
    rows.append((text["version"], _version_text([Path(page.file.abs_src_path)], lang)))
    if _site.public_address(config):
        rows.append((text["web"], _site.public_address(config) + page.file.dest_uri))
    cover.append(_fragment(soup, f'<p class="lmp-cover__programme">{escape(config.site_name)}</p>'
                                 f'<p class="lmp-cover__kind">{escape(text["handout"])}</p>'))
    cover.append(h1)
    cover.append(_fragment(soup, f'<p class="lmp-cover__lead">{escape(page.meta.get("description", ""))}</p>'))
    cover.append(_dl(soup, rows))

    entries = [(1, h2["id"], h2.get_text(" ", strip=True)) for h2 in article.find_all("h2", id=True)]
    article.insert(0, cover)
    cover.insert_after(_contents(soup, entries, lang))
    article.append(_back_page(soup, config, page, lang))
    return _finish(soup, title, title, lang)


def _printed_html(page, config) -> str:
    if page.meta.get("type") == "theme":
        return _handout_html(page, config)
    if _key(page) == HANDBOOK:
        return _handbook_html(page, config)
    soup = BeautifulSoup(page.html, "lxml")
    _printable(soup.select_one("article.md-content__inner") or soup.body)
    return _finish(soup, page.meta["title"], page.meta["title"], _lang(page))


# ---------------------------------------------------------------------------------------------
# Download link on the web page (after the exporter has kept its copy: never printed)

@event_priority(50)  # after mkdocs-exporter (its PDF part returns page.html as the output at 90)
def on_post_page(output, page, config, **kwargs):
    state.pages[page.file.dest_uri] = page
    if _key(page) == HANDBOOK:
        state.handbook = page
    if not _makes_pdf(page, config):
        return output
    lang = _lang(page)
    kind = "theme" if page.meta.get("type") == "theme" else "handbook" if _key(page) == HANDBOOK else "page"
    pdf = pdf_dest(page.file.dest_uri)
    name = f'laringsmiljoprosjektet-{page.meta.get("id", "page")}-{lang}.pdf'
    link = (f'<p class="lmp-pdf-download lmp-web-only"><a class="md-button md-button--primary" '
            f'href="{escape(posixpath.basename(pdf))}" type="application/pdf" hreflang="{lang}" '
            f'download="{name}">{escape(TEXT[lang]["button"][kind])}</a> '
            f'<span class="lmp-pdf-download__info">{_placeholder(pdf, "both")}</span></p>')
    match = re.search(r'<article class="md-content__inner[^"]*">.*?</h1>\s*'
                      r'(?:<p class="lmp-reading-time">.*?</p>\s*)?', output, re.DOTALL)
    if not match:
        return output
    state.placeholders[page.file.dest_uri] = lang
    return output[: match.end()] + link + output[match.end():]


# ---------------------------------------------------------------------------------------------
# The handbook: every page of the language in navigation order, in one printed document

def _slug(dest: str, lang: str) -> str:
    if lang != _site.DEFAULT_LANGUAGE and dest.startswith(lang + "/"):
        dest = dest[len(lang) + 1:]
    return "hb-" + re.sub(r"[^a-z0-9]+", "-", posixpath.splitext(dest)[0].lower()).strip("-")


def _nav_entries(items, depth=0):
    """(depth, section title or None, page or None) in navigation order."""
    for item in items:
        if getattr(item, "is_section", False):
            yield depth, item.title, None
            yield from _nav_entries(item.children, depth + 1)
        elif getattr(item, "is_page", False):
            yield depth, None, item


def _chapter(soup, page, level: int, lang: str, handbook_dest: str, slugs: dict) -> Tag:
    """One page as a chapter: title at `level`, its headings below it, ids prefixed."""
    prefix = slugs[page.file.dest_uri]
    body = BeautifulSoup(f"<div>{page.content or ''}</div>", "html.parser").div
    _printable(body)
    for element in body.find_all(True):
        if element.name and re.fullmatch(r"h[1-6]", element.name):
            element.name = f"h{min(6, int(element.name[1]) + level - 1)}"
        if element.get("id"):
            element["id"] = f"{prefix}--{element['id']}"
        for attribute in ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers"):
            if element.get(attribute):
                value = element[attribute]
                value = value if isinstance(value, list) else value.split()
                element[attribute] = " ".join(f"{prefix}--{v}" for v in value)
        base = posixpath.dirname(page.file.dest_uri)
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if not value or urlsplit(value).scheme or value.startswith("//"):
                continue
            parts = urlsplit(value)
            if not parts.path:
                element[attribute] = f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}"
                continue
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if attribute == "href" and target in slugs:
                element[attribute] = (f"#{slugs[target]}--{parts.fragment}" if parts.fragment
                                      else f"#{slugs[target]}")
            else:
                element[attribute] = (_relative(target, handbook_dest)
                                      + (f"#{parts.fragment}" if parts.fragment else ""))
    section = soup.new_tag("section", attrs={"class": "lmp-chapter", "aria-labelledby": prefix})
    heading = soup.new_tag(f"h{level}", attrs={"id": prefix, "class": "lmp-chapter__title"})
    heading.string = page.title
    section.append(heading)
    section.append(_fragment(soup, body.decode_contents()))
    return section


def _handbook_html(page, config) -> str:
    lang, text = _lang(page), TEXT[_lang(page)]
    soup = BeautifulSoup(page.html, "lxml")
    article = soup.select_one("article.md-content__inner")
    for element in soup.select(".md-path"):
        element.decompose()
    entries = [(depth, title, item) for depth, title, item in _nav_entries(state.nav.items)
               if item is None or item.file.dest_uri != page.file.dest_uri]
    slugs = {item.file.dest_uri: _slug(item.file.dest_uri, lang) for _, _, item in entries if item}
    article.clear()

    cover = soup.new_tag("section", attrs={"class": "lmp-cover", "aria-labelledby": "lmp-cover-title"})
    cover.append(_fragment(soup, (
        f'<p class="lmp-cover__programme">{escape(config.site_name)}</p>'
        f'<h1 id="lmp-cover-title">{escape(text["handbook"])}</h1>'
        f'<p class="lmp-cover__lead">{escape(config.site_description or "")}</p>')))
    cover.append(_dl(soup, [
        (text["language"], text["language_name"]),
        (text["version"], _version_text([Path(config.docs_dir)], lang)),
    ] + ([(text["web"], _site.public_address(config))] if _site.public_address(config) else [])))
    article.append(cover)

    toc, chapters, section_no = [], [], 0
    for depth, title, item in entries:
        level = min(6, depth + 2)
        if item is None:
            section_no += 1
            anchor = f"hb-section-{section_no}"
            heading = soup.new_tag(f"h{level}", attrs={"id": anchor, "class": "lmp-part__title"})
            heading.string = title
            chapters.append(heading)
            toc.append((depth + 1, anchor, title))
        else:
            chapters.append(_chapter(soup, item, level, lang, page.file.dest_uri, slugs))
            toc.append((depth + 1, slugs[item.file.dest_uri], item.title))
    article.append(_contents(soup, toc, lang))
    for chapter in chapters:
        article.append(chapter)
    article.append(_back_page(soup, config, page, lang))
    soup.body["class"] = soup.body.get("class", []) + ["lmp-handbook"]
    return _finish(soup, text["handbook_title"], None, lang)


@event_priority(-80)  # after every page is built, before mkdocs-exporter prints (-90)
def _post_build_print(config, **kwargs):
    """Turn the HTML that mkdocs-exporter kept of each PDF page into the printed document. Done
    here, not in on_post_page: the exporter returns its copy as the web page's output there."""
    for page in state.pages.values():
        if _makes_pdf(page, config) and getattr(page, "html", None) is not None:
            page.html = _printed_html(page, config)


# ---------------------------------------------------------------------------------------------
# After printing: page counts and sizes into the built pages

def finish_pdf(pdf: Path, html: str) -> None:
    """Two repairs to Chromium's PDF, with pikepdf (qpdf):
    - its bookmarks lose the space where a heading wraps ("godebarnehage"): put back the heading's
      own text, matched by its letters;
    - it writes every structure element (the tags) as a plain object: object streams make the
      handbook less than half its size (2.9 → 1.2 MB) without touching content or tags."""
    import pikepdf

    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    headings = {squeeze(h.get_text(" ", strip=True)): re.sub(r"\s+", " ", h.get_text(" ", strip=True))
                for h in BeautifulSoup(html, "lxml").find_all(re.compile(r"^h[1-6]$"))}
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        with document.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                better = headings.get(squeeze(item.title or ""))
                if better:
                    item.title = better
                stack += list(item.children)
        pdf_ua.make_accessible(document, html)  # artifacts, link descriptions, XMP (hooks/pdf_ua.py)
        document.save(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                      compress_streams=True)


# Any attribute order: mkdocs-exporter re-serialises the web page with BeautifulSoup.
PLACEHOLDER = re.compile(r'<span (?=[^>]*data-lmp-pdf="([^"]+)")(?=[^>]*data-lmp-field="(\w+)")[^>]*>[^<]*</span>')


@event_priority(-97)  # after mkdocs-exporter has written the PDFs (-90), before i18n moves on
def _post_build_fill(config, **kwargs):
    if not pdf_enabled(config):
        return
    from pypdf import PdfReader

    info: dict[str, tuple[int, int] | None] = {}

    def measure(pdf: str):
        if pdf not in info:
            path = Path(config.site_dir) / pdf
            info[pdf] = (len(PdfReader(path).pages), path.stat().st_size) if path.exists() else None
        return info[pdf]

    for page in state.pages.values():
        pdf = Path(config.site_dir) / pdf_dest(page.file.dest_uri)
        if getattr(page, "html", None) and page.meta.get("pdf") and pdf.exists():
            finish_pdf(pdf, page.html)

    for dest, lang in sorted(state.placeholders.items()):
        path = Path(config.site_dir) / dest
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")

        def fill(match):
            measured = measure(match.group(1))
            if measured is None:
                return match.group(0)
            pages, size = measured
            value = {"pages": str(pages), "size": _size_text(size, lang),
                     "both": f"{_pages_text(pages, lang)}, {_size_text(size, lang)}"}[match.group(2)]
            return (f'<span data-lmp-pdf="{match.group(1)}" data-lmp-field="{match.group(2)}">'
                    f'{escape(value)}</span>')

        filled = PLACEHOLDER.sub(fill, html)
        if filled != html:
            path.write_text(filled, encoding="utf-8")


on_post_build = CombinedEvent(_post_build_print, _post_build_fill)
