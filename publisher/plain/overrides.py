"""The editor's escape hatch: hand-written plain text for a source sentence
the rules cannot fix (data: locales/<lang>/overrides.toml).

Overrides are the group's decision: no cap stops a build. The report and
the review page count them, so an editor sees how much of a guide is
hand-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..datafiles import ListOf, OneOf, Table, Text, load_data

_SENTENCE = Text(blank=False)
# locales/<lang>/overrides.toml
SHAPE = Table({"override": ListOf(Table({"source": _SENTENCE, "plain": OneOf(
    (_SENTENCE, ListOf(_SENTENCE, least=1)), what="a sentence or a list of sentences")},
    required=("source", "plain")))})


@dataclass(frozen=True)
class Overrides:
    """Plain sentences by source sentence (whitespace-normalised)."""

    by_source: dict[str, tuple[str, ...]]
    path: Path | None = None

    def get(self, sentence: str) -> tuple[str, ...] | None:
        return self.by_source.get(_key(sentence))


def load_overrides(path: Path) -> Overrides:
    """Read overrides.toml (no file: no overrides)."""
    if not path.exists():
        return Overrides({}, path)
    by_source = {}
    for table in load_data(path, SHAPE).get("override", []):
        plain = table["plain"]
        by_source[_key(table["source"])] = (plain,) if isinstance(plain, str) else tuple(plain)
    return Overrides(by_source, path)


def _key(sentence: str) -> str:
    return " ".join(sentence.split())
