"""Make mkdocs-exporter's PDFs work in a two-language static-i18n build, with any Chromium.

Three repairs, each small, and one saving (see shared/notes/toolchain.md §1–2 for the measurements):

1. One PDF plugin for all languages. static-i18n builds the second language by calling
   MkDocs' build() again; mkdocs-exporter's on_config then registers a second `exporter-pdf`
   plugin while the first one's handlers stay registered (the "future belongs to a different
   loop" error, or an endless nb/en/nb… rebuild). We drop the duplicate and keep the first.
2. Order of post_build: every language's documents are printed together, in the last language's
   build (each earlier build hands its print tasks over: `on_post_build`; under `mkdocs serve`
   each build prints its own), so the handbooks print beside each other instead of one per
   language with a core idle; that print (render, close the browser) finishes before static-i18n's
   post_build returns, a check right after it fails the build if any print was held back and never
   printed, and Material's offline plugin writes its search index only after static-i18n has
   merged the languages.
3. The browser: Playwright has no setting for the executable and mkdocs-exporter none either.
   We launch LMP_CHROMIUM if set, else Playwright's own Chromium, else a system Chromium found on
   PATH, and otherwise stop with one line that names both ways to get one. PDFs are printed
   tagged (structure tree, /Lang) and with an outline (bookmarks from headings).
4. The savings: mkdocs-exporter's HTML post-processing runs only on pages that are printed, a
   PDF whose printed HTML (and every local file it loads) is unchanged comes from the cache
   (lmp/print/pdf_cache.py) instead of Chromium, and the largest document is printed first. Each
   print is finished (lmp/print/pdf_ua.py `finish`: bookmarks, PDF/UA, compression) in a thread
   while Chromium prints the next one, and goes into the cache finished: a PDF from the cache
   needs no work at all. What another module asks to be done with a written PDF
   (`page.lmp_after_print`: lmp/print/booklets.py's booklet) runs in a thread right after its print.
5. The address in PDFs: with SITE_URL set, mkdocs-exporter makes links to the site absolute on it.
   Without it, a link to another page would point into the temporary file the PDF is printed
   from (file:///tmp/…): lmp/print/handouts.py prints such links as plain text (`site_links_as_text`).
6. Page numbers for links inside a PDF ("se side 7") are filled in the page itself after Paged.js
   has laid it out (print/page-refs.js), so each document is printed once.
"""
from __future__ import annotations

import contextvars
import logging
import os
import re
import shutil
import time
from pathlib import Path
from tempfile import NamedTemporaryFile

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lmp.print import paper_links, pdf_cache
from lmp_mkdocs import i18n as lmp_i18n
from lmp.print import pdf_ua  # (finish: the post-step of every print)

LOG = logging.getLogger("mkdocs.hooks.pdf_export")
BROWSER_ENV = "LMP_CHROMIUM"
SYSTEM_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
NO_BROWSER = (
    "No Chromium for PDFs: install Playwright's (python -m playwright install chromium) "
    f"or a system one (apt-get install chromium, or set {BROWSER_ENV}=/path/to/chromium); "
    "PDF=0 builds without PDFs."
)

_printing = contextvars.ContextVar("page being printed")  # set by `_print_of` for `_print`
_held: list = []               # print tasks of the languages built before the last one
_serving = {"on": False}       # mkdocs serve: each language's build prints its own PDFs


@event_priority(99)  # right after mkdocs-exporter's own on_config (priority 100)
def on_config(config):
    plugins = config.plugins
    current = plugins.get("exporter-pdf")
    if current is None:  # PDF=false: Material's group plugin did not load mkdocs-exporter
        return
    if not lmp_i18n.is_nested_build(config):  # the outer (first-language) build
        check_browser()
        _load_group_once(plugins)
        _patch_browser()
        plugins.lmp_pdf_plugin = current
        pdf_cache.stats.update(printed=0, cached=0)
        _only_on_pdf_pages(plugins, plugins.get("exporter"), pdf_on=current.config.enabled)
    elif current is not plugins.lmp_pdf_plugin:
        # Nested (second-language) build: unregister the duplicate in place (the outer build is
        # iterating these very lists), and put the first instance back.
        for methods in plugins.events.values():
            methods[:] = [m for m in methods if getattr(m, "__self__", None) is not current]
        dict.__setitem__(plugins, "exporter-pdf", plugins.lmp_pdf_plugin)
        plugins.lmp_pdf_plugin.on_config(config)


