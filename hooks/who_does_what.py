"""Fill the who-does-what page (tools/who-does-what) from the role pages' front matter.

Two matrices: roles × semesters (each role's `semesters` sentence) and roles × meetings (a tick
where the role's `meetings` lists the meeting). The role pages are the only place these are
typed; their own "semester by semester" section comes from the same keys (role_semesters.py).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _catalogue  # noqa: E402
import _markers  # noqa: E402
import _site  # noqa: E402

_markers.register("roles-by-semester", "roles-by-meeting", owner="who_does_what")

PAGE_ID = "tool-who-does-what"
MEETINGS = {
    "nb": {"national-gathering": "Nasjonal samling", "seminar": "Fagsamling", "supervision": "Veiledning",
           "supervision-head": "Veiledning av leder", "steering-group": "Møte i styringsgruppa",
           "owner-meeting": "Møte med eier", "working-group-meeting": "Møte i arbeidsgruppa"},
    "en": {"national-gathering": "National gathering", "seminar": "Seminar", "supervision": "Supervision",
           "supervision-head": "Supervision of the head", "steering-group": "Steering-group meeting",
           "owner-meeting": "Meeting with the owner", "working-group-meeting": "Working-group meeting"},
}
TEXT = {"nb": ("Rolle", "Semester {}", "Møte", "ja", "nei"),
        "en": ("Role", "Semester {}", "Meeting", "yes", "no")}


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
    col_role, col_semester, *_ = TEXT.get(lang, TEXT["nb"])
    rows = [f"| {col_role} | " + " | ".join(col_semester.format(n) for n in _site.SEMESTERS) + " |",
            "|---" * (len(_site.SEMESTERS) + 1) + "|"]
    for role in roles:
        texts = role.meta.get("semesters") or {}
        rows.append(f"| {_role(role, page)} | " + " | ".join(str(texts.get(n, "")) for n in _site.SEMESTERS) + " |")
    return '<div class="lmp-matrix" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def by_meeting(roles, lang: str, page) -> str:
    _, _, col_meeting, yes, no = TEXT.get(lang, TEXT["nb"])
    labels = MEETINGS.get(lang, MEETINGS["nb"])
    rows = [f"| {col_meeting} | " + " | ".join(_role(role, page) for role in roles) + " |",
            "|---" + "|:-:" * len(roles) + "|"]
    for meeting in _site.MEETINGS:
        cells = ('<span aria-hidden="true">✓</span><span class="lmp-sr-only">' + yes + "</span>"
                 if meeting in (role.meta.get("meetings") or []) else
                 '<span class="lmp-sr-only">' + no + "</span>" for role in roles)
        rows.append(f"| {labels[meeting]} | " + " | ".join(cells) + " |")
    return '<div class="lmp-matrix" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
