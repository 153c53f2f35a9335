"""Compatibility of the third-party internals this project relies on (seconds, no build).

The hooks patch or read internals of MkDocs, mkdocs-exporter, mkdocs-static-i18n and Material
that no public API offers. An upgrade that renames one of them would otherwise fail silently
(PDFs twice, an endless rebuild, a search with zero results). Each test names the internal, the
hook that relies on it and why; MAINTAINING.md lists the same. Run this file first after changing
a pin in requirements.txt.
"""
from __future__ import annotations

import inspect
import re
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT, assert_reported, fault_injector

from lmp_mkdocs import guard
from lmp import cache


def test_installed_versions_are_the_tested_pins():
    """lmp_mkdocs/guard.py: a build with another version fails under --strict."""
    assert guard.tested_versions().keys() == set(guard.GUARDED)
    assert guard.untested() == []


def test_the_guard_names_an_untested_version(tmp_path):
    lock = tmp_path / "requirements.txt"
    lock.write_text("mkdocs==1.6.1\nmkdocs-exporter==6.2.0\n", encoding="utf-8")
    versions = {"mkdocs": "1.6.1", "mkdocs-exporter": "6.3.0"}
    problems = guard.untested(installed=versions.__getitem__, lock=lock)
    assert len(problems) == 1
    assert "mkdocs-exporter 6.3.0 is installed" in problems[0] and "tested with 6.2.0" in problems[0]


def test_mkdocs_plugin_collection_exposes_event_lists():
    """lmp_mkdocs/exporter.py and lmp/search/index.py reorder and remove handlers in
    PluginCollection.events[event] (lists of bound methods): MkDocs has no API for the order of
    another plugin's handlers across static-i18n's nested build."""
    from mkdocs.plugins import PluginCollection
    collection = PluginCollection()
    assert isinstance(collection.events, dict)
    assert isinstance(collection.events["post_build"], list)
    assert isinstance(collection.events["post_page"], list)


def test_exporter_registers_its_pdf_plugin_in_on_config():
    """lmp_mkdocs/exporter.py: mkdocs-exporter registers `exporter-pdf` from its on_config (so the
    nested i18n build registers a second one, which the hook removes)."""
    from mkdocs_exporter.plugin import Plugin
    source = inspect.getsource(Plugin.on_config)
    assert "'exporter-' + key" in source and "config.plugins[key]" in source


def test_exporter_post_page_handler_exists():
    """lmp_mkdocs/exporter.py `_only_on_pdf_pages`: wraps the exporter's second post_page handler
    (its HTML re-parse) so it runs only on printed pages."""
    from mkdocs_exporter.plugin import Plugin
    assert callable(getattr(Plugin, "_on_post_page_2", None))
    assert "CombinedEvent(self._on_post_page_1, self._on_post_page_2)" in inspect.getsource(Plugin.__init__)


def test_exporter_browser_has_what_the_patch_uses():
    """lmp_mkdocs/exporter.py replaces Browser.launch (to pick the Chromium) and Browser.print (to
    print tagged PDFs with an outline): the replacements use these attributes."""
    from mkdocs_exporter.formats.pdf.browser import Browser
    assert inspect.iscoroutinefunction(Browser.launch)
    assert inspect.iscoroutinefunction(Browser.print)
    browser = Browser({})
    for name in ("browser", "context", "playwright", "lock", "headless", "timeout", "args", "log", "_launched"):
        assert hasattr(browser, name), f"mkdocs-exporter's Browser has no {name!r}"
    assert browser.launched is False
    assert list(inspect.signature(Browser.print).parameters) == ["self", "html"]


