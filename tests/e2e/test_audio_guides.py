"""End to end: the narrated guides in every shipped language, measured with
tools independent of the code that made them (ffmpeg's EBU R128 meter and
decoder, mutagen for ID3 frames)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from conftest import SEED_SLUGS
from e2e.conftest import copy_built
from e2e.inspect import (decode_mp3, duration_seconds, ebur128, ffprobe_chapters, id3_facts, page_facts, read_webvtt,
                         rms_dbfs, squash, words)
from publisher.datafiles import load_toml
from publisher.i18n.catalogs import read_catalog, write_catalog

pytestmark = pytest.mark.e2e
LANGUAGES = ("en", "es", "fr", "ar")
ID3_LANGUAGE = {"en": "eng", "es": "spa", "fr": "fra", "ar": "ara"}
FRAME = 0.01  # seconds per loudness frame when looking for speech in the audio
SPEECH_DBFS = -50  # a frame louder than this is speech
ONSET_SILENCE = 0.3  # a sound preceded (or followed) by this much silence starts (or ends) a stretch of speech


@pytest.fixture(params=LANGUAGES)
def lang(request):
    return request.param


@pytest.fixture(params=SEED_SLUGS)
def slug(request):
    return request.param


@pytest.fixture(scope="session")
def measured_audio(built_project) -> Path:
    """The session's output folder, every narrated guide and section track in
    it measured by ffmpeg's EBU R128 meter once, side by side (one ffmpeg
    per core; the tests then read the measurements)."""
    output = built_project[0] / "output"
    guides = [output / lang / f"{slug}.mp3" for lang in LANGUAGES for slug in SEED_SLUGS]
    tracks = [track for guide in guides for track in sorted(guide.with_suffix("").glob("*.mp3"))]
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        ebur128.read_in_pool(guides + tracks, pool)
    return output


@pytest.fixture
def guide_audio(measured_audio, lang, slug) -> Path:
    return measured_audio / lang / f"{slug}.mp3"


def test_speaking_rate_loudness_and_peak_at_the_defaults(guide_audio):
    cues = read_webvtt(guide_audio.with_suffix(".vtt"))
    seconds = duration_seconds(guide_audio)
    rate = sum(words(cue.text) for cue in cues) / seconds * 60
    assert 135 <= rate <= 160, f"{rate:.1f} words a minute"
    level = ebur128(guide_audio)
    assert abs(level.integrated_lufs - (-19)) <= 1.5, level
    assert level.true_peak_dbtp < -1, level


def test_section_tracks_and_playlist_match_the_chapters(built_project, guide_audio, lang):
    tags, chapters, _ = id3_facts(guide_audio)
    page = page_facts(guide_audio.with_suffix(".html"))
    assert [chapter.title for chapter in chapters] == page.part_headings()
    publisher_name = load_toml(built_project[0] / "publisher.toml")["publisher"]["name"]
    folder = guide_audio.with_suffix("")
    tracks = sorted(folder.glob("*.mp3"))
    part_ids = [id_ for id_, _ in page.h2 if id_ != "contents-heading"]
    assert [track.name for track in tracks] == [f"{number:02d}-{id_}.mp3" for number, id_ in enumerate(part_ids, 1)]
    durations = []
    for number, (track, chapter) in enumerate(zip(tracks, chapters, strict=True), start=1):
        track_tags, _, _ = id3_facts(track)
        assert str(track_tags["TIT2"]) == chapter.title
        assert str(track_tags["TRCK"]) == f"{number}/{len(tracks)}"
        assert str(track_tags["TALB"]) == str(tags["TALB"]) == page.units["u-title"]
        assert str(track_tags["TPE1"]) == str(tags["TPE1"]) == publisher_name
        assert str(track_tags["TLAN"]) == ID3_LANGUAGE[lang]
        level = ebur128(track)
        assert abs(level.integrated_lufs - (-19)) <= 1.5 and level.true_peak_dbtp < -1, (track.name, level)
        durations.append(duration_seconds(track))
    whole = duration_seconds(guide_audio)
    assert abs(sum(durations) - whole) / whole < 0.02, (sum(durations), whole)
    playlist = (folder / "playlist.m3u8").read_text(encoding="utf-8").splitlines()
    assert playlist[0] == "#EXTM3U"
    entries = [line for line in playlist if line and not line.startswith("#")]
    infos = [re.fullmatch(r"#EXTINF:(\d+),(.+)", line) for line in playlist if line.startswith("#EXTINF")]
    assert entries == [track.name for track in tracks]
    assert [info.group(2) for info in infos] == [chapter.title for chapter in chapters]
    for info, seconds in zip(infos, durations, strict=True):
        assert abs(int(info.group(1)) - seconds) <= 1, (info.group(0), seconds)


def test_ffprobe_lists_the_chapters_in_time_order(guide_audio):
    """ffmpeg (like many players) lists chapters in the order of the CHAP
    frames: they must follow the sections, as the CTOC does."""
    chapters = ffprobe_chapters(guide_audio)
    assert [title for _, title in chapters] == page_facts(guide_audio.with_suffix(".html")).part_headings()
    starts = [start for start, _ in chapters]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), chapters


def test_transcript_cues_follow_the_speech_within_0_3_s(guide_audio):
    """One cue per sentence of the page, in order, each starting and ending
    where the decoded MP3's speech does."""
    page = page_facts(guide_audio.with_suffix(".html"))
    cues = read_webvtt(guide_audio.with_suffix(".vtt"))
    assert [cue.id for cue in cues] == list(page.units)
    assert [cue.text for cue in cues] == [squash(text) for text in page.units.values()]
    samples, rate = decode_mp3(guide_audio)
    onsets, offsets = speech_edges(samples, rate)
    for cue in cues:
        assert np.min(np.abs(onsets - cue.start)) <= 0.3, (cue, onsets[np.argmin(np.abs(onsets - cue.start))])
        assert np.min(np.abs(offsets - cue.end)) <= 0.3, (cue, offsets[np.argmin(np.abs(offsets - cue.end))])
        assert rms_dbfs(samples[int(cue.start * rate): int(cue.end * rate)]) > -35, cue
    for onset in onsets:  # no speech outside the cues
        assert any(cue.start - 0.3 <= onset <= cue.end for cue in cues), onset
    for before, after in zip(cues, cues[1:]):  # the pauses between sentences are quiet
        gap = samples[int((before.end + 0.05) * rate): int((after.start - 0.05) * rate)]
        assert rms_dbfs(gap) < -50, (before.id, rms_dbfs(gap))


