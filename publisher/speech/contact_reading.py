"""Read out a contact detail the way a person does, not as espeak-ng would
("three hundred one dash four hundred ninety-six dash ...").

- A phone number digit by digit, in the groups it is printed in, with a
  short pause between groups: "301-496-5248" -> "three zero one, four nine
  six, five two four eight".
- An e-mail or web address part by part: "https://" is not said, nor a
  slash at the end; each sign has its word ("at", "dot", "slash"); a part of
  letters is said as a word ("braininfo", "low", "gov") or spelled out
  ("nei" -> "N-E-I"; see `ContactReading.said_as_word`); a number is said as
  a number ("2020").

The words are data: the [contacts] table of locales/<lang>/pronunciation.toml
(see the English file). A language without one says contacts as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wordfreq import available_languages, zipf_frequency

from ..contacts import PHONE, Contact
from ..datafiles import ListOf, Table, Text, fail

# The signs every [contacts.symbols] table names; a language may name others.
REQUIRED_SYMBOLS = ("@", ".", "-", "/", "_", "+")
# [contacts] of locales/<lang>/pronunciation.toml
SHAPE = Table({
    "digits": ListOf(Text(blank=False), sizes=(10,), what="a list of the ten digit names, 0 to 9"),
    "group_pause": Text(what="text written between groups of digits, e.g. \", \""),
    "words": ListOf(Text(blank=False), what="a list of short parts said as words"),
    "symbols": Table({symbol: Text(blank=False) for symbol in REQUIRED_SYMBOLS}, required=REQUIRED_SYMBOLS,
                     other=Text(blank=False, what="how to say the sign, as text")),
    "letters": Table(other=Text(blank=False, what="how to say the letter, as text")),
}, required=("digits", "group_pause", "symbols"))

# Parts of letters this short are spelled out ("nih", "als"), unless the
# language's [contacts] words list them ("gov") or, from three letters, they
# are common words of the language or of English, which most addresses use
# (wordfreq's Zipf scale: "all" 6.5, "low" 5.3, "aid" 4.8; but "com" 4.2,
# "nhs" 4.0, "cdc" 3.6, "nei" 2.6).
SHORT_LETTERS = 3
COMMON_WORD_ZIPF = 4.5
VOWELS = frozenset("aeiouyàáâäãåèéêëìíîïòóôöõùúûüýÿæœ")
# Spelled-out letters are joined by hyphens, which keeps espeak-ng on letter
# names ("N-E-I"), as in the [say] respellings ("A-L-S").
LETTER_JOINER = "-"
_WORDFREQ_LANGUAGES = frozenset(available_languages())
_SCHEME = re.compile(r"^(?i:https?|ftp)://")
_PART = re.compile(r"[^\W\d_]+|\d+|.", re.DOTALL)


@dataclass(frozen=True)
class ContactReading:
    """One language's words for reading out contact details."""

    digits: tuple[str, ...]
    group_pause: str
    symbols: dict[str, str]
    letters: dict[str, str]
    words: frozenset[str]
    lang: str = ""  # for wordfreq: which short parts are common words

    def read(self, contact: Contact) -> str:
        """What the voice says for `contact`."""
        if contact.kind == PHONE:
            return self.read_phone_number(contact.text)
        return self.read_address(contact.text)

    def read_phone_number(self, number: str) -> str:
        """"+1 301-496-5248" -> "plus one, three zero one, four nine six, five two four eight"."""
        groups = [" ".join(self.digits[int(digit)] for digit in group) for group in re.findall(r"\d+", number)]
        said = self.group_pause.join(groups)
        return f"{self.symbols['+']} {said}" if number.lstrip().startswith("+") else said

    def read_address(self, address: str) -> str:
        """"https://www.nei.nih.gov/" -> "W-W-W dot N-E-I dot N-I-H dot gov"."""
        address = _SCHEME.sub("", address).rstrip("/")
        said = []
        for part in _PART.findall(address):
            if part[0].isalpha():
                said.append(part if self.said_as_word(part) else self.spelled(part))
            elif part.isdigit():
                said.append(part)
            else:
                said.append(self.symbols.get(part, part))
        return " ".join(word for word in said if word.strip())

    def spelled(self, letters: str) -> str:
        """"nei" -> "N-E-I", each letter by its name where the language gives one."""
        return LETTER_JOINER.join(self.letters.get(letter.lower(), letter.upper()) for letter in letters)

    def said_as_word(self, part: str) -> bool:
        """Is this part of an address said as a word, not spelled out? Yes if
        the language lists it (words), no if it is written in capitals
        ("NEI") or has no vowel ("www", "html"); a longer part is a word
        ("braininfo"), a short one only if it is a common word ("all", not
        "nih")."""
        lowered = part.lower()
        if lowered in self.words:
            return True
        if (len(part) > 1 and part.isupper()) or not any(letter in VOWELS for letter in lowered):
            return False
        if len(part) > SHORT_LETTERS:
            return True
        return len(part) == SHORT_LETTERS and _common_word(lowered, self.lang)


@lru_cache(maxsize=4096)
def _common_word(word: str, lang: str) -> bool:
    """Is `word` common in `lang` or in English (wordfreq)?"""
    codes = {lang.replace("-", "_").split("_")[0].lower(), "en"}
    return any(zipf_frequency(word, code) >= COMMON_WORD_ZIPF for code in codes if code in _WORDFREQ_LANGUAGES)


def contact_reading(table: dict | None, path: Path, lang: str) -> ContactReading | None:
    """The ContactReading of language `lang` from its checked [contacts]
    table, read from `path` (None: no table)."""
    if table is None:
        return None
    for symbol in table["symbols"]:
        if len(symbol) != 1:
            raise fail(path, ("contacts", "symbols", symbol), "must be one sign, like \"@\"")
    for letter in table.get("letters", {}):
        if not (len(letter) == 1 and letter.isalpha() and letter.islower()):
            raise fail(path, ("contacts", "letters", letter), "must be one lowercase letter, like \"y\"")
    return ContactReading(tuple(table["digits"]), table["group_pause"], dict(table["symbols"]),
                          dict(table.get("letters", {})), frozenset(word.lower() for word in table.get("words", ())),
                          lang)