def test_exporter_print_tasks_are_render_page_coroutines():
    """lmp_mkdocs/exporter.py `on_post_build` sorts the exporter's pending print tasks, largest
    printed HTML first: each is a `render(page)` coroutine in `plugin.tasks`, printed by
    `_on_post_build_1` (priority -90, after the hook's -85)."""
    from mkdocs_exporter.formats.pdf.plugin import Plugin
    from lmp_mkdocs import exporter as lmp_exporter
    source = inspect.getsource(Plugin.on_post_page)
    assert "async def render(page: Page)" in source and "self.tasks.append(render(page))" in source
    assert Plugin._on_post_build_1.mkdocs_priority == -90
    assert lmp_exporter.on_post_build.mkdocs_priority == -85

    class Page:
        html = "<p>x</p>"

    async def render(page):
        pass

    task = render(Page())
    assert lmp_exporter._task_page(task).html == "<p>x</p>"
    task.close()


def test_each_print_knows_its_page():
    """lmp_mkdocs/exporter.py `on_post_build` wraps each print task in `_print_of`, so that the
    replaced Browser.print (called by the task with the HTML only) finishes the PDF with its
    page's printed HTML; a print outside such a task fails rather than go unfinished."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from lmp_mkdocs import exporter as lmp_exporter
    from mkdocs.exceptions import PluginError

    class Page:
        html = "<p>x</p>"

    page = Page()

    async def render(page):
        return lmp_exporter._printing.get(None)

    def run(coroutine):  # in a thread of its own: the session may have an event loop running
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, coroutine).result()

    assert run(lmp_exporter._print_of(page, render(page))) is page
    with pytest.raises(PluginError, match="without its page"):
        run(lmp_exporter._print(None, "<p>x</p>"))


def test_exporter_print_tasks_can_wait_for_the_last_language():
    """lmp_mkdocs/exporter.py `on_post_build` holds back the print tasks of each language built
    before the last and lets the exporter print them all in the last one's post_build, on that
    build's event loop and renderer: a task is an unstarted coroutine (bound to no loop) that reads
    `self.renderer` only when it runs; each build's on_pre_build makes a new loop and renderer,
    `_on_post_build_1` prints whatever `self.tasks` holds then, `_on_post_build_3` disposes."""
    from mkdocs_exporter.formats.pdf.plugin import Plugin
    render = inspect.getsource(Plugin.on_post_page)
    assert "self.renderer.preprocess(page)" in render and "await self.renderer.render(html)" in render
    pre_build = inspect.getsource(Plugin.on_pre_build)
    assert "self.loop = asyncio.new_event_loop()" in pre_build and "self.renderer = Renderer(" in pre_build
    assert "while self.tasks:" in inspect.getsource(Plugin._on_post_build_1)
    assert "self.renderer.dispose()" in inspect.getsource(Plugin._on_post_build_3)


def _three_language_builds():
    """A stand-in for static-i18n and the exporter's PDF plugin, as pdf_export sees them."""
    from types import SimpleNamespace
    i18n = SimpleNamespace()
    exporter = SimpleNamespace(config=SimpleNamespace(enabled=True), tasks=[])
    return i18n, exporter, SimpleNamespace(plugins={"i18n": i18n, "exporter-pdf": exporter},
                                           theme={"language": "nb"})


