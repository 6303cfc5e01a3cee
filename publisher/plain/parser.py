"""A real English parser for the plain-language checks: link-grammar.

Link grammar (CMU/AbiWord, LGPL; Debian `python3-link-grammar` and
`link-grammar-dictionaries-en`) links every word of a grammatical sentence
to others. What it cannot link it leaves out ("null" words), so the number
of unlinked words says how broken a sentence is, and a rewrite can be
compared with its source sentence (which may have unlinked words of its
own). Its links also say whether the sentence is complete (a subject linked
to a finite verb, or an imperative) and each word's part of speech
("individual.a", "needs.n", "help.v").

The binding is built for Debian's python3 (`make setup` installs it);
debian_modules.py imports it into the project's venv. Parses are cached: a
guide asks about the same sentence several times.
"""

from __future__ import annotations

import atexit
import re
from dataclasses import dataclass
from functools import lru_cache

import lemminflect

from ..debian_modules import debian_module

# A parse that takes longer than this is given up; the sentence counts as unparsed.
MAX_PARSE_SECONDS = 1
# More unlinked words than this are not worth counting exactly.
MAX_NULLS = 8
# Counting the unlinked words of a longer sentence can take seconds: it is
# not done (the sentence counts as unparsed unless every word links).
MAX_WORDS_TO_COUNT_UNLINKED = 30
# Linkages to look at: with only one, a sentence whose sampled linkage breaks
# a post-processing rule looks unparseable when other linkages are fine.
LINKAGES = 100
# Of those, how many are read to find a complete reading.
READ_LINKAGES = 20

# Part-of-speech subscripts of link-grammar's English dictionary.
_POS = {"n": "noun", "s": "noun", "v": "verb", "g": "verb", "q": "verb", "w": "verb", "a": "adjective",
        "e": "adverb"}  # ".p" is a preposition, ".j" a conjunction, ".r" a pronoun or relative: no swap
# A word the word list does not know (a rare medical word): its lexicon entry,
# if it states one part of speech only, may apply.
UNKNOWN_WORD = "?"
_LEMMINFLECT_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"}
# Wall links of a sentence that is not a fragment: declarative (with an S
# link), imperative, question.
_COMPLETE_WALLS = {"Wi", "Wq", "Ws", "Wj", "Qd", "Qe"}
_SUBJECT = re.compile(r"^(?:S|SI|SF|SX|SFI|SXI)[a-z*]*$")


@dataclass(frozen=True)
class Word:
    """One word of a parsed sentence: its text, where it starts, its part of speech ('' if unknown)."""

    text: str
    start: int
    pos: str


@dataclass(frozen=True)
class Parse:
    """What the parser found in one sentence."""

    unlinked: int  # words it could not link (MAX_NULLS + 1 if it gave up)
    complete: bool  # a subject and a finite verb, or an imperative or question
    words: tuple[Word, ...] = ()
    imperative: bool = False  # a command with no subject ("Take your medicine.")
    plural_subject: bool | None = None  # the number of the first subject, None if unknown

    def pos_at(self, start: int) -> str:
        """The part of speech of the word starting at character `start`: the
        parser's tag where it is sure of it. Where it is not (no tag, as for
        "highly", or next to a word it could not link: "[highly] individual.n"),
        the only part of speech the word list knows for the word; UNKNOWN_WORD
        for a word the list does not know ("neuroinflammation"); '' where the
        word could be several ("individual") or is not there."""
        for index, word in enumerate(self.words):
            if word.start == start:
                neighbours = self.words[max(0, index - 1): index + 2]
                if word.pos and not any(other.text.startswith("[") for other in neighbours):
                    return word.pos
                return word_list_pos(word.text.strip("[]"))
        return ""


def word_list_pos(word: str) -> str:
    """The only part of speech lemminflect's word list knows for `word`,
    UNKNOWN_WORD if it does not know the word, '' if it knows several."""
    known = set(lemminflect.getAllLemmas(word.lower())) - {"AUX"}
    if not known:
        return UNKNOWN_WORD
    return _LEMMINFLECT_POS.get(known.pop(), "") if len(known) == 1 else ""


