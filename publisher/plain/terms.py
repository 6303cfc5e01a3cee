"""Medical terms a plain guide keeps, explained at first use and in
"Words to know" (data: locales/<lang>/terms.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import ListOf, Table, Text, load_data

# Kinds whose names the fidelity check follows from source to edition.
NAME_KINDS = {"drug", "gene", "gene_protein"}

_WORDS = ListOf(Text(blank=False), what="a list of words")
# Kind.one and Kind.many are filled with the terms' names: Terms.explain.
_SENTENCE = Text(placeholders=("names",), needs=("names",), blank=False)
_TERM = Table({"name": Text(blank=False), "forms": ListOf(Text(blank=False), least=1, what="a list of words"),
               "kind": Text(blank=False), "first_use": Text(), "glossary": Text(blank=False)},
              required=("name", "kind", "glossary"))
# locales/<lang>/terms.toml, and glossary.toml and definitions.toml (terms only)
SHAPE = Table({"kinds": Table(other=Table({"one": _SENTENCE, "many": _SENTENCE, "words": _WORDS},
                                          required=("one", "many"))),
               "term": ListOf(_TERM),
               "fidelity": Table({"drug_endings": _WORDS, "not_drugs": _WORDS})})
MORE_SHAPE = Table({"term": ListOf(_TERM)})


@dataclass(frozen=True)
class Term:
    """One kept term."""

    name: str
    forms: tuple[str, ...]
    kind: str
    glossary: str
    first_use: str = ""

    @property
    def heading(self) -> str:
        """The name as a "Words to know" entry starts: "Riluzole", "ALS", "C9orf72"."""
        return self.name[:1].upper() + self.name[1:] if self.name.islower() else self.name


@dataclass(frozen=True)
class Kind:
    """How to say what a kind of term is, and the words that already say it."""

    one: str
    many: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Terms:
    """All kept terms of a language."""

    terms: tuple[Term, ...]
    kinds: dict[str, Kind]
    drug_endings: tuple[str, ...] = ()
    not_drugs: frozenset[str] = frozenset()
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        forms = sorted(((form, term) for term in self.terms for form in term.forms), key=lambda x: -len(x[0]))
        alternatives = "|".join(_form_pattern(form) for form, _ in forms)
        object.__setattr__(self, "pattern", re.compile(alternatives or r"(?!x)x"))
        object.__setattr__(self, "_by_form", {form.lower(): term for form, term in forms})

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(form for term in self.terms for form in term.forms)

    def used_in(self, text: str, inside_names: list[tuple[int, int]] = ()) -> list[Term]:
        """Terms used in `text`, each once, in order of first use; a match
        strictly inside one of `inside_names` (the "Stroke" of "National
        Institute of Neurological Disorders and Stroke") does not count."""
        found: list[Term] = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if any(left <= start and end <= right and (left, right) != (start, end) for left, right in inside_names):
                continue
            term = self._by_form[" ".join(match.group(0).lower().split())]
            if term not in found:
                found.append(term)
        return found

    def explain(self, sentence: str, new_terms: list[Term]) -> list[str]:
        """Sentences explaining `new_terms` after their first use in `sentence`."""
        explanations: list[str] = []
        grouped: dict[str, list[Term]] = {}
        for term in new_terms:
            if term.first_use:
                explanations.append(term.first_use)
            elif term.kind in self.kinds:
                grouped.setdefault(term.kind, []).append(term)
        lowered = sentence.lower()
        for kind_name, members in grouped.items():
            kind = self.kinds[kind_name]
            if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in kind.words):
                continue  # the sentence already says what they are: "genes such as SOD1"
            names = _join([term.name for term in members])
            template = kind.one if len(members) == 1 else kind.many
            explanations.append(template.format(names=names))
        return explanations


def load_terms(path: Path, *more: Path) -> Terms:
    """Read terms.toml, and any further files of terms that exist
    (glossary.toml: the general glossary used for every guide;
    definitions.toml: checked explanations from the NCI dictionary)."""
    data = load_data(path, SHAPE)
    kinds = {}
    for name, table in data.get("kinds", {}).items():
        kinds[name] = Kind(one=table["one"], many=table["many"], words=tuple(table.get("words", ())))
    terms = _read_terms(data)
    for extra in more:
        if extra.exists():
            terms += _read_terms(load_data(extra, MORE_SHAPE))
    fidelity = data.get("fidelity", {})
    return Terms(tuple(terms), kinds, tuple(fidelity.get("drug_endings", ())),
                 frozenset(word.lower() for word in fidelity.get("not_drugs", ())))


def _read_terms(data: dict) -> list[Term]:
    return [Term(name=table["name"], forms=tuple(table.get("forms", [table["name"]])), kind=table["kind"],
                 glossary=table["glossary"], first_use=table.get("first_use", "")) for table in data.get("term", [])]


def _form_pattern(form: str) -> str:
    body = r"\s+".join(re.escape(word) for word in form.split())
    if form == form.lower():
        body = f"(?i:{body})"
    return rf"(?<![\w-]){body}(?![\w-])"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
