"""Reading time: the site's one rule that turns words into minutes."""
from __future__ import annotations

import re

# Reading time. Brysbaert (2019, Journal of Memory and Language 109) puts adults' silent reading
# of non-fiction at about 238 words a minute in English; Norwegian words are longer and many
# readers here read in a second language, so we count 200 words a minute for both languages and
# round up to whole minutes. What is counted is the running text a reader reads: words in
# headings, lists, tables and paragraphs, not Markdown syntax, link targets or attribute lists.
#
# Sections (a page cut at its H2 headings, lmp/model/catalogue.py) get their words in minutes
# rounded to the nearest minute, at least 1 (section_minutes); every total on the site is the sum
# of the minutes shown beside its parts: a page (under its title), a reading-list row and table,
# an onboarding path, a reading assignment. So the numbers a reader sees add up (issue 24: the
# earlier rule, words added up and rounded once, made 4 + 2 + 1 min show as "5 min"), and the
# same section shows the same minutes everywhere. Rounding to the nearest, not up, keeps a page of
# many short sections close to its words' time (theme 1: 12 min for 2,124 words).
WORDS_PER_MINUTE = 200
# A second-language reader (staff who read Norwegian or English as a second language). The
# usability test timed such readers at 16-27 minutes for a theme module of 2,100-3,300 words
# (shared/notes/review-findings.md, section 2): about 80-130 words a minute. We take 100, the
# middle of that range, for the between-session reading shown in each module's
# "Before the next seminar" box (lmp/generators/before_next_seminar.py).
SECOND_LANGUAGE_WORDS_PER_MINUTE = 100
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)


def readable_text(markdown: str) -> str:
    text = re.sub(r"^\*\[[^\]]+\]:.*$", "", markdown, flags=re.MULTILINE)      # abbreviations
    text = re.sub(r"^\[[^\]]+\]:\s*\S+.*$", "", text, flags=re.MULTILINE)     # link definitions
    text = re.sub(r"\{[^}\n]*\}", "", text)                                    # attribute lists
    text = re.sub(r"\]\([^)]*\)|\]\[[^\]]*\]", "]", text)                      # link targets
    text = re.sub(r"<[^>]+>", " ", text)                                       # raw HTML tags
    return text


def word_count(markdown: str) -> int:
    return len(WORD.findall(readable_text(markdown)))


def minutes_for(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    """Whole minutes (rounded up, at least 1) to read `words` words: the site's one rule."""
    return max(1, -(-words // per_minute))


def section_minutes(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    """A section's minutes: its words in minutes rounded to the nearest whole minute, at least 1."""
    return max(1, (words + per_minute // 2) // per_minute)


def reading_minutes(markdown: str) -> int:
    return minutes_for(word_count(markdown))


