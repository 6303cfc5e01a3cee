"""Key points: three to five sentences from the guide that stand on their own.

Each section offers its best candidate: a sentence of at most MAX_WORDS that
does not lean on what came before ("This", "But", "These symptoms") and is
not an explanation the engine added. "It ..." right after a sentence about
the subject becomes "<subject> ...". Candidates score for naming the
subject, for numbers and for medicine or gene names; the best five are kept,
in the guide's order.
"""

from __future__ import annotations

import re

from ..model import Paragraph, Section, Sentence
from .readability import word_count

MAX_POINTS = 5
MIN_POINTS = 3
MAX_WORDS = 18
LEANING_WORDS = {"this", "these", "that", "those", "it", "its", "they", "their", "them", "he", "she", "also",
                 "but", "so", "and", "or", "such", "another", "both", "here", "then", "however", "still",
                 "examples", "other", "all", "understanding", "similarly", "same", "more"}


def key_points(sections: tuple[Section, ...], added: frozenset[str], subject: str,
               names: frozenset[str] = frozenset(), flagged: frozenset[str] = frozenset()) -> list[Sentence]:
    """Up to MAX_POINTS key sentences (never one of the `added` explanations,
    nor a unit whose id is in `flagged`: made from text the source check flagged)."""
    for limit in (MAX_WORDS, MAX_WORDS + 4):
        candidates = [best for best in (_best(index, section, added, subject, names, limit, flagged)
                                        for index, section in enumerate(sections)) if best]
        if len(candidates) >= MIN_POINTS:
            break
    chosen = sorted(sorted(candidates, key=lambda item: -item[0])[:MAX_POINTS], key=lambda item: item[1])
    return [Sentence(f"key-points.{n}", text, lang, source) for n, (_, _, text, lang, source) in
            enumerate(chosen, start=1)]


def _best(index: int, section: Section, added: frozenset[str], subject: str, names: frozenset[str], limit: int,
          flagged: frozenset[str] = frozenset()):
    best = None
    position = 0
    sentences = [sentence for block in section.blocks if isinstance(block, Paragraph) for sentence in block.sentences]
    for previous, sentence, following in zip([None] + sentences[:-1], sentences, sentences[1:] + [None]):
        position += 1
        text = sentence.text
        if text.startswith("It ") and previous and subject in previous.text:
            text = f"{subject} {text[3:]}"
        if following and re.match(r"(It|They) also ", following.text):
            continue  # the first half of a pair ("ALS affects A. It also affects B.")
        if sentence.id in flagged or sentence.text in added or text.endswith(":") or word_count(text) > limit or _leans(text):
            continue
        score = (3 * (subject in text) + 3 * bool(re.match(rf"{re.escape(subject)} (is|are) (a|an|the) ", text))
                 + 2 * bool(re.search(r"\d", text)) + 2 * any(name in text.lower() for name in names)
                 - 0.1 * position)
        if best is None or score > best[0]:
            best = (score, (index, position), text, sentence.lang, sentence.source)
    return best


def _leans(text: str) -> bool:
    """Does the sentence lean on what came before (in its first three words)?"""
    words = [word.lower().strip(",.") for word in text.split()[:3]]
    return any(word in LEANING_WORDS for word in words) or bool(re.search(r"\balso\b", text))
