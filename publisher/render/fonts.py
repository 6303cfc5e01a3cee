"""The typeface files that travel with a web page or an ebook.

The guide's own face, Atkinson Hyperlegible, lives in templates/fonts/ (with
its licence). A page or ebook that names it must carry the files: a reader
cannot be expected to have it installed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..atomic import keep_first

FONT_FOLDER = "fonts/atkinson-hyperlegible"  # under templates/, and beside the pages that use it
FONT_CSS = f"{FONT_FOLDER}/fonts.css"  # its @font-face rules, with URLs relative to a page beside the folder


def font_files(templates: Path) -> list[Path]:
    """The font files and their licence, in name order."""
    folder = templates / FONT_FOLDER
    return sorted(path for path in folder.iterdir() if path.suffix in (".woff2", ".txt"))


def place_fonts(templates: Path, beside: Path) -> tuple[Path, ...]:
    """Put the font files in `beside`/FONT_FOLDER/ for the pages there. A file
    already there with the same bytes is left alone (pages built at the same
    time share the files, and their build records see the same file)."""
    placed = []
    for source in font_files(templates):
        target = beside / FONT_FOLDER / source.name
        data = source.read_bytes()
        if not (target.is_file() and target.read_bytes() == data):
            _place(data, target)
        placed.append(target)
    return tuple(placed)


def _place(data: bytes, target: Path) -> None:
    """Write `target` whole. A different file there is replaced; where there
    is none, the file is linked in, so that of two pages built at the same
    moment the second keeps the first one's file (and its time stamp)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(partial, 0o644)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if target.exists():
        os.replace(partial, target)
    else:
        keep_first(partial, target)
