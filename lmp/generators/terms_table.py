"""The glossary's table of the programme's terms in every language: `<!-- lmp:terms-table -->`
becomes a Markdown table with one column per language (in the order of mkdocs.yml, headed by
each language's own name, `handouts.language_name` in data/ui.<lang>.yml) and one row per term
of data/terms.yml, the one source of the preferred terms (not its wording rules, `style: true`); each cell of another language than the
page's is marked with its `lang`. Nothing is typed twice: the glossary
entries explain the words, this table lines up the names.
"""

from lmp import markers
from lmp import project
from lmp import words
from lmp.model import info
from lmp.model import pages
from lmp.templates import render

MARKER = "terms-table"
markers.register(MARKER, owner="terms_table")


def in_language(text: str, lang: str, page_lang: str) -> str:
    """Text of another language than the page's, marked so (screen readers, the term check)."""
    return text if lang == page_lang else f'<span lang="{lang}">{text}</span>'


def table(terms: dict, page_lang: str) -> str:
    head = [in_language(words.ui(lang)["handouts"]["language_name"], lang, page_lang) for lang in project.LANGUAGES]
    rows = [[in_language(term[lang], lang, page_lang) for lang in project.LANGUAGES]
            for term in terms["terms"] if not term.get("style")]   # wording rules are no programme terms
    return render("markdown-table.html", head=head, rows=rows).strip("\n")


def page_markdown(markdown: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    if next(markers.find(markdown, MARKER), None) is None:
        return markdown
    terms = pages.load_yaml(site.root / "data" / "terms.yml")
    lang = page.lang
    return markers.replace(markdown, MARKER, lambda marker: table(terms, lang))
