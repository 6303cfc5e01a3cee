"""Plain words for hard ones, from a per-language data file (lexicon.toml).

A lexicon is a table of phrase -> plainer phrase. All phrases are matched in
one pass, on whole words and ignoring capitals; where phrases overlap the
longest wins. A single word is replaced only where the sentence uses it as
the part of speech its entry states ("individual" the noun, not "highly
individual"), as the parser tags it, and no entry applies inside a name that
stays whole (fixed_names.py). Kept medical terms (terms.toml) are matched
too, and left as they are. "{subject}" on either side stands for the
condition the guide is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..datafiles import ListOf, OneOf, Table, Text, key_line, load_data
from ..errors import PublisherError
from .grammar import AUXILIARIES, DETERMINERS
from .parser import word_list_pos

PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "any")
# locales/<lang>/lexicon.toml: [words] phrase = plain words, or word = { part of speech = plain words };
# [reader] nouns: the words for the reader ("patients") that become "you".
SHAPE = Table({"words": Table(other=OneOf((Text(), Table({pos: Text() for pos in PARTS_OF_SPEECH}, least=1)),
                                          what=f'text, or a table like {{ noun = "..." }} (parts of speech: '
                                               f'{", ".join(PARTS_OF_SPEECH)})')),
               "reader": Table({"nouns": ListOf(Text(blank=False), what="a list of words")})},
              required=("words",))
UNKNOWN_WORD = "?"  # what a PosAt says of a word no word list knows (parser.UNKNOWN_WORD)
# No part of speech known for a word: its entries do not apply.
PosAt = Callable[[int], str]


@dataclass(frozen=True)
class Lexicon:
    """Replacements (phrase -> part of speech -> plain words; "any" for
    phrases) and the kept terms they must not touch."""

    replacements: dict[str, dict[str, str]]
    kept: tuple[str, ...] = ()
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "pattern", _compile(self.replacements, self.kept))

    def for_subject(self, subject: str) -> "Lexicon":
        """The lexicon with "{subject}" filled in."""
        return Lexicon({_normal(key.replace("{subject}", subject)):
                        {pos: value.replace("{subject}", subject) for pos, value in plain.items()}
                        for key, plain in self.replacements.items()}, self.kept)

    def without(self, entries) -> "Lexicon":
        """The lexicon without these entries (phrases, any capitals): switched off."""
        gone = {_normal(entry) for entry in entries}
        if not gone:
            return self
        return Lexicon({key: value for key, value in self.replacements.items() if key not in gone}, self.kept)

    def keeping(self, words, headings, reader_nouns=()) -> tuple["Lexicon", frozenset[str]]:
        """The lexicon for a guide whose author keeps `words` as written and
        whose title and headings (never rewritten) are `headings`, so that a
        thing has one name in the guide. Left out: the entries that would
        change a kept word, in any number ("assessment", "assessments"),
        alone or in a phrase; and the single-word swaps ("assessment" ->
        "check") of words the headings use. A phrase the lexicon explains in
        other words ("disease mechanism" -> "way the disease works") is no
        new name, and stays in use; so do the words for the reader
        ("patients": the text speaks to them as "you"). Returns the lexicon
        and the entries left out."""
        kept = {word for phrase in words for word in _normal(phrase).split()}
        # A word inside a phrase the lexicon knows is part of that phrase ("disease mechanism"), not a name.
        outside = [self.pattern.sub(lambda match: " " if " " in match.group(0).strip() else match.group(0), heading)
                   for heading in headings]
        heading_words = {word for heading in outside for word in re.findall(r"[\w'-]+", heading.lower())}

        reader = {_normal(noun) for noun in reader_nouns}

        def left_out(key: str) -> bool:
            parts = key.split()
            if any(_same_word(part, word) for part in parts for word in kept):
                return True
            if any(part in reader for part in parts):
                return False
            return len(parts) == 1 and any(_same_word(key, word) for word in heading_words)

        dropped = frozenset(key for key in self.replacements if left_out(key))
        if not dropped:
            return self, dropped
        # Left-out entries are kept terms now: matched, longest first, and left as they are, so no
        # shorter entry changes a word inside a longer one left out.
        return Lexicon({key: value for key, value in self.replacements.items() if key not in dropped},
                       (*self.kept, *sorted(dropped))), dropped

    def apply(self, text: str, pos_at: PosAt | None = None, whole: list[tuple[int, int]] = (),
              used: list[str] | None = None) -> str:
        """`text` with every lexicon phrase replaced: kept terms untouched, a
        single word only as the part of speech `pos_at(start)` says, nothing
        inside the `whole` spans (names that stay whole) unless the phrase
        covers the name. Each entry that replaced something is added to
        `used` (its phrase, lowercase), if given."""

        def replaced(match: re.Match) -> str:
            plain = self._replace(match, text, pos_at, whole)
            if used is not None and plain != match.group(0):
                used.append(_normal(match.group(0)))
            return plain

        return self.pattern.sub(replaced, text)

    def _replace(self, match: re.Match, text: str, pos_at: PosAt | None, whole) -> str:
        found = match.group(0)
        plain = self.replacements.get(_normal(found))
        if plain is None:  # a kept term
            return found
        start, end = match.span()
        at_start = not text[:start].strip(" \"“‘'(")
        if found.endswith(",") and " " not in found.strip() and not at_start:
            return found  # a linking word opens its sentence: "is good, however, for people ..." is no "but"
        if any(start < right and left < end and not (start <= left and right <= end) for left, right in whole):
            return found
        if " " in "".join(plain.values()) and text[end: end + 2] in ("'s", "’s"):
            return found  # "the patient's history" is not "the person with X's history"
        if "any" in plain:
            chosen = plain["any"]
        else:
            pos = pos_at(start) if pos_at else ""
            if pos == UNKNOWN_WORD and len(plain) == 1:  # "neuroinflammation": a rare word has one use
                pos = next(iter(plain))
            chosen = plain.get(pos)
            if chosen is None or not _fits(pos, chosen, text, start, end, pos_at):
                return found
        if at_start and chosen[:1].islower() and found[:1].isupper():
            chosen = chosen[:1].upper() + chosen[1:]
        return chosen


def _fits(pos: str, plain: str, text: str, start: int, end: int, pos_at: PosAt | None) -> bool:
    """Does a single-word swap fit where the word stands?

    An adjective is swapped only before the word it describes ("genetic
    tests" -> "gene tests", but not "a pediatric, genetic, degenerative
    disorder" or "is genetic"): plain words for adjectives are often nouns
    that only work in front of another. A past participle is swapped only
    as a verb ("is inherited" -> "is passed down"), not in front of a noun
    ("inherited disorders"). A noun becomes a phrase ("patients"
    -> "people with ALS") only where no noun stands before it as a modifier
    ("stroke patients")."""
    if pos == "adjective":
        return bool(re.match(r"\s+[\w\"“]", text[end:]))
    if pos == "verb" and text[start:end].lower().endswith("ed") and pos_at:
        following = re.match(r"\s+([\w'-]+)", text[end:])
        if following and pos_at(end + following.start(1)) in ("noun", "adjective"):
            return False  # "inherited metabolic disorders": a participle used as an adjective
    if pos == "noun" and " " in plain:
        following = re.match(r"\s+([\w'-]+)", text[end:])
        next_pos = pos_at(end + following.start(1)) if following and pos_at else ""
        if following and following.group(1).lower() not in AUXILIARIES and (
                next_pos == "noun" or word_list_pos(following.group(1)) == "noun"):
            return False  # "patient samples": the noun names the kind of sample
        previous = re.search(r"([\w'-]+)\s+$", text[:start])
        if previous and pos_at and previous.group(1).lower() not in DETERMINERS:
            capitalised = previous.group(1)[:1].isupper() and text[:previous.start(1)].strip(" \"“(")
            if word_list_pos(previous.group(1)) == "noun" or capitalised:
                return False
    return True


def load_lexicon(path: Path, kept_forms: tuple[str, ...] = ()) -> Lexicon:
    """Read lexicon.toml; keys are stored lowercase. A phrase maps to text; a
    single word to a table of part of speech -> text."""
    replacements = {}
    for key, value in load_data(path, SHAPE)["words"].items():
        single = len(key.split()) == 1 and re.fullmatch(r"[\w'-]+", key)
        if isinstance(value, dict):
            replacements[_normal(key)] = dict(value)
        elif not single:
            replacements[_normal(key)] = {"any": value}
        else:
            raise PublisherError(f"'{key}' is one word: say which part of speech it replaces, e.g. "
                                 f"\"{key}\" = {{ noun = \"{value}\" }}", path, key_line(path, ("words", key)))
    return Lexicon(replacements, tuple(kept_forms))


def _same_word(one: str, other: str) -> bool:
    """The same word, one maybe in the plural: "assessment", "assessments"."""
    return one == other or one in (other + "s", other + "es") or other in (one + "s", one + "es")


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _compile(replacements: dict, kept: tuple[str, ...]) -> re.Pattern:
    """One alternation of every phrase, longest first. Kept terms written with
    capitals ("ALS", "FUS") match only as written."""
    phrases = [(phrase, False) for phrase in replacements]
    phrases += [(form, form != form.lower()) for form in kept if _normal(form) not in replacements]
    phrases.sort(key=lambda item: len(item[0]), reverse=True)
    alternatives = "|".join(_phrase(phrase, case_sensitive) for phrase, case_sensitive in phrases)
    return re.compile(alternatives or r"(?!x)x")


def _phrase(phrase: str, case_sensitive: bool = False) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if not case_sensitive:
        body = f"(?i:{body})"
    start = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    end = r"(?![\w-])" if re.search(r"\w$", phrase) else ""
    return f"{start}{body}{end}"
