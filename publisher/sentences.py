"""Split text into sentences with pysbd (rule-based, offline, many languages)."""

from __future__ import annotations

from functools import lru_cache

import pysbd
from pysbd.languages import LANGUAGE_CODES


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences of `text`, stripped, in order (abbreviations like "e.g."
    kept whole). A piece with no word or number in it (the second stop of a
    typo like "palsy..") stays with the sentence before it: it is no sentence."""
    sentences: list[str] = []
    for piece in _segmenter(_pysbd_lang(lang)).segment(text):
        piece = piece.strip()
        if sentences and piece and not any(character.isalnum() for character in piece):
            sentences[-1] += piece
        elif piece:
            sentences.append(piece)
    return sentences


def _pysbd_lang(lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGE_CODES else "en"


@lru_cache(maxsize=None)
def _segmenter(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang, clean=False)
