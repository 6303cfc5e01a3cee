"""End to end: a page pasted from a website (tests/fixtures/messy/low-vision.md:
headings run into the text, a list and a paragraph twice, three sections
called "What is Low Vision?", captions, video instructions, a contact line)
built into every English edition, with real WeasyPrint, espeak-ng, EPUBCheck
and Chromium. The build says what a person must check; the handouts carry
the headings run into the text as subheadings, no "??", no caption or web
instruction as a key point, the contact line whole and read digit by digit;
the review page lists the findings, reachable by keyboard, with no axe-core
violation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import REPO, copy_project, with_plain_cache
from e2e.browser import describe_violations, run_axe, serve, start_chromium
from e2e.inspect import ffprobe_chapters, page_facts, pdf_facts, pdf_outline, pdf_ua_failures, squash
from e2e.validators import epubcheck_messages, start_epubcheck

SLUG = "low-vision"
# The guide's own sections: the repeated heading is flagged for a person, not changed.
SECTIONS = ["What is Low Vision?", "What is Low Vision?", "Who is at risk for Low Vision?", "What is Low Vision?"]
# Headings the source ran into its text, split off: subheadings inside those sections.
SUBHEADINGS = ["Everyday Tasks Are Challenging", "Not a Normal Part of Aging", "Signs of Low Vision",
               "Causes of Low Vision", "Diagnosis by an Eye Care Professional"]
MESSY = REPO / "tests" / "fixtures" / "messy" / f"{SLUG}.md"
XHTML = "{http://www.w3.org/1999/xhtml}"
# What a web page had that a handout must not present as its own text.
WEB_ONLY = ("Scene as viewed", "courtesy of", "Click here", "enlarge the video", "Escape (Esc)", "Scroll down",
            "this page", "Photo:")


@pytest.fixture(scope="module")
def messy_build(tmp_path_factory, plain_cache) -> tuple[Path, str]:
    """A project with the messy guide added, built in English (every format) and reviewed."""
    project = with_plain_cache(copy_project(tmp_path_factory.mktemp("messy") / "project"), plain_cache)
    shutil.copy2(MESSY, project / "sources" / MESSY.name)
    build = subprocess.run([sys.executable, "-m", "publisher", "build", "-l", "en", "-g", SLUG], cwd=project,
                           capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr + build.stdout
    review = subprocess.run([sys.executable, "-m", "publisher", "review", "-g", SLUG], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert review.returncode == 0, review.stderr + review.stdout
    return project, build.stdout


def test_the_build_says_which_guide_a_person_must_check_and_what_is_in_it(messy_build):
    _, stdout = messy_build
    line = next(line for line in stdout.splitlines() if line.startswith(f"{SLUG}: "))
    assert " findings for a person to check (" in line and line.endswith(f"): publisher review -g {SLUG}")
    for kind in ("5 picture captions", "4 web-only instructions", "2 repeated headings", "1 repeated list",
                 "1 repeated paragraph", "1 contact line", "10 headings run into the text"):
        assert kind in line, line
    assert not any(line.startswith(("als-", "Traceback")) for line in stdout.splitlines())


def test_the_large_print_pdf_has_the_run_in_headings_as_subheadings_and_no_web_text_as_a_key_point(messy_build):
    pdf = messy_build[0] / "output" / "en" / f"{SLUG}.pdf"
    assert pdf_ua_failures(pdf) == []
    outline = pdf_outline(pdf)
    levels = {level for level, _ in outline}
    parts = [title for level, title in outline if level == min(levels) + 1]
    assert parts[1:-1] == SECTIONS, outline  # between "Key points" and "Words to know"
    subheadings = [title for level, title in outline if level == min(levels) + 2]
    assert subheadings[:len(SUBHEADINGS)] == SUBHEADINGS, outline
    text = pdf_facts(pdf).text
    assert "??" not in text and "recieve" not in text and "glasses.Of" not in text
    assert "301-496-5248" in text and "2020@nei.nih.gov" in text  # printed whole
    points = _key_points(messy_build[0])
    assert len(points) >= 3
    assert not any(phrase.lower() in point.lower() for point in points for phrase in WEB_ONLY), points


def _key_points(project: Path) -> list[str]:
    """The key points of the web page (the same units as every edition's)."""
    units = page_facts(project / "output" / "en" / f"{SLUG}.html").units
    return [squash(text) for unit, text in units.items()
            if unit.startswith("u-key-points.") and unit != "u-key-points.heading"]


def test_the_audio_epub_and_daisy_book_have_the_guides_parts(messy_build, tmp_path):
    output = messy_build[0] / "output" / "en"
    chapters = [title for _, title in ffprobe_chapters(output / f"{SLUG}.mp3")]
    assert chapters[1:-1] == SECTIONS, chapters
    with zipfile.ZipFile(output / f"{SLUG}.epub") as book:
        nav = ElementTree.fromstring(book.read("EPUB/nav.xhtml"))
    toc = next(element for element in nav.iter(f"{XHTML}nav") if element.get("role") == "doc-toc")
    entries = [squash("".join(link.itertext())) for link in toc.iter(f"{XHTML}a")]
    assert entries[1:-1] == SECTIONS, entries
    with zipfile.ZipFile(output / f"{SLUG}-daisy.zip") as book:
        ncc = ElementTree.fromstring(book.read(f"{SLUG}/ncc.html"))
    parts = ["".join(heading.itertext()) for heading in ncc.findall(f"{XHTML}body/{XHTML}h1")][1:]
    assert parts == entries
    process, reports = start_epubcheck([output / f"{SLUG}.epub"], tmp_path)
    process.wait(timeout=300)
    errors = [message for message in epubcheck_messages(reports[output / f"{SLUG}.epub"])
              if message.get("severity") in ("ERROR", "FATAL")]
    assert errors == []


@pytest.fixture(scope="module")
def review_page(messy_build):
    """The review page in headless Chromium, 1024 px wide."""
    driver = start_chromium(width=1024)
    with serve(messy_build[0] / "output") as url:
        driver.get(f"{url}/review/{SLUG}.html")
        yield driver
    driver.quit()


def test_the_review_page_lists_the_findings_with_their_lines_and_no_axe_violation(review_page):
    rows = review_page.find_elements("css selector", "table.findings tbody tr")
    lines = [int(row.find_element("css selector", "td.line").text) for row in rows]
    kinds = [row.find_element("css selector", "td.kind").text for row in rows]
    assert lines == sorted(lines) and len(rows) >= 25
    assert kinds.count("picture caption") == 5 and kinds.count("web-only instruction") == 4
    assert 13 in lines and 117 in lines  # the first caption, the contact line
    heading = review_page.find_element("css selector", "#source-check").text
    assert heading == f"Source check: {len(rows)} findings"
    violations = run_axe(review_page)
    assert not violations, describe_violations(violations)


def test_the_findings_and_their_refusal_entries_are_reachable_by_keyboard(review_page):
    review_page.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = []
    for _ in range(30):
        review_page.switch_to.active_element.send_keys("\ue004")  # Tab
        where = review_page.execute_script(
            "const e = document.activeElement; return [e.tagName, e.getAttribute('aria-labelledby') || '',"
            " e.closest('table.findings') ? 'findings' : ''].join('|')")
        reached.append(where)
        if where == "SUMMARY||findings":
            break
    assert "DIV|source-check|" in reached, reached  # the findings table's scrolling region
    assert reached[-1] == "SUMMARY||findings", reached  # the first "Refuse this repair"
    summary = review_page.switch_to.active_element
    summary.send_keys("\ue007")  # Enter opens it
    entry = summary.find_element("xpath", "..").find_element("css selector", "pre")
    assert entry.is_displayed()
    assert entry.text.startswith('[[refuse]]\nguide = "low-vision"\nkind = "run-in-heading"')


def test_the_narration_reads_the_phone_number_digit_by_digit(messy_build):
    """The clip the build spoke for the contact line is the one for the text
    that reads the number digit by digit: clips are stored under a hash of
    exactly what the voice was given (speech/clips.py)."""
    import hashlib
    import json

    from publisher.defaults import LISTENING_RATE_WPM
    from publisher.speech.clips import ENGINE_ID
    from publisher.speech.engine import SpeechEngine
    from publisher.speech.narrate import installed_voices
    from publisher.speech.voices import language_voice

    project = messy_build[0]
    contact = next(text for text in page_facts(project / "output" / "en" / f"{SLUG}.html").units.values()
                   if "301-496-5248" in text)
    with SpeechEngine() as engine:
        voice = language_voice("en", installed_voices(engine, project / ".cache" / "voices"), project / "locales" / "en")
    said = voice.script(" ".join(contact.split()))
    assert "three zero one, four nine six, five two four eight" in said, said
    assert "2020 at N-E-I dot N-I-H dot gov" in said, said

    def clip(text: str) -> Path:
        key = hashlib.sha256(json.dumps([ENGINE_ID, voice.id, voice.engine_rate(LISTENING_RATE_WPM), text])
                             .encode("utf-8")).hexdigest()
        return project / ".cache" / "clips" / key[:2] / f"{key}.wav"

    assert clip(said).exists()  # spoken digit by digit
    assert not clip(" ".join(contact.split())).exists()  # never as printed ("three hundred one dash ...")
