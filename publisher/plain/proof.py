"""Every rewrite proves itself: checks of a plain version against its source
sentence. A rewrite that fails one is not used (see rewrite.py).

- facts: the numbers, names (medicines, genes, conditions, acronyms),
  negations and hedges of the source are all in the plain version. Words of
  one kind stand in for each other ("approximately" -> "about", "might" ->
  "may"), so each kind is counted, not each word;
- hedges keep their reach: a piece split off a hedged sentence that starts
  with a new "They/It/This" must keep a hedge ("X may damage nerves. This
  may lead to ...", not "This leads to ...");
- grammar: each plain sentence is a complete sentence if the source was
  one, and link-grammar leaves no more words unlinked in it than in the
  source (parser.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lemminflect

from . import grammar, parser
from .fidelity import missing
from .terms import Terms

# Kinds of words a rewrite must keep: each kind counted in source and plain.
WORD_KINDS: dict[str, tuple[str, ...]] = {
    "negation": ("not", "no", "never", "n't", "cannot", "none", "nothing", "neither", "nor", "without", "unable",
                 "nobody", "lack", "lacks"),
    "possibility": ("may", "might", "can", "could", "possibly", "potentially", "perhaps", "maybe", "likely",
                    "unlikely", "possible"),
    # How often: a word of one group does not stand in for another ("usually" is not "often").
    "usually": ("usually", "typically", "generally", "normally", "as a rule"),
    "often": ("often", "frequently", "commonly", "common"),
    "sometimes": ("sometimes", "occasionally", "at times"),
    "rarely": ("rarely", "seldom", "rare", "uncommon"),
    "always": ("always", "never"),
    "mostly": ("mostly", "mainly", "primarily", "predominantly", "largely", "chiefly"),
    # A purpose or hope is not a result: "studies aimed at improving X" is not "They improve X".
    "purpose": ("aim", "aims", "aimed", "aiming", "meant", "intended", "designed", "hope", "hopes", "hoped",
                "seek", "seeks", "try", "tries", "trying", "goal", "purpose"),
    "quantity": ("some", "many", "most", "few", "several", "numerous", "majority", "minority", "all", "each",
                 "every", "only", "any"),
    "approximation": ("about", "approximately", "around", "nearly", "almost", "roughly", "estimated", "up to",
                      "at least", "at most", "more than", "less than"),
}
# Hedges whose reach a split must keep (a negation belongs to its own clause,
# and is counted with the facts).
_HEDGES = ("possibility", "usually", "often", "sometimes", "rarely", "purpose")
# "often called X" names something; it hedges nothing ("also called X" says the same).
_NAMING = re.compile(r"\b(?:often|commonly|sometimes|usually|also)\s+(?:called|known as|referred to as|named)\b",
                     re.IGNORECASE)
# A piece that opens with one of these and has no comma holds no main clause.
_SUBORDINATORS = re.compile(r"^(?:So that|Because|Although|Though|While|If|When|Unless|Whereas|Since|As if|"
                            r"Even though|Even if|Whether|Which|Who|Where)\b", re.IGNORECASE)
_NEW_SUBJECT = re.compile(r"^(?:(They|It) |(This|These) (?!is |are |was |were |include |includes ))"
                          r"(?:(?:also|often|then|still) )?(\w+)")


@dataclass(frozen=True)
class Checker:
    """What the checks need to know about the guide's language."""

    terms: Terms
    lang: str = "en"

    def problems(self, source: str, plain: list[str], check_grammar: bool = True) -> list[str]:
        """Why `plain` may not replace `source` (empty if it may), each as
        "kind: detail" ("lost number: 10", "grammar, unlinked words: ...")."""
        if [" ".join(piece.split()) for piece in plain] == [" ".join(source.split())]:
            return []
        found = self.lost_facts(source, plain)
        if not found:
            found = self.lost_reach(source, plain)
        if not found and check_grammar:
            found = self.broken_grammar(source, plain)
        return found

    def lost_facts(self, source: str, plain: list[str]) -> list[str]:
        text = " ".join(plain)
        problems = [f"lost {what.replace(' ', ': ', 1)}"
                    for what in missing(source, text, self.terms, self.terms.drug_endings, self.lang)]
        problems += [f"lost name: '{term.name}'" for term in self.terms.used_in(source)
                     if term.kind == "condition" and term not in self.terms.used_in(text)]
        possible = WORD_KINDS["possibility"]
        for kind, words in WORD_KINDS.items():
            before, after = _count(words, _NAMING.sub("", source)), _count(words, _NAMING.sub("", text))
            if kind == "purpose":  # "aims to X" may become "may X", never "Xs"
                after += max(0, _count(possible, text) - _count(possible, source))
            if after < before:
                problems.append(f"lost {kind}: {', '.join(_found(words, source))}")
        return problems

    def lost_reach(self, source: str, plain: list[str]) -> list[str]:
        """A piece split off that goes on with the source's subject ("They
        prevent stiff joints" from "X may help to improve posture, prevent
        stiff joints") must keep the hedges that stood before its verb."""
        if len(plain) < 2:
            return []
        problems = []
        lowered = _NAMING.sub("", source).lower()
        for piece in plain[1:]:
            match = _NEW_SUBJECT.match(piece)
            if not match or match.group(0).lower() in lowered:
                continue
            verb_at = _find_word(lowered, match.group(3))
            hedges = [word for kind in _HEDGES for word in _found(WORD_KINDS[kind], lowered[:max(verb_at, 0)])]
            if verb_at > 0 and hedges and not any(_count(WORD_KINDS[kind], piece) for kind in _HEDGES):
                problems.append(f"split lost a hedge: '{hedges[0]}' not in \"{piece}\"")
        return problems

    def broken_grammar(self, source: str, plain: list[str]) -> list[str]:
        before = parser.parse(source)
        problems = []
        for piece in plain:
            after = parser.parse(piece, 0 if before is parser.UNPARSED else before.unlinked)
            if before is parser.UNPARSED:
                if after.unlinked or not after.complete:
                    problems.append(f"grammar, does not parse: \"{piece}\"")
            elif after.unlinked > before.unlinked:
                problems.append(f"grammar, unlinked words: \"{piece}\" has {min(after.unlinked, before.unlinked + 1)}"
                                f"{'+' if after.unlinked > before.unlinked + 1 else ''}, the source {before.unlinked}")
            elif before.complete and not after.complete:
                problems.append(f"grammar, not a complete sentence: \"{piece}\"")
            elif after.imperative and not before.imperative:
                problems.append(f"grammar, a command where the source is not: \"{piece}\"")
            elif _SUBORDINATORS.match(piece) and "," not in piece and not _SUBORDINATORS.match(source):
                problems.append(f"grammar, not a complete sentence: \"{piece}\"")
            elif _wrong_pronoun(piece, source, before):
                problems.append(f"grammar, pronoun does not agree with the subject: \"{piece}\"")
        return problems


