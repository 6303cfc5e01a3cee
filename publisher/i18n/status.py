"""How far each translation has got, counted the way GNU msgfmt --statistics
counts: translated, fuzzy and untranslated messages (the header and obsolete
entries left out).

Counted against what the guides need now (`needed`, the messages
`publisher extract` would write), a message the catalogue lacks is
untranslated too, and counted as `missing`: `extract` and `update` add it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from babel.messages.catalog import Catalog


@dataclass(frozen=True)
class Status:
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    missing: int = 0  # of the untranslated: not in the catalogue yet

    @property
    def percent(self) -> int:
        """Whole percent translated, rounded down: 99% until the last message is done."""
        total = self.translated + self.fuzzy + self.untranslated
        return 100 * self.translated // total if total else 100


def catalog_status(catalog: Catalog, needed: Collection[str] | None = None) -> Status:
    """The counts of `catalog`'s messages, or of the `needed` msgids (those
    the catalogue lacks counted as untranslated and missing)."""
    translated = fuzzy = untranslated = missing = 0
    for msgid in (message.id for message in catalog) if needed is None else needed:
        if not msgid:
            continue
        message = catalog.get(msgid)
        if message is None:
            untranslated += 1
            missing += 1
            continue
        strings = [message.string or ""] if not isinstance(message.string, (list, tuple)) else list(message.string)
        if message.fuzzy and any(strings):
            fuzzy += 1
        elif all(strings):
            translated += 1
        else:
            untranslated += 1
    return Status(translated, fuzzy, untranslated, len(catalog.obsolete), missing)
