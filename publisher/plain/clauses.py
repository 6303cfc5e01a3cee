"""Split long sentences at clause boundaries: one idea per sentence.

Each rule recognises one way academic writing packs two ideas into a
sentence and unpacks it, for example:

  semicolons             "A; B."                     -> "A. B."
  dash asides            "A—B—C."                    -> "A C. B."
  dash definitions       "free radicals—waste ..."   -> "free radicals. These are waste ..."
  "which" clauses        "A, which can harm B."      -> "A. This can harm B."
  "such as" asides       "genes, such as X and Y, c" -> "genes c. These genes include X and Y."
  -ing tails             "A, leading to B."          -> "A. This leads to B."
  concessions            "While A, B."               -> "A. But B."
  joined clauses         "A, and they B."            -> "A. They B."

At the bottom, `RULE_ORDER` lists every rule in the order they are tried,
with why that order, and `RULES` is the registry: each rule as a
`ClauseRule` (name, function, purpose). Each rule's purpose and its
examples (sentences it splits, sentences it must leave alone) are data, in
clause_rules.toml next to this file, one [[rule]] per rule in the same
order; tests/test_clause_rules.py runs every example.

Rules work on the source wording (before the lexicon), whose academic
patterns are regular. Each piece is split again until no rule applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import textstat
from wordfreq import zipf_frequency

from ..datafiles import ListOf, Table, Text, key_line, load_data
from ..errors import PublisherError

from . import grammar, parser
from .contact_guard import GUARDED
from .tidy import capitalize

# A rule takes a sentence and the guide's names (medicines, genes: "riluzole,
# which" -> "It ...") and returns the pieces, or None if it does not apply.
Rule = Callable[[str, frozenset], "list[str] | None"]

# A word at least this common (wordfreq Zipf) is an everyday word, not a term.
COMMON_WORD_ZIPF = 4.0
# A piece shorter than this (in words) is not worth splitting further.
MIN_PIECE_WORDS = 4


@dataclass(frozen=True)
class ClauseRule:
    """One entry of the registry: the rule's name (its function's name, and its
    [[rule]] in clause_rules.toml), the function, and what it is for."""

    name: str
    split: Rule
    purpose: str


class Aside(list):
    """A rule's result [main, aside]: the aside belongs right after the sentence
    of the main part that holds `anchor` (the word it explains), or after the
    first one, not after all of them."""

    def __init__(self, pieces, anchor: str = ""):
        super().__init__(pieces)
        self.anchor = anchor


def split_clauses(sentence: str, names: frozenset = frozenset(),
                  rules: "Sequence[ClauseRule | Rule] | None" = None, used: list[str] | None = None) -> list[str]:
    """`sentence` as one or more sentences, one idea each. `rules` (default:
    the registry, `RULES`) are tried in order; the first that applies wins.
    Bare rule functions are accepted too. The name of each rule that split
    is added to `used`, if given (the ledger counts what each rule made)."""
    rules = RULES if rules is None else rules
    for rule in rules:
        split = rule.split if isinstance(rule, ClauseRule) else rule
        pieces = split(sentence.strip(), names)
        if not pieces or not all(len(piece.split()) >= 2 for piece in pieces):
            continue
        if used is not None:
            used.append(rule.name if isinstance(rule, ClauseRule) else rule.__name__)
        if isinstance(pieces, Aside):
            main, aside = split_clauses(pieces[0], names, rules, used), split_clauses(pieces[1], names, rules, used)
            at = next((index for index, piece in enumerate(main)
                       if pieces.anchor and re.search(rf"\b{re.escape(pieces.anchor)}\b", piece)), 0)
            return main[: at + 1] + aside + main[at + 1:]
        return [result for piece in pieces for result in split_clauses(piece, names, rules, used)]
    return [sentence.strip()]


def _words(text: str) -> int:
    return len(text.split())


def _end(text: str) -> str:
    """`text` as a finished sentence."""
    text = text.strip().rstrip(",;:—– ")
    return text if text.endswith((".", "!", "?")) else text + "."


def _stop(sentence: str) -> str:
    """The sentence's final punctuation ("." if it has none)."""
    return sentence.strip()[-1] if sentence.strip()[-1:] in ".!?" else "."


# --- semicolons ----------------------------------------------------------------------


