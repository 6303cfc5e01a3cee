"""How to say what a voice gets wrong: text respellings of names, and
contact details read out as a person does, applied just before synthesis
(pyttsx3 takes text, not SSML). Data: locales/<lang>/pronunciation.toml.
The printed guide never changes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..contacts import find_contacts
from ..datafiles import Table, Text, load_data
from .contact_reading import SHAPE as CONTACTS_SHAPE, ContactReading, contact_reading

# locales/<lang>/pronunciation.toml: [say] "printed word" = "how to say it";
# [contacts]: the words for reading out phone numbers and addresses (contact_reading.py)
SHAPE = Table({"say": Table(other=Text(blank=False, what="how to say it, as text")),
               "contacts": CONTACTS_SHAPE})


@dataclass(frozen=True)
class Pronunciation:
    """Respellings for one language: printed word -> what the voice should
    read; and how it reads out contact details (None: as printed)."""

    respellings: dict[str, str]
    contacts: ContactReading | None = None
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        words = sorted(self.respellings, key=len, reverse=True)
        alternatives = "|".join(rf"(?<![\w-]){re.escape(word) if word != word.lower() else f'(?i:{re.escape(word)})'}"
                                rf"(?![\w-])" for word in words)
        object.__setattr__(self, "pattern", re.compile(alternatives or r"(?!x)x"))
        object.__setattr__(self, "_lookup", {word.lower(): said for word, said in self.respellings.items()})

    def spoken(self, text: str) -> str:
        """`text` as the voice should read it: names respelled, contact
        details read out (a contact is never respelled: without a [contacts]
        table it is said as printed)."""
        pieces, position = [], 0
        for contact in find_contacts(text):
            said = self.contacts.read(contact) if self.contacts else contact.text
            pieces += [self._respelled(text[position: contact.start]), said]
            position = contact.end
        return "".join(pieces) + self._respelled(text[position:])

    def _respelled(self, text: str) -> str:
        return self.pattern.sub(lambda match: self._lookup[match.group(0).lower()], text)


def load_pronunciation(path: Path, lang: str | None = None) -> Pronunciation:
    """Read pronunciation.toml of language `lang` (by default, the name of
    its folder); a language without one says everything as printed."""
    if not path.exists():
        return Pronunciation({})
    data = load_data(path, SHAPE)
    return Pronunciation(dict(data.get("say", {})),
                         contact_reading(data.get("contacts"), path, lang or path.parent.name))
