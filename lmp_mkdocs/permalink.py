"""The title of the ¶ link beside each heading, in the language being built.

Python-Markdown's toc extension takes one `permalink_title` for the whole site (mkdocs.yml), and
static-i18n forbids per-language `mdx_configs`: English and nynorsk pages would say "Lenke til
denne delen". static-i18n runs on_config again before each language's build, so this hook sets
the title there from data/ui.<lang>.yml (`headings.permalink`) after static-i18n (priority -100)
has chosen the language.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from lmp import project
from lmp import words


@event_priority(-110)
def on_config(config):
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or project.DEFAULT_LANGUAGE
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words.ui(lang)["headings"]["permalink"]
