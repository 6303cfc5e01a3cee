"""End to end: the Spanish, French and Arabic editions, built with the real tools."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from babel import Locale

from conftest import REPO, SEED_SLUGS
from e2e.inspect import id3_facts, page_facts, pdf_facts, pdf_ua_failures
from publisher.i18n.catalogs import read_catalog
from publisher.i18n.checks import load_names
from publisher.plain import load_rules
from publisher.plain.fidelity import keepers
from publisher.sources import load_source

pytestmark = pytest.mark.e2e
NAMES = load_names(REPO / "locales" / "do-not-translate.toml")
TERMS = load_rules(REPO / "locales" / "en", "en").terms
ID3_LANGUAGE = {"es": "spa", "fr": "fra", "ar": "ara"}
VOICE = {"es": "roa/es", "fr": "roa/fr", "ar": "sem/ar"}


def letters(text: str) -> Counter:
    return Counter(char for char in unicodedata.normalize("NFKC", text) if char.isalpha())


@pytest.fixture(params=["es", "fr", "ar"])
def lang(request):
    return request.param


@pytest.fixture(params=SEED_SLUGS)
def slug(request):
    return request.param


def test_every_guide_in_every_language_and_nothing_fell_back(built_project, lang):
    project, stdout = built_project
    for slug in SEED_SLUGS:
        for suffix in (".pdf", ".mp3", ".html", ".vtt"):
            assert (project / "output" / lang / f"{slug}{suffix}").stat().st_size > 1000
    assert f"{lang}: 0 messages in English" in stdout
    assert "not published" not in stdout


def test_translated_pdf_is_accessible_in_its_language(built_project, lang, slug):
    path = built_project[0] / "output" / lang / f"{slug}.pdf"
    assert pdf_ua_failures(path) == []
    facts = pdf_facts(path)
    assert facts.lang == lang
    assert facts.smallest_size >= 18 - 0.01
    assert "\ufffd" not in facts.text
    page = page_facts(path.with_suffix(".html"))
    assert page.tags[0][1] == {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr"}
    assert not [attrs for tag, attrs in page.tags if attrs.get("lang") == "en"]  # nothing fell back
    # Every letter of the guide's main text is a glyph in the PDF, and the PDF
    # has no letter the page does not (once its footers and its cover's
    # language name and "How to use this guide" are set aside).
    catalog = read_catalog(REPO / "locales" / lang / "LC_MESSAGES" / "messages.po")
    footer = catalog["Page {page} of {pages}"].string
    drawn = letters(facts.text)
    for _ in range(facts.pages):
        drawn -= letters(footer.replace("{page}", "").replace("{pages}", ""))
    language_name = Locale.parse(lang).get_display_name(lang)
    for cover_text in (language_name[:1].upper() + language_name[1:], catalog["How to use this guide:"].string,
                       catalog["Read the key points first, then the parts you need."].string,
                       catalog["To listen instead, ask for the audio version, %(file)s, which has one track for each "
                               "part."].string % {"file": f"{slug}.mp3"}):
        assert not letters(cover_text) - drawn, cover_text
        drawn -= letters(cover_text)
    main = letters(" ".join(page.prose()) + " " + " ".join(page.part_headings()))
    assert not main - drawn, main - drawn
    assert not drawn - letters(page.text), drawn - letters(page.text)


def test_arabic_pdf_embeds_a_font_with_the_script(built_project):
    facts = pdf_facts(built_project[0] / "output" / "ar" / "als-causes-overview.pdf")
    assert any("Arabic" in font for font in facts.fonts), facts.fonts
    assert re.search(r"[\u0600-\u06FF]{3,}", facts.text)


def test_translated_mp3_is_tagged_and_spoken_by_the_language_voice(built_project, lang, slug):
    path = built_project[0] / "output" / lang / f"{slug}.mp3"
    tags, chapters, toc = id3_facts(path)
    page = page_facts(path.with_suffix(".html"))
    assert str(tags["TLAN"]) == ID3_LANGUAGE[lang]
    assert [chapter.title for chapter in chapters] == page.part_headings()
    voices = tags.getall("TXXX")[0].text
    assert voices == [f"{lang}={VOICE[lang]}"]


def test_every_gene_medicine_and_number_survives_translation(built_project, lang, slug):
    source = load_source(REPO / "sources" / f"{slug}.txt")
    source_text = " ".join(block.text for block in source.blocks)
    text = page_facts(built_project[0] / "output" / lang / f"{slug}.html").text
    for name, forms in NAMES.required(source_text, lang):
        assert any(form.lower() in text.lower() for form in forms), (lang, name)
    for number in keepers(source_text, TERMS, TERMS.drug_endings).numbers:
        assert re.search(rf"(?<![\d.]){number:g}(?![\d])", text), (lang, number)
    assert "SOD1" in text and "FUS" in text
