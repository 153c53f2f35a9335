"""Fill the who-does-what page (tools/who-does-what) from the role pages' front matter.

Two matrices: roles × semesters (each role's `semesters` sentence) and roles × meetings (a tick
where the role's `meetings` lists the meeting). The role pages are the only place these are
typed (words: data/ui.<lang>.yml who_does_what; markup: overrides/lmp/who_does_what-*.html);
their own "semester by semester" section comes from the same keys (role_semesters.py). On paper the
meetings matrix (nine columns) is a list per role instead (who_does_what_print).
"""

from lmp import markers
from lmp import words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import pages
from lmp.templates import render

markers.register("roles-by-semester", "roles-by-meeting", owner="who_does_what")

PAGE_ID = "tool-who-does-what"


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = page.lang
    roles = sorted((p for p in catalogue.pages(site.docs_dir, lang)
                    if p.meta.get("type") == "role" and p.meta.get("role") in pages.ROLES),
                   key=lambda p: pages.ROLES.index(p.meta["role"]))
    markdown = markers.fill(markdown, "roles-by-semester", by_semester(roles, lang, page), f"docs/{page.src_path}")
    return markers.fill(markdown, "roles-by-meeting", by_meeting(roles, lang, page), f"docs/{page.src_path}")


def _role(role, page) -> str:
    return f"[{role.meta['title']}]({catalogue.md_link(page.src_uri, role.key)})"


def by_semester(roles, lang: str, page) -> str:
    rows = [{"link": _role(role, page),
             "texts": [str((role.meta.get("semesters") or {}).get(n, "")) for n in pages.SEMESTERS]}
            for role in roles]
    return render("who_does_what-semesters.html", semesters=pages.SEMESTERS, roles=rows,
                  words=words.ui(lang)["who_does_what"]) + "\n"


def by_meeting(roles, lang: str, page) -> str:
    meetings = [{"id": meeting, "roles": [meeting in (role.meta.get("meetings") or []) for role in roles]}
                for meeting in pages.MEETINGS]
    return render("who_does_what-meetings.html", meetings=meetings,
                  roles=[{"link": _role(role, page),
                          "meetings": [m for m in pages.MEETINGS if m in (role.meta.get("meetings") or [])]}
                         for role in roles],
                  words=words.ui(lang)["who_does_what"], print_words=words.ui(lang)["who_does_what_print"]) + "\n"
