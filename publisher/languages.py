"""Facts about a language from Babel's CLDR data: its tag, script direction, name."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=None)
def locale(lang: str) -> Locale:
    """The Babel Locale for a gettext-style code ("en", "pt_BR")."""
    return Locale.parse(lang)


def lang_tag(lang: str) -> str:
    """The BCP 47 tag HTML and PDF use: "pt_BR" -> "pt-BR"."""
    return lang.replace("_", "-")


def direction(lang: str) -> str:
    """"rtl" for right-to-left scripts (Arabic, Hebrew...), else "ltr"."""
    return "rtl" if locale(lang).character_order == "right-to-left" else "ltr"


def native_name(lang: str) -> str:
    """The language's name in itself: "Español", "العربية"."""
    name = locale(lang).get_display_name(locale(lang)) or lang
    return name[:1].upper() + name[1:]
