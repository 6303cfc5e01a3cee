"""Split text into sentences with pysbd (rule-based, offline, many languages).

A contact detail is never cut: pysbd takes the "?" of a web address's query
("https://example.org/search?q=als") or a full stop inside one for the end
of a sentence, so a break that falls inside a phone number, e-mail address
or web address (contacts.py) is taken back."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd
from pysbd.languages import LANGUAGE_CODES

from .contacts import contact_spans


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences of `text`, stripped, in order (abbreviations like "e.g."
    kept whole, contact details never split). A piece with no word or number
    in it (the second stop of a typo like "palsy..") stays with the sentence
    before it: it is no sentence; nor does "et al." end one, however it is
    written ("Smith et. al reviewed ...")."""
    sentences: list[str] = []
    for piece in _pieces(text, lang):
        piece = piece.strip()
        if sentences and piece and not any(character.isalnum() for character in piece):
            sentences[-1] += piece
        elif sentences and _ET_AL.search(sentences[-1][-7:] + " " + piece[:3]):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


# "et." cut from its "al" ("et. al", "et. al."), or "et al." taken for an end before a lowercase word
_ET_AL = re.compile(r"\bet\. al\b.?$|\bet al\. [a-z]+$")


def _pieces(text: str, lang: str) -> list[str]:
    """pysbd's segments of `text`, joined again where one ends inside a contact detail."""
    segments = _segmenter(_pysbd_lang(lang)).segment(text)
    spans = contact_spans(text)
    if not spans:
        return segments
    ends, position = [], 0
    for segment in segments:
        found = text.find(segment, position)
        if found < 0:  # pysbd changed the text (it should not, with clean=False): leave its segments be
            return segments
        position = found + len(segment)
        ends.append(position)
    kept = [end for end in ends[:-1] if not any(start < end < stop for start, stop in spans)]
    starts = [0, *kept]
    return [text[start:end] for start, end in zip(starts, [*kept, len(text)])]


def _pysbd_lang(lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGE_CODES else "en"


@lru_cache(maxsize=None)
def _segmenter(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang, clean=False)
