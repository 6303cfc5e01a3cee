"""Text to braille cells with liblouis, and braille back to text.

liblouis (Debian liblouis20, liblouis-data, python3-louis) translates with
the language's table into dot patterns (its `dotsIO` mode), and each six-dot
cell becomes its braille ASCII character (brf.py). So the BRF does not
depend on a display table agreeing with the language's table, and a cell
beyond six dots (an 8-dot table) is an error, not a wrong character.

Print typography is set for braille first: Unicode spaces become plain
spaces, an apostrophe written as a closing quote becomes an apostrophe, and
the language's punctuation that braille writes against the word loses the
space print puts beside it (French "SLA ?" is brailled as "SLA?").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from ..debian_modules import debian_module
from ..errors import PublisherError
from .brf import cell, dots_of

if TYPE_CHECKING:
    from .codes import BrailleCode

# liblouis's dotsIO mode gives each cell as this bit with the cell's dots.
_DOTS = 0x8000
_SPACES = re.compile(r"\s+")
_APOSTROPHE = re.compile(r"(?<=\w)[’ʼ](?=\w)")


class UntranslatableText(PublisherError):
    """Text a language's braille table cannot write."""


def louis() -> ModuleType:
    """The liblouis binding (Debian's: see debian_modules.py), quiet."""
    module = debian_module("louis", "the braille edition needs liblouis: install the Debian packages liblouis20, "
                                    "liblouis-data and python3-louis (`make setup` does)")
    module.setLogLevel(module.LOG_OFF)
    return module


def table_exists(table: str) -> bool:
    """Whether liblouis finds and compiles `table`."""
    try:
        louis().checkTable([table])
    except RuntimeError:
        return False
    return True


def transcribe(text: str, code: BrailleCode) -> str:
    """`text` in braille in `code`, as braille ASCII (a character a cell, words
    separated by one blank cell). A character the table has no braille for, or
    a cell beyond six dots, is an UntranslatableText error."""
    return _transcribed(typeset(text, code), code.table)


def typeset(text: str, code: BrailleCode) -> str:
    """`text` with print's typography set for braille in `code` (see the module's notes)."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    text = _APOSTROPHE.sub("'", text)
    if code.no_space_before:
        text = re.sub(rf" +(?=[{re.escape(code.no_space_before)}])", "", text)
    if code.no_space_after:
        text = re.sub(rf"(?<=[{re.escape(code.no_space_after)}]) +", "", text)
    return text


@lru_cache(maxsize=8192)
def _transcribed(text: str, table: str) -> str:
    lou = louis()
    dots = lou.translateString([table], text, mode=lou.dotsIO)
    if dots != lou.translateString([table], text, mode=lou.dotsIO | lou.noUndefined):
        missing = [character for character in dict.fromkeys(text) if _undefined(character, table)]
        shown = ", ".join(f"'{character}' (U+{ord(character):04X})" for character in missing)
        raise UntranslatableText(f"the braille table {table} has no braille for {shown or 'a character'} "
                                 f"in \"{text}\"")
    cells = []
    for character in dots:
        value = ord(character)
        if value & ~0x3F != _DOTS:
            raise UntranslatableText(f"the braille table {table} gives a cell beyond six dots for \"{text}\": "
                                     "a BRF needs a six-dot table")
        cells.append(cell(value & 0x3F))
    return " ".join("".join(cells).split())


@lru_cache(maxsize=1024)
def _undefined(character: str, table: str) -> bool:
    lou = louis()
    return (lou.translateString([table], character, mode=lou.dotsIO)
            != lou.translateString([table], character, mode=lou.dotsIO | lou.noUndefined))


def back_translate(cells: str, table: str) -> str:
    """The text liblouis reads back from braille ASCII `cells` with `table`
    (for checking a transcription: contracted braille does not always read
    back letter for letter)."""
    lou = louis()
    dots = "".join(chr(_DOTS | value) for value in dots_of(cells))
    return lou.backTranslateString([table], dots, mode=lou.dotsIO)
