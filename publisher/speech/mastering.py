"""Master the section tracks, and the whole guide from the same frames.

Each section track is normalised on its own, so a track played alone is as
loud as the whole guide: its gain comes from its clips' cached levels
(levels.py), any clip whose peak would pass the ceiling at that gain goes
through the limiter (and is measured again), and the track is encoded to MP3
once. The whole guide's MP3 is the tracks' frames end to end: each track
is a complete MP3 stream that starts and ends in silence, so the joins are
silent, and nothing is encoded twice. A track decodes to a whole number of
frames; where each track starts in the whole file follows from that count,
so chapter marks and transcript times are exact.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import miniaudio
import numpy as np

from ..fingerprint import code_digest, digest, package_versions
from ..result_cache import ResultCache
from .audio import (ENCODER_LOSS_LU, LOUDNESS_TOLERANCE_LU, MP3_START_DELAY_SAMPLES, PEAK_CEILING_DBTP,
                    PEAK_LIMIT_DBTP, PEAK_MARGIN_DB, TARGET_LUFS, ChapterSpan, Placed, decode_mp3, encode_mp3,
                    limit_peaks, true_peak_dbtp)
from .levels import energy_kept, integrated_lufs
from .recording import Recording

MAX_PASSES = 6  # gain settings tried on a chapter whose peaks need limiting (speech: 1 or 2)
# The code that shapes a mastered track (a change to it masters every track again).
MASTERING_MODULES = ("speech/audio.py", "speech/levels.py", "speech/mastering.py")


@dataclass(frozen=True)
class Mastered:
    """One MP3 per chapter, and where each starts in the whole guide's MP3 (seconds)."""

    tracks: tuple[bytes, ...]
    starts: tuple[float, ...]
    seconds: float  # the whole guide's MP3, as decoded

    @property
    def whole(self) -> bytes:
        return b"".join(self.tracks)


def master(recording: Recording, cache: Path | None = None) -> Mastered:
    """Normalise and encode every chapter of `recording` once. With a `cache`
    folder, a chapter whose sound is the same as in an earlier build (one
    sentence of another section changed) is taken from there."""
    tracks = tuple(_cached(cache, recording, chapter) for chapter in recording.chapters)
    lengths = [miniaudio.mp3_get_info(data).num_frames / recording.rate for data in tracks]
    starts = tuple(float(sum(lengths[:index])) for index in range(len(tracks)))
    return Mastered(tracks, starts, float(sum(lengths)))


def _cached(cache: Path | None, recording: Recording, chapter: ChapterSpan) -> bytes:
    if cache is None:
        return encoded_chapter(recording, chapter)
    sound = hashlib.sha256(recording.chapter_samples(chapter).astype("<f4").tobytes()).hexdigest()
    key = digest("track", sound, recording.rate, code_digest(*MASTERING_MODULES), package_versions("lameenc"))
    store = ResultCache(cache)
    data = store.get(key)
    if data is None:
        data = encoded_chapter(recording, chapter)
        store.put(key, data)
    return data


def encoded_chapter(recording: Recording, chapter: ChapterSpan) -> bytes:
    """The chapter as an MP3 at speech loudness. Its true peak is checked on
    the decoded MP3: the encoder's coding noise can raise a sharp peak, and
    then the chapter is limited that much lower and encoded again (rare)."""
    ceiling = PEAK_CEILING_DBTP
    for _ in range(3):
        data = encode_mp3(normalized_chapter(recording, chapter, ceiling_dbtp=ceiling), recording.rate)
        excess = true_peak_dbtp(decode_mp3(data, recording.rate)) - (PEAK_LIMIT_DBTP - PEAK_MARGIN_DB)
        if excess < 0:
            break
        ceiling -= excess + PEAK_MARGIN_DB
    return data


def normalized_chapter(recording: Recording, chapter: ChapterSpan, target: float = TARGET_LUFS + ENCODER_LOSS_LU,
                       ceiling_dbtp: float = PEAK_CEILING_DBTP) -> np.ndarray:
    """The chapter's samples at `target` LUFS (aimed a little high: the
    encoder takes some loudness away), no true peak over the ceiling."""
    offset = recording.at(chapter.start)
    samples = recording.chapter_samples(chapter).astype(np.float32)
    clips = [(recording.at(item.start) - offset, recording.at(item.end) - offset, levels)
             for item, levels in zip(recording.placed, recording.levels) if chapter.start <= item.start < chapter.end]
    ceiling = 10 ** (ceiling_dbtp / 20)
    loudness = integrated_lufs(np.concatenate([np.asarray(levels.blocks) for *_, levels in clips] or [np.zeros(0)]))
    if not np.isfinite(loudness):
        return samples  # silence stays silence
    gain_db, slope, tried = target - loudness, 1.0, None
    for _ in range(MAX_PASSES):
        gain = 10 ** (gain_db / 20)
        out = samples * np.float32(gain)
        blocks = []
        for start, end, levels in clips:
            if levels.peak * gain > ceiling:
                limited = limit_peaks(out[start:end], recording.rate, ceiling_dbtp)
                blocks.append(np.asarray(levels.blocks) * gain ** 2 * energy_kept(out[start:end], limited,
                                                                                  recording.rate))
                out[start:end] = limited
            else:
                blocks.append(np.asarray(levels.blocks) * gain ** 2)
        loudness = integrated_lufs(np.concatenate(blocks))
        if abs(loudness - target) <= LOUDNESS_TOLERANCE_LU / 3:
            break
        # Make up what the limiter took: more gain means more limiting, so
        # step by the loudness gained per dB on the last step (a secant).
        if tried is not None and gain_db != tried[0]:
            slope = min(1.0, max(0.2, (loudness - tried[1]) / (gain_db - tried[0])))
        tried = (gain_db, loudness)
        gain_db += (target - loudness) / slope
    return out


def heard_chapters(recording: Recording, mastered: Mastered) -> tuple[ChapterSpan, ...]:
    """The chapters as they lie in the whole guide's MP3: each from the first frame of its track."""
    ends = mastered.starts[1:] + (mastered.seconds,)
    return tuple(replace(chapter, start=start, end=end)
                 for chapter, start, end in zip(recording.chapters, mastered.starts, ends))


def heard_placed(recording: Recording, mastered: Mastered) -> tuple[Placed, ...]:
    """When each utterance is heard in the whole guide's MP3."""
    delay = MP3_START_DELAY_SAMPLES / recording.rate
    heard = []
    for chapter, start in zip(recording.chapters, mastered.starts):
        shift = start + delay - chapter.start
        heard += [replace(item, start=item.start + shift, end=item.end + shift)
                  for item in recording.placed if chapter.start <= item.start < chapter.end]
    return tuple(heard)
