"""End to end: the four seed guides built in English with the real tools.

Each PDF is checked with a PDF/UA-1 validator and pdfminer, each MP3 decoded
with ffmpeg and its ID3 frames read with mutagen, each page parsed as HTML.
"""

from __future__ import annotations

import pytest

from conftest import SEED_SLUGS
from e2e.inspect import decode_mp3, id3_facts, mp3_stream, page_facts, pdf_facts, pdf_ua_failures

BROKEN_FRAGMENTS = ("known a s", "environment al")

pytestmark = pytest.mark.e2e


@pytest.fixture(params=SEED_SLUGS)
def slug(request):
    return request.param


def test_every_guide_has_all_three_formats(english_build):
    for slug in SEED_SLUGS:
        for suffix in (".pdf", ".mp3", ".html", ".vtt"):
            assert (english_build / f"{slug}{suffix}").stat().st_size > 1000
    assert not list(english_build.glob("*.part")) and not list(english_build.glob(".*"))


def test_pdf_is_accessible_large_print(english_build, slug):
    path = english_build / f"{slug}.pdf"
    assert pdf_ua_failures(path) == []
    facts = pdf_facts(path)
    assert facts.lang == "en"
    assert facts.title == page_facts(english_build / f"{slug}.html").units["u-title"]
    assert facts.smallest_size >= 18 - 0.01, facts.smallest_size
    assert not [font for font in facts.fonts if "italic" in font.lower() or "oblique" in font.lower()]
    assert all("Atkinson" in font for font in facts.fonts), facts.fonts
    assert f"Page 1 of {facts.pages}" in facts.text
    for fragment in BROKEN_FRAGMENTS:
        assert fragment not in facts.text


def test_html_page_is_accessible(english_build, slug):
    facts = page_facts(english_build / f"{slug}.html")
    assert facts.tags[0] == ("html", {"lang": "en", "dir": "ltr"})
    tags = [tag for tag, _ in facts.tags]
    for landmark in ("title", "header", "nav", "main", "section"):
        assert landmark in tags
    headings = facts.headings()
    assert headings[0] == "h1" and headings.count("h1") == 1 and set(headings[1:]) == {"h2"}
    for fragment in BROKEN_FRAGMENTS:
        assert fragment not in facts.text


def test_mp3_has_chapters_and_tags(english_build, slug):
    path = english_build / f"{slug}.mp3"
    stream = mp3_stream(path)
    assert stream["codec_name"] == "mp3" and stream["channels"] == "1" and int(stream["bit_rate"]) >= 64000
    samples, rate = decode_mp3(path)
    seconds = len(samples) / rate
    tags, chapters, toc = id3_facts(path)
    page = page_facts(english_build / f"{slug}.html")
    assert str(tags["TLAN"]) == "eng"
    assert str(tags["TIT2"]) == page.units["u-title"]
    assert len(chapters) >= 3
    assert [chapter.title for chapter in chapters] == page.part_headings()
    assert toc == [chapter.element_id for chapter in chapters]
    assert chapters[0].start == 0 and abs(chapters[-1].end - seconds) < 0.2
    for before, after in zip(chapters, chapters[1:]):
        assert abs(before.end - after.start) < 0.002
