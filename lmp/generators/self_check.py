"""The self-check at the end of each theme module (issue #27): `<!-- lmp:self-check -->`, in the
section `{ #self-check }` of a theme page, becomes the theme's questions from
data/self-check/<theme id>.yml (lmp/model/self_check.py) in the page's language.

Each question is a <fieldset> whose <legend> is the question, with radio buttons (check boxes for a
question with several right answers), a button to check the answer, a live region for the feedback
and, under it, a <details> with the answer and the feedback of every option, each with a link to
the section of the module (or another page) that teaches it. assets/javascripts/self-check.js,
loaded on these pages only, shows the button and, when it is pressed, says in words whether the
choice is right and why, with the link: it reads the feedback from the <details>, so the page holds
every word once, and the questions stay readable and answerable without JavaScript. Nothing is
stored. The questions are in the page, so search finds them as part of the theme page.

Markup: overrides/lmp/self_check-questions.html; words: data/ui.<lang>.yml `self_check`. All of it
is web-only (`lmp-web-only`) except a printed line that says where the questions are on paper: the
seminar handout prints them with an answer key instead (lmp/print/handouts.py).
"""
from __future__ import annotations

from pathlib import Path

from lmp import markers
from lmp import words as lmp_words
from lmp.model import catalogue
from lmp.model import info
from lmp.model import settings
from lmp.model import pages as lmp_pages
from lmp.model import reading
from lmp.model import self_check as data
from lmp.model import site as model
from lmp.templates import render

MARKER = "self-check"
markers.register(MARKER, owner="self_check")
SCRIPT = "assets/javascripts/self-check.js"


def heading_titles(markdown: str) -> dict[str, str]:
    """{heading id: its text as read} of a page's Markdown."""
    page = lmp_pages.Page(path=Path(), key="", lang=None, body=markdown, body_line=0)
    return {anchor: " ".join(reading.readable_text(text).replace("*", "").replace("`", "").split())
            for _, text, anchor, _ in page.headings() if anchor}


def _see(question: data.Question, page: info.PageInfo, site: info.SiteInfo) -> dict | None:
    """The `see` link of a question: address from this page, and the target's page and heading."""
    if not question.see:
        return None
    key, anchor = data.split_see(question.see)
    target = model.current(site.docs_dir).page(f"{key}.{page.lang}.md")
    if target is None or target.meta_error:
        return None
    section = heading_titles(target.body).get(anchor)
    return {"href": catalogue.html_url(page.src_uri, key, anchor), "page": str(target.meta.get("title", "")),
            "section": section or ""}


def view(questions: list[data.Question], titles: dict[str, str], see=lambda question: None) -> list[dict]:
    """What the templates show of each question (web and paper); `titles`: {heading id: text} of
    the theme page; see(question): its `see` link (the web page's only)."""
    shown = []
    for question in questions:
        options = [{"key": key, "text": text, "right": key in question.answer,
                    "feedback": question.feedback.get(key, ""), "section": question.section_of(key),
                    "title": titles.get(question.section_of(key), question.section_of(key))}
                   for key, text in question.options]
        right_sections = list(dict.fromkeys(option["section"] for option in options if option["right"]))
        shown.append({"id": question.id, "number": question.number, "text": question.question,
                      "multiple": question.multiple, "answer": question.answer, "options": options,
                      "section": question.section, "title": titles.get(question.section, question.section),
                      "right_sections": [{"section": s, "title": titles.get(s, s)} for s in right_sections],
                      "see": see(question), "for": settings.from_front_matter(question.settings)})
    return shown


def page_content(html: str, page: info.PageInfo, site: info.SiteInfo) -> str:
    """The marker (an HTML comment that Markdown leaves as it is) becomes the questions, and the
    page loads the script. Filled in the HTML, not the Markdown: the block is HTML already, and
    Markdown would only parse it again."""
    if page.meta.get("type") != "theme" or not any(markers.find(html, MARKER)):
        return html
    source = model.current(site.docs_dir).page(page.src_uri)
    questions = data.questions(site.root, str(page.meta.get("id")), page.lang)
    block = render("self_check-questions.html", theme=page.meta.get("id"), words=lmp_words.ui(page.lang)["self_check"],
                   questions=view(questions, heading_titles(source.body if source else ""),
                                  lambda question: _see(question, page, site)))
    html = markers.replace(html, MARKER, lambda marker: block)
    return f'{html}\n<script src="{info.relative_url(SCRIPT, page.url)}" defer></script>\n'
