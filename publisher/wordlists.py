"""Word lists from Hunspell dictionaries on the machine (offline): the
medical dictionary (Debian `hunspell-en-med`) and the English one
(`hunspell-en-us`). Used to mend words split across lines, to spot medical
terms a guide leaves unexplained, and to tell names ("Gaucher", "Parkinson")
from common words that start a sentence ("Glutamate").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HUNSPELL = Path("/usr/share/hunspell")
MEDICAL = {"en": "en_med_glut.dic"}
GENERAL = {"en": "en_US.dic"}


@lru_cache(maxsize=None)
def medical_words(lang: str) -> frozenset[str]:
    """The medical dictionary's words, lowercase (empty if not installed)."""
    return frozenset(word.lower() for word in _entries(MEDICAL.get(_code(lang), "")))


@lru_cache(maxsize=None)
def dictionary_words(lang: str) -> frozenset[str]:
    """The words both dictionaries list as written (stems, without their
    affixed forms), lowercase."""
    code = _code(lang)
    return frozenset(word.lower() for word in _entries(MEDICAL.get(code, "")) | _entries(GENERAL.get(code, "")))


def proper_names(lang: str) -> frozenset[str]:
    """Words the dictionaries list only with a capital ("gaucher", "parkinson"), lowercase."""
    return _proper_names(_code(lang))


@lru_cache(maxsize=None)
def _proper_names(code: str) -> frozenset[str]:
    entries = _entries(MEDICAL.get(code, "")) | _entries(GENERAL.get(code, ""))
    lower = {word for word in entries if word[:1].islower()}
    return frozenset(word.lower() for word in entries if word[:1].isupper() and word.lower() not in lower)


@lru_cache(maxsize=None)
def _entries(name: str) -> frozenset[str]:
    path = HUNSPELL / name
    if not name or not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.split("/", 1)[0].strip()
        if word and " " not in word and word.replace("-", "").replace("'", "").isalpha():
            words.add(word)
    return frozenset(words)


def _code(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()
