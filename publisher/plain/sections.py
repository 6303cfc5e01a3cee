"""Group a source guide's blocks into titled sections.

A Markdown source with `##` headings keeps its own sections. A source without
headings (the plain-text shape) is sectioned by topic: each paragraph is
scored against the cue words of `locales/<lang>/topics.toml` and gathered
under that topic's heading, a question a reader would ask ("What causes
ALS?"). See the comments in topics.toml for the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import Flag, ListOf, Number, Table, Text, load_data
from ..model import SourceBlock, SourceGuide
from ..sentences import split_sentences

# A paragraph's first sentence usually says what it is about: its cues count this many times.
TOPIC_SENTENCE_WEIGHT = 3
# A paragraph stays in the current section unless another topic scores clearly higher
# (the current topic scores less than this share of the best), so a narrative is not cut up.
STAY_RATIO = 0.6

_CUES = ListOf(Text(blank=False), what="a list of cue words")
# A heading is filled with the guide's subject: draft_sections.
_TOPIC = Table({"id": Text(blank=False), "heading": Text(placeholders=("subject",), blank=False), "cues": _CUES,
                "weight": Number(low=0), "summary": Flag()}, required=("id", "heading"))
# locales/<lang>/topics.toml
SHAPE = Table({"fallback_subject": Text(blank=False), "organisation_words": ListOf(Text(blank=False)),
               "opening": _TOPIC, "opening_fallback": _TOPIC, "topic": ListOf(_TOPIC, least=1)},
              required=("opening", "opening_fallback", "topic"))


@dataclass(frozen=True)
class Topic:
    """A kind of section and the cue words that recognise its paragraphs."""

    id: str
    heading: str
    cues: tuple[re.Pattern, ...] = ()
    weight: float = 1.0
    summary: bool = False

    def score(self, text: str) -> float:
        return self.weight * sum(len(cue.findall(text)) for cue in self.cues)


@dataclass(frozen=True)
class TopicRules:
    """The contents of one language's topics.toml."""

    opening: Topic
    opening_fallback: Topic
    topics: tuple[Topic, ...]
    fallback_subject: str
    organisation_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionDraft:
    """A section before its text is rewritten: heading and source blocks."""

    id: str
    heading: str
    blocks: tuple[SourceBlock, ...]


def load_topics(path: Path) -> TopicRules:
    """Read topics.toml into TopicRules."""
    data = load_data(path, SHAPE)

    def topic(table: dict) -> Topic:
        cues = tuple(_cue_pattern(cue) for cue in table.get("cues", []))
        return Topic(id=table["id"], heading=table["heading"], cues=cues, weight=float(table.get("weight", 1.0)),
                     summary=table.get("summary", False))

    return TopicRules(opening=topic(data["opening"]), opening_fallback=topic(data["opening_fallback"]),
                      topics=tuple(topic(table) for table in data["topic"]),
                      fallback_subject=str(data.get("fallback_subject", "this condition")),
                      organisation_words=tuple(str(word) for word in data.get("organisation_words", ())))


def _cue_pattern(cue: str) -> re.Pattern:
    stem = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"\w*" if cue.endswith("*") else ""
    return re.compile(rf"\b{stem}{ending}\b", re.IGNORECASE)


_DEFINED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def find_subject(source: SourceGuide, fallback: str, organisation_words: tuple[str, ...] = ()) -> str:
    """The condition a guide is about: an abbreviation the text defines
    ("amyotrophic lateral sclerosis (ALS)") that the title names (by the
    abbreviation or a word of its long form) and that is not an
    organisation's (its long form holds none of `organisation_words`), else an
    acronym of the title, else `fallback`. The subject is printed in headings
    ("What is ALS?") and in "people with ALS", so a guess is never made: a
    hydrocephalus guide that defines "cerebrospinal fluid (CSF)" is not about
    CSF, and nobody is a person "with CDC"."""
    text = " ".join(block.text or " ".join(block.items) for block in source.blocks)
    organisation = {word.lower() for word in organisation_words}
    title_words = {word.lower() for word in re.findall(r"[A-Za-z]{4,}", source.title)}
    organisations = set()
    for defined in _DEFINED_ABBREVIATION.finditer(text):
        abbreviation = defined.group(1)
        before = re.findall(r"[A-Za-z]+", text[max(0, defined.start() - 100): defined.start()])
        long_form = {word.lower() for word in before[-len(abbreviation) - 3:]}
        if long_form & organisation:
            organisations.add(abbreviation)
            continue
        if re.search(rf"\b{re.escape(abbreviation)}\b", source.title) or title_words & long_form:
            return abbreviation
    in_title = [word for word in _ACRONYM.findall(source.title)
                if word not in organisations and word.lower() not in organisation]
    return in_title[0] if in_title else fallback