def speech_edges(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Times (s) where speech starts after, and ends before, ONSET_SILENCE of silence."""
    size = int(FRAME * rate)
    frames = samples[: len(samples) // size * size].reshape(-1, size).astype(np.float64)
    loud = 10 * np.log10(np.mean(frames ** 2, axis=1) + 1e-12) > SPEECH_DBFS
    quiet_run = int(ONSET_SILENCE * rate / size)
    padded = np.concatenate([np.zeros(quiet_run, bool), loud, np.zeros(quiet_run, bool)])
    indices = np.flatnonzero(loud)
    onsets = [i for i in indices if not padded[i:i + quiet_run].any()]
    offsets = [i for i in indices if not padded[i + quiet_run + 1:i + 2 * quiet_run + 1].any()]
    return np.array(onsets) * size / rate, (np.array(offsets) + 1) * size / rate


def test_the_web_page_highlights_the_sentence_being_spoken(built_project, lang):
    page_path = built_project[0] / "output" / lang / f"{SEED_SLUGS[0]}.html"
    page = page_facts(page_path)
    tracks = [attrs for tag, attrs in page.tags if tag == "track"]
    assert tracks == [{"kind": "metadata", "src": f"{SEED_SLUGS[0]}.vtt", "default": None}]
    assert (page_path.parent / tracks[0]["src"]).exists()
    html = page_path.read_text(encoding="utf-8")
    assert 'addEventListener("cuechange"' in html and "speaking" in html


CHANGED_SOURCE = ("in the spinal cord and brainstem", "in the spinal cord and in the brainstem")
CHANGED_SENTENCE = "It also affects lower motor neurons in the spinal cord and in the brainstem."
CHANGED_TRANSLATION = {  # what each translator writes for the changed sentence
    "es": "También afecta a las motoneuronas inferiores de la médula espinal y a las del tronco encefálico.",
    "fr": "Elle touche aussi les motoneurones inférieurs, dans la moelle épinière et dans le tronc cérébral.",
    "ar": "ويصيب أيضًا الخلايا العصبية الحركية السفلى في الحبل الشوكي وفي جذع الدماغ.",
}


def test_a_rebuild_with_one_sentence_changed_speaks_one_clip_per_language(built_project, tmp_path):
    """An editor changes one English sentence, the translators follow, and
    the rebuild speaks that sentence again once in each language, nothing else."""
    project = copy_built(built_project[0], tmp_path / "project")
    slug = SEED_SLUGS[0]
    source = project / "sources" / f"{slug}.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count(CHANGED_SOURCE[0]) == 1
    source.write_text(text.replace(*CHANGED_SOURCE), encoding="utf-8")
    _publisher(project, "extract")
    _publisher(project, "update")
    for lang, translation in CHANGED_TRANSLATION.items():
        path = project / "locales" / lang / "LC_MESSAGES" / "messages.po"
        catalog = read_catalog(path)
        message = catalog[CHANGED_SENTENCE]
        assert message.fuzzy  # `update` kept the old translation for the translator to review
        message.string = translation
        message.flags.discard("fuzzy")
        write_catalog(catalog, path)
    stdout = _publisher(project, "build", "-f", "mp3", "-g", slug)
    assert _clips_spoken(stdout) == {"en": 1, "es": 1, "fr": 1, "ar": 1}, stdout
    cues = {lang: read_webvtt(project / "output" / lang / f"{slug}.vtt") for lang in LANGUAGES}
    assert CHANGED_SENTENCE in [cue.text for cue in cues["en"]]
    for lang, translation in CHANGED_TRANSLATION.items():
        assert translation in [cue.text for cue in cues[lang]]


def _clips_spoken(stdout: str) -> dict[str, int]:
    """From the build summary's "Speech clips: en 1 spoken, 112 already recorded; es ..." line."""
    line = re.search(r"^Speech clips: (.*)$", stdout, re.MULTILINE).group(1)
    return {lang: int(count) for lang, count in re.findall(r"(\w+) (\d+) spoken", line)}


def _publisher(project: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "publisher", *args], cwd=project, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout
