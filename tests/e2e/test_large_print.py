"""End to end: the large-print PDFs in every print size and language,
checked with a PDF/UA-1 validator and from pdfminer's text positions.

pdfminer gives Arabic in visual order (and splits a line at each change of
direction), so Arabic text is compared as a bag of letters and digits, and
a visual line is every piece of text on the same baseline.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import subprocess
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from babel import Locale
from babel.dates import format_date
from PIL import Image

from conftest import SEED_SLUGS
from e2e.inspect import (Line, Page, lone_first_words, page_facts, pdf_catalog_entry, pdf_facts, pdf_layout,
                         pdf_outline, pdf_pages, pdf_ua_failures, visual_lines)
from publisher.i18n.catalogs import read_catalog

pytestmark = pytest.mark.e2e
LANGUAGES = ("en", "es", "fr", "ar")
SIZES = (16, 18, 24)
HEADING_SIZE = {16: 21, 18: 24, 24: 30}
FOOTER_TOP = 26 * 72 / 25.4  # the bottom page margin, in points: footers sit below it


@pytest.fixture(scope="session")
def print_editions(built_project) -> Path:
    """The session's build plus the 16 pt and 24 pt PDFs of every guide and
    language, each validated and read in a process pool (one process per core:
    they take 2-4 s each, and the tests read each PDF several times)."""
    project = built_project[0]
    for size in (16, 24):
        result = subprocess.run([sys.executable, "-m", "publisher", "build", "-f", "pdf", "--print-size", str(size)],
                                cwd=project, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr + result.stdout
    output = project / "output"
    paths = [pdf_path(output, lang, slug, size) for lang in LANGUAGES for slug in SEED_SLUGS for size in SIZES]
    with ProcessPoolExecutor(os.cpu_count(), mp_context=multiprocessing.get_context("spawn")) as pool:
        for reader in (pdf_ua_failures, pdf_layout):
            reader.read_in_pool(paths, pool)
    return output


def pdf_path(output: Path, lang: str, slug: str, size: int) -> Path:
    return output / lang / f"{slug}{'' if size == 18 else f'-{size}pt'}.pdf"


def letters(text: str) -> Counter:
    return Counter(char for char in unicodedata.normalize("NFKC", text) if char.isalnum())


def says(line_text: str, expected: str, lang: str) -> bool:
    """Whether a PDF line reads `expected` (for Arabic: the same letters and digits)."""
    if lang == "ar":
        return letters(line_text) == letters(expected)
    return " ".join(line_text.split()) == " ".join(expected.split())


def body_lines(page: Page) -> list[Line]:
    return [line for line in visual_lines(page) if line.y0 > FOOTER_TOP]


def footer(page: Page) -> str:
    return " ".join(line.text for line in visual_lines(page) if line.y1 <= FOOTER_TOP)


def catalog_words(lang: str, project: Path):
    if lang == "en":
        return lambda message: message
    catalog = read_catalog(project / "locales" / lang / "LC_MESSAGES" / "messages.po")
    return lambda message: catalog[message].string


# --- every size, every language ----------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pdf_is_valid_large_print_in_its_language(print_editions, lang, size):
    for slug in SEED_SLUGS:
        path = pdf_path(print_editions, lang, slug, size)
        assert pdf_ua_failures(path) == [], path.name
        facts = pdf_facts(path)
        page = page_facts(print_editions / lang / f"{slug}.html")
        assert facts.lang == lang
        assert facts.title == page.units["u-title"]
        assert pdf_catalog_entry(path, "ViewerPreferences") == {"DisplayDocTitle": True}
        assert facts.smallest_size >= size - 0.01, (path.name, facts.smallest_size)
        assert not [font for font in facts.fonts if "italic" in font.lower() or "oblique" in font.lower()]
        assert pdf_outline(path) == [(1, page.units["u-title"])] + [(2, heading) for heading in page.part_headings()]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_heading_is_the_last_line_of_a_page(print_editions, lang, size):
    for slug in SEED_SLUGS:
        pages = pdf_pages(pdf_path(print_editions, lang, slug, size))
        for number, page in enumerate(pages, start=1):
            lines = body_lines(page)
            if number < len(pages):
                assert lines[-1].size < HEADING_SIZE[size] - 0.5, (slug, number, lines[-1].text)


def test_no_line_holds_a_lone_first_word(print_editions):
    """Over every PDF of the session: all guides, languages and print sizes."""
    pdfs = sorted(print_editions.rglob("*.pdf"))
    assert len(pdfs) >= len(LANGUAGES) * len(SEED_SLUGS) * len(SIZES)
    lone = {str(path.relative_to(print_editions)): lone_first_words(path) for path in pdfs}
    assert not {name: found for name, found in lone.items() if found}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_line_is_longer_than_70_characters_at_18_pt(print_editions, lang):
    for slug in SEED_SLUGS:
        pages = pdf_pages(pdf_path(print_editions, lang, slug, 18))
        lengths = [len(line.text) for page in pages for line in body_lines(page)]
        assert max(lengths) <= 70, (slug, max(lengths))
        assert np.median(lengths) >= 35  # lines are filled, not a narrow column


# --- the handout, in each language ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_key_points_contents_sections_glossary_and_footers(built_project, print_editions, lang):
    project = built_project[0]
    words = catalog_words(lang, project)
    slug = SEED_SLUGS[0]
    page = page_facts(print_editions / lang / f"{slug}.html")
    pages = pdf_pages(pdf_path(print_editions, lang, slug, 18))
    total = len(pages)
    assert total > 4

    # The cover: title, the language's own name, the date, how to use the guide.
    cover = " ".join(line.text for line in body_lines(pages[0]))
    language_name = Locale.parse(lang).get_display_name(lang)
    # the day the edition was made (a session that runs past midnight built it the day before)
    made = datetime.date.fromtimestamp(pdf_path(print_editions, lang, slug, 18).stat().st_mtime)
    date = format_date(made, format="long", locale=lang)
    for expected in (page.units["u-title"], language_name[0].upper() + language_name[1:],
                     words("Updated %(date)s") % {"date": date}, words("How to use this guide:"), f"{slug}.mp3"):
        assert not letters(expected) - letters(cover), expected
    assert not [line for line in body_lines(pages[0]) if says(line.text, words("Key points"), lang)]

    # Key points in a box at the top of page 2, then the contents.
    second = body_lines(pages[1])
    assert says(second[0].text, words("Key points"), lang) and second[0].size >= 24 - 0.01
    contents_at = next(index for index, line in enumerate(second) if says(line.text, words("Contents"), lang))
    key_points = second[:contents_at]
    assert len(key_points) > sum(1 for unit in page.units if unit.startswith("u-key-points.")) - 1
    assert any(x0 < min(line.x0 for line in key_points) and max(line.x1 for line in key_points) < x1
               and y0 < min(line.y0 for line in key_points) and max(line.y1 for line in key_points) < y1
               for x0, y0, x1, y1 in pages[1].boxes), "no box around the key points"

    # Every part has a contents entry whose page number is the page its heading is on.
    headings = [(number, line) for number, pdf_page in enumerate(pages, start=1)
                for line in body_lines(pdf_page) if line.size >= 24 - 0.01]
    part_pages = []
    for title in page.part_headings():
        found = [number for number, line in headings if not letters(line.text) - letters(title)
                 and letters(line.text)]
        assert found, title
        part_pages.append(found[-1])
    entries = second[contents_at + 1: contents_at + 1 + len(part_pages)]
    numbers = [int("".join(char for char in entry.text if char.isdigit())[-len(str(p)):])
               for entry, p in zip(entries, part_pages)]
    assert numbers == part_pages
    assert says(headings[-1][1].text, words("Words to know"), lang)  # the glossary comes last

    # "Page X of Y" in the language on every page.
    for number, pdf_page in enumerate(pages, start=1):
        expected = words("Page {page} of {pages}").format(page=number, pages=total)
        assert says(footer(pdf_page), expected, lang), (number, footer(pdf_page))


def test_arabic_is_set_right_to_left(print_editions):
    pages = pdf_pages(pdf_path(print_editions, "ar", SEED_SLUGS[0], 18))
    lines = [line for page in pages[2:] for line in body_lines(page) if line.size < 20]
    right_edges = Counter(round(line.x1) for line in lines)
    left_edges = Counter(round(line.x0) for line in lines)
    # Lines start at the right margin and end wherever their words end.
    assert right_edges.most_common(1)[0][1] > 0.6 * len(lines)
    assert left_edges.most_common(1)[0][1] < 0.3 * len(lines)
    assert right_edges.most_common(1)[0][0] > pages[0].width * 0.85


def test_letter_paper_on_cream(built_project):
    project = built_project[0]
    slug = SEED_SLUGS[0]
    result = subprocess.run([sys.executable, "-m", "publisher", "build", "-f", "pdf", "-l", "en", "-g", slug,
                             "--paper", "letter", "--paper-tint"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    path = project / "output" / "en" / f"{slug}-letter-cream.pdf"
    pages = pdf_pages(path)
    assert (round(pages[0].width), round(pages[0].height)) == (612, 792)
    assert pdf_ua_failures(path) == []
    png = subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", str(path)], capture_output=True,
                         check=True).stdout
    from io import BytesIO
    corner = Image.open(BytesIO(png)).convert("RGB").getpixel((2, 2))
    assert corner == (253, 246, 227), corner
    assert (project / "output" / "en" / f"{slug}.pdf").exists()  # the default edition is still there


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_render_black_on_white(print_editions, lang):
    """Pages as a reader sees them (pdftoppm): white paper, black text, well
    filled. The images stay in output/pages/ of the test project to look at."""
    folder = print_editions / "pages"
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3",
                    str(pdf_path(print_editions, lang, SEED_SLUGS[0], 18)), str(folder / lang)], check=True)
    images = sorted(folder.glob(f"{lang}-*.png"))
    assert len(images) == 3
    for image_path in images:
        pixels = np.asarray(Image.open(image_path).convert("L"))
        values, counts = np.unique(pixels, return_counts=True)
        assert values[np.argmax(counts)] == 255  # the paper
        assert pixels.min() <= 30  # the text is black, not grey
        ink = (pixels < 128).mean()
        assert 0.005 < ink < 0.25, (image_path.name, ink)