def draft_sections(source: SourceGuide, rules: TopicRules) -> list[SectionDraft]:
    """The guide's sections: its own headings if it has any, else by topic."""
    subject = find_subject(source, rules.fallback_subject, rules.organisation_words)
    if any(block.kind == "heading" for block in source.blocks):
        return _sections_from_headings(source, rules, subject)
    return _sections_by_topic(source, rules, subject)


def _sections_from_headings(source: SourceGuide, rules: TopicRules, subject: str) -> list[SectionDraft]:
    drafts: list[SectionDraft] = []
    heading, blocks = None, []
    for block in list(source.blocks) + [SourceBlock("heading", 0, text="")]:
        if block.kind != "heading":
            blocks.append(block)
            continue
        if blocks:
            if heading is None:
                heading = _opening_topic(blocks[0], rules, subject).heading.format(subject=subject)
            drafts.append(SectionDraft(_unique_id(slugify(heading), drafts), heading, tuple(blocks)))
        heading, blocks = block.text, []
    return drafts


def _sections_by_topic(source: SourceGuide, rules: TopicRules, subject: str) -> list[SectionDraft]:
    opening, *rest = source.blocks
    current = _opening_topic(opening, rules, subject)
    groups: dict[Topic, list[SourceBlock]] = {current: [opening]}
    for block in rest:
        scores = {topic: _paragraph_score(topic, block, source.lang) for topic in rules.topics}
        best = max(rules.topics, key=lambda topic: scores[topic])  # first listed wins a tie
        if scores[best] > 0 and scores.get(current, 0) < STAY_RATIO * scores[best]:
            current = best
        groups.setdefault(current, []).append(block)
    ordered = sorted(groups.items(), key=lambda item: item[0].summary)  # stable: summary last
    return [SectionDraft(topic.id, topic.heading.format(subject=subject), tuple(blocks))
            for topic, blocks in ordered]


def _paragraph_score(topic: Topic, block: SourceBlock, lang: str) -> float:
    """How strongly a paragraph is about `topic`; its first (topic) sentence counts extra."""
    text = block.text or " ".join(block.items)
    sentences = split_sentences(text, lang)
    first = sentences[0] if sentences else ""
    return topic.score(text) + (TOPIC_SENTENCE_WEIGHT - 1) * topic.score(first)


def _opening_topic(block: SourceBlock, rules: TopicRules, subject: str = "") -> Topic:
    """"What is X?" if the opening sentence says what the subject is, else "What is this guide about?"."""
    text = block.text or " ".join(block.items)
    first = split_sentences(text)[0] if text else ""
    about_subject = not subject or re.search(rf"\b{re.escape(subject)}\b\)?(?:,[^,]*,)? (?:is|are|means)\b", first)
    return rules.opening if rules.opening.score(first) > 0 and about_subject else rules.opening_fallback


def slugify(text: str) -> str:
    """A short id for a heading: lowercase words joined by hyphens."""
    words = re.findall(r"\w+", text.lower())
    return "-".join(words[:6]) or "section"


def _unique_id(candidate: str, drafts: list[SectionDraft]) -> str:
    taken = {draft.id for draft in drafts}
    suffix, unique = 2, candidate
    while unique in taken:
        unique, suffix = f"{candidate}-{suffix}", suffix + 1
    return unique
