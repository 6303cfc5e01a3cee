"""How far each translation has got, counted the way GNU msgfmt --statistics
counts: translated, fuzzy and untranslated messages (the header and obsolete
entries left out)."""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog


@dataclass(frozen=True)
class Status:
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent(self) -> int:
        """Whole percent translated, rounded down: 99% until the last message is done."""
        total = self.translated + self.fuzzy + self.untranslated
        return 100 * self.translated // total if total else 100


def catalog_status(catalog: Catalog) -> Status:
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        strings = [message.string or ""] if not isinstance(message.string, (list, tuple)) else list(message.string)
        if message.fuzzy and any(strings):
            fuzzy += 1
        elif all(strings):
            translated += 1
        else:
            untranslated += 1
    return Status(translated, fuzzy, untranslated, len(catalog.obsolete))
