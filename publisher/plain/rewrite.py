"""Rewrite one source sentence as plain sentences.

In order: split at clause boundaries (on the source wording), speak to the
reader, put plain words for hard ones, put numbers in everyday form, split
again where the lexicon ended a sentence, and tidy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sentences import split_sentences
from .clauses import split_clauses
from .lexicon import Lexicon
from .numbers import plain_numbers
from .reader import address_reader
from .tidy import infinitives, tidy
from .voice import active_voice


@dataclass(frozen=True)
class Rewriter:
    """The rules and vocabulary for one guide (its subject filled in)."""

    lexicon: Lexicon
    reader_nouns: tuple[str, ...]
    names: frozenset[str]
    lang: str = "en"

    def rewrite(self, sentence: str) -> list[str]:
        """The plain sentences for one source sentence."""
        plain: list[str] = []
        for piece in split_clauses(sentence, self.names):
            piece = active_voice(piece, self.names)
            piece = address_reader(piece, self.reader_nouns)
            piece = self.lexicon.apply(piece)
            piece = plain_numbers(piece)
            piece = infinitives(piece)
            for part in split_sentences(piece, self.lang):
                part = tidy(part)
                if len(part.split()) > 1:
                    plain.append(part)
        return plain
