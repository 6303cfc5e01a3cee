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

from ..datafiles import find_line, load_toml, require
from ..errors import PublisherError
from .brf import cells_named
from .transcribe import table_exists

FILE_NAME = "braille.toml"


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
    data = load_toml(path)
    table = require(data, "table", str, path, FILE_NAME)
    if not table_exists(table):
        raise PublisherError(f"{FILE_NAME}: liblouis has no table '{table}' (see /usr/share/liblouis/tables)", path,
                             find_line(path, "table"))
    indicators = data.get("note_indicators", [])
    if not (isinstance(indicators, list) and len(indicators) in (0, 2) and all(isinstance(i, str) for i in indicators)):
        raise PublisherError(f"{FILE_NAME}: 'note_indicators' must be two cells like \"4-46-126\"", path,
                             find_line(path, "note_indicators"))
    try:
        opens, closes = (cells_named(cells) for cells in indicators) if indicators else ("", "")
    except ValueError:
        raise PublisherError(f"{FILE_NAME}: 'note_indicators' must be dot numbers 1 to 6 like \"4-46-126\"", path,
                             find_line(path, "note_indicators")) from None
    before = data.get("no_space_before", "")
    after = data.get("no_space_after", "")
    for key, value in (("no_space_before", before), ("no_space_after", after)):
        if not isinstance(value, str):
            raise PublisherError(f"{FILE_NAME}: '{key}' must be a string of punctuation marks", path,
                                 find_line(path, key))
    return BrailleCode(lang, table, opens, closes, before, after)
