"""A guide in another language: each unit looked up in the language's catalogue.

A unit with no translation, or only a fuzzy one, keeps its English text and
`lang="en"`, so the page marks it and the narrator reads it with an English
voice; the build says how many units fell back. A fuzzy translation never
reaches a handout.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, replace

from babel.messages.catalog import Catalog

from ..model import BulletList, GlossaryEntry, Guide, Paragraph, Section, Sentence


class CatalogTranslations(gettext.NullTranslations):
    """gettext translations straight from a Babel catalogue, skipping fuzzy and
    empty entries (for the templates' own words)."""

    def __init__(self, catalog: Catalog | None):
        super().__init__()
        self.catalog = catalog

    def gettext(self, message: str) -> str:
        found = _translated(self.catalog, message)
        return found if found is not None else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@dataclass(frozen=True)
class Localized:
    """A guide in a language, and the units that had to stay in English."""

    guide: Guide
    fallbacks: tuple[Sentence, ...]


def localize(guide: Guide, catalog: Catalog | None, lang: str) -> Localized:
    """`guide` in `lang` (the source guide itself when `lang` is its language)."""
    if lang == guide.lang:
        return Localized(guide, ())
    fallbacks: list[Sentence] = []

    def unit(sentence: Sentence) -> Sentence:
        found = _translated(catalog, sentence.text)
        if found is None:
            fallbacks.append(sentence)
            return sentence
        return replace(sentence, text=found, lang=lang)

    def block(item):
        if isinstance(item, Paragraph):
            return Paragraph(tuple(unit(sentence) for sentence in item.sentences))
        return BulletList(tuple(unit(sentence) for sentence in item.items))

    localized = Guide(
        slug=guide.slug, title=unit(guide.title), lang=lang, summary=tuple(unit(point) for point in guide.summary),
        sections=tuple(Section(section.id, unit(section.heading), tuple(block(item) for item in section.blocks))
                       for section in guide.sections),
        glossary=tuple(GlossaryEntry(unit(entry.term), unit(entry.explanation)) for entry in guide.glossary))
    return Localized(localized, tuple(fallbacks))


def _translated(catalog: Catalog | None, text: str) -> str | None:
    if catalog is None:
        return None
    message = catalog.get(text)
    if message is None or message.fuzzy or not message.string:
        return None
    return message.string if isinstance(message.string, str) else message.string[0]