_MODALS = {"may", "might", "can", "could", "will", "would", "should", "must"}


def _wrong_pronoun(piece: str, source: str, parsed: parser.Parse) -> bool:
    """Does `piece` open with a "They" or "It" the source did not have, whose
    number is not the source subject's ("This research ... They may ...")?
    Only where the verb after it does not show its number (a modal, a past
    tense): "They harm" the parser checks itself."""
    match = re.match(r"^(They|It) (?:(?:also|often|then|still|usually|sometimes) )*(\w+)", piece)
    if not match or match.group(0).lower() in source.lower() or parsed.plural_subject is None:
        return False
    if match.group(2).lower() not in _MODALS and not match.group(2).endswith("ed"):
        return False
    return (match.group(1) == "They") != parsed.plural_subject


def _find_word(text: str, word: str) -> int:
    """Where `word`, or another form of it ("improving" for "improve"), first stands in `text` (-1 if nowhere)."""
    forms = {word.lower()}
    for lemmas in grammar.lemmas(word).values():
        for lemma in lemmas:
            forms.add(lemma)
            forms.update(form for inflected in lemminflect.getAllInflections(lemma).values() for form in inflected)
    found = [match.start() for form in forms for match in [re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
             if match]
    return min(found, default=-1)


def _pattern(word: str) -> str:
    if word == "n't":
        return r"n't\b"
    return rf"(?<![\w-]){re.escape(word)}(?![\w-])"


def _count(words: tuple[str, ...], text: str) -> int:
    lowered = text.lower().replace("’", "'")
    return sum(len(re.findall(_pattern(word), lowered)) for word in words)


def _found(words: tuple[str, ...], text: str) -> list[str]:
    lowered = text.lower().replace("’", "'")
    return [word for word in words if re.search(_pattern(word), lowered)]
