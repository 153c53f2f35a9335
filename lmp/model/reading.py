"""Reading time: the site's one rule that turns words into minutes."""
from __future__ import annotations

import re

# Reading time. Brysbaert (2019, Journal of Memory and Language 109) puts adults' silent reading
# of non-fiction at about 238 words a minute in English; Norwegian words are longer and many
# readers here read in a second language, so we count 200 words a minute for both languages and
# round up to whole minutes. What is counted is the running text a reader reads: words in
# headings, lists, tables and paragraphs, not Markdown syntax, link targets or attribute lists.
#
# ONE rule turns words into minutes (minutes_for): the page, the reading-assignment builder, the
# reading lists and the onboarding paths add up the WORDS of what they show and round once, so
# the same text always shows the same minutes (rounding each section up and adding the minutes
# made theme 1 "11 min" on its page and "17 min" in the builder).
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


def reading_minutes(markdown: str) -> int:
    return minutes_for(word_count(markdown))


