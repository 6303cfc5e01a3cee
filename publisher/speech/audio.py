"""Turn clips into one programme: trim, pause, normalise loudness, encode MP3.

Loudness follows speech practice for spoken-word audio: integrated loudness
of -19 LUFS (EBU R128 / ITU-R BS.1770, mono), true peak below -1 dBTP. The MP3
is mono, constant bit rate.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import lameenc
import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d
from scipy.signal import resample_poly

TARGET_LUFS = -19.0
PEAK_CEILING_DBTP = -1.5  # measured true peak stays below this (the limit is -1 dBTP)
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


def normalize(samples: np.ndarray, rate: int) -> np.ndarray:
    """Scale to TARGET_LUFS; if that would push the true peak over the
    ceiling, limit the loud peaks smoothly instead of clipping them."""
    meter = pyloudnorm.Meter(rate)
    loudness = meter.integrated_loudness(samples.astype(np.float64))
    gained = samples * np.float32(10 ** ((TARGET_LUFS - loudness) / 20))
    return limit_peaks(gained, rate)


def true_peak_dbtp(samples: np.ndarray) -> float:
    """The true (inter-sample) peak in dBTP, measured with 4x oversampling (BS.1770)."""
    peak = float(np.max(np.abs(resample_poly(samples.astype(np.float64), 4, 1)))) if samples.size else 0.0
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def limit_peaks(samples: np.ndarray, rate: int) -> np.ndarray:
    """A look-ahead peak limiter: gain dips smoothly (5 ms attack, 80 ms release)
    wherever a sample would exceed the ceiling, so loudness barely changes."""
    ceiling = 10 ** (PEAK_CEILING_DBTP / 20) * 0.94  # margin for inter-sample peaks
    for _ in range(4):
        envelope = np.abs(samples)
        if envelope.max(initial=0.0) <= ceiling and true_peak_dbtp(samples) < PEAK_CEILING_DBTP:
            return samples
        wanted = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-9))
        attack, release = max(1, int(0.005 * rate)), max(1, int(0.08 * rate))
        # Spread each dip over a window around the peak, then take the smallest gain.
        gain = _running_min(wanted, attack, release)
        gain = np.convolve(gain, np.ones(attack) / attack, mode="same")
        samples = (samples * gain).astype(np.float32)
        ceiling *= 0.97
    return samples


def _running_min(values: np.ndarray, before: int, after: int) -> np.ndarray:
    """Minimum of `values` over [i - after, i + before] for each i."""
    size = before + after + 1
    origin = (after - before) // 2
    return minimum_filter1d(values, size=size, origin=origin, mode="nearest")


def mp3_delay_seconds(rate: int) -> float:
    """How much later than in the samples a moment is heard in the MP3."""
    return MP3_START_DELAY_SAMPLES / rate


def encode_mp3(samples: np.ndarray, rate: int, kbps: int = MP3_KBPS) -> bytes:
    """Mono constant-bit-rate MP3 of float samples."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(kbps)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(pcm) + encoder.flush())
