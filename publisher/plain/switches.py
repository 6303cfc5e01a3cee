"""Transformations switched off: the engine's rules and lexicon entries that
a blind review found wrong too often (bench/plain_review.py ledger), listed
in locales/<lang>/plain-off.toml. Each is named as the ledger names it:

    clause:<rule>     a clause-splitting rule of clauses.py
    lexicon:<entry>   one entry of lexicon.toml (its phrase, lowercase)
    voice, reader, numbers, infinitives   a whole step of a rewrite
    lists             a sentence's enumeration laid out as bullets (lists.py)
    explanation:<term>  a term's added explanation and its "Words to know"
                      entry (glossary.toml, definitions.toml, terms.toml: its name)

Off is the default for every guide. A guide's editor who has read its plain
version sentence by sentence may switch some back on for that guide alone:

    [on]
    als-causes-overview = ["clause:concession", "lexicon:medications"]

An unknown name is an error naming the file and line, so a switch cannot
silently miss because of a typo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import ListOf, Table, Text, key_line, load_data
from ..errors import PublisherError

OFF_FILE = "plain-off.toml"
STEPS = ("voice", "reader", "numbers", "infinitives", "lists")
_NAMES = ListOf(Text(blank=False), what="a list of transformation names")
SHAPE = Table({"off": _NAMES, "on": Table(other=_NAMES, what="a table of guides (slug = [names switched on])")})


@dataclass(frozen=True)
class Switches:
    """The transformations switched off, and those switched back on for one guide."""

    off: frozenset[str] = frozenset()
    on: Mapping[str, frozenset[str]] = field(default_factory=dict)  # guide slug -> names

    def off_for(self, guide: str) -> frozenset[str]:
        """What is off for the guide `guide`."""
        return self.off - self.on.get(guide, frozenset())


def load_switches(path: Path, clause_rules: tuple[str, ...], lexicon_entries, terms=()) -> Switches:
    """The names switched off in `path`, and back on per guide (none if there is no such file)."""
    if not path.exists():
        return Switches()
    data = load_data(path, SHAPE)
    off = data.get("off", [])
    on = {guide: frozenset(names) for guide, names in data.get("on", {}).items()}
    _check_names(path, [*off, *(name for names in on.values() for name in names)], clause_rules, lexicon_entries,
                 terms)
    for guide, names in on.items():
        for name in sorted(names - set(off)):
            raise PublisherError(f"'{name}' is switched on for {guide} but is not off", path, _line(path, name))
    return Switches(frozenset(off), on)


def _check_names(path: Path, names: list[str], clause_rules: tuple[str, ...], lexicon_entries, terms=()) -> None:
    entries = {" ".join(entry.lower().split()) for entry in lexicon_entries}
    explained = {term.lower() for term in terms}
    for name in names:
        kind, _, what = name.partition(":")
        known = (kind == "clause" and what in clause_rules) or (kind == "lexicon" and what in entries) or (
            kind == "explanation" and what.lower() in explained) or (not what and kind in STEPS)
        if not known:
            raise PublisherError(f"'{name}' names no transformation (clause:<rule>, lexicon:<entry>, "
                                 f"explanation:<term>, or one of {', '.join(STEPS)})", path, _line(path, name))


def _line(path: Path, name: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if f'"{name}"' in line or f"'{name}'" in line:
            return number
    return key_line(path, ("off",))
