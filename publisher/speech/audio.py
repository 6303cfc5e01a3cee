"""The audio primitives: read and trim clips, silence, limit peaks, encode
and decode MP3, meter loudness and true peak.

Loudness follows speech practice for spoken-word audio: integrated loudness
of -19 LUFS (EBU R128 / ITU-R BS.1770, mono), true peak below -1 dBTP. The MP3
is mono, constant bit rate. The encoder's low-pass filter takes about half a
LU away, so the level is aimed that much higher (ENCODER_LOSS_LU); the tests
meter the decoded MP3s.
"""

from __future__ import annotations

import wave
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

import lameenc
import miniaudio
import numpy as np
from scipy.ndimage import minimum_filter1d, uniform_filter1d

TARGET_LUFS = -19.0
LOUDNESS_TOLERANCE_LU = 0.3  # how close the decoded MP3 must come to the target
PEAK_LIMIT_DBTP = -1.0
PEAK_MARGIN_DB = 0.5  # what a decoded MP3 keeps below the limit: meters and decoders oversample differently
# The limiter aims below the limit, leaving room for the encoder's coding
# noise and for meters and decoders that oversample differently.
PEAK_CEILING_DBTP = -1.5
# What the encoder's low-pass filter takes from espeak-ng speech (measured: 0.4-0.5 LU).
ENCODER_LOSS_LU = 0.45
SILENCE_THRESHOLD = 10 ** (-50 / 20)  # -50 dBFS: quieter edges of a clip are trimmed
EDGE_SECONDS = 0.03  # keep this much of the quiet edge so consonants are not clipped
MP3_KBPS = 64
# LAME's encoder delay plus the decoder's (576 + 529 samples): decoders play
# this much before the first encoded sample, since lameenc writes no LAME
# header to skip it. Measured here with ffmpeg: 1106 samples at 22050 Hz.
MP3_START_DELAY_SAMPLES = 1105


@dataclass(frozen=True)
class Placed:
    """Where an utterance sits in the programme, in seconds."""

    unit_id: str
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class ChapterSpan:
    """Where a chapter sits in the programme, in seconds."""

    id: str
    title: str
    start: float
    end: float


def read_clip(path: Path) -> tuple[np.ndarray, int]:
    """A 16-bit mono WAV as float samples in [-1, 1] and its sample rate."""
    with wave.open(str(path)) as clip:
        rate = clip.getframerate()
        data = np.frombuffer(clip.readframes(clip.getnframes()), dtype="<i2")
    return data.astype(np.float32) / 32768.0, rate


def trim(samples: np.ndarray, rate: int) -> np.ndarray:
    """Cut the silence the engine leaves before and after speech."""
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if loud.size == 0:
        return samples[:0]
    edge = int(EDGE_SECONDS * rate)
    return samples[max(0, loud[0] - edge): loud[-1] + edge + 1]


def silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(int(round(seconds * rate)), dtype=np.float32)


def loudness_lufs(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness (ITU-R BS.1770, gated), in LUFS, by pyloudnorm's
    meter (for checks; the build works from each clip's levels)."""
    import pyloudnorm  # it loads scipy.signal, which takes a second or more

    return pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))


def true_peak_dbtp(samples: np.ndarray) -> float:
    """The true (inter-sample) peak in dBTP, measured with 4x oversampling (BS.1770)."""
    if not samples.size:
        return -np.inf
    peak = float(_true_peak_envelope(samples.astype(np.float32), 0.5 * float(np.abs(samples).max())).max())
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def limit_peaks(samples: np.ndarray, rate: int, ceiling_dbtp: float = PEAK_CEILING_DBTP) -> np.ndarray:
    """A look-ahead true-peak limiter: gain dips smoothly (5 ms attack, 80 ms
    release) wherever the signal between samples (4x oversampled, as meters
    see it) would exceed the ceiling, so loudness barely changes. The edges
    are padded with silence, so a peak at the very start is limited as fully
    as one in the middle."""
    ceiling = 10 ** (ceiling_dbtp / 20)
    attack, release = max(1, int(0.005 * rate)), max(1, int(0.08 * rate))
    samples = np.pad(samples.astype(np.float32), attack)
    aim = ceiling * 0.98
    for _ in range(4):
        envelope = _true_peak_envelope(samples, aim * 0.6)
        if envelope.max(initial=0.0) < ceiling:
            break
        wanted = np.minimum(1.0, aim / np.maximum(envelope, 1e-9))
        # Spread each dip over a window around the peak, then take the smallest gain.
        gain = _running_min(wanted, attack, release)
        gain = uniform_filter1d(gain, attack)
        samples = (samples * gain).astype(np.float32)
        aim *= 0.98
    return samples[attack:-attack]


def _true_peak_envelope(samples: np.ndarray, floor: float) -> np.ndarray:
    """Per sample, its magnitude or, where that is above `floor`, the largest
    magnitude of the signal between it and the next sample (4x oversampled,
    as BS.1770 meters do, with a 16-tap interpolator per phase). Between
    quieter samples the signal cannot reach a ceiling well above `floor`."""
    envelope = np.abs(samples)
    loud = np.flatnonzero(envelope > floor)
    if loud.size:
        half = INTERPOLATOR_TAPS // 2
        padded = np.pad(samples, half)
        around = padded[loud[:, None] + np.arange(1, INTERPOLATOR_TAPS + 1)[None, :]]  # x[i-7] .. x[i+8]
        between = np.abs(around @ _interpolator().T).max(axis=1)
        envelope[loud] = np.maximum(envelope[loud], between)
    return envelope


INTERPOLATOR_TAPS = 16


@lru_cache(maxsize=None)
def _interpolator() -> np.ndarray:
    """Windowed-sinc taps giving the signal at 1/4, 2/4 and 3/4 of the way from
    x[i] to x[i+1], from x[i-7] .. x[i+8] (one row per fraction)."""
    positions = np.arange(INTERPOLATOR_TAPS) - (INTERPOLATOR_TAPS // 2 - 1)  # -7 .. 8
    rows = []
    for fraction in (0.25, 0.5, 0.75):
        distance = fraction - positions
        taps = np.sinc(distance) * np.kaiser(INTERPOLATOR_TAPS + 1, 5.0)[:-1]
        rows.append(taps / taps.sum())
    return np.array(rows, dtype=np.float32)


def _running_min(values: np.ndarray, before: int, after: int) -> np.ndarray:
    """Minimum of `values` over [i - after, i + before] for each i."""
    size = before + after + 1
    origin = (after - before) // 2
    return minimum_filter1d(values, size=size, origin=origin, mode="nearest")


def mp3_delay_seconds(rate: int) -> float:
    """How much later than in the samples a moment is heard in the MP3."""
    return MP3_START_DELAY_SAMPLES / rate


def decode_mp3(data: bytes, rate: int) -> np.ndarray:
    """Mono float samples of an MP3 (as a player would hear them)."""
    decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1, sample_rate=rate)
    return np.asarray(decoded.samples, dtype=np.float32)


def encode_mp3(samples: np.ndarray, rate: int, kbps: int = MP3_KBPS) -> bytes:
    """Mono constant-bit-rate MP3 of float samples."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(kbps)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # LAME's standard quality; 2 ("near best") is twice as slow and no clearer for speech
    return bytes(encoder.encode(pcm) + encoder.flush())
