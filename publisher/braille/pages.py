"""Braille page layout, after BANA's Braille Formats (2016).

The text is laid out in blocks of braille ASCII: paragraphs start in cell 3
and run over to cell 1, list items start in cell 1 and run over to cell 3,
a transcriber's note starts in cell 7 and runs over to cell 5, headings are
centered (at least three blank cells each side) with a blank line before and
after, and a list has a blank line before and after it. A line breaks only
between words; a word longer than a line is divided with a hyphen. A heading
(or a glossary's term) is never left at the foot of a page: it moves to the
next page with the first line of what follows it. No page starts with a
blank line.

Each page has 24 lines of text; the 25th holds the braille page number at
the right margin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .brf import CELLS_PER_LINE, LINES_PER_PAGE

TEXT_LINES = LINES_PER_PAGE - 1
# The blank cells at least on each side of a centered heading.
CENTERED_MARGIN = 3


@dataclass(frozen=True)
class Block:
    """Braille to lay out: braille ASCII, words separated by blank cells.
    `first` and `runover` are the cells (from 1) its first and other lines
    start in."""

    cells: str
    first: int = 1
    runover: int = 1
    centered: bool = False
    blank_before: bool = False
    blank_after: bool = False
    keep_with_next: bool = False


def paragraph(cells: str) -> Block:
    """A paragraph: cell 3, runover cell 1."""
    return Block(cells, first=3, runover=1)


def list_item(cells: str, *, first: bool = False, last: bool = False) -> Block:
    """An item of a list: cell 1, runover cell 3 (a blank line before the list and after it)."""
    return Block(cells, first=1, runover=3, blank_before=first, blank_after=last)


def term(cells: str) -> Block:
    """A term of a glossary: cell 1, runover cell 3, kept with its explanation."""
    return Block(cells, first=1, runover=3, keep_with_next=True)


def explanation(cells: str, *, last: bool = False) -> Block:
    """The explanation under a term of a glossary: cell 3, runover cell 3."""
    return Block(cells, first=3, runover=3, blank_after=last)


def heading(cells: str) -> Block:
    """A centered heading, with a blank line before and after, kept with what follows."""
    return Block(cells, centered=True, blank_before=True, blank_after=True, keep_with_next=True)


def subheading(cells: str) -> Block:
    """A cell-5 heading (BANA's heading below a centered one): cell 5, runover
    cell 5, a blank line before, kept with what follows."""
    return Block(cells, first=5, runover=5, blank_before=True, keep_with_next=True)


def transcribers_note(cells: str) -> Block:
    """A transcriber's note: cell 7, runover cell 5."""
    return Block(cells, first=7, runover=5, blank_after=True)


def block_lines(block: Block, width: int = CELLS_PER_LINE) -> list[str]:
    """The lines of `block`, each at most `width` cells."""
    if block.centered:
        narrow = width - 2 * CENTERED_MARGIN
        lines = wrap(block.cells, narrow if max(map(len, block.cells.split()), default=0) <= narrow else width)
        return [" " * ((width - len(line)) // 2) + line for line in lines]
    return wrap(block.cells, width, block.first - 1, block.runover - 1)


def wrap(cells: str, width: int, first_indent: int = 0, runover_indent: int = 0) -> list[str]:
    """`cells` in lines of at most `width` cells, broken only between words
    (a word longer than a whole line is divided, a hyphen ending each part)."""
    lines: list[str] = []
    line, empty = " " * first_indent, True
    for word in cells.split():
        while word:
            room = width - len(line) - (0 if empty else 1)
            if len(word) <= room:
                line, empty, word = line + ("" if empty else " ") + word, False, ""
            elif not empty:
                lines.append(line)
                line, empty = " " * runover_indent, True
            else:  # longer than a whole line
                lines.append(line + word[:room - 1] + "-")
                line, word = " " * runover_indent, word[room - 1:]
    if not empty:
        lines.append(line)
    return lines


def paginate(blocks: list[Block], page_number: Callable[[int], str]) -> list[list[str]]:
    """`blocks` laid out in pages of 25 lines; `page_number(n)` is the braille
    of page n's number, placed at the right margin of its last line."""
    pages: list[list[str]] = []
    page: list[str] = []

    def next_page() -> None:
        nonlocal page
        pages.append(page)
        page = []

    for index, block in enumerate(blocks):
        lines = block_lines(block)
        if block.keep_with_next and page:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            needed = (block.blank_before and page[-1] != "") + len(lines) + (
                0 if following is None else block.blank_after + 1)
            if len(page) + needed > TEXT_LINES:
                next_page()
        if block.blank_before and page and page[-1] != "" and len(page) < TEXT_LINES:
            page.append("")
        for line in lines:
            if len(page) == TEXT_LINES:
                next_page()
            page.append(line)
        if block.blank_after and 0 < len(page) < TEXT_LINES:
            page.append("")
    if page or not pages:
        pages.append(page)
    for number, lines in enumerate(pages, start=1):
        lines += [""] * (TEXT_LINES - len(lines))
        lines.append(page_number(number).rjust(CELLS_PER_LINE))
    return pages