def on_startup(command, dirty):
    _serving["on"] = command == "serve"


def on_pre_build(config):
    if not lmp_i18n.is_nested_build(config):  # the outer build
        _drop_held()


@event_priority(-85)  # after lmp/print/handouts.py has made the printed HTML (-80), before the exporter prints (-90)
def on_post_build(config, **kwargs):
    """Every language's documents are printed together, in the last language's build: a language
    built before it hands its print tasks (unstarted `render(page)` coroutines: bound to no event
    loop yet) over to `_held`, and the exporter's post_build finds none to print. Largest document
    first: a handbook (~10× a handout) takes as long as all four handouts together, so the
    handbooks start at once and the handouts print beside them, instead of after them with
    nothing left to print beside them."""
    plugin = config.plugins.get("exporter-pdf")
    if plugin is None or not plugin.config.enabled:
        return
    if not _prints_now(config):
        _held.extend(plugin.tasks)
        plugin.tasks.clear()
        return
    plugin.tasks[:0] = _held
    _held.clear()
    plugin.tasks.sort(key=lambda task: len(_task_page(task).html or ""), reverse=True)
    pages = [_task_page(task) for task in plugin.tasks]
    plugin.tasks[:] = [_print_of(page, task) for page, task in zip(pages, plugin.tasks)]
    # Each handout's setting editions (lmp/print/editions.py), after the handbooks and handouts.
    plugin.tasks += [_print_edition(plugin, page, edition, path)
                     for page in pages for edition, path in getattr(page, "lmp_editions", ())]


def _prints_now(config) -> bool:
    """This build prints: it is the last language's (static-i18n builds the default language,
    then each other one of `build_languages` in a nested build), or `mkdocs serve` runs, where a
    language that did not change is put back as its last build wrote it (serve_one_language.py):
    its PDFs must be written by its own build."""
    return _serving["on"] or lmp_i18n.last_language_build(config)


def _none_held(config, **kwargs):
    """After static-i18n's post_build (every language built; order.py runs this): no print was
    left unprinted."""
    if _held and not lmp_i18n.is_nested_build(config):
        count = len(_held)
        _drop_held()
        raise PluginError(f"pdf_export: {count} PDFs were held back for the last language's build "
                          "and never printed (static-i18n no longer builds its languages in the order "
                          "of build_languages?); see MAINTAINING.md (mkdocs-static-i18n, patches)")


def _drop_held() -> None:
    for task in _held:
        task.close()
    _held.clear()


async def _print_of(page, task):
    """Run an exporter print task with its page known to `_print` (which finishes the PDF with
    the page's printed HTML); then, in a thread, what another module asked to be done with the
    written PDF (`page.lmp_after_print`: lmp/print/booklets.py imposes the booklet)."""
    import asyncio   # here: an HTML-only build never needs it
    _printing.set(page)
    result = await task
    for work in getattr(page, "lmp_after_print", ()):
        await asyncio.to_thread(work)
    return result


async def _print_edition(plugin, page, edition, path):
    """One setting's edition of a handout: the page's printed HTML without the other settings'
    text (lmp/print/editions.py), printed like the handout (mkdocs-exporter's own
    preprocessing of a copy of the page), then imposed as its booklet."""
    import asyncio
    import copy
    from lmp.print import booklets, editions
    edition_page = copy.copy(page)
    lang = lmp_i18n.page_language(page)
    edition_page.html = await asyncio.to_thread(editions.printed_html, page.html, edition, lang)
    _printing.set(edition_page)
    pdf, _ = await plugin.renderer.render(plugin.renderer.preprocess(edition_page))
    Path(path).write_bytes(pdf)
    # the A5 print of the edition (`_print` made it beside the A4 one: the copy keeps the page's
    # booklet style) imposed at 100 % as the edition's booklet
    await asyncio.to_thread(booklets.make, getattr(edition_page, "lmp_a5", None), Path(path),
                            Path(booklets.booklet_name(str(path), lang)),
                            editions.booklet_title(page.meta, lang, edition), lang)