def test_every_language_prints_in_the_last_languages_build(monkeypatch):
    """lmp_mkdocs/exporter.py: the nb and en builds hand their print tasks over; the nn build (the
    last of static-i18n's `build_languages`) prints all of them, largest first, each followed by
    its page's `lmp_after_print` (lmp/print/booklets.py); under `mkdocs serve` each build prints its
    own (a language may be put back from its last build)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace
    from lmp_mkdocs import exporter as lmp_exporter
    i18n, exporter, config = _three_language_builds()
    monkeypatch.setitem(lmp_exporter._serving, "on", False)
    printed = []

    async def render(page):
        printed.append(page.name)

    pages = {lang: SimpleNamespace(name=lang, html="x" * size) for lang, size in (("nb", 2), ("en", 3), ("nn", 1))}
    pages["en"].lmp_after_print = [lambda: printed.append("en's booklet")]
    for lang in ("nb", "en", "nn"):     # the language of each build: its theme.language
        config.theme["language"] = lang
        exporter.tasks.append(render(pages[lang]))
        lmp_exporter.on_post_build(config)
        assert len(exporter.tasks) == (3 if lang == "nn" else 0)
    async def one_by_one(tasks):
        for task in tasks:
            await task

    with ThreadPoolExecutor(1) as thread:   # the session may have an event loop running
        thread.submit(asyncio.run, one_by_one(exporter.tasks)).result()
    assert printed == ["en", "en's booklet", "nb", "nn"]
    lmp_exporter._none_held(config)                  # nothing left: no error

    monkeypatch.setitem(lmp_exporter._serving, "on", True)
    config.theme["language"] = "nb"
    task = render(pages["nb"])
    exporter.tasks[:] = [task]
    lmp_exporter.on_post_build(config)
    assert len(exporter.tasks) == 1 and not lmp_exporter._held
    exporter.tasks[0].close()
    task.close()


def test_prints_left_unprinted_fail_the_build(monkeypatch):
    """lmp_mkdocs/exporter.py: when no build turned out to be the last language's (static-i18n
    changed its order), the held prints fail the build after static-i18n's post_build; and
    without static-i18n's post_build handler, lmp_mkdocs/order.py fails."""
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import PluginCollection
    from mkdocs_static_i18n.plugin import I18n
    from lmp_mkdocs import exporter as lmp_exporter, order
    i18n, exporter, config = _three_language_builds()
    monkeypatch.setitem(lmp_exporter._serving, "on", False)

    async def render(page):
        pass

    exporter.tasks.append(render(None))
    lmp_exporter.on_post_build(config)               # nb: held
    assert not exporter.tasks and len(lmp_exporter._held) == 1
    with pytest.raises(PluginError, match="held back .* never printed"):
        lmp_exporter._none_held(config)
    assert not lmp_exporter._held

    plugins = PluginCollection()
    i18n = I18n()
    dict.__setitem__(plugins, "i18n", i18n)
    plugins.events["post_build"][:] = [i18n.on_post_build]
    order.place_after_i18n(plugins)
    assert plugins.events["post_build"] == [i18n.on_post_build, order.after_every_language]
    plugins.events["post_build"][:] = []
    with pytest.raises(PluginError, match="static-i18n's post_build handler was not found"):
        order.place_after_i18n(plugins)


def test_a_nested_build_is_mkdocs_build_inside_another():
    """lmp_mkdocs/i18n.py `is_nested_build`: static-i18n builds each further language by calling
    MkDocs' public build() (imported into its plugin module) from inside the first build's
    post_build; the adapter counts the frames of that function on the stack."""
    import mkdocs.commands.build
    import mkdocs_static_i18n.plugin as i18n_plugin
    from mkdocs_static_i18n.plugin import I18n
    from lmp_mkdocs import i18n as lmp_i18n
    assert getattr(i18n_plugin.build, "lmp_original", i18n_plugin.build) is mkdocs.commands.build.build
    assert "build(config, dirty=dirty)" in inspect.getsource(I18n.on_post_build)
    assert mkdocs.commands.build.build.__module__.endswith(lmp_i18n.BUILD_MODULE_SUFFIX)
    stand_in = {"__name__": "mkdocs.commands.build"}
    exec("def build(then):\n    return then()\n", stand_in)
    build = stand_in["build"]
    assert build(lambda: lmp_i18n.is_nested_build(None)) is False
    assert build(lambda: build(lambda: lmp_i18n.is_nested_build(None))) is True
    assert lmp_i18n.is_nested_build(None) is False


def test_static_i18n_sets_each_builds_theme_language():
    """lmp_mkdocs/i18n.py reads the build's language from `config.theme.language`, which
    static-i18n's on_config sets for each language it builds (reconfigure_material)."""
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin
    assert 'config.theme["language"] = locale' in inspect.getsource(ExtendedPlugin)


