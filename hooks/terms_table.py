"""The glossary's table of the programme's terms in every language: `<!-- lmp:terms-table -->`
becomes a Markdown table with one column per language (in the order of mkdocs.yml, headed by
each language's own name, `handouts.language_name` in data/ui.<lang>.yml) and one row per term
of data/terms.yml, the one source of the preferred terms (not its wording rules, `style: true`); each cell of another language than the
page's is marked with its `lang`. Nothing is typed twice: the glossary
entries explain the words, this table lines up the names.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _markers  # noqa: E402
import _site  # noqa: E402
from _templates import render  # noqa: E402

MARKER = "terms-table"
_markers.register(MARKER, owner="terms_table")


def in_language(text: str, lang: str, page_lang: str) -> str:
    """Text of another language than the page's, marked so (screen readers, the term check)."""
    return text if lang == page_lang else f'<span lang="{lang}">{text}</span>'


def table(terms: dict, page_lang: str) -> str:
    head = [in_language(_site.ui(lang)["handouts"]["language_name"], lang, page_lang) for lang in _site.LANGUAGES]
    rows = [[in_language(term[lang], lang, page_lang) for lang in _site.LANGUAGES]
            for term in terms["terms"] if not term.get("style")]   # wording rules are no programme terms
    return render("markdown-table.html", head=head, rows=rows).strip("\n")


def on_page_markdown(markdown, page, config, **kwargs):
    if next(_markers.find(markdown, MARKER), None) is None:
        return markdown
    terms = _site.load_yaml(Path(config.config_file_path).parent / "data" / "terms.yml")
    lang = getattr(page.file, "locale", None) or _site.DEFAULT_LANGUAGE
    return _markers.replace(markdown, MARKER, lambda marker: table(terms, lang))