def _task_page(task):
    """The page a pending exporter print task (its `render(page)` coroutine) will print."""
    page = task.cr_frame.f_locals.get("page") if getattr(task, "cr_frame", None) else None
    if page is None or not hasattr(page, "html"):
        raise PluginError("pdf_export: mkdocs-exporter's print tasks are no longer render(page) "
                          "coroutines; see MAINTAINING.md (mkdocs-exporter, patches)")
    return page


def on_shutdown():
    if pdf_cache.stats["printed"] or pdf_cache.stats["cached"]:
        LOG.info("PDFs: %(printed)d printed, %(cached)d unchanged (from the cache)", pdf_cache.stats)


def _load_group_once(plugins):
    """Material's group plugin loads mkdocs-exporter in its on_config (priority 150). static-i18n runs
    on_config again before each further language's build, and the group would then load a second
    exporter beside the first. Once it has loaded the exporter, it is switched off for the rest of
    this build (a new build or a serve rebuild reads mkdocs.yml again and switches it on)."""
    group = plugins.get("material/group")
    if group is None or not hasattr(group.config, "enabled") or "exporter" not in getattr(group, "plugins", {}):
        raise PluginError("pdf_export: mkdocs-exporter was not loaded by Material's group plugin "
                          "(material/group with its `plugins` and `enabled`); see MAINTAINING.md (Material)")
    group.config.enabled = False


def _patch_browser():
    """Our launch and print in mkdocs-exporter's Browser. Imported here, not when the module loads:
    an HTML-only build (PDF=false) never imports mkdocs-exporter or Playwright."""
    from mkdocs_exporter.formats.pdf.browser import Browser
    Browser.launch = _launch
    Browser.print = _print


def _only_on_pdf_pages(plugins, exporter, pdf_on: bool):
    """mkdocs-exporter re-parses every page's HTML twice after building it (for its buttons and
    covers); on pages that are not printed that changes nothing and costs most of the HTML build
    time. Let it see only the pages with `pdf: true`, and none at all when PDFs are off (PDF=false:
    it would only re-serialise their HTML)."""
    methods = plugins.events["post_page"]
    original = getattr(exporter, "_on_post_page_2", None)
    if original not in methods:  # mkdocs-exporter changed: fail rather than lose the saving silently
        raise PluginError("pdf_export: mkdocs-exporter's _on_post_page_2 handler is not registered; "
                          "see MAINTAINING.md (mkdocs-exporter) and tests/test_integrations.py")

    def on_post_page(html, page, **kwargs):
        return original(html, page=page, **kwargs) if pdf_on and page.meta.get("pdf") else html

    methods[methods.index(original)] = on_post_page


async def _launch(self):
    if self.launched:
        return self
    async with self.lock:
        if self.launched:
            return self
        from playwright.async_api import Error as PlaywrightError, async_playwright
        self.playwright = await async_playwright().start()
        chromium, options = self.playwright.chromium, {"headless": self.headless, "args": self.args}
        try:
            if os.environ.get(BROWSER_ENV):
                self.browser = await chromium.launch(executable_path=find_browser(), **options)
            else:
                self.browser = await chromium.launch(**options)
        except PlaywrightError as error:
            if os.environ.get(BROWSER_ENV) or "Executable doesn't exist" not in str(error):
                raise
            self.browser = await chromium.launch(executable_path=find_browser(), **options)
        self.context = await self.browser.new_context()
        self.context.on("console", self.log)
        self._launched = True
    return self


def check_browser() -> None:
    """Stop before any page is rendered when nothing can print the PDFs (the print itself comes
    after every page of every language): LMP_CHROMIUM must be a program; else Playwright's own
    Chromium (a chromium* folder where Playwright keeps its browsers) or one on PATH must exist.
    The launch (`_launch`) still decides which of the two prints."""
    if os.environ.get(BROWSER_ENV) or any(shutil.which(name) for name in SYSTEM_BROWSERS):
        find_browser()
        return
    stored = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path.home() / ".cache" / "ms-playwright")
    if stored == "0":   # Playwright's setting for "inside the package"
        import playwright
        stored = str(Path(playwright.__file__).parent / "driver" / "package" / ".local-browsers")
    if not any(Path(stored).glob("chromium*")):
        raise PluginError(NO_BROWSER)


