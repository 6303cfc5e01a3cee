"""Which braille a language is written in: `locales/<lang>/braille.toml`.

    table = "en-ueb-g2.ctb"                    # the liblouis table
    note_indicators = ["4-46-126", "4-46-345"]  # optional: the cells that open and close a transcriber's note
    no_space_before = "?!:;»"                  # optional: print's spaces that braille leaves out
    no_space_after = "«"

A new language adds a file, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..datafiles import ListOf, Table, Text, fail, load_data
from ..errors import PublisherError
from .brf import cells_named
from .transcribe import table_exists

FILE_NAME = "braille.toml"
_PUNCTUATION = Text(what="a string of punctuation marks")
SHAPE = Table({"table": Text(blank=False, what="the name of a liblouis table, as text"),
               "note_indicators": ListOf(Text(), sizes=(0, 2), what='two cells like ["4-46-126", "4-46-345"]'),
               "no_space_before": _PUNCTUATION, "no_space_after": _PUNCTUATION}, required=("table",))


@dataclass(frozen=True)
class BrailleCode:
    """How a language is transcribed: its liblouis table, the braille ASCII
    cells that open and close a transcriber's note (empty if the code has
    none), and the print punctuation braille writes against the word."""

    lang: str
    table: str
    note_opens: str = ""
    note_closes: str = ""
    no_space_before: str = ""
    no_space_after: str = ""


def braille_code(language_dir: Path, lang: str) -> BrailleCode:
    """The braille code of `lang`, from its folder's braille.toml; a missing
    or wrong file is a one-line error naming it."""
    path = language_dir / FILE_NAME
    if not path.is_file():
        raise PublisherError(f"no braille table for '{lang}': the braille edition needs this file, naming the "
                             f"liblouis table (see locales/en/{FILE_NAME})", path)
    data = load_data(path, SHAPE)
    table = data["table"]
    if not table_exists(table):
        raise fail(path, ("table",), f"names '{table}', a table liblouis does not have "
                                     f"(see /usr/share/liblouis/tables)")
    indicators = data.get("note_indicators", [])
    try:
        opens, closes = (cells_named(cells) for cells in indicators) if indicators else ("", "")
    except ValueError:
        raise fail(path, ("note_indicators",), 'must be dot numbers 1 to 6 like "4-46-126"') from None
    return BrailleCode(lang, table, opens, closes, data.get("no_space_before", ""), data.get("no_space_after", ""))
