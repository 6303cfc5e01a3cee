"""The braille edition: liblouis transcription, BANA-style pages of 40 cells
by 25 lines, the transcriber's note, and each sentence in its own language's
braille code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from publisher.braille.brf import BRAILLE_ASCII, CELLS_PER_LINE, LINES_PER_PAGE, brf_pages, cells_named, problems
from publisher.braille.codes import braille_code
from publisher.braille.edition import Transcriber, guide_blocks, guide_brf
from publisher.braille.pages import TEXT_LINES, block_lines, heading, wrap
from publisher.braille.transcribe import back_translate, louis, transcribe
from publisher.errors import PublisherError
from publisher.formats import REGISTRY
from publisher.model import BulletList, GlossaryEntry, Guide, Paragraph, Section, Sentence

LOCALES = REPO / "locales"
NOTE = ("This braille is an automated transcription, made by computer. A braille reader should check it "
        "before many copies are embossed.")
WORDS = ("people with ALS may take riluzole or edaravone and the gene SOD1 or C9orf72 can change about 1 in 10 "
         "of those who have it in their family so the care team checks breathing swallowing and strength "
         "every 3 months").split()


def english(gettext_words: dict[str, str] | None = None):
    return lambda message: (gettext_words or {}).get(message, message)


def sentence(id: str, number: int, length: int, lang: str = "en") -> Sentence:
    words = [WORDS[(number * 7 + i) % len(WORDS)] for i in range(length)]
    return Sentence(id, " ".join(words).capitalize() + ".", lang)


def long_guide(sections: int = 12, lang: str = "en") -> Guide:
    """A guide of many pages: sections of paragraphs and lists, key points and words to know."""
    made = []
    for s in range(sections):
        blocks = [Paragraph(tuple(sentence(f"s{s}.p{p}.{n}", s + p + n, 8 + (s + n) % 9, lang) for n in range(4)))
                  for p in range(2)]
        blocks.insert(1, BulletList(tuple(sentence(f"s{s}.l{n}", s * 3 + n, 3 + n * 8, lang) for n in range(3))))
        made.append(Section(f"s{s}", Sentence(f"s{s}.heading", f"Part {s + 1}: what to know about care", lang),
                            tuple(blocks)))
    return Guide("long", Sentence("title", "Living with ALS: a long guide for families and carers", lang), lang,
                 tuple(sentence(f"key{n}", n, 9, lang) for n in range(3)), tuple(made),
                 tuple(GlossaryEntry(Sentence(f"term{n}", name, lang), sentence(f"explains{n}", n, 10, lang))
                       for n, name in enumerate(("Riluzole", "SOD1", "Motor neuron"))))


def body_lines(pages: list[list[str]]) -> list[tuple[int, int, str]]:
    return [(p, n, line) for p, page in enumerate(pages, start=1) for n, line in enumerate(page[:TEXT_LINES], 1)]


@pytest.fixture(scope="module")
def built():
    guide = long_guide()
    data, count = guide_brf(guide, english(), LOCALES)
    return guide, data, brf_pages(data), count


def test_a_long_guide_fills_many_pages_each_within_40_cells_and_25_lines(built):
    _, data, pages, count = built
    assert count == len(pages) >= 10
    assert problems(data) == []
    assert REGISTRY["brf"].check is not None
    for page in pages:
        assert len(page) == LINES_PER_PAGE
        assert all(len(line) <= CELLS_PER_LINE for line in page)
        assert all(character in BRAILLE_ASCII for line in page for character in line)
    assert data.count(b"\f") == len(pages) and data.endswith(b"\r\n\f")
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line ends with CR LF
    assert all(page[0] != "" for page in pages)  # no page starts with a blank line


def test_the_pages_are_numbered_in_braille_at_the_right_of_the_last_line(built):
    _, _, pages, _ = built
    table = braille_code(LOCALES / "en", "en").table
    numbers = []
    for page in pages:
        last = page[-1]
        assert last.startswith(" ") and last == last.strip().rjust(CELLS_PER_LINE)
        numbers.append(back_translate(last.strip(), table))
    assert numbers == [str(n) for n in range(1, len(pages) + 1)]


def test_no_word_is_split_across_lines(built):
    guide, _, pages, _ = built
    blocks = guide_blocks(guide, english(), Transcriber(LOCALES))
    written = [word for _, _, line in body_lines(pages) for word in line.split()]
    assert written == [word for block in blocks for word in block.cells.split()]
    assert max(len(word) for word in written) < CELLS_PER_LINE


def test_a_word_longer_than_a_line_is_divided_with_hyphens():
    word = "ABCDEFGHIJ" * 9
    lines = wrap(f"AN {word} END", 40, 2, 0)
    assert all(len(line) <= 40 for line in lines)
    assert lines[0] == "  AN"
    assert "".join(line.removesuffix("-") for line in lines[1:-1]) + lines[-1].split()[0] == word
    assert lines[-1].endswith(" END")
    centered = block_lines(heading("AB " + "C" * 36 + " DE"))  # too long for the heading's margins, not for a line
    assert [line.split() for line in centered] == [["AB", "C" * 36], ["DE"]]


def test_headings_are_centered_after_a_blank_line_and_never_end_a_page(built):
    guide, _, pages, _ = built
    code = braille_code(LOCALES / "en", "en")
    headings = [transcribe(section.heading.text, code) for section in guide.sections]
    headings += [transcribe("Key points", code), transcribe("Words to know", code)]
    found = {}
    for p, n, line in body_lines(pages):
        if line.strip() in headings:
            found[line.strip()] = (p, n)
            left = len(line) - len(line.lstrip())
            assert abs(left - (CELLS_PER_LINE - len(line.strip()) - left)) <= 1, line  # centered
            page = pages[p - 1]
            assert n == 1 or page[n - 2] == "", (p, n)  # a blank line before, unless at the top of a page
            assert n + 2 <= TEXT_LINES and page[n] == "" and page[n + 1].strip(), (p, n)  # text follows it
    assert set(found) == set(headings)
    assert [found[heading] for heading in headings[:-2]] == sorted(found[heading] for heading in headings[:-2])


def test_a_glossary_term_is_never_parted_from_its_explanation():
    short = long_guide(1)
    names = [f"Term {chr(65 + n % 26)}{n}" for n in range(40)]
    glossary = tuple(GlossaryEntry(Sentence(f"term{n}", name, "en"), sentence(f"explains{n}", n, 6 + n % 11))
                     for n, name in enumerate(names))
    guide = Guide(short.slug, short.title, "en", short.summary, short.sections, glossary)
    pages = brf_pages(guide_brf(guide, english(), LOCALES)[0])
    code = braille_code(LOCALES / "en", "en")
    terms = {transcribe(name, code) for name in names}
    placed = [(p, n) for p, n, line in body_lines(pages) if line in terms]
    assert len(placed) == len(terms)
    assert all(n < TEXT_LINES and pages[p - 1][n].startswith("  ") for p, n in placed)  # its explanation follows


def test_paragraphs_start_in_cell_3_and_list_items_in_cell_1_with_runover_in_cell_3(built):
    guide, _, pages, _ = built
    code = braille_code(LOCALES / "en", "en")
    lines = [line for _, _, line in body_lines(pages)]
    paragraph = " ".join(transcribe(unit.text, code) for unit in guide.sections[0].blocks[0].sentences)
    start = next(i for i, line in enumerate(lines) if line.startswith("  " + " ".join(paragraph.split()[:3])))
    assert lines[start][2] != " " and lines[start + 1][0] != " "  # runover in cell 1
    item = transcribe(guide.sections[0].blocks[1].items[2].text, code)
    expected = wrap(item, CELLS_PER_LINE, 0, 2)
    assert len(expected) >= 2 and expected[0][0] != " " and all(re.match(r"  \S", line) for line in expected[1:])
    running = [line for page in pages for line in "\n".join(page[:TEXT_LINES]).rstrip("\n").split("\n")]
    assert any(running[i:i + len(expected)] == expected for i in range(len(running)))


def test_the_transcribers_note_opens_page_1_and_comes_from_the_catalogue(built):
    _, _, pages, _ = built
    code = braille_code(LOCALES / "en", "en")
    first = pages[0]
    assert first[0].startswith(" " * 6 + code.note_opens) and first[0][6] != " "  # cell 7, UEB indicator
    note_lines = first[:first.index("")]
    assert all(line.startswith(" " * 4) for line in note_lines[1:])  # runover in cell 5
    assert " ".join(" ".join(note_lines).split()) == code.note_opens + transcribe(NOTE, code) + code.note_closes
    read = back_translate(" ".join(" ".join(note_lines).split()), code.table)
    assert "automated transcription" in read and "embossed" in read
    title = transcribe(long_guide().title.text, code).split()[0]
    assert any(line.strip().startswith(title) for line in first[len(note_lines):])

    spanish_note = ("Este braille es una transcripción automática. Una persona que lea braille debe revisarlo "
                    "antes de imprimir muchas copias.")
    data, _ = guide_brf(long_guide(2, "es"), english({NOTE: spanish_note}), LOCALES)
    page = brf_pages(data)[0]
    written = " ".join(" ".join(page[:page.index("")]).split())
    assert written == transcribe(spanish_note, braille_code(LOCALES / "es", "es"))


def test_a_fallback_sentence_is_transcribed_with_its_own_languages_table():
    spanish = long_guide(3, "es")
    fallback = Sentence("s1.p0.9", "The other care team checks your breathing every 3 months.", "en")
    section = spanish.sections[1]
    paragraph = section.blocks[0]
    changed = Paragraph((*paragraph.sentences[:2], fallback, *paragraph.sentences[2:]))
    sections = (*spanish.sections[:1], Section(section.id, section.heading, (changed, *section.blocks[1:])),
                *spanish.sections[2:])
    guide = Guide(spanish.slug, spanish.title, "es", spanish.summary, sections, spanish.glossary)
    data, _ = guide_brf(guide, english(), LOCALES)
    assert problems(data) == []
    text = " ".join(" ".join(line.split()) for _, _, line in body_lines(brf_pages(data)) if line.strip())
    in_english = transcribe(fallback.text, braille_code(LOCALES / "en", "en"))
    in_spanish = transcribe(fallback.text, braille_code(LOCALES / "es", "es"))
    assert in_english != in_spanish
    assert in_english in text and in_spanish not in text
    around = " ".join(transcribe(unit.text, braille_code(LOCALES / "es", "es")) for unit in paragraph.sentences[:2])
    assert f"{around} {in_english}" in text  # in its place in the Spanish paragraph


def test_french_punctuation_is_written_against_the_word():
    french = braille_code(LOCALES / "fr", "fr")
    assert transcribe("Qu’est-ce que la SLA ?", french) == transcribe("Qu'est-ce que la SLA?", french)
    assert transcribe("« clé »", french) == transcribe("«clé»", french)
    assert not transcribe("Qu’est-ce que la SLA ?", french).endswith(" 5")


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ar"])
def test_every_shipped_language_has_a_six_dot_table_giving_braille_ascii(lang):
    code = braille_code(LOCALES / lang, lang)
    sample = {"en": "Riluzole may help.", "es": "¿Qué es la ELA?", "fr": "Qu’est-ce que la SLA ?",
              "ar": "ما هو التصلب الجانبي الضموري؟"}[lang]
    cells = transcribe(f"{sample} SOD1, C9orf72 (10)", code)
    assert cells and all(character in BRAILLE_ASCII for character in cells)


def test_braille_ascii_is_liblouis_north_american_display_table():
    lou = louis()
    shown = [lou.translateString(["en-us-brf.dis", "braille-patterns.cti"], chr(0x2800 + dots)) for dots in range(64)]
    assert "".join(cell or " " for cell in shown) == BRAILLE_ASCII
    assert cells_named("4-46-126") == "@.<" and cells_named("3456-1") == "#A"


def test_a_character_the_table_cannot_write_is_an_error_naming_the_unit():
    spanish = braille_code(LOCALES / "es", "es")
    with pytest.raises(PublisherError, match=r"U\+2192"):
        transcribe("Dosis → 5", spanish)
    guide = long_guide(1, "es")
    bad = Guide(guide.slug, Sentence("title", "Guía → ELA", "es", "sources/x.md:1"), "es", (), guide.sections)
    with pytest.raises(PublisherError) as error:
        guide_brf(bad, english(), LOCALES)
    assert "x.md:1: title (es): the braille table es-g1.ctb" in str(error.value) and "\n" not in str(error.value)


def test_a_language_without_braille_toml_is_a_one_line_error_naming_it(tmp_path):
    shutil.copytree(LOCALES / "es", tmp_path / "pt")
    (tmp_path / "pt" / "braille.toml").unlink()
    with pytest.raises(PublisherError) as error:
        braille_code(tmp_path / "pt", "pt")
    message = str(error.value)
    assert "\n" not in message and "braille.toml" in message and "'pt'" in message
    (tmp_path / "pt" / "braille.toml").write_text('table = "xx-none.ctb"\n', encoding="utf-8")
    with pytest.raises(PublisherError, match=r"braille.toml:1: .*xx-none.ctb"):
        braille_code(tmp_path / "pt", "pt")


def test_the_check_finds_long_lines_long_pages_and_characters_that_are_not_braille_ascii():
    good = b"".join(b"A" * 40 + b"\r\n" for _ in range(25)) + b"\f"
    assert problems(good) == []
    assert problems(good.replace(b"A" * 40, b"A" * 41, 1)) == ["page 1 line 1 has 41 cells (at most 40)"]
    assert problems(good + b"B\r\n" * 26 + b"\f") == ["page 2 has 26 lines (at most 25)"]
    assert problems(good.replace(b"A" * 40 + b"\r\n", b"Aa\r\n", 1)) == [
        "page 1 line 1 has characters that are not braille ASCII: 'a'"]
    assert problems(b"A\nB\r\n\f") and problems("É\r\n\f".encode())


def test_the_format_is_registered_with_its_data_and_system_files():
    fmt = REGISTRY["brf"]
    assert fmt.file_name("guide") == "guide.brf" and fmt.language_data == ("braille.toml",)
    assert fmt.system_files and all(Path(path).exists() for path in fmt.system_files)
