"""What the rewriting rules need to know about English words, from lemminflect's
offline word lists: which words can be verbs or nouns, their forms, number."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import lemminflect

from ..wordlists import proper_names

PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "this", "these", "those", "there", "that"}
DETERMINERS = {"the", "a", "an", "their", "its", "his", "her", "our", "your", "my", "some", "many", "most",
               "each", "every", "such", "no", "all", "both", "several", "other", "another", "these", "this",
               "those", "one", "more", "few", "any"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can",
               "could", "may", "might", "must", "shall", "should", "will", "would"}
SINGULAR_VERBS = {"is", "was", "has", "does"}
PLURAL_VERBS = {"are", "were", "have", "do"}
ADVERBS = {"often", "also", "usually", "sometimes", "still", "then", "now", "only", "even", "always", "never",
           "normally", "mainly", "mostly", "slowly", "quickly", "later", "soon", "further", "initially"}


def mid_sentence(phrase: str) -> str:
    """`phrase` as it reads inside a sentence: its first letter in lowercase,
    unless its first word is a name or an acronym, which keep their form
    wherever they move ("MNDs", "Huntington's disease", "SOD1"). Only the
    first letter changes: "Motor neuron diseases (MNDs)" -> "motor neuron
    diseases (MNDs)"."""
    first = phrase.split()[0] if phrase.split() else ""
    if not first or is_name(first):
        return phrase
    return phrase[0].lower() + phrase[1:]


def is_name(word: str) -> bool:
    """Does `word` keep its capital inside a sentence: an acronym or a word with
    a capital or digit after its first letter ("ALS", "MNDs", "SOD1"), or a
    word the dictionaries list only with a capital ("Huntington's", "Gaucher")?"""
    core = word.strip(".,;:!?()\"“”‘’")
    core = re.sub(r"['’]s$", "", core)
    if not core:
        return False
    names = proper_names("en")
    return (any(letter.isupper() for letter in core[1:]) or any(letter.isdigit() for letter in core)
            or core.lower() in names or (core.lower().endswith("s") and core.lower()[:-1] in names))


def bare(word: str) -> str:
    return word.lower().strip(".,;:!?()\"'“”‘’")


@lru_cache(maxsize=None)
def lemmas(word: str) -> dict:
    """Possible parts of speech of `word` and their lemmas ({} if unknown)."""
    return lemminflect.getAllLemmas(bare(word))


def can_be_verb(word: str) -> bool:
    return bare(word) in AUXILIARIES or "VERB" in lemmas(word) or "AUX" in lemmas(word)


def is_finite_verb(word: str) -> bool:
    """A verb form that can carry a clause (not a bare -ing or noun-only word)."""
    word = bare(word)
    if word in AUXILIARIES:
        return True
    lemma = lemmas(word).get("VERB")
    if not lemma:
        return False
    if word.endswith("ing"):
        return False
    return True


def is_only_noun(word: str) -> bool:
    forms = lemmas(word)
    return "NOUN" in forms and "VERB" not in forms


def is_participle(word: str) -> bool:
    """A past participle or past tense ("thickened", "given"), often used as an adjective."""
    word = bare(word)
    lemma = lemmas(word).get("VERB")
    if not lemma or lemma[0] == word:
        return False
    return word in lemminflect.getInflection(lemma[0], tag="VBN") + lemminflect.getInflection(lemma[0], tag="VBD")


def is_gerund_verb(word: str) -> bool:
    """An -ing form of a verb ("leading", "reducing")."""
    word = bare(word)
    return word.endswith("ing") and "VERB" in lemmas(word)


def third_person(verb_ing: str) -> str:
    """The -s form of the verb behind an -ing word: "leading" -> "leads"."""
    lemma = lemmas(verb_ing).get("VERB", (bare(verb_ing),))[0]
    forms = lemminflect.getInflection(lemma, tag="VBZ")
    return forms[0] if forms else lemma + "s"


def base_form(verb_ing: str) -> str:
    """The plain form of the verb behind an -ing word: "leading" -> "lead"."""
    return lemmas(verb_ing).get("VERB", (bare(verb_ing),))[0]


def is_plural_noun(word: str) -> bool:
    """Is `word` a plural noun ("neurons", "radicals", "microglia" counts as plural)?"""
    word = bare(word)
    noun = lemmas(word).get("NOUN")
    if word in {"microglia", "glia", "mitochondria", "data", "bacteria", "people", "children", "astrocytes"}:
        return True
    if noun:
        return noun[0] != word
    return word.endswith("s") and not word.endswith("ss")


def starts_clause(words: list[str]) -> bool:
    """Do `words` open an independent clause: a subject, then a finite verb soon after?"""
    if not words:
        return False
    first = bare(words[0])
    subject_like = (first in PRONOUNS or first in DETERMINERS or is_only_noun(first) or is_gerund_verb(first)
                    or not lemmas(first) or (words[0][:1].isupper() and first not in AUXILIARIES))
    if not subject_like and "NOUN" in lemmas(first) and len(words) > 1:
        # "weight loss and malnutrition are ...": a noun phrase, then a clear verb before any comma
        for word in words[1:6]:
            if bare(word) in AUXILIARIES:
                return True
            if word.endswith((",", ";", ":")):
                break
        # "research indicates ...": a noun, then a word that can only be a finite verb
        second = bare(words[1])
        subject_like = second in AUXILIARIES or (is_finite_verb(second) and "NOUN" not in lemmas(second)) or (
            second.endswith("s") and is_finite_verb(second) and not is_plural_noun(first))
    if not subject_like or first in AUXILIARIES:
        return False
    for word in words[1:6]:
        if bare(word) in ADVERBS:
            continue
        if is_finite_verb(word) and not is_only_noun(word):
            return True
        if word.endswith((",", ";", ":")):
            return False  # the clause ended without a verb
    return False


WORDNET_NOUN_DATA = Path("/usr/share/wordnet/data.noun")
_PERSON_FILE = "18"  # WordNet's lexicographer file noun.person


def is_person_noun(word: str) -> bool:
    """Can `word` name a person ("nurse", "doctors", "child")? From WordNet's
    noun.person senses; a word with no such sense is not a person."""
    noun = lemmas(word).get("NOUN", (bare(word),))[0]
    return noun in _person_nouns() or bare(word) in _person_nouns()


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    people = set()
    if not WORDNET_NOUN_DATA.exists():
        return frozenset()
    with WORDNET_NOUN_DATA.open(encoding="utf-8", errors="replace") as data:
        for line in data:
            fields = line.split(" ", 5)
            if len(fields) > 4 and fields[1] == _PERSON_FILE:
                count = int(fields[3], 16)
                words = line.split(" ")[4: 4 + 2 * count: 2]
                people.update(word.lower() for word in words if "_" not in word)
    return frozenset(people)
