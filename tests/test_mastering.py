"""Levels measured per clip, and section tracks mastered from them (publisher.speech.levels, .mastering)."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from publisher.speech.audio import (ENCODER_LOSS_LU, MP3_START_DELAY_SAMPLES, ChapterSpan, Placed, decode_mp3,
                                    loudness_lufs, true_peak_dbtp)
from publisher.speech.levels import integrated_lufs, measure
from publisher.speech.mastering import heard_chapters, heard_placed, master, normalized_chapter
from publisher.speech.recording import Recording
from test_audio import RATE, speechlike

PAUSE = 0.55


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def recording_of(chapters: list[list[np.ndarray]], pause: float = PAUSE) -> Recording:
    """Clips laid end to end with pauses, as `record` lays them, one chapter per list."""
    pieces, spans, placed, levels, position = [], [], [], [], 0
    for number, clips in enumerate(chapters, start=1):
        start = position
        for index, clip in enumerate(clips):
            placed.append(Placed(f"c{number}.{index}", f"clip {index}", position / RATE, (position + len(clip)) / RATE))
            levels.append(measure(clip, RATE))
            gap = np.zeros(int(pause * RATE), np.float32)
            pieces += [clip, gap]
            position += len(clip) + len(gap)
        spans.append(ChapterSpan(f"part-{number}", f"Part {number}", start / RATE, position / RATE))
    return Recording(np.concatenate(pieces), RATE, tuple(spans), tuple(placed), tuple(levels))


def test_the_loudness_of_a_programme_follows_from_its_clips_levels():
    # Sentences of different lengths and levels, as a narration has them (the
    # seed guides' narrations: within 0.02 LU; these pulsing clips are harder).
    clips = [speechlike(seconds, level, seed=seed)
             for seed, (seconds, level) in enumerate([(1.2, 0.3), (3.5, 0.2), (2.2, 0.5), (0.8, 0.4), (2.9, 0.3)])]
    recording = recording_of([clips])
    whole = pyloudnorm.Meter(RATE).integrated_loudness(recording.samples.astype(np.float64))
    pooled = integrated_lufs(np.concatenate([level.blocks for level in recording.levels]))
    assert abs(pooled - whole) < 0.15, (pooled, whole)


@pytest.mark.parametrize("level", [0.02, 0.9])
def test_a_chapter_is_normalised_with_peaks_under_the_ceiling(level):
    recording = recording_of([[speechlike(4, level, seed=seed) for seed in range(5)]])
    out = normalized_chapter(recording, recording.chapters[0])
    assert abs(loudness_lufs(out, RATE) - (-19 + ENCODER_LOSS_LU)) <= 0.15
    assert true_peak_dbtp(out) < -1.4


def test_tracks_are_encoded_once_and_the_whole_file_is_made_of_their_frames():
    recording = recording_of([[speechlike(2, 0.3, seed=1), speechlike(3, 0.6, seed=2)],
                              [speechlike(2.5, 0.1, seed=3)], [speechlike(1.5, 0.5, seed=4)]])
    mastered = master(recording)
    assert mastered.whole == b"".join(mastered.tracks)
    heard = decode_mp3(mastered.whole, RATE)
    assert len(heard) / RATE == pytest.approx(mastered.seconds, abs=1e-9)
    for track in mastered.tracks:
        alone = decode_mp3(track, RATE)
        assert abs(loudness_lufs(alone, RATE) - (-19)) <= 0.3 and true_peak_dbtp(alone) < -1.0
    chapters = heard_chapters(recording, mastered)
    assert [chapter.start for chapter in chapters] == list(mastered.starts) and chapters[0].start == 0
    assert chapters[-1].end == mastered.seconds
    # Each clip is heard where the transcript says: sound inside, next to silence
    # just before it (a tenth of its level at most: the encoder blurs an onset a little).
    for item in heard_placed(recording, mastered):
        start, end = int(item.start * RATE), int(item.end * RATE)
        inside, before = rms(heard[start:end]), rms(heard[start - 600: start - 100])
        assert inside > 0.01 and before < inside / 10, (item, inside, before)
    first = heard_placed(recording, mastered)[0]
    assert first.start == pytest.approx(MP3_START_DELAY_SAMPLES / RATE)
