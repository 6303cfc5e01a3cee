"""A guide in another language: each unit looked up in the language's catalogue.

A unit with no translation, or only a fuzzy one, keeps its English text and
`lang="en"`, so the page marks it and the narrator reads it with an English
voice; the build says how many fell back. A fuzzy translation never reaches a
handout.

Units are counted as messages, the way `publisher status` and `update`
count them: a sentence that appears twice in a guide (a key point that
repeats the body) is one message to translate.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, replace

from babel.messages.catalog import Catalog

from ..model import BulletList, GlossaryEntry, Guide, Paragraph, Section, Sentence, Subheading


def shipped_messages(catalog: Catalog | None) -> dict[str, str]:
    """msgid -> translation for every message that may reach a handout (not
    fuzzy, not empty; a plural message by its first form). A plain dict, cheap
    to hand to worker processes."""
    messages = {}
    for message in catalog or ():
        if not message.id or message.fuzzy or not message.string:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        text = message.string if isinstance(message.string, str) else message.string[0]
        if text:
            messages[msgid] = text
    return messages


class CatalogTranslations(gettext.NullTranslations):
    """gettext translations from shipped messages (for the templates' own
    words). Every message looked up is remembered in `used` with what was
    found, so a build can tell later whether a file's words changed."""

    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self.messages = messages
        self.used: dict[str, str] = {}

    def gettext(self, message: str) -> str:
        found = self.messages.get(message, message)
        self.used[message] = found
        return found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@dataclass(frozen=True)
class Localized:
    """A guide in a language, the units that had to stay in English, and
    the guide's messages (each distinct text once)."""

    guide: Guide
    fallbacks: tuple[Sentence, ...]
    messages: tuple[str, ...] = ()

    @property
    def untranslated(self) -> tuple[str, ...]:
        """The messages of the guide left in English, each once."""
        return tuple(dict.fromkeys(unit.text for unit in self.fallbacks))

    @property
    def percent(self) -> float:
        """How much of the guide is translated, in percent of its messages."""
        if not self.messages:
            return 100.0
        return 100 * (len(self.messages) - len(self.untranslated)) / len(self.messages)


def localize(guide: Guide, messages: dict[str, str] | None, lang: str) -> Localized:
    """`guide` in `lang` (the source guide itself when `lang` is its language),
    each unit looked up in `messages` (see `shipped_messages`)."""
    texts = tuple(dict.fromkeys(unit.text for unit in guide.units()))
    if lang == guide.lang:
        return Localized(guide, (), texts)
    fallbacks: list[Sentence] = []

    def unit(sentence: Sentence) -> Sentence:
        found = (messages or {}).get(sentence.text)
        if found is None:
            fallbacks.append(sentence)
            return sentence
        return replace(sentence, text=found, lang=lang)

    def block(item):
        if isinstance(item, Paragraph):
            return Paragraph(tuple(unit(sentence) for sentence in item.sentences))
        if isinstance(item, Subheading):
            return Subheading(unit(item.subheading))
        return BulletList(tuple(unit(sentence) for sentence in item.items))

    localized = Guide(
        slug=guide.slug, title=unit(guide.title), lang=lang, summary=tuple(unit(point) for point in guide.summary),
        sections=tuple(Section(section.id, unit(section.heading), tuple(block(item) for item in section.blocks))
                       for section in guide.sections),
        glossary=tuple(GlossaryEntry(unit(entry.term), unit(entry.explanation)) for entry in guide.glossary))
    return Localized(localized, tuple(fallbacks), texts)

