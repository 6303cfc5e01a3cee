"""Names that stay whole: a word swap never applies inside one.

"multiple sclerosis" is not "many sclerosis", "central nervous system" not
"main nervous system". Two sources: the project's list of multi-word
conditions, body parts and treatments (locales/<lang>/fixed-names.toml),
and, for English, every multi-word noun of WordNet (Debian `wordnet-base`,
/usr/share/wordnet/index.noun: "spinal cord", "blood vessel", "heart
attack"...). A name written in capitals in running text ("National
Institute of Neurological Disorders and Stroke") stays whole too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import ListOf, Table, Text, load_data
from ..errors import PublisherError

WORDNET_NOUNS = Path("/usr/share/wordnet/index.noun")
LONGEST_NAME_WORDS = 5
# locales/<lang>/fixed-names.toml: groups of names, any group names
SHAPE = Table(other=ListOf(Text(blank=False), what="a list of names"))
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A run of two or more capitalised words, maybe joined by "of", "and", "the"...
_CAPITALISED_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:(?:of|and|the|for|on|in|&)\s+)*[A-Z][a-z]+)+")


@dataclass(frozen=True)
class FixedNames:
    """Multi-word names, lowercase, words joined by single spaces."""

    names: frozenset[str]
    listed: frozenset[str] = frozenset()  # those of the project's own list (not WordNet's)

    def spans(self, text: str, listed_only: bool = False) -> list[tuple[int, int]]:
        """Where in `text` names that stay whole are: (start, end) pairs
        (`listed_only`: the project's list and capitalised names, not WordNet's)."""
        names = self.listed if listed_only else self.names
        words = list(_WORD.finditer(text))
        spans = []
        for index in range(len(words)):
            for length in range(LONGEST_NAME_WORDS, 1, -1):
                run = words[index: index + length]
                if len(run) < length:
                    continue
                gaps = [text[a.end(): b.start()] for a, b in zip(run, run[1:])]
                if any(gap.strip() not in ("", "-") for gap in gaps):
                    continue
                phrase = " ".join(match.group(0).lower() for match in run)
                if phrase in names:
                    spans.append((run[0].start(), run[-1].end()))
                    break
        spans += [(match.start(), match.end()) for match in _CAPITALISED_NAME.finditer(text)]
        spans += _defined_names(text)
        return spans


_DEFINED = re.compile(r"\(([A-Z]{2,8})s?\)")
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "with"}


def _defined_names(text: str) -> list[tuple[int, int]]:
    """The long forms of abbreviations the text defines, "attention
    deficit-hyperactivity disorder (ADHD)": its words' first letters spell
    the abbreviation, so it is a name ("disorder" must not become
    "condition" there)."""
    spans = []
    for defined in _DEFINED.finditer(text):
        letters = defined.group(1)
        words = list(_WORD.finditer(text[: defined.start()]))
        needed, start = letters, None
        for word in reversed(words):
            initials = "".join(part[:1] for part in word.group(0).split("-") if part).upper()
            if needed.endswith(initials):
                needed, start = needed[: -len(initials)], word.start()
            elif word.group(0).lower() not in _SMALL_WORDS:
                break
            if not needed:
                spans.append((start, defined.end()))
                break
    return spans


def load_fixed_names(path: Path, lang: str) -> FixedNames:
    """The language's list (no file: none), with WordNet's for English."""
    names: set[str] = set()
    listed: set[str] = set()
    if path.exists():
        for listed_here in load_data(path, SHAPE).values():
            names.update(" ".join(name.lower().split()) for name in listed_here)
    listed = set(names)
    if lang == "en":
        names |= _wordnet_names()
    return FixedNames(frozenset(names), frozenset(listed))


@lru_cache(maxsize=1)
def _wordnet_names() -> frozenset[str]:
    if not WORDNET_NOUNS.exists():
        raise PublisherError("WordNet is missing: install the Debian package wordnet-base (`make setup` does)",
                             WORDNET_NOUNS)
    names = set()
    with WORDNET_NOUNS.open(encoding="utf-8") as index:
        for line in index:
            lemma = line.split(" ", 1)[0]
            if "_" in lemma and not line.startswith(" "):
                names.add(lemma.replace("_", " ").lower())
    return frozenset(names)
