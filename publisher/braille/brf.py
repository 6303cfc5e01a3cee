"""BRF, the braille-ready file embossers and braille displays read.

One character per braille cell, in North American braille ASCII (the 64
characters from space to underscore, one per six-dot cell); 40 cells a line
and 25 lines a page; each line ends with CR LF and each page with a form
feed, as embossers and braille notetakers expect.
"""

from __future__ import annotations

CELLS_PER_LINE = 40
LINES_PER_PAGE = 25
LINE_END = "\r\n"
PAGE_END = "\f"
# A broken file is told about in this many problems at most.
MOST_PROBLEMS = 10
# North American braille ASCII, in dot order: the character of a six-dot cell
# is BRAILLE_ASCII[dots], where dot n of the cell sets bit n - 1.
BRAILLE_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
_BY_CHARACTER = {character: dots for dots, character in enumerate(BRAILLE_ASCII)}


def cell(dots: int) -> str:
    """The braille ASCII character of a six-dot cell (`dots` as bits: dot 1 = 1 ... dot 6 = 32)."""
    if not 0 <= dots < 64:
        raise ValueError(f"not a six-dot cell: {dots:#x}")
    return BRAILLE_ASCII[dots]


def cells_named(numbers: str) -> str:
    """Cells written the way braille codes name them, "4-46-126" (a cell per
    group of dot numbers), as braille ASCII."""
    return "".join(cell(sum(1 << (int(dot) - 1) for dot in group)) for group in numbers.split("-"))


def dots_of(cells: str) -> list[int]:
    """The six-dot cells of braille ASCII text (lowercase letters are read as capitals)."""
    return [_BY_CHARACTER[character] for character in cells.upper()]


def brf_file(pages: list[list[str]]) -> bytes:
    """The BRF of `pages` (each a list of lines of braille ASCII)."""
    text = "".join("".join(line.rstrip() + LINE_END for line in page) + PAGE_END for page in pages)
    return text.encode("ascii")


def brf_pages(data: bytes) -> list[list[str]]:
    """The pages of a BRF, each a list of its lines (line and page ends taken off).
    Bytes that are not ASCII are kept as U+FFFD, for `problems` to report."""
    text = data.decode("ascii", errors="replace")
    pages = text.split(PAGE_END)
    if pages and pages[-1] in ("", LINE_END):
        pages.pop()  # after the last page's form feed
    result = []
    for page in pages:
        lines = page.split(LINE_END)
        if lines and lines[-1] == "":
            lines.pop()
        result.append(lines)
    return result


def problems(data: bytes) -> list[str]:
    """What makes `data` not a BRF an embosser prints as laid out: a line over
    40 cells, a page over 25 lines, a character that is not braille ASCII
    (lowercase letters, and a bare CR or LF, included)."""
    found = []
    for page_number, page in enumerate(brf_pages(data), start=1):
        if len(page) > LINES_PER_PAGE:
            found.append(f"page {page_number} has {len(page)} lines (at most {LINES_PER_PAGE})")
        for line_number, line in enumerate(page, start=1):
            if len(line) > CELLS_PER_LINE:
                found.append(f"page {page_number} line {line_number} has {len(line)} cells (at most {CELLS_PER_LINE})")
            strange = sorted({character for character in line if character not in _BY_CHARACTER})
            if strange:
                found.append(f"page {page_number} line {line_number} has characters that are not braille ASCII: "
                             + " ".join(repr(character) for character in strange))
    return found if len(found) <= MOST_PROBLEMS else [*found[:MOST_PROBLEMS], f"and {len(found) - MOST_PROBLEMS} more"]
