"""Theme templates compiled once, not on every build: a Jinja bytecode cache for MkDocs' theme.

MkDocs makes a new Jinja environment for each build, and static-i18n runs one build per language,
so Material's ~50 templates were compiled from source twice per build and again on every save
under `mkdocs serve` (about a tenth of a build's CPU time). Jinja's own bytecode cache
(`FileSystemBytecodeCache`, set through MkDocs' public on_env event) keeps the compiled code in
`.cache/jinja/` (git-ignored, like lmp/cache.py's; LMP_BUILD_CACHE moves it or turns it off).
An entry is keyed on the template's name and file and checked against a checksum of its
source and the Python version, so an edited template is compiled afresh: the HTML is the same.
"""

from lmp import cache


def on_env(env, config, files):
    if env.bytecode_cache is None:
        env.bytecode_cache = cache.jinja_bytecode()
    return env
