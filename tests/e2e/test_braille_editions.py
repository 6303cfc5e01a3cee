"""End to end: the braille editions of the session's build. Every BRF of every
language keeps to 40 cells by 25 lines and opens with the transcriber's note
in its language; the English BRF read back by liblouis keeps every drug name,
gene name and number of its guide."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, SEED_SLUGS
from publisher.braille.brf import CELLS_PER_LINE, LINES_PER_PAGE, brf_pages, problems
from publisher.braille.codes import braille_code
from publisher.braille.transcribe import back_translate, transcribe
from publisher.formats import REGISTRY
from publisher.guides import load_guides
from publisher.i18n.catalogs import catalog_path, read_catalog, shipped_languages
from publisher.plain import load_rules
from publisher.plain.fidelity import keepers, missing
from publisher.project import Project
from publisher.sources import load_source

pytestmark = pytest.mark.e2e
TERMS = load_rules(REPO / "locales" / "en", "en").terms
NOTE = ("This braille is an automated transcription, made by computer. A braille reader should check it "
        "before many copies are embossed.")


@pytest.fixture(scope="module")
def english_guides(built_project):
    return {guide.slug: guide for guide in load_guides(Project(built_project[0]))}


def _text_pages(path) -> list[list[str]]:
    """The lines of text of each page (the page number's line left out)."""
    return [page[:-1] for page in brf_pages(path.read_bytes())]


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE))


def test_every_brf_of_every_language_is_within_40_cells_and_25_lines(built_project):
    project = Project(built_project[0])
    languages = shipped_languages(project)
    assert set(languages) >= {"en", "es", "fr", "ar"}
    for lang in languages:
        code = braille_code(project.language_data(lang), lang)
        translated = read_catalog(catalog_path(project, lang)).get(NOTE) if lang != "en" else None
        note = translated.string if translated is not None and translated.string else NOTE
        for slug in SEED_SLUGS:
            path = project.output / lang / REGISTRY["brf"].file_name(slug)
            data = path.read_bytes()
            assert problems(data) == [] and REGISTRY["brf"].check(path) == [], path
            pages = brf_pages(data)
            assert len(pages) >= 5, path
            assert all(len(page) <= LINES_PER_PAGE and all(len(line) <= CELLS_PER_LINE for line in page)
                       for page in pages), path
            first = pages[0]
            written = " ".join(" ".join(first[:first.index("")]).split())
            assert written == code.note_opens + transcribe(note, code) + code.note_closes, (path, note)
            if lang != "en":
                assert note != NOTE, f"the transcriber's note is not translated into {lang}"


@pytest.mark.parametrize("slug", SEED_SLUGS)
def test_the_english_brf_reads_back_with_every_drug_gene_and_number(built_project, english_guides, slug):
    project = Project(built_project[0])
    code = braille_code(project.language_data("en"), "en")
    lines = [line for page in _text_pages(project.output / "en" / f"{slug}.brf") for line in page]
    read = back_translate(" ".join(" ".join(lines).split()), code.table)
    guide = english_guides[slug]
    guide_text = " ".join(unit.text for unit in guide.units())
    source_text = " ".join(block.text for block in load_source(REPO / "sources" / f"{slug}.txt").blocks)
    wanted = keepers(guide_text, TERMS, TERMS.drug_endings)
    assert wanted.names >= {"SOD1", "FUS"} and wanted.names & {"riluzole", "edaravone", "C9orf72", "TARDBP"}
    # liblouis reads a few names back otherwise than they are written, even alone ("ALS" as "ALSOS":
    # its back-translation takes "al" for the shortform of "also", which UEB does not allow there):
    # such a name counts as written or in the form liblouis reads back for the name alone.
    read_as = {name: back_translate(transcribe(name, code), code.table) for name in wanted.names}
    for name in sorted(wanted.names):
        found = _count(name, read) + (_count(read_as[name], read) if read_as[name].lower() != name.lower() else 0)
        assert found >= _count(name, guide_text) > 0, (name, read_as[name])
    for number in sorted(wanted.numbers):
        pattern = rf"(?<![\w.]){number:g}(?![\w.])"
        assert len(re.findall(pattern, read)) >= len(re.findall(pattern, guide_text)) > 0, number
    for name, form in read_as.items():
        if form.lower() != name.lower():
            read = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", name, read, flags=re.IGNORECASE)
    assert missing(guide_text, read, TERMS, TERMS.drug_endings) == []
    # The source's own names and numbers too, percentages by value ("5-10%" is read as "5 to 10 out of 100").
    assert missing(source_text, read, TERMS, TERMS.drug_endings) == []
