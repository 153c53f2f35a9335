"""Fill the steps and the estimated time of the onboarding paths (tools/onboarding).

The page says, in prose, which step comes when and why; each step names the sections to read with a
marker `<!-- step: theme-1#why role-staff#duties -->` (catalogue ids, hooks/_catalogue.py). The
hook writes a link and the reading time for each section, and `<!-- path-total -->` becomes the
reading time of all the steps' sections under the same H2 (their words rounded once,
_catalogue.minutes_of, as everywhere on the site). An id that is not in the catalogue is a warning (fatal under
--strict), so a path never silently points at a section that is gone.
"""
import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _catalogue  # noqa: E402

log = logging.getLogger("mkdocs.hooks.onboarding_path")

PAGE_ID = "tool-onboarding"
STEP = re.compile(r"<!-- step: ([^>]*?) -->")
TOTAL = "<!-- path-total -->"
TEXT = {"nb": "Les", "en": "Read"}


def on_page_markdown(markdown, page, config, **kwargs):
    if page.meta.get("id") != PAGE_ID:
        return markdown
    lang = _catalogue.language(page)
    known = _catalogue.sections_by_id(_catalogue.load(config.docs_dir, lang))
    chunks = re.split(r"(?m)^(?=## )", _catalogue.words_per_minute(markdown))
    return "".join(fill_path(chunk, known, lang, page) for chunk in chunks)


def fill_path(chunk: str, known: dict, lang: str, page) -> str:
    minutes = []  # the sections of the path's steps

    def step(match):
        links = []
        for section_id in match.group(1).split():
            if section_id not in known:
                log.warning("docs/%s: onboarding step names '%s', which is no section in the catalogue",
                            page.file.src_path, section_id)
                continue
            entry, section = known[section_id]
            minutes.append(section)
            target = _catalogue.md_link(page.file.src_uri, entry.key, section.anchor)
            links.append(f"[{entry.title}: {section.title}]({target}) ({section.minutes} min)")
        return f"{TEXT.get(lang, TEXT['nb'])}: " + "; ".join(links) + "."

    chunk = STEP.sub(step, chunk)
    return chunk.replace(TOTAL, f"{_catalogue.minutes_of(minutes) if minutes else 0} min")