UNPARSED = Parse(unlinked=MAX_NULLS + 1, complete=False)


def parse(sentence: str, max_unlinked: int = MAX_NULLS) -> Parse:
    """Parse one sentence (cached), allowing at most `max_unlinked` unlinked
    words: a sentence that needs more is UNPARSED."""
    sentence = " ".join(sentence.split())
    if len(sentence.split()) > MAX_WORDS_TO_COUNT_UNLINKED:
        max_unlinked = 0
    return _parse(sentence, max_unlinked)


@lru_cache(maxsize=50_000)
def _parse(sentence: str, max_unlinked: int) -> Parse:
    lg = _linkgrammar()
    dictionary, options = _english()
    text = sentence.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    try:
        options.min_null_count, options.max_null_count = 0, 0
        parsed = lg.Sentence(text, dictionary, options)
        linkages = parsed.parse()
        if len(linkages) == 0 and max_unlinked:
            options.min_null_count, options.max_null_count = 1, max_unlinked
            parsed = lg.Sentence(text, dictionary, options)
            linkages = parsed.parse()
        found = [_read(linkage) for linkage, _ in zip(linkages, range(READ_LINKAGES))]
    except (lg.LG_TimerExhausted, lg.LG_Error):
        return UNPARSED
    if not found:
        return UNPARSED
    # The cheapest linkage may read a sentence as a fragment ("Neurons die"
    # as a noun phrase); the sentence is complete if any linkage says so.
    declarative = [reading for reading in found if reading.complete and not reading.imperative]
    complete = [reading for reading in found if reading.complete]
    best = (declarative or complete or found)[0]
    return Parse(unlinked=parsed.null_count(), complete=best.complete, words=best.words,
                 imperative=best.imperative, plural_subject=best.plural_subject)


def _read(linkage) -> Parse:
    """What one linkage says: complete or not, the parts of speech, the subject's number."""
    labels = [re.sub(r"^[hd]", "", str(label)) for link in linkage.links()
              for label in (link.left_label, link.right_label)]
    subjects = [label for label in labels if _SUBJECT.match(label)]
    complete = bool(set(labels) & _COMPLETE_WALLS) or bool(subjects)
    number = next((label[1] for label in subjects if label[:2] in ("Ss", "Sp")), "")
    words = []
    for index, word in enumerate(linkage.words()):
        if word in ("LEFT-WALL", "RIGHT-WALL"):
            continue
        word = re.sub(r"\[!?<[^\]]*\]", "", word)  # "ALS[!<ALL-UPPER>]": how an unknown word was guessed
        match = re.match(r"^(?P<text>.+?)\.(?P<sub>[a-z])[-\w]*$", word)
        pos = _POS.get(match["sub"], "") if match else ""
        words.append(Word(match["text"] if match else word, linkage.word_char_start(index), pos))
    return Parse(unlinked=0, complete=complete, words=tuple(words), imperative="Wi" in labels and not subjects,
                 plural_subject={"s": False, "p": True}.get(number))


@lru_cache(maxsize=1)
def _english():
    lg = _linkgrammar()
    options = lg.ParseOptions(verbosity=0, linkage_limit=LINKAGES, max_parse_time=MAX_PARSE_SECONDS, spell_guess=0)
    lg.LG_Error.set_handler(_quiet)
    atexit.register(_english.cache_clear)  # free the dictionary while the binding can still do it
    return lg.Dictionary("en"), options


def _quiet(error, data) -> None:
    """Drop link-grammar's informational messages (it prints them to stderr)."""


def _linkgrammar():
    """The linkgrammar module (Debian's binding: see debian_modules.py)."""
    return debian_module("linkgrammar", "the plain-language checks need link-grammar: install the Debian packages "
                         "python3-link-grammar and link-grammar-dictionaries-en (`make setup` does)")
