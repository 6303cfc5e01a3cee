"""Turn clips into one programme: trim, pause, normalise loudness, encode MP3.

Loudness follows speech practice for spoken-word audio: integrated loudness
of -19 LUFS (EBU R128 / ITU-R BS.1770, mono), true peak below -1 dBTP. The MP3
is mono, constant bit rate. Loudness is checked on the decoded MP3, not only
before encoding: the encoder's low-pass filter takes about half a LU away.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import lameenc
import miniaudio
import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

TARGET_LUFS = -19.0
LOUDNESS_TOLERANCE_LU = 0.3  # how close the decoded MP3 must come to the target
PEAK_LIMIT_DBTP = -1.0
PEAK_MARGIN_DB = 0.5  # meters differ a little in how finely they oversample; MP3 decoders too
PEAK_CEILING_DBTP = -1.5  # the limiter aims below this, leaving room for the encoder
# What the encoder's low-pass filter takes from espeak-ng speech (measured: 0.4-0.5 LU);
# the first aim makes up for it, so most files need one encoding.
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
    """Integrated loudness (ITU-R BS.1770, gated), in LUFS."""
    return pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))


def normalize(samples: np.ndarray, rate: int, target: float = TARGET_LUFS,
              ceiling_dbtp: float = PEAK_CEILING_DBTP) -> np.ndarray:
    """Scale to `target` LUFS; if that would push the true peak over the
    ceiling, limit the loud peaks smoothly instead of clipping them (and
    make up the little loudness the limiter takes)."""
    loudness = loudness_lufs(samples, rate)
    for _ in range(3):
        if not np.isfinite(loudness) or abs(loudness - target) <= LOUDNESS_TOLERANCE_LU / 3:
            break  # silence stays silence
        scaled = samples * np.float32(10 ** ((target - loudness) / 20))
        samples = limit_peaks(scaled, rate, ceiling_dbtp)
        # Gating is relative, so scaling shifts loudness exactly; only limiting needs a new measurement.
        loudness = target if samples is scaled else loudness_lufs(samples, rate)
    return samples


def speech_mp3(samples: np.ndarray, rate: int) -> bytes:
    """The samples as an MP3 whose decoded sound is at TARGET_LUFS with its
    true peak under PEAK_LIMIT_DBTP: normalise, encode, meter the decoded
    MP3, and correct the aim by what the encoder changed (its low-pass
    filter lowers loudness; its coding noise can raise a sharp peak)."""
    target, ceiling = TARGET_LUFS + ENCODER_LOSS_LU, PEAK_CEILING_DBTP
    for _ in range(4):
        data = encode_mp3(normalize(samples, rate, target, ceiling), rate)
        heard = decode_mp3(data, rate)
        loudness_error = loudness_lufs(heard, rate) - TARGET_LUFS
        peak_excess = true_peak_dbtp(heard) - (PEAK_LIMIT_DBTP - PEAK_MARGIN_DB)
        if abs(loudness_error) <= LOUDNESS_TOLERANCE_LU and peak_excess < 0:
            break
        target -= loudness_error
        if peak_excess >= 0:
            ceiling -= peak_excess + PEAK_MARGIN_DB
    return data


def true_peak_dbtp(samples: np.ndarray) -> float:
    """The true (inter-sample) peak in dBTP, measured with 4x oversampling (BS.1770)."""
    if not samples.size:
        return -np.inf
    oversampled = resample_poly(samples.astype(np.float32), 4, 1)
    peak = max(float(oversampled.max()), -float(oversampled.min()))
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def limit_peaks(samples: np.ndarray, rate: int, ceiling_dbtp: float = PEAK_CEILING_DBTP) -> np.ndarray:
    """A look-ahead peak limiter: gain dips smoothly (5 ms attack, 80 ms release)
    wherever a sample would exceed the ceiling, so loudness barely changes."""
    ceiling = 10 ** (ceiling_dbtp / 20) * 0.94  # margin for inter-sample peaks
    for _ in range(4):
        envelope = np.abs(samples)
        if envelope.max(initial=0.0) <= ceiling and true_peak_dbtp(samples) < ceiling_dbtp:
            return samples
        wanted = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-9))
        attack, release = max(1, int(0.005 * rate)), max(1, int(0.08 * rate))
        # Spread each dip over a window around the peak, then take the smallest gain.
        gain = _running_min(wanted, attack, release)
        gain = uniform_filter1d(gain, attack)
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
