"""Transformations switched off: the engine's rules and lexicon entries that
a blind review found wrong too often (bench/plain_review.py ledger), listed
in locales/<lang>/plain-off.toml. Each is named as the ledger names it:

    clause:<rule>     a clause-splitting rule of clauses.py
    lexicon:<entry>   one entry of lexicon.toml (its phrase, lowercase)
    voice, reader, numbers, infinitives   a whole step of a rewrite

An unknown name is an error naming the file and line, so a switch cannot
silently miss because of a typo.
"""

from __future__ import annotations

from pathlib import Path

from ..datafiles import ListOf, Table, Text, key_line, load_data
from ..errors import PublisherError

OFF_FILE = "plain-off.toml"
STEPS = ("voice", "reader", "numbers", "infinitives")
SHAPE = Table({"off": ListOf(Text(blank=False), what="a list of transformation names")})


def load_switches(path: Path, clause_rules: tuple[str, ...], lexicon_entries) -> frozenset[str]:
    """The names switched off in `path` (none if there is no such file)."""
    if not path.exists():
        return frozenset()
    names = load_data(path, SHAPE).get("off", [])
    entries = {" ".join(entry.lower().split()) for entry in lexicon_entries}
    for name in names:
        kind, _, what = name.partition(":")
        known = (kind == "clause" and what in clause_rules) or (kind == "lexicon" and what in entries) or (
            not what and kind in STEPS)
        if not known:
            raise PublisherError(f"'{name}' names no transformation (clause:<rule>, lexicon:<entry>, or one of "
                                 f"{', '.join(STEPS)})", path, _line(path, name))
    return frozenset(names)


def _line(path: Path, name: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if f'"{name}"' in line or f"'{name}'" in line:
            return number
    return key_line(path, ("off",))
