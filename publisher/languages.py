"""Facts about a language from Babel's CLDR data: its tag, script direction, name."""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date


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


def long_date(when: datetime.date, lang: str) -> str:
    """A date as the language writes it: "21 November 2026", "21 de noviembre de 2026"."""
    return format_date(when, format="long", locale=locale(lang))


def counter_style(lang: str) -> str:
    """The CSS counter style for the language's digits (Babel's default numbering system)."""
    return {"arab": "arabic-indic", "arabext": "persian", "deva": "devanagari", "beng": "bengali"}.get(
        locale(lang).default_numbering_system, "decimal")


def native_name(lang: str) -> str:
    """The language's name in itself: "Español", "العربية"."""
    name = locale(lang).get_display_name(locale(lang)) or lang
    return name[:1].upper() + name[1:]