def test_static_i18n_language_order_the_csp_snippet_relies_on():
    """lmp/deploy/csp.py writes the CSP snippet only in the last language's build (the one that sees
    every page): static-i18n's post_build builds the other languages in the order of its
    `languages:` (lmp/project.py LANGUAGES: the default first, then the others in that order)."""
    from mkdocs_static_i18n.plugin import I18n
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin
    assert "for locale in self.build_languages:" in inspect.getsource(I18n.on_post_build)
    assert "lang.build is True, self.config.languages)" in inspect.getsource(ExtendedPlugin.build_languages.fget)


def test_the_search_config_names_material_worker_as_the_installed_theme_does():
    """overrides/base.html names each language's own worker (lmp_search_worker) in the page's
    config, and Material's own worker when LMP_SEARCH=material: that file name must be the
    installed theme's (it carries a hash that changes with each release)."""
    import material
    from lmp.search import index as search_index
    theirs = re.search(r'"search":\s*"(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)"\s*\|\s*url',
                       (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8"))
    assert theirs, "Material's base.html no longer names its search worker in its config"
    ours = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")
    assert f'if lmp_search_worker else "{theirs.group(1)}") | url' in ours
    assert search_index.worker_path("nb") == "search/lmp-search.nb.js"


def test_material_offline_plugin_name():
    """lmp_mkdocs/exporter.py moves `material/offline`'s post_build after static-i18n's."""
    names = {ep.name for ep in metadata.entry_points(group="mkdocs.plugins")}
    assert {"material/offline", "material/search", "i18n", "exporter"} <= names


def test_the_guard_covers_every_package_whose_internals_are_used():
    """lmp_mkdocs/guard.py: mkdocs-exporter, Material and static-i18n (patched or read
    below), MkDocs (handler lists) and Playwright (the PDF browser) are version-checked."""
    assert {"mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-exporter", "playwright"} <= set(
        guard.GUARDED)


def test_what_needs_every_language_runs_right_after_static_i18n():
    """lmp_mkdocs/order.py places ONE handler right after static-i18n's post_build (which builds
    the other languages and merges their search entries): the PDF check and the search split
    run there, once, in the first build; with PDFs, static-i18n's and offline's handlers go last."""
    from types import SimpleNamespace
    from mkdocs.plugins import PluginCollection
    from mkdocs_static_i18n.plugin import I18n
    from lmp_mkdocs import order

    class Other:
        def on_post_build(self, config):
            pass
    i18n, other, offline = I18n(), Other(), Other()
    plugins = PluginCollection()
    plugins.events["post_build"][:] = [i18n.on_post_build, offline.on_post_build, other.on_post_build]
    for name, plugin in (("i18n", i18n), ("material/offline", offline), ("exporter-pdf", SimpleNamespace(
            config=SimpleNamespace(enabled=True)))):
        dict.__setitem__(plugins, name, plugin)
    order.on_config(SimpleNamespace(plugins=plugins))
    assert plugins.events["post_build"] == [other.on_post_build, i18n.on_post_build, order.after_every_language,
                                            offline.on_post_build]
    order.on_config(SimpleNamespace(plugins=plugins))      # a serve rebuild: placed once, not twice
    assert plugins.events["post_build"].count(order.after_every_language) == 1


def test_mailto_and_tel_links_survive_the_exporters_link_rewriting():
    """mkdocs-exporter's preprocessor makes every link without a host absolute on the site address,
    mailto: and tel: too. lmp/print/handouts.py marks them (paper_links.keep_other_schemes) and the
    print puts them back (lmp_mkdocs/exporter.py `_print`, paper_links.restore_other_schemes): the
    exporter's own code runs unpatched."""
    import bs4
    from mkdocs_exporter.formats.pdf.preprocessor import Preprocessor
    from lmp.print import paper_links
    soup = bs4.BeautifulSoup('<p><a href="mailto:post@uis.no">post@uis.no</a> <a class="x" href="tel:+4751831000">'
                             'tel</a> <a href="../about.html">About</a></p>', "html.parser")
    paper_links.keep_other_schemes(soup)
    preprocessor = Preprocessor()
    preprocessor.preprocess(str(soup))
    preprocessor.rewrite_links("/tools/page.html", "https://example.org/")   # (page.abs_url, site url)
    rewritten = preprocessor.done()
    assert "mailto:post@uis.no" not in rewritten.replace('data-lmp-href="mailto:post@uis.no"', "")
    restored = paper_links.restore_other_schemes(rewritten)
    assert 'href="mailto:post@uis.no"' in restored and 'href="tel:+4751831000"' in restored
    assert 'href="https://example.org/about.html"' in restored


def test_material_group_loads_the_exporter_in_its_on_config():
    """mkdocs.yml puts mkdocs-exporter in Material's group plugin, so that an HTML-only build
    (PDF=false) does not import it. static-i18n runs on_config again for each further language, so
    lmp_mkdocs/exporter.py `_load_group_once` switches the group off once it has loaded the exporter:
    the group must load in on_config (priority 150, before the exporter's own at 100), only when
    `self.config.enabled`, and keep what it loaded in `self.plugins`."""
    from material.plugins.group.plugin import GroupPlugin
    assert GroupPlugin.on_config.mkdocs_priority == 150
    source = inspect.getsource(GroupPlugin.on_config)
    assert "if not self.config.enabled" in source and "self.plugins[name] = plugin" in source


@pytest.mark.parametrize("pdf", ["false", "true"])
def test_mkdocs_exporter_is_loaded_only_for_pdfs(pdf):
    """The configuration of a real build, its on_config run as build() runs it: with PDF=false
    neither mkdocs-exporter nor Playwright is imported (their import is ~0.25 s of every preview
    build); with PDFs on the group loads the exporter, once, with its PDF part."""
    import json
    import os
    import subprocess
    import sys
    code = ("import json, sys; from mkdocs.config import load_config; c = load_config('mkdocs.yml'); "
            "c = c.plugins.on_config(c); "
            "print(json.dumps([sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs_exporter', 'playwright'}), "
            "sorted(name for name in c.plugins if name.startswith('exporter'))]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PDF": pdf, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    modules, plugins = json.loads(result.stdout.splitlines()[-1])
    if pdf == "false":
        assert (modules, plugins) == ([], [])
    else:
        assert "mkdocs_exporter" in modules and plugins == ["exporter", "exporter-pdf"]


def test_the_word_files_header_rows_alt_text_and_links_land_in_the_xml():
    """lmp/outputs/docx_convert.py reaches python-docx's XML only through its public `element`
    (no `_tbl`, `_tr`, `_r`, `_p`): a header row that repeats on each page, the table's alt text and
    a real hyperlink, read back from the saved file."""
    import io
    import zipfile
    from lmp.outputs import docx_convert
    html = ('<h2>Plan</h2><table><tr><th>Task</th><th>Who</th></tr><tr><td>a</td><td>b</td></tr></table>'
            '<p>See <a href="https://lovdata.no/">Lovdata</a>.</p>')
    data = docx_convert.html_to_docx(html, "Title", "en")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    first_row = xml[xml.index("<w:tr"):xml.index("</w:tr>")]
    assert "<w:tblHeader/>" in first_row and "Task" in first_row
    assert '<w:tblCaption w:val="Plan"/>' in xml
    assert re.search(r'<w:hyperlink r:id="rId\d+"><w:r>.*?Lovdata</w:t></w:r></w:hyperlink>', xml)


def test_the_decks_alt_text_lands_in_the_slide_xml():
    """lmp/outputs/decks.py `_alt_text` sets a picture's alt text through python-pptx's public
    `element` (no internal): it lands on the picture's p:cNvPr as `descr`, read back from the saved file."""
    import io

    import segno
    from pptx import Presentation
    from lmp.outputs import decks
    png = io.BytesIO()
    segno.make("x").save(png, kind="png")
    prs = Presentation()
    picture = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_picture(io.BytesIO(png.getvalue()), 0, 0)
    decks._alt_text(picture, "QR code")
    saved = io.BytesIO()
    prs.save(saved)
    (shape,) = Presentation(io.BytesIO(saved.getvalue())).slides[0].shapes
    assert shape.element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["QR code"]


@fault_injector("integration_guard")
def pin_an_untested_exporter(project: Path) -> dict[str, str]:
    """In the combined fault build: requirements.txt names another mkdocs-exporter than the one
    installed, as after a careless upgrade."""
    lock = project / "requirements.txt"
    installed = metadata.version("mkdocs-exporter")
    text = lock.read_text(encoding="utf-8")
    assert f"mkdocs-exporter=={installed}" in text
    lock.write_text(text.replace(f"mkdocs-exporter=={installed}", "mkdocs-exporter==0.0.1"), encoding="utf-8")
    return {"requirements.txt": f"mkdocs-exporter {installed} is installed, but this project is tested with 0.0.1"}


def test_an_untested_version_fails_the_strict_build(combined_faults):
    expected, result, _, _ = combined_faults["integration_guard"]
    assert result.returncode != 0
    assert_reported(result, "requirements.txt", expected["requirements.txt"])


def test_theme_files_listed_once_give_the_files_mkdocs_adds():
    """lmp_mkdocs/theme_files.py replaces MkDocs' Files.add_files_from_theme (a walk of every theme
    folder, repeated by static-i18n for each language) by one walk per build: the replay adds
    the same files, from the same folders, in the same order, and leaves docs files alone."""
    import os
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from lmp_mkdocs import theme_files
    theme_files.guard()
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    docs_file = File("assets/javascripts/bundle.js", str(ROOT / "docs"), config.site_dir, False)

    def added(method):
        files = Files([docs_file])
        method(files, env, config)
        return [(f.src_uri, f.abs_src_path, f.dest_uri) for f in files]
    theme_files.LISTED.clear()
    original = added(theme_files.ORIGINAL)
    assert added(theme_files.add_files_from_theme) == original            # the walk
    assert added(theme_files.add_files_from_theme) == original            # the replay
    assert len(original) > 20 and original[0][1] == os.path.join(str(ROOT / "docs"), "assets/javascripts/bundle.js")
    assert [uri for uri, _, _ in original].count("assets/javascripts/bundle.js") == 1   # docs file kept


def test_static_i18n_runs_nested_builds_through_its_module_build():
    """lmp_mkdocs/serve.py wraps mkdocs_static_i18n.plugin.build (the nested build of
    each other language) to put back, under `mkdocs serve`, a language whose pages did not change."""
    from lmp_mkdocs import serve
    serve.guard()


def test_theme_files_listing_is_kept_while_the_theme_folders_hold_the_same_names(tmp_path, monkeypatch):
    """lmp_mkdocs/theme_files.py keeps the listing for the next build (.cache/checks/) keyed on
    listing_inputs: an installed folder by its package's version, a project folder by its names."""
    from types import SimpleNamespace
    from lmp import cache
    import material
    from lmp_mkdocs import theme_files
    monkeypatch.setenv("LMP_BUILD_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_RESULTS", {})
    monkeypatch.setattr(cache, "_UNSAVED", set())
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "footer.html").write_text("x", encoding="utf-8")
    installed = str(Path(material.__file__).parent / "templates")
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(overrides), installed], static_templates=[]))
    before = theme_files.listing_inputs(config)
    assert before[3] == [["partials", "partials/footer.html"]]   # the installed folder: by version only
    (overrides / "partials" / "footer.html").write_text("edited", encoding="utf-8")
    assert theme_files.listing_inputs(config) == before          # an edit lists no other file
    (overrides / "extra.css").write_text("", encoding="utf-8")
    assert theme_files.listing_inputs(config) != before          # a new file does