def semicolons(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    head, sep, tail = sentence.partition("; ")
    if not sep or _words(head) < MIN_PIECE_WORDS or _words(tail) < MIN_PIECE_WORDS:
        return None
    if _opens_with_joiner(tail) or not _has_clear_verb(head) or not _has_clear_verb(tail):
        return None  # "beef and lamb; and fatty fish": a list of things, not two clauses
    return [_end(head), capitalize(tail)]


# --- dashes --------------------------------------------------------------------------

# An em dash, an en dash with spaces round it, or two hyphens: an en dash between two words or
# numbers is a hyphen or a range ("A–200", "first–line", "5–10 minutes"), and one hyphen with
# spaces round it is, in pasted web text, a list's bullet laid flat ("organ damage - shock - coma"):
# nothing to split at.
_DASH = re.compile(r"\s*—\s*|\s+–\s+|\s*--\s*")


def dash_aside(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A—B—C." : the aside B becomes its own sentence after "A C."."""
    parts = _DASH.split(sentence)
    if len(parts) != 3:
        return None
    before, aside, after = parts
    if "," in aside or _opens_with_joiner(aside) or aside.strip()[:1].isupper():
        return None  # "—doctors, nurses, and therapists—" or "—or a nurse—" is no sentence of its own
    main = f"{before.rstrip(',')} {after.lstrip(', ')}"
    anchor = before.split()[-1].strip(",") if before.split() else ""
    return Aside([_end(main), _aside_sentence(aside, before, names)], anchor)


def dash_definition(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A—B." with B defining the last words of A: "A. These are B."."""
    parts = _DASH.split(sentence)
    if len(parts) != 2 or _words(parts[1]) < 2 or _opens_with_joiner(parts[1]) or parts[1].strip()[:1].isupper():
        return None
    before, after = parts
    return [_end(before), _aside_sentence(after.rstrip(".!?"), before, names) if after.strip() else ""]


_JOINERS = {"and", "or", "but", "then", "so", "yet", "especially", "particularly", "mainly", "mostly", "even", "not",
            "only", "also", "usually", "often"}


def _opens_with_joiner(text: str) -> bool:
    """Does `text` go on with the sentence before it ("and this can...", "then spreads")?"""
    return bool(text.split()) and grammar.bare(text.split()[0]) in _JOINERS


def _aside_sentence(aside: str, before: str, names: frozenset) -> str:
    aside = aside.strip().rstrip(",.")
    antecedent = before.split()[-1] if before.split() else ""
    lowered = aside.lower()
    if lowered.startswith(("all of which", "both of which", "each of which")):
        return _end(capitalize(aside.split(" ", 3)[0]) + " of these " + aside.split(" ", 3)[3])
    if lowered.startswith(("where ", "when ", "in which ")):
        return _end(capitalize(aside.split(" ", 2 if lowered.startswith("in which") else 1)[-1]))
    if lowered.startswith(("which ", "that ")):
        rest = aside.split(" ", 1)[1]
        return _end(f"{_pronoun(antecedent, rest, names)} {rest}")
    if lowered.startswith(("such as ", "like ", "including ")):
        items = aside.split(" ", 2)[2] if lowered.startswith("such as") else aside.split(" ", 1)[1]
        return _end(f"These include {items}")
    if grammar.is_gerund_verb(aside.split()[0]):
        return _end(f"This {grammar.third_person(aside.split()[0])} {aside.split(' ', 1)[1]}")
    plural = grammar.is_plural_noun(antecedent)
    noun = _noun_phrase(before)  # "biomarkers—signs that ..." -> "Biomarkers are signs that ...", not "These are"
    if noun and not _hard(noun):
        return _end(f"{capitalize(noun)} {'are' if plural else 'is'} {aside}")
    return _end(f"{'These are' if plural else 'This is'} {aside}")


def _hard(noun: str) -> bool:
    """Is a word of `noun` long (three syllables or more: "excitotoxicity",
    "radicals")? Said again, it makes the sentence harder; the sentence
    before has just named it, so "These are ..." is clear enough."""
    return any(textstat.syllable_count(word) >= 3 for word in noun.split())


_NOT_IN_NOUN_PHRASE = {"and", "or", "but", "nor", "to", "that", "which", "who", "than", "as", "not"}


def _noun_phrase(before: str, most: int = 4) -> str:
    """The noun phrase `before` ends with ("the motor neurons", "harmful free
    radicals"), to repeat as the subject of a sentence split off after it;
    "" when its end is no clear noun phrase (a verb, a pronoun, a list, "a
    gene": an indefinite one, or more than `most` words)."""
    words = before.split()
    if not words or not re.fullmatch(r"[\w-]+", words[-1]):
        return ""
    taken: list[str] = []
    for word in reversed(words):
        if not re.fullmatch(r"[\w-]+", word):
            break
        low = word.lower()
        forms = grammar.lemmas(word)
        if (low in grammar.PRONOUNS or low in grammar.AUXILIARIES or low in _PREPOSITIONS
                or low in _NOT_IN_NOUN_PHRASE or low in grammar.DETERMINERS):
            break
        if forms and not ({"NOUN", "ADJ"} & forms.keys()):
            break  # "identify biomarkers": a verb ends the phrase
        taken.insert(0, word)
    if not taken or len(taken) > most or any(word.startswith(GUARDED) for word in taken):
        return ""  # (a phone number or web address the rewrite holds hidden is no noun to repeat)
    head = grammar.lemmas(taken[-1])
    if head and "NOUN" not in head:
        return ""  # "... is harmful": no noun to repeat
    at = len(words) - len(taken)
    if at and words[at - 1].lower() in ("and", "or"):
        return ""  # "microglia and astrocytes—types of glial cells": the aside is about both, or the whole event
    determiner = words[at - 1].lower() if at else ""
    if determiner in grammar.DETERMINERS and determiner != "the":
        return ""  # "a gene", "some cells": not one the reader can be told about again
    return " ".join(([words[at - 1]] if determiner == "the" else []) + taken)


def _subject(head: str, clause: str, names: frozenset) -> str:
    """Who a "which" clause is about, as the subject of its own sentence: the
    noun phrase before it when the clause says what that is ("Sandhoff
    disease, which is not limited to ..." -> "Sandhoff disease is not limited
    to ..."), else a pronoun (_pronoun)."""
    first = grammar.bare(clause.split()[0]) if clause.split() else ""
    noun = _noun_phrase(head) if first in ("is", "are", "was", "were") else ""
    if noun and (first in grammar.PLURAL_VERBS) == grammar.is_plural_noun(noun.split()[-1]):
        return capitalize(noun)
    return _pronoun(head.split()[-1], clause, names)


def _pronoun(antecedent: str, clause: str, names: frozenset) -> str:
    """"This" or "These" for a clause that refers back, by the number of its
    verb; "It" after a name ("riluzole, which is...")."""
    first = grammar.bare(clause.split()[0]) if clause.split() else ""
    if grammar.bare(antecedent) in names and not grammar.is_plural_noun(antecedent):
        return "It"
    if first in grammar.PLURAL_VERBS:
        return "These"
    if first in grammar.SINGULAR_VERBS or (first.endswith("s") and grammar.can_be_verb(first)):
        return "This"
    return "These" if grammar.is_plural_noun(antecedent) else "This"


# --- which clauses -------------------------------------------------------------------

_WHICH_END = re.compile(r"^(?P<head>.+?\w), which (?P<rest>[^,]+(?:,[^,]+)*)(?P<stop>[.!?])$")
_WHICH_MIDDLE = re.compile(r"^(?P<head>.+?\w), which (?P<aside>[^,]+), (?P<tail>[a-z].+)$")


def which_clause(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, which B." -> "A. This B."; "A, which B, C." -> "A C. This B."."""
    middle = _WHICH_MIDDLE.match(sentence)
    if middle and _is_predicate(middle["tail"]) and not _in_list(middle["head"]):
        head, aside, tail = middle["head"], middle["aside"], middle["tail"]
        if _words(head) >= 2:
            return Aside([_end(f"{head} {tail}"), _end(f"{_subject(head, aside, names)} {aside}")])
    end = _WHICH_END.match(sentence)
    if not end or _words(end["head"]) < MIN_PIECE_WORDS or _words(end["rest"]) < 2:
        return None
    last = end["head"].rsplit(",", 1)[-1].strip() if "," in end["head"] else ""
    if last and grammar.bare(last.split()[0]) not in ("and", "or") and not parser.parse(_end(capitalize(last)), 3).complete:
        return None  # "the drug X, part of a class called Y, which may ...": which of them "which" means is a guess
    if any(grammar.starts_clause(part.split()) for part in end["rest"].split(", ")[1:]):
        return None  # "which" opens an aside before the main clause: leave it
    head, rest = end["head"], end["rest"]
    return [_end(head), f"{_subject(head, rest, names)} {rest}{end['stop']}"]


def _is_predicate(text: str) -> bool:
    """Does `text` start with a verb that carries the sentence on ("leads to X")?"""
    words = text.split()
    if len(words) < 2 or words[0].endswith(","):
        return False
    first = grammar.bare(words[0])
    return first in grammar.AUXILIARIES or (grammar.is_finite_verb(first) and first.endswith("s"))


# --- where clauses ---------------------------------------------------------------------

_WHERE_MIDDLE = re.compile(r"^(?P<head>.+?\w), where (?P<aside>[^,]+), (?P<tail>[a-z].+)$")
_WHERE_END = re.compile(r"^(?P<head>.+?\w), where (?P<rest>[^,]+)(?P<stop>[.!?])$")


def where_clause(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, where B, C." -> "A C. In this, B."; "A, where B." -> "A. In this, B."."""
    middle = _WHERE_MIDDLE.match(sentence)
    if middle and _is_predicate(middle["tail"]):
        head = middle["head"]
        return Aside([_end(f"{head} {middle['tail']}"), _end(f"In {_this(head)}, {middle['aside']}")])
    end = _WHERE_END.match(sentence)
    if end and grammar.starts_clause(end["rest"].split()) and _words(end["head"]) >= MIN_PIECE_WORDS:
        return [_end(end["head"]), _end(f"Here, {end['rest']}")]
    return None


def _this(head: str) -> str:
    return "these" if grammar.is_plural_noun(head.split()[-1]) else "this"


# --- appositions ---------------------------------------------------------------------------

_APPOSITION = re.compile(r"^(?P<subject>[^,]+), (?P<apposition>(?:the|a|an) [^,]+), (?P<predicate>[a-z].+)$")


def apposition(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"Glutamate, the main messenger, can harm X." -> "Glutamate is the main
    messenger. Glutamate can harm X."."""
    match = _APPOSITION.match(sentence)
    if not match or not _is_predicate(match["predicate"]) or _words(match["subject"]) > 4:
        return None
    head = match["subject"].split()[-1]
    verb = "are" if grammar.is_plural_noun(head) else "is"
    return [_end(f"{capitalize(head)} {verb} {match['apposition']}"), _end(f"{match['subject']} {match['predicate']}")]


# --- bracketed places ----------------------------------------------------------------------

_LOCATED = re.compile(r"\((?:located|found|which is|which are|that is|that are) (?P<place>(?:in|at|on|inside) [^)]+)\)")


def located_aside(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"neurons (located in the brain)" -> "neurons in the brain"."""
    if not _LOCATED.search(sentence):
        return None
    return [_LOCATED.sub(lambda match: match["place"], sentence)]


# --- participle asides -----------------------------------------------------------------

_PARTICIPLE_ASIDE = re.compile(r"^(?P<intro>[A-Z]\w+, )?(?P<subject>[^,]+), (?P<participle>caused|driven|triggered|made|"
                               r"marked|characteri[sz]ed|worsened|helped|led) by (?P<agent>[^,]+), "
                               r"(?P<predicate>[a-z].+)$")


def participle_aside(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X, caused by Y, harms Z." -> "X harms Z. It is caused by Y."."""
    match = _PARTICIPLE_ASIDE.match(sentence)
    if not match or not _is_predicate(match["predicate"]):
        return None
    plural = grammar.is_plural_noun(match["subject"].split()[-1])
    pronoun = "They are" if plural else "It is"
    return Aside([_end(f"{match['intro'] or ''}{match['subject']} {match['predicate']}"),
                  _end(f"{pronoun} {match['participle']} by {match['agent']}")])


# --- a series of verb phrases -----------------------------------------------------------

# Source sentences longer than this are worth splitting even where the split
# is only a matter of length (the lexicon makes sentences longer still).
LONG_SENTENCE_WORDS = 16


def verb_series(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X starts in A, runs through B, and reaches C." (when long) ->
    "X starts in A. They run through B. They reach C."."""
    if _words(sentence) <= LONG_SENTENCE_WORDS:
        return None
    parts = re.split(r",\s+(?:and\s+|or\s+)?", sentence.rstrip(".!?"))
    while len(parts) > 1 and _words(parts[0]) <= 3 and not _has_clear_verb(parts[0]):  # "For instance, X ..."
        parts[:2] = [f"{parts[0]}, {parts[1]}"]
    if len(parts) < 3:
        return None
    first_words = [part.split()[0] if part.split() else "" for part in parts[1:]]
    if not all(grammar.is_finite_verb(word) and not grammar.is_gerund_verb(word) for word in first_words):
        return None
    if any(grammar.bare(word) in grammar.DETERMINERS for word in first_words):
        return None
    if any(grammar.bare(word) in grammar.AUXILIARIES | {"to"} for word in parts[0].split()):
        return None  # "may help to A, B and C" or "will check A, ask B": the series shares "may", "will"
    plural = not first_words[0].endswith("s")
    subject = re.split(r"\s+(?:in|of|for|with|on|from)\s+", parts[0])[0].split()
    if not plural and (not subject or any(grammar.is_person_noun(word) for word in subject[:4])):
        return None  # "Your nurse checks X, asks Y": "It asks Y" is wrong for a person
    pronoun = "They" if plural else "It"
    return [_end(parts[0])] + [_end(f"{pronoun} {part}") for part in parts[1:]]


MIN_BOTH_WORDS = 3  # "both A and B" with A shorter than this may share B's noun ("both Phase I and Phase II titers")
_DUTY = ("should", "must", "will", "would", "shall")
_BOTH = re.compile(r"^(?P<subject>.+?) (?P<verb>[a-z]+s|[a-z]+) both (?P<x>.+?) and (?P<y>[^,]+?)(?P<stop>[.!?])$")


def both_and(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X affects both A and B." (when long) -> "X affects A. It also affects B."."""
    match = _BOTH.match(sentence)
    if not match or _words(sentence) <= LONG_SENTENCE_WORDS or not grammar.is_finite_verb(match["verb"]):
        return None
    if _words(match["x"]) < MIN_BOTH_WORDS or grammar.bare(match["subject"].split()[-1]) in _HEDGING_MODALS + _DUTY:
        # "request both Phase I and Phase II titers": the first may share the second's noun, and
        # "should request" is not "also request"
        return None
    plural = not match["verb"].endswith("s")
    pronoun = "They" if plural else "It"
    return [_end(f"{match['subject']} {match['verb']} {match['x']}"),
            _end(f"{pronoun} also {match['verb']} {match['y']}")]


# --- "because" tails ---------------------------------------------------------------------

_BECAUSE = re.compile(r"^(?P<head>.+?[\w)]), (?:as|because|since) (?P<clause>.+)$")


def because_tail(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, as B." -> "A. This is because B." (long sentences)."""
    match = _BECAUSE.match(sentence)
    if (not match or _words(sentence) <= LONG_SENTENCE_WORDS or _words(match["head"]) < MIN_PIECE_WORDS
            or not grammar.starts_clause(match["clause"].split()) or not _has_clear_verb(match["head"])):
        return None  # "For babies with the later form, as symptoms lessen, ...": "as" is "while", not "because"
    return [_end(match["head"]), _end(f"This is because {match['clause']}")]


# --- "X, or Y," glosses ------------------------------------------------------------------

_OR_GLOSS = re.compile(r"^(?P<term>[A-Z][\w-]*(?: [\w-]+)?), or (?P<gloss>[^,]+), (?P<predicate>[a-z].+)$")


def or_gloss(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"Dysphagia, or difficulty swallowing, affects X." ->
    "Difficulty swallowing affects X. This is called dysphagia."."""
    match = _OR_GLOSS.match(sentence)
    if not match or not _is_predicate(match["predicate"]) or not match["gloss"][:1].islower():
        return None  # "Edaravone, or Radicava, ..." names one thing twice: no gloss
    if zipf_frequency(match["term"].lower(), "en") >= COMMON_WORD_ZIPF:
        return None  # "Rest, or a short walk, ..." offers a choice: "rest" is no term to gloss
    term = grammar.mid_sentence(match["term"])
    return Aside([_end(f"{capitalize(match['gloss'])} {match['predicate']}"), _end(f"This is called {term}")])


# --- ", a state in which ..." ------------------------------------------------------------

_COMMA_DEFINITION = re.compile(r"^(?P<head>.+\w), (?P<definition>(?:a|an) [\w-]+(?: [\w-]+)? (?:in which|where|that|"
                               r"when|which|of) .+?)(?P<stop>[.!?])$")


def comma_definition(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X causes pneumonia, a serious problem that Y." -> "X causes pneumonia.
    This is a serious problem that Y."."""
    match = _COMMA_DEFINITION.match(sentence)
    if not match or _words(match["head"]) < MIN_PIECE_WORDS or "," in match["definition"].split(" that ")[0][:2]:
        return None
    # Name what is defined ("Dystonia is a movement disorder ..."): a "This"
    # could point back at the whole sentence before.
    words = match["head"].split()
    noun = words[-1]
    known = grammar.lemmas(noun)
    if known and "NOUN" not in known:
        return [_end(match["head"]), _end(f"This is {match['definition']}")]
    phrase = [noun]
    for word in reversed(words[:-1]):  # "break down phytanic acid" -> "phytanic acid"
        lemmas = grammar.lemmas(word)
        if grammar.bare(word) in grammar.DETERMINERS | _PREPOSITIONS | _PARTICLES or word.endswith(",") or (
                lemmas and not ({"NOUN", "ADJ"} & set(lemmas))) or len(phrase) == 3:
            break
        phrase.insert(0, word)
    verb = "are" if grammar.is_plural_noun(noun) and noun.lower() != noun.rstrip("s").lower() + "ss" else "is"
    return [_end(match["head"]), _end(f"{capitalize(' '.join(phrase))} {verb} {match['definition']}")]


# --- "... and can be ..." -----------------------------------------------------------------

_SUBORDINATE = re.compile(r"\b(?:so that|because|if|when|whenever|which|who|that|while|although|unless|until)\b",
                          re.IGNORECASE)
_AND_MODAL = re.compile(r"^(?P<head>.+?) and (?P<modal>can|may|might|will|should|must|could) (?P<rest>.+)$")


def and_modal(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X often comes with Y and can be treated with Z." (long) -> "... Y. It can be treated with Z."."""
    match = _AND_MODAL.match(sentence)
    if not match or _words(sentence) <= LONG_SENTENCE_WORDS or _words(match["head"]) < MIN_PIECE_WORDS:
        return None
    if _SUBORDINATE.search(match["head"]):
        return None  # "so that your body gets X and can heal": the "and" is inside the "so that" clause
    subject = match["head"].split()
    verb_at = next((index for index, word in enumerate(subject) if grammar.bare(word) in grammar.AUXILIARIES), None)
    if verb_at is None:
        verb_at = next((index for index, word in enumerate(subject) if index and grammar.is_finite_verb(word)
                        and not grammar.is_only_noun(word)), None)
    if verb_at is None:
        return None
    verb = grammar.bare(subject[verb_at])
    plural = verb in grammar.PLURAL_VERBS or (verb not in grammar.SINGULAR_VERBS and not verb.endswith("s"))
    return [_end(match["head"]), _end(f"{'They' if plural else 'It'} {match['modal']} {match['rest']}")]


# --- other names ------------------------------------------------------------------------

_ALIAS = re.compile(r"^(?P<name>[^,]+), (?:(?:often|commonly|also|sometimes|usually) )?(?:known as|referred to as|"
                    r"called) (?P<alias>[^,]+), (?P<predicate>(?:is|are|was|were) .+)$")


def alias_aside(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"X, often called Y, is Z." -> "X is also called Y. It is Z."."""
    match = _ALIAS.match(sentence)
    if not match:
        return None
    plural = match["predicate"].split()[0] in ("are", "were")
    verb, pronoun = ("are", "They") if plural else ("is", "It")
    return [_end(f"{match['name']} {verb} also called {match['alias']}"), _end(f"{pronoun} {match['predicate']}")]


# --- "with X being Y" -----------------------------------------------------------------------

_WITH_BEING = re.compile(r"^(?P<head>.+?\w), with (?P<subject>[^,]+?) being (?P<rest>[^,]+)(?P<stop>[.!?])$")


def with_being(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, with X being Y." -> "A. X is Y."."""
    match = _WITH_BEING.match(sentence)
    if not match or _words(match["head"]) < MIN_PIECE_WORDS:
        return None
    subject = match["subject"]
    head_noun = re.split(r"\s+(?:in|of|for|with|on)\s+", subject)[0].split()[-1]
    plural = grammar.is_plural_noun(head_noun) or bool(re.search(r"\b\d", subject))
    verb = "are" if plural else "is"
    return [_end(match["head"]), _end(f"{capitalize(subject)} {verb} {match['rest']}")]


# --- "respectively" --------------------------------------------------------------------------

_RESPECTIVELY = re.compile(r"^(?P<before>.*?)(?P<a>[\w-]+) and (?P<b>[\w-]+) (?P<shared>(?:(?:have|has) been |"
                           r"(?:are|is|were|was) )?\w+ (?:to|for|in|as) )(?P<x>[^,]+?) and (?P<y>[^,]+?),? "
                           r"respectively(?P<stop>[.!?])$")
_SINGULAR = {"have been": "has been", "are": "is", "were": "was", "have": "has"}


def respectively(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A and B help to X and Y, respectively." -> "A helps to X. B helps to Y."."""
    match = _RESPECTIVELY.match(sentence)
    if not match:
        return None
    shared = match["shared"]
    single = shared
    for plural, singular in _SINGULAR.items():
        if single.startswith(plural + " "):
            single = singular + single[len(plural):]
            break
    before = re.sub(r"\b\w+ (?:like|such as) $", "", match["before"])  # "drugs like A and B" -> "A"
    if before != match["before"]:
        shared_first = single
    else:
        shared_first = single if not before else shared
    first = _end(f"{capitalize(before) if before else ''}{match['a'] if before else capitalize(match['a'])} "
                 f"{shared_first}{match['x']}")
    second = _end(f"{capitalize(match['b'])} {single}{match['y']}")
    return [first, second]


# --- such as asides -------------------------------------------------------------------

_SUCH_AS = re.compile(r"^(?P<head>.*?\b(?P<noun>\w+)), such as (?P<items>[^,]+(?:, [^,]+)*?,? (?:and|or) [^,]+), "
                      r"(?P<tail>.+)$")


_SUCH_AS_BARE = re.compile(r"^(?P<head>.+?\b(?P<noun>\w+)) such as (?P<items>[^,]+(?:, [^,]+)*?,? (?:and|or) "
                           r"[\w-]+) (?P<tail>(?:also |often |may |can |all )?[a-z]+ .+)$")


def such_as_aside(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"Genes, such as X and Y, cause A." -> "Genes cause A. These genes include X and Y."."""
    if sentence.count("such as") > 1:
        return None  # which examples belong to which noun is not for a pattern to guess
    match = _SUCH_AS.match(sentence)
    if not match:
        match = _SUCH_AS_BARE.match(sentence)
        if match and not grammar.is_finite_verb(match["tail"].split()[0] if match["tail"].split()[0] not in
                                                ("also", "often", "all") else match["tail"].split()[1]):
            match = None
    if not match or not _words(match["tail"]) >= 2:
        return None
    noun = match["noun"]
    before = match["head"].split()[-2:-1]
    if before and grammar.bare(before[0]) in _PREPOSITIONS:
        # "drugs used for myoclonus, such as X": the examples may belong to a
        # noun further back; "Examples include" does not pick one.
        return Aside([_end(f"{match['head']} {match['tail']}"), _end(_examples(match['items']))])
    plural = grammar.is_plural_noun(noun)
    label = f"{'These' if plural else 'This'} {grammar.mid_sentence(noun)}"
    verb = "include" if plural else "includes"
    return Aside([_end(f"{match['head']} {match['tail']}"), _end(f"{label} {verb} {match['items']}")])


# --- -ing tails -------------------------------------------------------------------------

_TAIL = re.compile(r"^(?P<adverb>(?:further|ultimately|thereby|potentially|eventually|possibly|also|often|"
                   r"typically) )?(?P<verb>[a-z]+ing) (?P<rest>.+?)(?P<stop>[.!?]?)$")


def ing_tail(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, leading to B." -> "A. This leads to B."."""
    for comma in re.finditer(", ", sentence):
        head, match = sentence[: comma.start()], _TAIL.match(sentence[comma.end():])
        if not match or _words(head) < MIN_PIECE_WORDS or _ends_in_gerund_list(head):
            continue
        if not grammar.is_gerund_verb(match["verb"]) or not _has_verb(head) or _gerund_is_subject(match["verb"], match["rest"]):
            continue
        if not parser.parse(_end(head), 3).complete:
            continue  # "vision - rings, flashing lights": no clause to hang a tail on
        if match["verb"] == "including" and _after_the_examples(match["rest"]):
            return None  # "keep wild animals, including raccoons, as pets": "as pets" is the sentence's, no example
        if match["verb"] == "including" and ";" not in match["rest"]:
            # "avoid foods that contain X, including dairy": "This includes dairy"
            # would point at the wrong noun; examples point at none.
            return [_end(head), _end(_examples(match['rest']))]
        if match["verb"] == "including":
            continue
        if _opens_list(head):  # "signs include A, coughing or choking, and B": a list
            continue
        adverb = match["adverb"] or ""
        verb = match["verb"]
        subject, plural = _tail_subject(head, verb)
        finite = grammar.base_form(verb) if plural else grammar.third_person(verb)
        if adverb.strip() in _MAYBE:
            adverb, finite = "may ", grammar.base_form(verb)
        clause = head.rsplit(",", 1)[-1]  # "Although it may be mild ..., in others X is Y": not X's "may"
        modal = next((grammar.bare(word) for word in clause.split() if grammar.bare(word) in _HEDGING_MODALS), "")
        if modal and not adverb.strip():
            # "X may damage nerves, leading to Y": the outcome is as uncertain -> "This may lead to Y"
            adverb, finite = f"{modal} ", grammar.base_form(verb)
        # "can control X, minimizing Y and increasing Z" -> "This can minimize Y and increase Z": the modal reaches both
        rest = _conjoined_gerunds(f"{match['rest']}{match['stop'] or '.'}", plural or finite == grammar.base_form(verb))
        if adverb.strip() in _IN_THE_END:
            return [_end(head), f"{capitalize(adverb.strip())}, {grammar.mid_sentence(subject)} {finite} {rest}"]
        return [_end(head), f"{subject} {adverb}{finite} {rest}"]
    return None


def _tail_subject(head: str, verb: str) -> tuple[str, bool]:
    """Who does an -ing tail's verb: "They" after "X are Y," (it describes X),
    else "This" (the whole event). Returns (pronoun, plural)."""
    if grammar.bare(verb) != "meaning":
        copulas = [grammar.bare(word) for word in head.split() if grammar.bare(word) in grammar.AUXILIARIES]
        if copulas and copulas[0] in ("are", "were") and len(copulas) == 1:
            return "They", True
    return "This", False


def _in_list(head: str) -> bool:
    """Does `head` end inside a list ("A, B, and ..."): its last comma-separated
    part has no verb of its own?"""
    if "," not in head:
        return False
    last = head.rsplit(",", 1)[-1]
    if _has_clear_verb(last):
        return False
    return _words(last) <= 3 or not _has_verb(" " + last)


_PARTICLES = {"down", "up", "out", "off", "over", "away", "back"}  # "break down X": not part of X
_PREPOSITIONS = {"on", "of", "in", "for", "by", "at", "about", "with", "without", "from", "like", "as"}


def _ends_in_gerund_list(head: str) -> bool:
    """Does `head` end in a list of -ing phrases ("focus on slowing X", "walking,
    speaking"), so that a following ", managing Y" continues the list?"""
    last = head.rsplit(",", 1)[-1].split()
    if len(last) == 1 and grammar.is_gerund_verb(last[0]):
        return True
    return any(grammar.is_gerund_verb(word) and grammar.bare(before) in _PREPOSITIONS
               for before, word in zip(last, last[1:]))


_LIST_OPENER = re.compile(r"\b(?:include|includes|including|such as|like|involve|involves)\b")


def _opens_list(head: str) -> bool:
    """Does `head` run on from "include", "such as"... with no new verb, so a
    following ", and X" or ", coughing" is the next item of that list?"""
    openers = list(_LIST_OPENER.finditer(head))
    after = re.sub(r"\([^)]*\)", "", head[openers[-1].end():]) if openers else ""
    return bool(openers) and not _has_clear_verb(after)  # "(..., which is part of X)" is no verb of the list
_MAYBE = {"potentially", "possibly"}
_HEDGING_MODALS = ("may", "might", "could", "can")
_IN_THE_END = {"ultimately", "eventually"}
_CLAUSE_TAKING = {"meaning", "suggesting", "showing", "indicating", "implying", "proving"}


def _gerund_is_subject(verb: str, rest: str) -> bool:
    """Is the -ing phrase the subject of what follows ("understanding it has led")?"""
    if grammar.bare(verb) in _CLAUSE_TAKING:  # "meaning they are ...": a clause follows
        return False
    return any(grammar.bare(word) in grammar.AUXILIARIES for word in rest.split()[:4])


def _after_the_examples(items: str) -> bool:
    """Does a part of `items` open with a preposition ("raccoons, as pets"):
    the sentence going on after its examples, not one more example? Or are
    they a list laid flat (" - " between them), to be left as written?"""
    if " - " in items:
        return True  # "including - lung cancer - throat cancer ...": a list laid flat, not examples to move
    return any(grammar.bare(part.split()[0]) in _PREPOSITIONS
               for part in re.split(r",\s*", items)[1:] if part.split())


def _examples(items: str) -> str:
    """ "Examples include A, B and C.", or "One example is A." for a single one."""
    if re.search(r",|\band\b|\bor\b", items):
        return f"Examples include {items}"
    return f"One example is {items}"


def _conjoined_gerunds(text: str, plural: bool = False) -> str:
    """"reduces X and potentially slowing Y" -> "... and potentially slows Y"
    (in the base form, "slow", where `plural`: after a plural subject or a modal)."""
    def third(match: re.Match) -> str:
        before = text[: match.start()].split()[-1:] or [""]
        if (not grammar.is_gerund_verb(match["verb"]) or grammar.is_only_noun(match["verb"])
                or grammar.is_gerund_verb(before[0])):  # "of finding and making X": one object
            return match.group(0)
        finite = grammar.base_form(match["verb"]) if plural else grammar.third_person(match["verb"])
        adverb = match["adverb"] or ""
        if adverb.strip() in _MAYBE:
            adverb, finite = "may ", grammar.base_form(match["verb"])
        return f"{match['joiner']} {adverb}{finite} "
    return re.sub(r"(?P<joiner>,? (?:and|or|but)) (?P<adverb>(?:potentially|possibly|also|further|then) )?"
                  r"(?P<verb>[a-z]+ing) (?=\w)", third, text)


# --- concessions ------------------------------------------------------------------------

_CONCESSION = re.compile(r"^(?P<word>While|Although|Though|Whereas|Even though) (?P<clause>[^,]+), (?P<main>.+)$")


def concession(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"While A, B." -> "A. But B."."""
    match = _CONCESSION.match(sentence)
    if not match or _words(match["clause"]) < 3 or not grammar.starts_clause(match["main"].split()):
        return None
    if grammar.bare(match["clause"].split()[0]) in _FORWARD_PRONOUNS:
        return None  # "Although it is common in the elderly, dementia is ...": "it" points forward, to "dementia"
    return [_end(capitalize(match["clause"])), _end("But " + match["main"])]


# A pronoun that opens a fronted clause points to the main clause's subject, which a split leaves behind.
_FORWARD_PRONOUNS = {"it", "they", "he", "she", "its", "their"}  # not "these cells": that points back


# --- joined clauses ----------------------------------------------------------------------

_BARE_QUANTIFIERS = {"more", "less", "most", "many", "some", "few", "all", "both"}
_SUBORDINATORS = {"if", "when", "whenever", "although", "though", "because", "since", "unless", "while", "before",
                  "after", "once", "until", "as", "whether"}
_JOINED = re.compile(r",? (and|but|so|yet|while|whereas) ")


def joined_clauses(sentence: str, names: frozenset = frozenset()) -> list[str] | None:
    """"A, and they B." -> "A. They B."; ", but" keeps its "But"; a long
    "A but B" without a comma is split too (a "but" between two clauses)."""
    for match in _JOINED.finditer(sentence):
        bare_but = match.group(1) == "but" and _words(sentence) > LONG_SENTENCE_WORDS
        if not (sentence[match.start()] == "," or bare_but):
            continue
        head, tail = sentence[: match.start()], sentence[match.end():]
        if _words(head) < MIN_PIECE_WORDS or not grammar.starts_clause(tail.split()):
            continue
        if grammar.bare(head.split()[0]) in _SUBORDINATORS:
            continue  # "If A, and B, C": "If A" has no main clause of its own
        joiner = match.group(1)
        first, second = (grammar.bare(word) for word in (tail.split() + ["", ""])[:2])
        if (joiner == "so" and first == "that") or (first in _BARE_QUANTIFIERS and second in grammar.ADVERBS):
            continue  # "so that X" is no clause of its own; "but more often have" has no subject
        if ":" in head:
            continue  # "two forms: A, and B": the "and" joins the items after the colon
        if first in ("that", "which", "who", "whom", "whose"):
            continue  # "research aimed at X, and that focus on Y": a relative clause goes on
        if not _has_verb(head) or (joiner == "and" and (_in_list(head) or _opens_list(head) or _series(head))):
            continue  # ", and X" may be the last item of a list; "while", "but"... never are
        tail = capitalize(tail) if joiner in ("and", "while", "whereas") else f"{joiner.capitalize()} {tail}"
        return [_end(head), tail]
    return None


def _series(head: str) -> bool:
    """Does `head` end in a series, "A, B" (a comma outside brackets that
    does not just close an opening phrase like "Over time,"): its ", and C"
    is one more item, however much of a clause C looks ("exercise programs,
    joining support groups, and good communication ... are ways to ...")?"""
    parts = re.sub(r"\([^)]*\)", "", head).split(", ")
    first = grammar.bare(parts[0].split()[0]) if parts[0].split() else ""
    if len(parts) > 1 and _words(parts[0]) <= 4 and (first in _PREPOSITIONS | _OPENERS or first.endswith("ly")):
        parts = parts[1:]  # "Over time, these symptoms worsen, and ...": one clause, then another
    return len(parts) >= 2


# Words that open a phrase set before a clause with a comma ("Over time,", "Today,", "Finally,")
_OPENERS = {"over", "after", "before", "during", "since", "until", "through", "throughout", "within", "today",
            "now", "then", "later", "sometimes", "often", "usually", "first", "finally", "however", "also"}


def _has_clear_verb(text: str) -> bool:
    """Does `text` hold a word that can only be a verb ("worsen", "is")?"""
    return any(grammar.bare(word) in grammar.AUXILIARIES
               or (grammar.is_finite_verb(word) and "NOUN" not in grammar.lemmas(word)
                   and not grammar.is_participle(word))
               for word in text.split())


def _has_verb(text: str) -> bool:
    return any(grammar.is_finite_verb(word) and not grammar.is_only_noun(word) for word in text.split()[1:])


# --- the registry ------------------------------------------------------------------------

RULES_FILE = Path(__file__).with_name("clause_rules.toml")

# The order in which the rules are tried. split_clauses takes the first rule that
# applies and splits the pieces again from the top, so a rule placed earlier
# decides what every later rule gets to see. From first to last:
#
# 1. located_aside: brackets that only say where something is are unwrapped
#    before anything else reads the sentence. It rewrites rather than splits, and
#    the bracket's own "and" and commas would otherwise be taken for the
#    sentence's: "affects both the nerve cells (found in the brain and spinal
#    cord) and ..." split by both_and leaves "(found in the brain." in one
#    sentence and "spinal cord)" in the next.
# 2. semicolons: the writer already marked a sentence boundary; cutting there
#    first hands every later rule shorter pieces with one clause each.
# 3. respectively, alias_aside, or_gloss: fixed phrases whose commas and "and"
#    are part of the phrase, not clause boundaries. They must see the sentence
#    whole ("A and B ... X and Y, respectively" pairs A with X only while both
#    halves are in one sentence), and the generic rules below would cut them
#    wrongly: after "X, often referred to as Y, is a disorder that affects both
#    the upper and lower motor neurons", both_and would give "... affects the
#    upper. It also affects lower motor neurons."
# 4. dash_aside, dash_definition: a dash is a stronger break than a comma, and
#    what sits between dashes ("doctors, nurses, and therapists") holds commas
#    the comma rules must not split. (An aside has two dashes, a definition one,
#    so these two never compete.)
# 5. such_as_aside, apposition, participle_aside: asides between a pair of commas
#    around the subject are lifted out before the clause rules look for the
#    main clause; "Mutations in other genes such as A, B, and C also play ..."
#    would otherwise be split at the wrong comma by the generic rules below.
#    (A rule that turned "A, B, and C can help X" into "These things can help
#    X. They are A, B, and C." was removed: its "These things" left readers
#    guessing what was meant.)
# 6. which_clause, where_clause, with_being: relative and absolute clauses, each
#    marked by its own word after a comma. which_clause runs before and_modal:
#    in "..., which narrows X and may contribute to Y" the "and may" belongs to
#    the "which" clause.
# 7. concession: "While/Although A, B" before the comma rules, which would read
#    the main clause as a tail ("Although A, taking them with food helps" is no
#    "-ing tail": ing_tail would give "This takes them with food helps.").
# 8. because_tail, comma_definition: specific markers after a
#    comma ("as/because/since", "a ... that"),
#    so they too go before the generic rules, which would cut at the first
#    comma that fits them. (They seldom compete with those in practice.)
# 9. joined_clauses, ing_tail, and_modal, verb_series, both_and: the generic
#    rules. They split at any ", and/but/while", any ", -ing", any "and can",
#    any series of commas, any "both ... and", so they come last, when every
#    specific pattern has had its chance; the last three split only long
#    sentences. Among them, ing_tail runs before both_and: in "affects both A
#    and B, leading to a mix of C and D", both_and would pair A with D ("...
#    It also affects D."). Their other relative positions matter in few
#    sentences and are as the rules were written.
#
# Each rule's purpose and examples live in RULES_FILE, one [[rule]] per rule in
# this same order; load_clause_rules checks that the two match.
RULE_ORDER: tuple[Rule, ...] = (
    located_aside,
    semicolons,
    respectively, alias_aside, or_gloss,
    dash_aside, dash_definition,
    such_as_aside, apposition, participle_aside,
    which_clause, where_clause, with_being,
    concession, because_tail, comma_definition,
    joined_clauses, ing_tail, and_modal, verb_series, both_and,
)


_PIECES = ListOf(Text(blank=False), what="a list of sentences")
# RULES_FILE: [[rule]] name, purpose, [[rule.splits]] and [[rule.leaves_alone]] examples; [[whole]] examples.
RULES_SHAPE = Table({
    "rule": ListOf(Table({"name": Text(blank=False), "purpose": Text(blank=False),
                          "splits": ListOf(Table({"source": Text(blank=False), "plain": _PIECES},
                                                 required=("source", "plain"))),
                          "leaves_alone": ListOf(Table({"source": Text(blank=False), "why": Text(blank=False)},
                                                       required=("source", "why")))},
                         required=("name", "purpose")), what="[[rule]] tables, one per clause rule"),
    "whole": ListOf(Table({"source": Text(blank=False), "plain": _PIECES, "note": Text()},
                          required=("source", "plain")))},
    required=("rule",))


def load_clause_rules(path: Path = RULES_FILE, order: Sequence[Rule] = RULE_ORDER) -> tuple[ClauseRule, ...]:
    """The registry: the rule functions of `order`, each with its purpose from
    `path`, whose [[rule]] tables must name the same rules in the same order."""
    tables = load_data(path, RULES_SHAPE)["rule"]
    names = [table["name"] for table in tables]
    expected = [rule.__name__ for rule in order]
    for name in expected:
        if name not in names:
            raise PublisherError(f"clause rule '{name}' has no [[rule]] table", path)
    for index, name in enumerate(names):
        if name not in expected:
            raise PublisherError(f"[[rule]] '{name}' is not a clause rule", path,
                                 key_line(path, ("rule", index, "name")))
        if names.count(name) > 1:
            raise PublisherError(f"[[rule]] '{name}' appears more than once", path,
                                 key_line(path, ("rule", index, "name")))
    for index, (name, wanted) in enumerate(zip(names, expected)):
        if name != wanted:
            raise PublisherError(f"[[rule]] tables are not in the order of the rules: '{wanted}' must come "
                                 f"where '{name}' is", path, key_line(path, ("rule", index, "name")))
    return tuple(ClauseRule(name, rule, table["purpose"]) for name, rule, table in zip(names, order, tables))


RULES: tuple[ClauseRule, ...] = load_clause_rules()
