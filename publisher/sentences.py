"""Split text into sentences with pysbd (rule-based, offline, many languages)."""

from __future__ import annotations

from functools import lru_cache

import pysbd
from pysbd.languages import LANGUAGE_CODES


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences of `text`, stripped, in order (abbreviations like "e.g." kept whole)."""
    return [sentence.strip() for sentence in _segmenter(_pysbd_lang(lang)).segment(text) if sentence.strip()]


def _pysbd_lang(lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGE_CODES else "en"


@lru_cache(maxsize=None)
def _segmenter(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang, clean=False)
