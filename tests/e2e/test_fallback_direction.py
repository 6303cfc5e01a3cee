"""End to end: an Arabic edition whose paragraphs are partly or wholly still
in English (built with --allow-partial) reads each English sentence whole
and in order, in the PDF (pdftotext) and on the page in real Chromium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, with_plain_cache
from e2e.browser import serve, start_chromium
from e2e.inspect import lone_first_words
from e2e.test_new_guide_workflow import LEAFLET, SLUG, publisher, translate

pytestmark = pytest.mark.e2e

ARABIC = {  # a few messages translated: English and Arabic mix in a paragraph and a list
    "Moving safely at home": "التنقل بأمان في المنزل",
    "Walking": "المشي",
    "Falls can cause serious injuries.": "يمكن أن يسبب السقوط إصابات خطيرة.",
    "A shower chair helps you wash safely.": "يساعدك كرسي الاستحمام على الاغتسال بأمان.",
}

# Each English sentence that lays out beside another in its run, and its visual line box order.
VISUAL_ORDER = """
const blocks = [...document.querySelectorAll('p, li, h1, h2, dt, dd')];
const sentences = [...document.querySelectorAll('main [id^="u-"]')]
  .filter(element => element.closest('[lang]').lang === 'en' && element.textContent.includes(' '));
return sentences.map(element => {
  const rects = [...element.getClientRects()].filter(rect => rect.width > 0);
  return {id: element.id, text: element.textContent, block: blocks.indexOf(element.closest('p, li, h1, h2, dt, dd')),
          first: [rects[0].left, rects[0].top], last: [rects[rects.length - 1].right, rects[rects.length - 1].top]};
});
"""


@pytest.fixture(scope="module")
def arabic_edition(tmp_path_factory, plain_cache) -> Path:
    """The leaflet's Arabic web page and PDF, four of its messages translated."""
    project = with_plain_cache(copy_project(tmp_path_factory.mktemp("fallback") / "project"), plain_cache)
    (project / "sources" / f"{SLUG}.md").write_text(LEAFLET, encoding="utf-8")
    publisher(project, "extract")
    publisher(project, "update", "ar")
    translate(project, "ar", ARABIC, only=True)
    stdout = publisher(project, "build", "-l", "ar", "-f", "pdf", "-f", "html", "-g", SLUG, "--allow-partial")
    assert "ar: " in stdout and "messages in English" in stdout, stdout
    return project / "output" / "ar"


def english_sentences(project_output: Path) -> list[str]:
    """The English sentences of the edition, in reading order (from the page's units)."""
    html = (project_output / f"{SLUG}.html").read_text(encoding="utf-8")
    units = re.findall(r'<span id="u-[^"]+"[^>]*>([^<]+)</span>', html.split('<main id="main">')[1])
    return [unit for unit in units if unit.isascii() and " " in unit]


def test_pdf_text_gives_each_english_sentence_whole_and_in_order(arabic_edition):
    text = subprocess.run(["pdftotext", str(arabic_edition / f"{SLUG}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext gives a line that mixes Arabic and English in visual order, so
    # compare the English words alone: each sentence's words must follow one
    # another, and the sentences must come in the page's order.
    words = " " + " ".join(re.findall(r"[A-Za-z0-9']+", text)) + " "
    sentences = english_sentences(arabic_edition)
    assert len(sentences) >= 8
    position = 0
    for sentence in sentences:
        wanted = " " + " ".join(re.findall(r"[A-Za-z0-9']+", sentence)) + " "
        found = words.find(wanted, position)
        assert found >= 0, (sentence, words[position:])
        position = found + len(wanted) - 1
    assert lone_first_words(arabic_edition / f"{SLUG}.pdf") == []


def test_chromium_lays_each_english_run_out_left_to_right_in_order(arabic_edition):
    driver = start_chromium(width=800)
    try:
        with serve(arabic_edition) as url:
            driver.get(f"{url}/{SLUG}.html")
            driver.execute_script("return document.fonts.ready")
            placed = driver.execute_script(VISUAL_ORDER)
            text = {element["id"]: driver.execute_script(
                f"return document.getElementById('{element['id']}').innerText") for element in placed}
    finally:
        driver.quit()
    assert [item["text"] for item in placed] == english_sentences(arabic_edition)
    for item in placed:
        assert " ".join(text[item["id"]].split()) == item["text"]  # whole
    for before, after in zip(placed, placed[1:]):
        if before["block"] != after["block"]:
            continue
        (right, line), (left, next_line) = before["last"], after["first"]
        # In one left-to-right run the next sentence starts to the right on the same line, or on a lower line.
        assert next_line > line + 1 or (abs(next_line - line) <= 1 and left >= right - 1), (before, after)
