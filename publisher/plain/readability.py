"""How hard a text is to read: Flesch-Kincaid grade, SMOG, sentence lengths,
rare words. Measured with textstat 0.7.8 (later versions download NLTK data
at run time and fail offline) and wordfreq.

Targets (DESIGN.md): FK grade <= 6, SMOG <= 8, sentences of about 15 words
and none over 20.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat
from wordfreq import zipf_frequency

from ..repair import ABBREVIATIONS

MAX_GRADE = 6.0
MAX_SMOG = 8.0
MAX_WORDS = 20
TARGET_AVERAGE_WORDS = 15
# Words rarer than this on wordfreq's Zipf scale (about 1 in 3 million words)
# are "rare": a reader may not know them.
RARE_ZIPF = 3.0

textstat.set_lang("en")


@dataclass(frozen=True)
class Readability:
    """Readability figures for a run of sentences."""

    grade: float
    smog: float
    sentences: int
    average_words: float
    longest_words: int

    def meets_targets(self) -> bool:
        return (self.grade <= MAX_GRADE and self.smog <= MAX_SMOG and self.longest_words <= MAX_WORDS)


def measure(sentences: list[str]) -> Readability:
    """Figures for `sentences` read as one text, the way textstat reads a
    page, but with each sentence counted as one (see `as_counted`)."""
    text = as_counted(sentences)
    counts = [word_count(sentence) for sentence in sentences] or [0]
    return Readability(grade=round(textstat.flesch_kincaid_grade(text), 2) if text else 0.0,
                       smog=round(textstat.smog_index(text), 2) if text else 0.0,
                       sentences=textstat.sentence_count(text),
                       average_words=round(sum(counts) / max(1, len(sentences)), 1),
                       longest_words=max(counts))


def prose(sentences: list[str]) -> str:
    """Sentences joined into one text as a page shows them."""
    return " ".join(" ".join(sentence.split()) for sentence in sentences if sentence.strip())


# A full stop that ends no sentence: inside a number or an abbreviation ("0.73", "U.S.", "e.g."),
# before a word in lowercase, or after a short abbreviation ("Dr. Smith").
_INNER_STOP = re.compile(r"[.!?](?=[\w,;:])|[.!?](?=\s+[a-z0-9(])|\b((?i:" + "|".join(sorted(ABBREVIATIONS))
                         + r"))\.(?=\s)")


def as_counted(sentences: list[str]) -> str:
    """The sentences joined for textstat, with each full stop that ends no
    sentence left out: textstat ends a sentence at every one, so "RR 0.73,
    95% CI 0.65 to 0.81" or "Dr. Smith, e.g." would count as several short
    sentences and make the text look easy."""
    return prose([_INNER_STOP.sub(lambda stop: stop.group(1) or "", " ".join(sentence.split()))
                  for sentence in sentences])


def word_count(sentence: str) -> int:
    """Words in a sentence, counted as textstat counts them."""
    return textstat.lexicon_count(sentence)


def misses_target(sentence: str) -> str | None:
    """Why one sentence misses the targets, or None."""
    words = word_count(sentence)
    if words > MAX_WORDS:
        return f"{words} words (at most {MAX_WORDS})"
    grade = textstat.flesch_kincaid_grade(as_counted([sentence]))
    if words >= 8 and grade > MAX_GRADE + 4:
        return f"grade {grade:.1f} on its own"
    return None


_WORD = re.compile(r"(?<![\w])[A-Za-z][A-Za-z'’-]*(?![\w])")


def rare_words(text: str, lang: str = "en", known: frozenset[str] = frozenset()) -> list[str]:
    """Words in `text` rarer than RARE_ZIPF, except those in `known` (kept and
    explained terms), each once, in order of appearance."""
    seen, rare = set(), []
    for word in _WORD.findall(text):
        key = word.lower().strip("'’-")
        if key in seen or key in known or word.isupper():
            continue
        seen.add(key)
        if zipf_frequency(key, lang) < RARE_ZIPF:
            rare.append(word)
    return rare
