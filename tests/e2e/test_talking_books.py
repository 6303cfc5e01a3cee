"""The read-along EPUBs and DAISY talking books, read back: valid by
EPUBCheck and DAISY Ace, and timed like the narration they are made from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from xml.etree import ElementTree

import pytest
from conftest import SEED_SLUGS

from e2e.conftest import copy_built
from e2e.inspect import (
    decode_mp3,
    duration_seconds,
    id3_facts,
    page_facts,
    read_webvtt,
    rms_dbfs,
    squash,
)
from e2e.validators import ace_violations, validate_all
from publisher.formats import REGISTRY

pytestmark = pytest.mark.e2e
LANGUAGES = ("en", "es", "fr", "ar")
OPF = "{http://www.idpf.org/2007/opf}"
SMIL3 = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
TOLERANCE = 0.0015  # seconds: times are written to the millisecond


@pytest.fixture(params=LANGUAGES)
def lang(request):
    return request.param


@pytest.fixture(params=SEED_SLUGS)
def slug(request):
    return request.param


@pytest.fixture(scope="session")
def validated(built_project, tmp_path_factory):
    """EPUBCheck's and Ace's findings on every EPUB of the session's build."""
    epubs = sorted((built_project[0] / "output").glob("*/*.epub"))
    assert len(epubs) == len(LANGUAGES) * len(SEED_SLUGS), epubs
    return validate_all(epubs, tmp_path_factory.mktemp("validators"))


def test_every_epub_passes_epubcheck_and_ace(built_project, validated, lang, slug):
    epub = built_project[0] / "output" / lang / f"{slug}.epub"
    messages, ace = validated[epub]
    assert not messages, [f"{m['severity']} {m['ID']}: {m['message']} {m.get('locations')}" for m in messages]
    assert ace_violations(ace) == []
    assert ace["earl:result"]["earl:outcome"] == "pass"
    assert not ace["a11y-metadata"]["missing"] or set(ace["a11y-metadata"]["missing"]) <= {
        "a11y:certifierCredential", "a11y:certifierReport"}, ace["a11y-metadata"]


def _smil_clock(value: str) -> float:
    value = value.removeprefix("npt=")
    if value.endswith("s"):
        return float(value[:-1])
    parts = [float(part) for part in value.split(":")]
    return sum(part * 60 ** index for index, part in enumerate(reversed(parts)))


def _unit_ids(document: ElementTree.Element) -> list[str]:
    return [element.get("id") for element in document.iter() if (element.get("id") or "").startswith("u-")]


def test_the_overlay_reads_every_unit_in_order_at_the_transcript_times(built_project, lang, slug):
    output = built_project[0] / "output" / lang
    cues = read_webvtt(output / f"{slug}.vtt")
    with zipfile.ZipFile(output / f"{slug}.epub") as book:
        content = ElementTree.fromstring(book.read("EPUB/guide.xhtml"))
        overlay = ElementTree.fromstring(book.read("EPUB/guide.smil"))
        package = ElementTree.fromstring(book.read("EPUB/package.opf"))
        audio_names = [name for name in book.namelist() if name.endswith(".mp3")]
    pars = list(overlay.iter(f"{SMIL3}par"))
    texts = [par.find(f"{SMIL3}text").get("src").split("#")[1] for par in pars]
    # one par per spoken unit, in reading order: the units of the page and the cues of the transcript
    assert texts == _unit_ids(content) == [cue.id for cue in cues]
    assert texts == list(page_facts(output / f"{slug}.html").units)
    for par, cue in zip(pars, cues):
        audio = par.find(f"{SMIL3}audio")
        assert f"EPUB/{audio.get('src')}" in audio_names
        assert abs(_smil_clock(audio.get("clipBegin")) - cue.start) <= TOLERANCE, (cue, audio.attrib)
        assert abs(_smil_clock(audio.get("clipEnd")) - cue.end) <= TOLERANCE, (cue, audio.attrib)
    durations = [meta for meta in package.iter(f"{OPF}meta") if meta.get("property") == "media:duration"]
    assert len(durations) == 2
    assert all(abs(_smil_clock(meta.text) - duration_seconds(output / f"{slug}.mp3")) < 0.1 for meta in durations)


