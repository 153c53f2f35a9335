"""«Sist oppdatert 7. desember 2026» on every page: the date of the last commit that changed the
page's source (lmp.model.pages.last_updated, the same date the printed version's cover gives).

Material shows `page.meta.revision_date` under the text (its partials/source-file.html); this
generator puts the words and the date there. Without a date from git (no git, a file not
committed yet, the edge of a shallow clone) the page shows none rather than a wrong one.
"""
from __future__ import annotations

from lmp import words
from lmp.generators import programme
from lmp.model import info, pages
from lmp.templates import render


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    day = pages.last_updated(page.src_uri, site.docs_dir)
    if day is not None:
        page.meta["revision_date"] = render(
            "last_updated-line.html", words=words.ui(page.lang)["identity"], iso=day.isoformat(),
            date=programme.date_range(day, day, page.lang))
    return markdown
