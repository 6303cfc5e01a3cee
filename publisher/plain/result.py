"""What the plain-language engine made of a guide: the plain Guide, and for
each source sentence what became of it. Kept apart from the engine (and
light to import) so a cached result can be read without loading the parser
and word lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Guide

EDITOR = "editor's version"


@dataclass(frozen=True)
class Rewrite:
    """One source sentence, its plain sentences, the strength used, and why
    stronger rewrites were not used."""

    source: str
    plain: tuple[str, ...]
    strength: str  # a Strength name, or KEPT
    rejected: tuple[str, ...] = ()  # "full: lost hedge ...", one per rejected strength
    # What changed the sentence: "clause:<rule>", "voice", "reader", "lexicon:<entry>", "numbers", "infinitives"
    applied: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return list(self.plain) != [self.source]

    @property
    def fell_back(self) -> bool:
        return bool(self.rejected)



@dataclass(frozen=True)
class PlainResult:
    """A plain guide and what it took to make it."""

    guide: Guide
    source_sentences: int
    overridden: int
    section_sources: dict[str, tuple[str, ...]]  # section id -> its source sentences
    lost: tuple[str, ...]  # names and numbers of the source missing from the guide ("name 'riluzole'")
    rewrites: tuple[Rewrite, ...] = ()  # every source sentence, in order, and what became of it
    unit_sources: dict[str, str] = field(default_factory=dict)  # unit id -> source sentence ("" if added)
    findings: tuple = ()  # what the source check found (source_check.Finding), in line order

    def source_of(self, unit_id: str) -> str:
        """The source sentence a unit comes from ("" for an added explanation);
        a list item made from a sentence ("x.3-2") comes from that sentence."""
        if unit_id in self.unit_sources:
            return self.unit_sources[unit_id]
        return self.unit_sources.get(unit_id.rsplit("-", 1)[0], "")
