"""Assembling, normalising, encoding and tagging audio (publisher.speech)."""

import json
import subprocess

import numpy as np
import pytest
from mutagen.id3 import ID3
from scipy.signal import lfilter

from publisher.model import Guide, Paragraph, Section, Sentence
from publisher.speech.audio import ChapterSpan, Placed, encode_mp3, mp3_delay_seconds, trim
from publisher.speech.narration import Pacing, narration_script
from publisher.speech.tags import iso639_2, tag_mp3
from publisher.speech.webvtt import webvtt

RATE = 22050


def speechlike(seconds: float, level: float, seed: int = 1) -> np.ndarray:
    """Bursts of noise shaped like syllables, with a few sharp peaks. Like
    speech, most of the noise's energy is below 1 kHz (so an MP3 encoder's
    low-pass filter takes about as much loudness from it as from speech)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = np.clip(np.sin(2 * np.pi * 3 * t), 0, None) ** 2
    pole = np.exp(-2 * np.pi * 1000 / RATE)
    signal = lfilter([1 - pole], [1, -pole], rng.normal(0, 1, t.size)) * envelope
    signal[:: RATE // 2] = 4.0  # peaks far above the rest
    return (level * signal / np.abs(signal).max()).astype(np.float32)


def decode(mp3: bytes) -> np.ndarray:
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", "-", "-f", "s16le", "-ac", "1", "-"],
                         input=mp3, capture_output=True, check=True).stdout
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768


def test_trim_cuts_silence_but_keeps_a_short_edge():
    sound = np.concatenate([np.zeros(RATE), np.full(RATE // 2, 0.5, np.float32), np.zeros(RATE)])
    trimmed = trim(sound.astype(np.float32), RATE)
    edge = int(0.03 * RATE)
    assert len(trimmed) == RATE // 2 + 2 * edge
    assert trim(np.zeros(100, np.float32), RATE).size == 0


def test_mp3_is_mono_64k_and_keeps_timing():
    samples = speechlike(5, 0.5)
    mp3 = encode_mp3(samples, RATE)
    decoded = decode(mp3)
    delay = int(round(mp3_delay_seconds(RATE) * RATE))
    assert abs(len(decoded) - (len(samples) + delay)) < 1152 * 2  # frame padding at the end
    assert len(mp3) == pytest.approx(5 * 64000 / 8, rel=0.1)
    # The first peak is heard exactly one encoder delay later.
    assert abs(np.argmax(np.abs(decoded[:RATE // 4])) - delay) <= 2


def test_tags_have_language_and_one_chapter_per_section(tmp_path):
    path = tmp_path / "guide.mp3"
    path.write_bytes(encode_mp3(speechlike(3, 0.5), RATE))
    chapters = (ChapterSpan("a", "What is ALS?", 0.0, 1.0), ChapterSpan("b", "¿Qué causa la ELA?", 1.0, 3.0))
    tag_mp3(path, title="Guía", album="Guía", artist="Grupo", lang="es", chapters=chapters,
            contents_title="Índice")
    tags = ID3(path)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TLAN"]) == "spa" and str(tags["TIT2"]) == "Guía" and str(tags["TPE1"]) == "Grupo"
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp1", "chp2"]
    chaps = sorted(tags.getall("CHAP"), key=lambda chap: chap.start_time)
    assert [(c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chaps] == [
        (0, 1000, "What is ALS?"), (1000, 3000, "¿Qué causa la ELA?")]
    assert iso639_2("ar") == "ara" and iso639_2("pt_BR") == "por"


def test_ffprobe_lists_chapters_in_time_order(tmp_path):
    """A long title before short ones: mutagen's own frame order (by size)
    put "Words to know" first."""
    path = tmp_path / "guide.mp3"
    path.write_bytes(encode_mp3(speechlike(3, 0.5), RATE))
    titles = ["What goes wrong inside the nerve cells?", "What is ALS?", "Words to know"]
    chapters = tuple(ChapterSpan(f"s{i}", title, float(i), i + 1.0) for i, title in enumerate(titles))
    tag_mp3(path, title="Guide", album="Guide", artist="Group", lang="en", chapters=chapters)
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    listed = [(float(c["start_time"]), c["tags"]["title"]) for c in json.loads(out)["chapters"]]
    assert listed == [(0.0, titles[0]), (1.0, titles[1]), (2.0, titles[2])]
    assert ID3(path).getall("CTOC")[0].child_element_ids == ["chp1", "chp2", "chp3"]


def test_webvtt_cues_are_timed_and_escaped():
    text = webvtt((Placed("title", "A & <B>", 0.0, 1.25), Placed("s.1", "Next", 61.5, 3725.001)), offset=0.05)
    assert text == ("WEBVTT\n\nu-title\n00:00:00.050 --> 00:00:01.300\nA &amp; &lt;B&gt;\n\n"
                    "u-s.1\n00:01:01.550 --> 01:02:05.051\nNext\n")


def test_narration_script_speaks_every_unit_once_in_chapters():
    def s(id_, text):
        return Sentence(id_, text, "en")
    guide = Guide("g", s("title", "Title"), "en", (s("key-points.1", "Point."),), (
        Section("a", s("a.heading", "First?"), (Paragraph((s("a.1", "One."), s("a.2", "Two."))),)),
        Section("b", s("b.heading", "Second?"), (Paragraph((s("b.1", "Three."),)),)),
    ))
    pacing = Pacing()
    script = narration_script(guide, lambda text: text, pacing)
    assert [chapter.title for chapter in script] == ["Key points", "First?", "Second?"]
    spoken = [u.unit_id for chapter in script for u in chapter.utterances]
    assert spoken == ["title", "key-points.heading", "key-points.1", "a.heading", "a.1", "a.2", "b.heading", "b.1"]
    pauses = {u.unit_id: u.pause_after for chapter in script for u in chapter.utterances}
    assert pauses["title"] == pacing.after_title
    assert pauses["a.heading"] == pacing.after_heading
    assert pauses["a.1"] == pacing.after_sentence
    assert pauses["a.2"] == pacing.between_chapters
