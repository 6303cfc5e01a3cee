"""Contact details go through the rewrite untouched.

A phone number, e-mail address or web address (contacts.py) is not prose:
no word swap applies inside one ("www.example.org/via" never becomes
".../through"), no number in one is put in everyday form ("10%20" is no
percentage), no rule splits or capitalises one. Before a sentence is
rewritten each contact is hidden behind a placeholder word that the rules
and the parser take for a name; the rewritten sentences get the contacts
back, exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_lowercase

from ..contacts import find_contacts

# A capitalised made-up word: a proper noun to the parser, nothing the
# lexicon, the clause rules or tidying know, and never capitalised again.
GUARDED = "Qxcontact"  # how every word standing for a hidden contact detail starts
_PLACEHOLDER = GUARDED + "{}"
_ANY_PLACEHOLDER = re.compile(r"Qxcontact[a-z]+")


@dataclass(frozen=True)
class GuardedSentence:
    """A sentence with its contact details hidden: `text` holds a placeholder
    word where each contact of `contacts` (by placeholder) stood."""

    text: str
    contacts: dict[str, str]

    def restore(self, rewritten: str) -> str:
        """`rewritten` (made from `text`) with the contact details back in."""
        if not self.contacts:
            return rewritten
        return _ANY_PLACEHOLDER.sub(lambda match: self.contacts.get(match.group(0), match.group(0)), rewritten)


def guard_contacts(sentence: str) -> GuardedSentence:
    """`sentence` with each contact detail hidden behind a placeholder word."""
    contacts: dict[str, str] = {}
    pieces, position = [], 0
    for number, contact in enumerate(find_contacts(sentence)):
        placeholder = _PLACEHOLDER.format(_letters(number))
        contacts[placeholder] = contact.text
        pieces += [sentence[position: contact.start], placeholder]
        position = contact.end
    return GuardedSentence("".join(pieces) + sentence[position:], contacts)


def _letters(number: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": a placeholder's suffix, letters only
    (a digit would be a number to the rules)."""
    letters = ascii_lowercase[number % 26]
    while number >= 26:
        number //= 26
        letters = ascii_lowercase[number % 26] + letters
    return letters
