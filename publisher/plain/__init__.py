"""The plain-language stage: SourceGuide -> Guide.

`make_plain(source, rules)` is the seam every later stage relies on: it takes
what the author wrote and returns the English (source-language) Guide that is
translated, printed and narrated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PublisherError, display_path
from ..model import BulletList, Guide, Paragraph, Section, Sentence, SourceGuide
from ..sentences import split_sentences
from .sections import SectionDraft, TopicRules, draft_sections, load_topics

MAX_SENTENCES_PER_PARAGRAPH = 4


@dataclass(frozen=True)
class PlainRules:
    """Everything the engine knows about one source language, read from data files."""

    lang: str
    topics: TopicRules


def load_rules(language_dir: Path, lang: str) -> PlainRules:
    """Read the plain-language data for `lang` from its folder in locales/."""
    topics_file = language_dir / "topics.toml"
    if not topics_file.exists():
        raise PublisherError(f"no plain-language rules for language '{lang}' "
                             f"({display_path(topics_file)} is missing)")
    return PlainRules(lang=lang, topics=load_topics(topics_file))


def make_plain(source: SourceGuide, rules: PlainRules) -> Guide:
    """Turn a source guide into a Guide of titled sections of short paragraphs."""
    sections = tuple(_section(draft, source) for draft in draft_sections(source, rules.topics))
    title = Sentence("title", source.title, source.lang, _where(source, 1))
    return Guide(slug=source.slug, title=title, lang=source.lang, summary=(), sections=sections)


def _section(draft: SectionDraft, source: SourceGuide) -> Section:
    counter = iter(range(1, 10_000))

    def unit(text: str, line: int) -> Sentence:
        return Sentence(f"{draft.id}.{next(counter)}", text, source.lang, _where(source, line))

    heading = Sentence(f"{draft.id}.heading", draft.heading, source.lang,
                       _where(source, draft.blocks[0].line))
    blocks = []
    for block in draft.blocks:
        if block.kind == "list":
            blocks.append(BulletList(tuple(unit(item, block.line) for item in block.items)))
            continue
        sentences = [unit(text, block.line) for text in split_sentences(block.text, source.lang)]
        blocks.extend(Paragraph(chunk) for chunk in _chunks(sentences, MAX_SENTENCES_PER_PARAGRAPH))
    return Section(id=draft.id, heading=heading, blocks=tuple(blocks))


def _chunks(items: list, size: int) -> list[tuple]:
    """Split `items` into the fewest runs of at most `size`, as even as possible."""
    if not items:
        return []
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    runs, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        runs.append(tuple(items[start:end]))
        start = end
    return runs


def _where(source: SourceGuide, line: int) -> str:
    return f"{display_path(source.path)}:{line}"
