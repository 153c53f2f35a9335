"""The title of the ¶ link beside each heading, in the page's language (data/ui.<lang>.yml,
`headings.permalink`). Python-Markdown's toc extension writes one title for the whole site
(mkdocs.yml leaves its English default): it is replaced in each page's HTML."""
from __future__ import annotations

import html as html_escape
import re

from lmp import words
from lmp.model import info

DEFAULT_TITLE = "Permanent link"    # Python-Markdown's toc `permalink_title` (not set in mkdocs.yml)
HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(DEFAULT_TITLE) + '"')


def page_content(html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    title = html_escape.escape(words.ui(page.lang)["headings"]["permalink"], quote=True)
    return HEADERLINK.sub(lambda m: f'{m.group(1)}{title}"', html)
