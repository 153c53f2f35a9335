"""Valid markup: the Nu HTML Checker (vnu-jar from npm, pinned in package.json) finds no error on
any built page of either language, nor in the site's own CSS. One JVM run over all files."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HOW_TO_INSTALL = ("install Java 11+ (apt-get install default-jre-headless) and the pinned checker "
                  "(npm ci --ignore-scripts); `make test` (.ci/run) does both")
OWN_CSS = ("assets/stylesheets/lmp.css",)   # every stylesheet of ours, in one file (lmp/deploy/stylesheet.py)
# Templates copied from Material to fix its markup (overrides/base.html, partials/nav-item.html):
# an upgrade of the theme must come with a fresh copy.
COPIED_FROM = "mkdocs-material-9.8.2"


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("no `java` for the Nu HTML Checker: " + HOW_TO_INSTALL)
    if not VNU.is_file():
        pytest.fail(f"no {VNU.relative_to(ROOT)}: " + HOW_TO_INSTALL)
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--also-check-css",
                             *map(str, files)], capture_output=True, text=True, timeout=900)
    try:
        return json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON (exit {result.returncode}):\n{result.stderr[-2000:]}")


def test_every_page_and_the_sites_css_are_valid(site):
    """Also the print stylesheets (print/*.css: Paged.js properties such as string-set are set in
    the per-document style, lmp/print/handouts.py `_page_style`, which the checker cannot read)."""
    pages = sorted(site.rglob("*.html"))
    css = [site / name for name in OWN_CSS] + sorted((ROOT / "print").glob("*.css"))
    assert len(pages) > 90 and all(p.is_file() for p in css)
    messages = run_vnu(pages + css)
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    summary = Counter(m["message"][:120] for m in errors).most_common(10)
    print(f"vnu: {len(pages)} pages and {len(css)} stylesheets, {len(errors)} errors")
    assert not errors, (f"{len(errors)} errors in {len({m['url'] for m in errors})} files; most "
                        f"frequent: {summary}\nfirst: {errors[0]['url']}:{errors[0].get('lastLine')}: "
                        f"{errors[0]['message']}")


def test_every_form_has_a_submit_button(html_site):
    """pa11y's WCAG2AA rule H32.2: a <form> without a submit button cannot be sent by assistive
    technology; controls that send nothing are not a form (the audience filter, the reading builder)."""
    import bs4
    without = []
    for path in sorted(html_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "<form" not in text:
            continue
        for form in bs4.BeautifulSoup(text, "html.parser").find_all("form"):
            if not form.select('button[type="submit"], input[type="submit"], input[type="image"], button:not([type])'):
                without.append(f"{path.relative_to(html_site)}: <form {' '.join(f'{k}={v!r}' for k, v in form.attrs.items())[:80]}>")
    assert not without, f"{len(without)} forms without a submit button:\n" + "\n".join(without[:20])


def test_every_form_control_has_a_name(html_site):
    """pa11y's WCAG2AA rules H91/F68: every visible-or-toggled form control (Material's hidden
    checkboxes that drawers and tables of contents open with included) has a name: a <label for>,
    a wrapping <label>, aria-label or aria-labelledby. The handbook pages had a "__toc" toggle
    without its label (overrides/partials/nav-item.html)."""
    import re
    import bs4
    nameless = []
    for path in sorted(html_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"<(input|select|textarea)\b", text):
            continue
        soup = bs4.BeautifulSoup(text, "lxml")
        labelled = {label.get("for") for label in soup.find_all("label") if label.get("for")}
        for control in soup.find_all(["input", "select", "textarea"]):
            if control.get("type") in ("hidden", "submit", "button", "image", "reset"):
                continue
            if (control.get("id") in labelled or control.find_parent("label") or control.get("aria-label")
                    or control.get("aria-labelledby") or control.get("title")):
                continue
            nameless.append(f"{path.relative_to(html_site)}: <{control.name} id={control.get('id')!r} "
                            f"name={control.get('name')!r}>")
    assert not nameless, f"{len(nameless)} form controls without a name:\n" + "\n".join(nameless[:20])


@pytest.mark.parametrize("template", ["base.html", "partials/nav-item.html", "partials/palette.html",
                                      "partials/search.html"])
def test_copied_theme_templates_match_the_installed_theme(template):
    import material
    version = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    assert COPIED_FROM in version, (f"Material was upgraded: copy its {template} again into "
                                    f"overrides/ and re-apply the changes listed at its top")
    assert "Material 9.8.2" in (ROOT / "overrides" / template).read_text(encoding="utf-8")
