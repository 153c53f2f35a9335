"""Fill the who-does-what page (tools/who-does-what) from the role pages' front matter.

Two matrices: roles × semesters (each role's `semesters` sentence) and roles × meetings (a tick
where the role's `meetings` lists the meeting). The role pages are the only place these are
typed (words: data/ui.<lang>.yml who_does_what; markup: overrides/lmp/who_does_what-*.html);
their own "semester by semester" section comes from the same keys (role_semesters.py). On paper the
meetings matrix (nine columns) is a list per role instead (who_does_what_print).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _catalogue  # noqa: E402
import _markers  # noqa: E402
import _site  # noqa: E402
from _templates import render  # noqa: E402

_markers.register("roles-by-semester", "roles-by-meeting", owner="who_does_what")

PAGE_ID = "tool-who-does-what"


def on_page_markdown(markdown, page, config, **kwargs):
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = _catalogue.language(page)
    roles = sorted((p for p in _catalogue.pages(config.docs_dir, lang)
                    if p.meta.get("type") == "role" and p.meta.get("role") in _site.ROLES),
                   key=lambda p: _site.ROLES.index(p.meta["role"]))
    markdown = _markers.fill(markdown, "roles-by-semester", by_semester(roles, lang, page), f"docs/{page.file.src_path}")
    return _markers.fill(markdown, "roles-by-meeting", by_meeting(roles, lang, page), f"docs/{page.file.src_path}")


def _role(role, page) -> str:
    return f"[{role.meta['title']}]({_catalogue.md_link(page.file.src_uri, role.key)})"


def by_semester(roles, lang: str, page) -> str:
    rows = [{"link": _role(role, page),
             "texts": [str((role.meta.get("semesters") or {}).get(n, "")) for n in _site.SEMESTERS]}
            for role in roles]
    return render("who_does_what-semesters.html", semesters=_site.SEMESTERS, roles=rows,
                  words=_site.ui(lang)["who_does_what"]) + "\n"


def by_meeting(roles, lang: str, page) -> str:
    meetings = [{"id": meeting, "roles": [meeting in (role.meta.get("meetings") or []) for role in roles]}
                for meeting in _site.MEETINGS]
    return render("who_does_what-meetings.html", meetings=meetings,
                  roles=[{"link": _role(role, page),
                          "meetings": [m for m in _site.MEETINGS if m in (role.meta.get("meetings") or [])]}
                         for role in roles],
                  words=_site.ui(lang)["who_does_what"], print_words=_site.ui(lang)["who_does_what_print"]) + "\n"
