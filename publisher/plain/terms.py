"""Medical terms a plain guide keeps, explained at first use and in
"Words to know" (data: locales/<lang>/terms.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import find_line, load_toml, require
from ..errors import PublisherError

# Kinds whose names the fidelity check follows from source to edition.
NAME_KINDS = {"drug", "gene", "gene_protein"}


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
    """Read terms.toml, and any further files of terms (glossary.toml: the
    general glossary used for every guide) that exist."""
    data = load_toml(path)
    kinds = {}
    for name, table in data.get("kinds", {}).items():
        kinds[name] = Kind(one=require(table, "one", str, path, f"[kinds.{name}]"),
                           many=require(table, "many", str, path, f"[kinds.{name}]"),
                           words=tuple(table.get("words", ())))
    terms = _read_terms(path, data)
    for extra in more:
        if extra.exists():
            terms += _read_terms(extra, load_toml(extra))
    fidelity = data.get("fidelity", {})
    return Terms(tuple(terms), kinds, tuple(fidelity.get("drug_endings", ())),
                 frozenset(word.lower() for word in fidelity.get("not_drugs", ())))


def _read_terms(path: Path, data: dict) -> list[Term]:
    terms = []
    for number, table in enumerate(data.get("term", []), start=1):
        where = f"term {number}"
        name = require(table, "name", str, path, where)
        kind = require(table, "kind", str, path, where)
        forms = tuple(table.get("forms", [name]))
        if not forms or not all(isinstance(form, str) and form for form in forms):
            raise PublisherError(f"term '{name}': 'forms' must be a list of words", path, find_line(path, name))
        terms.append(Term(name=name, forms=forms, kind=kind, glossary=require(table, "glossary", str, path, where),
                          first_use=table.get("first_use", "")))
    return terms


def _form_pattern(form: str) -> str:
    body = r"\s+".join(re.escape(word) for word in form.split())
    if form == form.lower():
        body = f"(?i:{body})"
    return rf"(?<![\w-]){body}(?![\w-])"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
