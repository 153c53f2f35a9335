"""What static-i18n tells about the build under way (its attributes: MAINTAINING.md, patches)."""
from lmp import project


def is_nested_build(config) -> bool:
    """True while static-i18n builds the second language (MkDocs' build() run again)."""
    return getattr(config.plugins.get("i18n"), "building", False)


def last_language_build(config) -> bool:
    """Whether this is the last language's build (static-i18n builds the default language first,
    then each other one of `build_languages` in its order): the only one that sees every page."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    return i18n.current_language == (others[-1] if others else default)




def page_language(page) -> str:
    """The language a page is rendered in: static-i18n's `locale` on its file (suffix layout)."""
    return getattr(page.file, "locale", None) or project.DEFAULT_LANGUAGE