def test_the_epub_says_its_language_direction_contents_and_accessibility(built_project, lang, slug):
    output = built_project[0] / "output" / lang
    with zipfile.ZipFile(output / f"{slug}.epub") as book:
        package = ElementTree.fromstring(book.read("EPUB/package.opf"))
        nav = ElementTree.fromstring(book.read("EPUB/nav.xhtml"))
        content = ElementTree.fromstring(book.read("EPUB/guide.xhtml"))
    assert package.find(f"{OPF}metadata/{{http://purl.org/dc/elements/1.1/}}language").text == lang
    rtl = lang == "ar"
    assert content.get("dir") == ("rtl" if rtl else "ltr") and content.get("lang") == lang
    assert package.find(f"{OPF}spine").get("page-progression-direction") == ("rtl" if rtl else None)
    properties = {meta.get("property") for meta in package.iter(f"{OPF}meta")}
    assert {"schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
            "schema:accessibilitySummary", "schema:accessibilityHazard", "dcterms:conformsTo"} <= properties
    features = {meta.text for meta in package.iter(f"{OPF}meta")
                if meta.get("property") == "schema:accessibilityFeature"}
    assert "synchronizedAudioText" in features
    toc = next(element for element in nav.iter(f"{XHTML}nav") if element.get("role") == "doc-toc")
    entries = [squash("".join(link.itertext())) for link in toc.iter(f"{XHTML}a")]
    assert entries == page_facts(output / f"{slug}.html").part_headings()


# --- DAISY 2.02 ------------------------------------------------------------------------------


def _meta(document: ElementTree.Element, name: str) -> str:
    return next(meta.get("content") for meta in document.iter(f"{XHTML}meta") if meta.get("name") == name)


def test_the_talking_book_navigates_by_part_and_sentence_at_the_audio_times(built_project, lang, slug, tmp_path):
    output = built_project[0] / "output" / lang
    page = page_facts(output / f"{slug}.html")
    cues = {cue.id: cue for cue in read_webvtt(output / f"{slug}.vtt")}
    _, chapters, _ = id3_facts(output / f"{slug}.mp3")
    with zipfile.ZipFile(output / f"{slug}-daisy.zip") as book:
        book.extractall(tmp_path)
    folder = tmp_path / slug
    ncc = ElementTree.fromstring((folder / "ncc.html").read_bytes())
    assert _meta(ncc, "dc:format") == "Daisy 2.02"
    assert _meta(ncc, "dc:language") == lang
    headings = ncc.findall(f"{XHTML}body/{XHTML}h1")
    title, parts = headings[0], headings[1:]
    assert title.get("class") == "title"
    assert "".join(title.itertext()) == _meta(ncc, "dc:title") == page.units["u-title"]
    assert ["".join(heading.itertext()) for heading in parts] == page.part_headings()
    hours, minutes, seconds = (int(part) for part in _meta(ncc, "ncc:totalTime").split(":"))
    assert abs(hours * 3600 + minutes * 60 + seconds - duration_seconds(output / f"{slug}.mp3")) <= 1.5
    assert int(_meta(ncc, "ncc:tocItems")) == len(headings)
    assert int(_meta(ncc, "ncc:files")) == len(list(folder.iterdir()))

    content_ids = _unit_ids(ElementTree.fromstring((folder / "content.html").read_bytes()))
    smil_files = [heading.find(f"{XHTML}a").get("href").split("#")[0] for heading in parts]
    assert smil_files == sorted(path.name for path in folder.glob("*.smil") if path.name != "master.smil")
    with ThreadPoolExecutor(os.cpu_count()) as pool:  # one ffmpeg per core
        decoded = list(pool.map(decode_mp3, [folder / name.replace(".smil", ".mp3") for name in smil_files]))
    read = []
    for smil_name, chapter, (samples, rate) in zip(smil_files, chapters, decoded, strict=True):
        smil = ElementTree.fromstring((folder / smil_name).read_bytes())
        for par in smil.iter("par"):
            unit = par.find("text").get("src").split("#")[1]
            audio = par.find("audio")
            begin, end = _smil_clock(audio.get("clip-begin")), _smil_clock(audio.get("clip-end"))
            cue = cues[unit]
            # the part's track starts where its chapter starts in the whole MP3
            assert abs(chapter.start + begin - cue.start) <= TOLERANCE * 2, (smil_name, unit)
            assert abs(chapter.start + end - cue.end) <= TOLERANCE * 2, (smil_name, unit)
            assert end <= len(samples) / rate + 0.1
            assert rms_dbfs(samples[int(begin * rate): int(end * rate)]) > -35, (smil_name, unit)
            read.append(unit)
    assert read == content_ids == list(cues)


@pytest.mark.parametrize("fmt", ["epub", "daisy", "brf"])
def test_each_new_format_builds_alone(built_project, tmp_path, fmt):
    project = copy_built(built_project[0], tmp_path / "project")
    shutil.rmtree(project / "output")
    result = subprocess.run([sys.executable, "-m", "publisher", "build", "-f", fmt, "-l", "en", "-g", SEED_SLUGS[0]],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    written = sorted(path.name for path in (project / "output" / "en").iterdir())
    assert written == [REGISTRY[fmt].file_name(SEED_SLUGS[0])]  # that file alone: no MP3 for the ebook
    assert REGISTRY[fmt].check(project / "output" / "en" / written[0]) == []
    assert "Wrote 1 file" in result.stdout
