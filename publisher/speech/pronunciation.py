"""How to say names a voice gets wrong: text respellings applied just before
synthesis (pyttsx3 takes text, not SSML). Data: locales/<lang>/pronunciation.toml.
The printed guide never changes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import Table, Text, load_data

# locales/<lang>/pronunciation.toml: [say] "printed word" = "how to say it"
SHAPE = Table({"say": Table(other=Text(blank=False, what="how to say it, as text"))})


@dataclass(frozen=True)
class Pronunciation:
    """Respellings for one language: printed word -> what the voice should read."""

    respellings: dict[str, str]
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        words = sorted(self.respellings, key=len, reverse=True)
        alternatives = "|".join(rf"(?<![\w-]){re.escape(word) if word != word.lower() else f'(?i:{re.escape(word)})'}"
                                rf"(?![\w-])" for word in words)
        object.__setattr__(self, "pattern", re.compile(alternatives or r"(?!x)x"))
        object.__setattr__(self, "_lookup", {word.lower(): said for word, said in self.respellings.items()})

    def spoken(self, text: str) -> str:
        """`text` respelled for the voice."""
        return self.pattern.sub(lambda match: self._lookup[match.group(0).lower()], text)


def load_pronunciation(path: Path) -> Pronunciation:
    """Read pronunciation.toml (a language without one says everything as printed)."""
    if not path.exists():
        return Pronunciation({})
    return Pronunciation(dict(load_data(path, SHAPE).get("say", {})))
