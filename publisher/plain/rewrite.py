"""Rewrite one source sentence as plain sentences, and use the rewrite only
if it proves itself.

A rewrite runs these steps: split at clause boundaries (on the source
wording), put passives in the active voice, speak to the reader, put plain
words for hard ones (each single word only as the part of speech the parser
gives it), put numbers in everyday form, split again where the lexicon
ended a sentence, and tidy. Contact details (phone numbers, e-mail and web
addresses) are hidden from every step and come back as written
(contact_guard.py). The result is checked against the source
sentence (proof.py). If a check fails, a milder rewrite is tried (STRENGTHS:
split but keep the source's words; no splitting; plain words and numbers
only), and finally the source sentence is kept as written. Correct beats
plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..sentences import split_sentences
from . import parser
from .clauses import RULES as CLAUSE_RULES, split_clauses
from .contact_guard import guard_contacts
from .fixed_names import FixedNames
from .lexicon import Lexicon
from .numbers import plain_numbers
from .proof import Checker
from .reader import address_reader
from .result import Rewrite
from .switches import STEPS
from .tidy import infinitives, tidy
from .voice import active_voice


@dataclass(frozen=True)
class Strength:
    """Which steps a rewrite of this strength runs."""

    name: str
    split: bool
    restructure: bool  # active voice and speaking to the reader
    swap_words: bool = True  # plain words for hard ones (the lexicon)


# Strongest first; the source as written comes after the last. Shorter
# sentences help a reader most, and the lexicon's swaps are what a parser
# most often cannot follow, so a split without word swaps comes second.
STRENGTHS = (Strength("full", split=True, restructure=True),
             Strength("split, own words", split=True, restructure=True, swap_words=False),
             Strength("without splitting", split=False, restructure=True),
             Strength("words only", split=False, restructure=False))
KEPT = "kept as written"
# A sentence the parser cannot link but for this many words is still tagged
# for word swaps; a worse one gets none.
TAGGING_UNLINKED = 4


def _ending_as_in(source: str, plain: list[str]) -> list[str]:
    """A source sentence with no final stop ("General Information", "your
    symptoms might include" before a list) keeps none: tidying must not
    make a heading or a lead-in look like a finished sentence."""
    if not plain or source.rstrip(")\"”’'").endswith((".", "!", "?", ":", "…")):
        return plain
    return plain[:-1] + [plain[-1].rstrip(".")]


def _tagger(text: str):
    """Part of speech by character offset in `text`: the parser's where it
    parses, the word list's where it does not."""
    tags = parser.parse(text, TAGGING_UNLINKED)
    if tags.words:
        return tags.pos_at
    return lambda start: parser.word_list_pos(re.match(r"[\w'-]*", text[start:]).group(0))


@dataclass(frozen=True)
class Rewriter:
    """The rules and vocabulary for one guide (its subject filled in)."""

    lexicon: Lexicon
    reader_nouns: tuple[str, ...]
    names: frozenset[str]
    checker: Checker
    fixed_names: FixedNames = field(default_factory=lambda: FixedNames(frozenset()))
    lang: str = "en"
    off: frozenset[str] = frozenset()  # transformations switched off (switches.py)
    clause_rules: tuple = field(init=False, repr=False, compare=False)  # the clause rules not switched off

    def __post_init__(self):
        object.__setattr__(self, "clause_rules",
                           tuple(rule for rule in CLAUSE_RULES if f"clause:{rule.name}" not in self.off))

    def rewrite(self, sentence: str) -> Rewrite:
        """The plain sentences for one source sentence, proven or kept as written."""
        sentence = " ".join(sentence.split())
        rejected = []
        for strength in STRENGTHS:
            applied: list[str] = []
            clauses = self.attempt(sentence, strength, applied)
            plain = [text for clause in clauses for text in clause]
            if not plain:
                continue
            plain = _ending_as_in(sentence, plain)
            problems = self.checker.problems(sentence, plain)
            if problems:
                rejected.append(f"{strength.name}: {problems[0]}")
                continue
            if not strength.swap_words and len(clauses) > 1:
                mixed = _ending_as_in(sentence, self._some_plain_words(sentence, strength, clauses, applied))
                if mixed != plain:
                    return Rewrite(sentence, tuple(mixed), f"{strength.name}, plain words where they pass",
                                   tuple(rejected), _distinct(applied))
            return Rewrite(sentence, tuple(plain), strength.name, tuple(rejected), _distinct(applied))
        return Rewrite(sentence, (sentence,), KEPT, tuple(rejected))

    def _some_plain_words(self, sentence: str, strength: Strength, own: list[list[str]],
                          applied: list[str]) -> list[str]:
        """Starting from a split in the source's own words that passed its
        checks, take the plain words clause by clause wherever the whole still
        passes ("Normally, ..." kept in one clause, plain words in the others).
        The word swaps taken are added to `applied`."""
        swapped_applied: list[str] = []
        swapped = self.attempt(sentence, replace(strength, swap_words=True), swapped_applied)
        if len(swapped) != len(own):
            return [text for clause in own for text in clause]
        chosen = list(own)
        for index, clause in enumerate(swapped):
            trial = chosen[:index] + [clause] + chosen[index + 1:]
            if not self.checker.problems(sentence, [text for part in trial for text in part]):
                chosen = trial
        if chosen != own:  # (which clause took which swap is not told apart)
            applied += [step for step in swapped_applied if step.startswith("lexicon:")]
        return [text for clause in chosen for text in clause]

    def attempt(self, sentence: str, strength: Strength, applied: list[str] | None = None) -> list[list[str]]:
        """The plain sentences of one rewrite strength, unchecked, grouped by
        the clause of the source they come from. What changed the text is
        added to `applied`, if given (see Rewrite.applied)."""
        applied = [] if applied is None else applied
        guarded = guard_contacts(sentence)
        clauses: list[list[str]] = []
        rules: list[str] = []
        pieces = split_clauses(guarded.text, self.names, self.clause_rules, used=rules) if strength.split else [
            guarded.text]
        applied += [f"clause:{rule}" for rule in rules]
        on = {step: step not in self.off for step in STEPS}
        for piece in pieces:
            if strength.restructure:
                piece = _noting("voice", active_voice(piece, self.names), piece, applied) if on["voice"] else piece
                piece = _noting("reader", address_reader(piece, self.reader_nouns), piece, applied) if (
                    on["reader"]) else piece
            piece = " ".join(piece.split())
            if strength.swap_words:
                entries: list[str] = []
                piece = self.lexicon.apply(piece, _tagger(piece), self.fixed_names.spans(piece), used=entries)
                applied += [f"lexicon:{entry}" for entry in entries]
            piece = _noting("numbers", plain_numbers(piece), piece, applied) if on["numbers"] else piece
            piece = _noting("infinitives", infinitives(piece), piece, applied) if on["infinitives"] else piece
            parts = (tidy(text) for text in split_sentences(piece, self.lang))
            clauses.append([guarded.restore(part) for part in parts if len(part.split()) > 1])
        return clauses


def _noting(step: str, after: str, before: str, applied: list[str]) -> str:
    """`after`, with `step` added to `applied` if it changed `before`."""
    if after != before:
        applied.append(step)
    return after


def _distinct(steps: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(steps))
