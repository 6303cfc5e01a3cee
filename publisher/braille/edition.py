"""A guide as a braille-ready file, in reading order.

Page 1 opens with a transcriber's note (an automated transcription, to be
checked by a braille reader before it is embossed in quantity) and the
guide's title; then the key points, each section (its heading, paragraphs
and lists) and the words to know, each term with its explanation under it.
Each sentence is transcribed with the table of its own language, so an
English sentence left untranslated in a Spanish guide is in English braille.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..defaults import SOURCE_LANGUAGE
from ..errors import PublisherError
from ..model import BulletList, Guide, Sentence, Subheading
from .brf import brf_file
from .codes import BrailleCode, braille_code
from .pages import Block, explanation, heading, list_item, paginate, paragraph, subheading, term, transcribers_note
from .transcribe import UntranslatableText, transcribe


@dataclass
class Transcriber:
    """Braille for the words of one guide, each in its language's code (read
    from `locales/<lang>/braille.toml` once)."""

    locales: Path
    codes: dict[str, BrailleCode] = field(default_factory=dict)

    def code(self, lang: str) -> BrailleCode:
        """The braille code of `lang`."""
        if lang not in self.codes:
            self.codes[lang] = braille_code(self.locales / lang, lang)
        return self.codes[lang]

    def unit(self, sentence: Sentence) -> str:
        """The braille of one unit of the guide, in its own language's code; text
        its table cannot write is an error naming where the unit came from."""
        try:
            return transcribe(sentence.text, self.code(sentence.lang))
        except UntranslatableText as error:
            raise PublisherError(f"{sentence.id} ({sentence.lang}): {error.message}", sentence.source or None) from None

    def units(self, sentences: tuple[Sentence, ...]) -> str:
        """The braille of units read one after the other."""
        return " ".join(self.unit(sentence) for sentence in sentences)


def guide_blocks(guide: Guide, gettext: Callable[[str], str], transcriber: Transcriber) -> list[Block]:
    """The guide's braille blocks in reading order (`gettext` translates the
    transcriber's note and the headings "Key points" and "Words to know")."""

    def _(english: str) -> Sentence:  # a word of the catalogue, as a unit in the language it is found in
        words = gettext(english)
        return Sentence("catalogue", words, guide.lang if words != english else SOURCE_LANGUAGE)

    code = transcriber.code(guide.lang)
    # Translators: the transcriber's note that opens the braille edition (BRF), read by touch.
    # "Embossed": printed in braille by an embosser.
    note = _("This braille is an automated transcription, made by computer. A braille reader should check it "
             "before many copies are embossed.")
    blocks = [transcribers_note(code.note_opens + transcriber.unit(note) + code.note_closes),
              heading(transcriber.unit(guide.title))]
    if guide.summary:
        blocks.append(heading(transcriber.unit(_("Key points"))))
        blocks += _items([transcriber.unit(point) for point in guide.summary])
    for section in guide.sections:
        blocks.append(heading(transcriber.unit(section.heading)))
        for block in section.blocks:
            if isinstance(block, BulletList):
                blocks += _items([transcriber.unit(item) for item in block.items])
            elif isinstance(block, Subheading):
                blocks.append(subheading(transcriber.unit(block.subheading)))
            else:
                blocks.append(paragraph(transcriber.units(block.sentences)))
    if guide.glossary:
        blocks.append(heading(transcriber.unit(_("Words to know"))))
        for number, entry in enumerate(guide.glossary, start=1):
            blocks.append(term(transcriber.unit(entry.term)))
            blocks.append(explanation(transcriber.unit(entry.explanation), last=number == len(guide.glossary)))
    return blocks


def _items(cells: list[str]) -> list[Block]:
    return [list_item(item, first=number == 1, last=number == len(cells)) for number, item in enumerate(cells, start=1)]


def guide_brf(guide: Guide, gettext: Callable[[str], str], locales: Path) -> tuple[bytes, int]:
    """The BRF of `guide`, and its number of braille pages."""
    transcriber = Transcriber(locales)
    code = transcriber.code(guide.lang)
    pages = paginate(guide_blocks(guide, gettext, transcriber), lambda number: transcribe(str(number), code))
    return brf_file(pages), len(pages)