def find_browser() -> str:
    """The Chromium to use when Playwright's own is missing: LMP_CHROMIUM, else one on PATH."""
    named = os.environ.get(BROWSER_ENV)
    if named:
        if not (os.path.isfile(named) and os.access(named, os.X_OK)):
            raise PluginError(f"{BROWSER_ENV}={named} is not an executable file. " + NO_BROWSER)
        return named
    for name in SYSTEM_BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise PluginError(NO_BROWSER)


# Material (since 9.7) fetches sitemap.xml next to each <link rel="alternate">, which fails under
# file:// while printing and is logged as a console error (fatal under --strict).
ALTERNATE_LINK = re.compile(r'<link\b[^>]*\brel="?alternate"?[^>]*>', re.IGNORECASE)


async def _print(self, html: str) -> tuple[bytes, int]:
    """Print and finish (from the cache when the HTML, the page's printed HTML and the finishing
    code are unchanged). The page numbers after links inside the PDF ("se side 7") are put in by
    print/page-refs.js once Paged.js has laid out the pages, so every document is printed
    once. The finishing runs in a thread: Chromium goes on printing the other documents. A page
    with a booklet (`page.lmp_booklet_style`: lmp/print/handouts.py `booklet_style`) is printed a
    second time, laid out for A5 with that style added, into `page.lmp_a5` (bytes) for
    lmp/print/booklets.py to impose."""
    page = _printing.get(None)
    if page is None:
        raise PluginError("pdf_export: a print without its page (not one of the exporter's render(page) "
                          "tasks that on_post_build wraps); see MAINTAINING.md (mkdocs-exporter)")
    html = paper_links.restore_other_schemes(ALTERNATE_LINK.sub("", html))   # mailto:, tel: as written
    style = getattr(page, "lmp_booklet_style", None)
    if style:
        if "</head>" not in html:
            raise PluginError("pdf_export: the printed HTML has no </head> for the booklet's A5 style")
        a5 = html.replace("</head>", f"<style>{style}</style></head>", 1)
        page.lmp_a5, _ = await _print_cached(self, a5, page, finish=False)
    return await _print_cached(self, html, page, finish=True)


async def _print_cached(self, html: str, page, finish: bool) -> tuple[bytes, int]:
    key = pdf_cache.key(html, also=(page.html, Path(pdf_ua.__file__).read_bytes(), b"A4" if finish else b"A5"))
    cached = pdf_cache.get(key, count=finish)   # the A5 print is counted with its booklet
    if cached:
        return cached
    pdf, pages = await _print_uncached(self, html)
    if finish:
        import asyncio   # here: an HTML-only build never needs it
        pdf = await asyncio.to_thread(pdf_ua.finish, pdf, page.html)
    pdf_cache.put(key, pdf, pages)
    return pdf, pages


async def _print_uncached(self, html: str) -> tuple[bytes, int]:
    page = await self.context.new_page()
    with NamedTemporaryFile(suffix=".html", mode="w", encoding="utf-8", delete=False) as file:
        file.write(html)
    start = time.perf_counter()
    try:
        await page.goto("file://" + file.name, wait_until="load", timeout=self.timeout)
        loaded = time.perf_counter()
        await page.locator('body[mkdocs-exporter="true"]').wait_for(timeout=self.timeout)
        laid_out = time.perf_counter()
        pages = int(await page.locator("body").get_attribute("mkdocs-exporter-pages") or 0)
        pdf = await page.pdf(
            prefer_css_page_size=True, print_background=True, display_header_footer=False,
            tagged=True, outline=True,
        )
        LOG.debug("printed %s: %d pages; load %.1f s, Paged.js %.1f s, print %.1f s",
                  await page.title(), pages, loaded - start, laid_out - loaded,
                  time.perf_counter() - laid_out)
    finally:
        await page.close()
        os.unlink(file.name)
    return pdf, pages

