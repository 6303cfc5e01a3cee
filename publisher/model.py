"""The document model every stage shares.

A source file is loaded into a `SourceGuide` (what the author wrote, with line
numbers). The plain-language stage turns it into a `Guide`: sections of
paragraphs and lists whose smallest unit is a `Sentence`. The sentence is the
unit of translation (one msgid), of narration (one audio clip), of fallback
(one `lang`) and of checks. Everything is frozen so no stage can change what
another stage produced; stages build new objects with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Union


# --- what the author wrote -------------------------------------------------


@dataclass(frozen=True)
class SourceBlock:
    """One block of a source guide: a heading, a paragraph or a list.

    `text` holds the heading or paragraph text; `items` holds list items.
    `line` is the 1-based line of the source file the block starts on.
    """

    kind: str  # "heading" | "subheading" | "paragraph" | "list"
    line: int
    text: str = ""
    items: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()  # text in it the source check flagged for a person (source_check)


@dataclass(frozen=True)
class SourceGuide:
    """A guide as loaded from `sources/`, repaired but not yet rewritten."""

    slug: str
    path: Path
    title: str
    lang: str
    blocks: tuple[SourceBlock, ...]
    keep: tuple[str, ...] = ()  # words the author keeps as written (front matter `keep:`)


# --- the publishable guide -------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """The smallest unit: a sentence, list item, heading or glossary text.

    `id` is stable for a given guide structure (section id plus position) and
    names the unit in audio cues and reports. `lang` is the language the text
    is actually in: a unit left untranslated keeps its English text and
    `lang="en"` so renderers can mark it and the narrator can switch voice.
    `source` is "path:line" of the source text it came from, for messages.
    """

    id: str
    text: str
    lang: str
    source: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A short run of sentences printed together."""

    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class BulletList:
    """A list; each item is one unit."""

    items: tuple[Sentence, ...]


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section: a pasted page's "Acute Bronchitis" under
    "What causes bronchitis?". Printed and spoken as written, never rewritten."""

    subheading: Sentence

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return (self.subheading,)


Block = Union[Paragraph, BulletList, Subheading]


@dataclass(frozen=True)
class Section:
    """A titled part of a guide: one chapter of the audio, one bookmark."""

    id: str
    heading: Sentence
    blocks: tuple[Block, ...]

    def units(self) -> Iterator[Sentence]:
        """The section's sentences and list items in reading order."""
        for block in self.blocks:
            yield from block.items if isinstance(block, BulletList) else block.sentences


@dataclass(frozen=True)
class GlossaryEntry:
    """A medical term kept in the text, with a plain explanation."""

    term: Sentence
    explanation: Sentence


@dataclass(frozen=True)
class Guide:
    """A guide ready to render: plain language, in one language."""

    slug: str
    title: Sentence
    lang: str
    summary: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...] = field(default=())

    def units(self) -> Iterator[Sentence]:
        """Every translatable unit of the guide, in reading order."""
        yield self.title
        yield from self.summary
        for section in self.sections:
            yield section.heading
            yield from section.units()
        for entry in self.glossary:
            yield entry.term
            yield entry.explanation
