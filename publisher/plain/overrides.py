"""The editor's escape hatch: hand-written plain text for a source sentence
the rules cannot fix (data: locales/<lang>/overrides.toml).

Overrides are the group's decision: no cap stops a build. The report and
the review page count them, so an editor sees how much of a guide is
hand-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..datafiles import load_toml, require
from ..errors import PublisherError


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
    data = load_toml(path)
    by_source = {}
    for number, table in enumerate(data.get("override", []), start=1):
        source = require(table, "source", str, path, f"override {number}")
        plain = table.get("plain")
        if isinstance(plain, str):
            plain = [plain]
        if not isinstance(plain, list) or not plain or not all(isinstance(s, str) and s.strip() for s in plain):
            raise PublisherError(f"override {number}: 'plain' must be a sentence or a list of sentences", path)
        by_source[_key(source)] = tuple(plain)
    return Overrides(by_source, path)


def _key(sentence: str) -> str:
    return " ".join(sentence.split())
