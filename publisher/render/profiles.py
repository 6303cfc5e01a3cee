"""Large-print profiles: the type sizes, paper and tint of a printed edition.

Sizes follow the large-print standards: 16 pt is UKAAF's minimum, 18 pt the
APH and ACB practice (the default), 24 pt giant print. Headings are larger
and bold, and every other text (page numbers, contents, glossary) is at
least the body size.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..defaults import DEFAULT_PAPER, DEFAULT_PRINT_SIZE

# Body size -> (section heading, title) sizes, in points.
HEADING_SIZES = {16: (21, 28), 18: (24, 32), 24: (30, 40)}
PAPER_NAMES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class PrintProfile:
    """One printed edition's look: body size (pt), paper, and cream paper tint or white."""

    body: int = DEFAULT_PRINT_SIZE
    paper: str = DEFAULT_PAPER
    tint: bool = False

    def __post_init__(self):
        if self.body not in HEADING_SIZES:
            raise ValueError(f"no print profile for {self.body} pt (profiles: {', '.join(map(str, HEADING_SIZES))})")
        if self.paper not in PAPER_NAMES:
            raise ValueError(f"unknown paper '{self.paper}' (papers: {', '.join(PAPER_NAMES)})")

    @property
    def heading(self) -> int:
        return HEADING_SIZES[self.body][0]

    @property
    def subheading(self) -> int:
        """A heading inside a section: half-way between the body and the section headings."""
        return (self.body + self.heading) // 2

    @property
    def title(self) -> int:
        return HEADING_SIZES[self.body][1]

    @property
    def page_size(self) -> str:
        """The CSS @page size."""
        return PAPER_NAMES[self.paper]

    @property
    def file_suffix(self) -> str:
        """What tells this edition's file apart from the default one:
        "" for 18 pt A4 white, else e.g. "-24pt-letter-cream"."""
        parts = ([f"{self.body}pt"] if self.body != DEFAULT_PRINT_SIZE else []) + \
            ([self.paper] if self.paper != DEFAULT_PAPER else []) + (["cream"] if self.tint else [])
        return "".join(f"-{part}" for part in parts)
