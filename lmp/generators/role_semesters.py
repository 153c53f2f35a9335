"""Write the "semester by semester" section of each role page (lmp.model.roles)."""
from __future__ import annotations

from lmp.model import info, roles


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    return roles.with_semesters(markdown, page.meta, page.lang, page.src_uri)
