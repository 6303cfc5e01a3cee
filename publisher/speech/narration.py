"""What the narrator says, in order: the guide as a script of chapters.

The title opens the first chapter; then come the key points, each section
(its heading announced with its number, "Section 2. What causes ALS?", then
its sentences and list items) and the words to know, each its own chapter so
a listener can skip by section. Every unit of the guide is one
utterance, spoken in its own language (an untranslated fallback sentence is
read by a voice of its language, not by the page's voice).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..defaults import LISTENING_RATE_WPM
from ..model import Guide, Sentence


@dataclass(frozen=True)
class Pacing:
    """Speaking rate and pauses, in words per minute and seconds."""

    rate: int = LISTENING_RATE_WPM
    after_sentence: float = 0.55
    after_heading: float = 0.9
    after_title: float = 1.2
    after_term: float = 0.4
    between_chapters: float = 1.6


@dataclass(frozen=True)
class Utterance:
    """One unit as spoken: its id and printed text, what is said for it (when
    not the printed text) and the silence after it."""

    unit_id: str
    text: str
    lang: str
    pause_after: float
    announced: str = ""

    @property
    def said(self) -> str:
        return self.announced or self.text


@dataclass(frozen=True)
class Chapter:
    """A part of the narration a listener can skip to."""

    id: str
    title: str
    utterances: tuple[Utterance, ...]


def narration_script(guide: Guide, gettext: Callable[[str], str], pacing: Pacing) -> list[Chapter]:
    """The guide as chapters of utterances (`gettext` translates "Key points" and the like)."""

    def said(unit: Sentence, pause: float) -> Utterance:
        return Utterance(unit.id, unit.text, unit.lang, pause)

    def body(units: list[Sentence]) -> list[Utterance]:
        spoken = [said(unit, pacing.after_sentence) for unit in units]
        if spoken:
            spoken[-1] = replace(spoken[-1], pause_after=pacing.between_chapters)
        return spoken

    def announcement(number: int, heading: Sentence) -> Utterance:
        # Translators: how the narrator announces a section of the audio guide,
        # e.g. "Section 2. What causes ALS?"
        pattern = gettext("Section {number}. {title}") if heading.lang == guide.lang else "Section {number}. {title}"
        return replace(said(heading, pacing.after_heading),
                       announced=pattern.format(number=number, title=heading.text))

    chapters: list[Chapter] = []
    if guide.summary:
        heading = Sentence("key-points.heading", gettext("Key points"), guide.lang)
        chapters.append(Chapter("key-points", heading.text,
                                (said(heading, pacing.after_heading), *body(list(guide.summary)))))
    for number, section in enumerate(guide.sections, start=1):
        chapters.append(Chapter(section.id, section.heading.text,
                                (announcement(number, section.heading), *body(list(section.units())))))
    if guide.glossary:
        heading = Sentence("words-to-know.heading", gettext("Words to know"), guide.lang)
        entries = []
        for entry in guide.glossary:
            entries += [said(entry.term, pacing.after_term), said(entry.explanation, pacing.after_sentence)]
        entries[-1] = replace(entries[-1], pause_after=pacing.between_chapters)
        chapters.append(Chapter("words-to-know", heading.text, (said(heading, pacing.after_heading), *entries)))
    title = said(guide.title, pacing.after_title)
    first = chapters[0]
    chapters[0] = Chapter(first.id, first.title, (title, *first.utterances))
    return chapters
