"""Loudness and peak of each clip, measured once when the clip is made.

Integrated loudness (ITU-R BS.1770) is a gated mean over 400 ms blocks of
K-weighted power. Clips sit in the programme between pauses of at least
400 ms, so a block never holds two clips and the programme's blocks are the
blocks of its clips plus silent ones (which the -70 LUFS gate drops). So the
loudness of any run of clips at any gain follows from the clips' own block
powers, and the true peak from their own peaks: a guide's gain is worked out
from cached figures, without measuring the guide again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from .audio import true_peak_dbtp

BLOCK_SECONDS = 0.4
STEP_SECONDS = 0.1  # blocks overlap by 75 %
ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0
# Silence around a clip while it is measured: blocks that hold its edges and
# the filter's ring after it are counted as they are in the programme.
PAD_SECONDS = 0.35
# Stored with each clip's figures: figures measured another way are measured again.
METHOD = f"BS.1770 blocks {BLOCK_SECONDS}/{STEP_SECONDS} s, padded {PAD_SECONDS} s, K-weighting by FFT, true peak 4x"


@dataclass(frozen=True)
class ClipLevels:
    """A clip's length (samples), K-weighted block powers (mean squares) and
    true peak (linear, at unit gain)."""

    samples: int
    blocks: tuple[float, ...]
    peak: float

    def to_json(self) -> dict:
        return {"method": METHOD, "samples": self.samples, "peak": self.peak,
                "blocks": [float(f"{power:.9g}") for power in self.blocks]}

    @classmethod
    def from_json(cls, data: dict, samples: int) -> "ClipLevels":
        """The figures stored by `to_json` for a clip of `samples` (a KeyError
        if they were measured another way, or on another take of the clip:
        two builds may speak the same sentence at once, and takes differ)."""
        if data["method"] != METHOD or data["samples"] != samples:
            raise KeyError("method")
        return cls(samples, tuple(float(power) for power in data["blocks"]), float(data["peak"]))


def measure(samples: np.ndarray, rate: int) -> ClipLevels:
    """The levels of one (trimmed) clip."""
    pad = np.zeros(int(PAD_SECONDS * rate), dtype=np.float64)
    weighted = k_weighted(np.concatenate([pad, samples.astype(np.float64), pad]), rate)
    return ClipLevels(len(samples), tuple(block_powers(weighted, rate).tolist()), true_peak(samples))


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """The samples through BS.1770's K-weighting filter: a +4 dB high shelf
    at 1.5 kHz and a high pass at 38 Hz, the biquads pyloudnorm designs for
    any sample rate, applied by their frequency response (NumPy's FFT, with
    room for the filters' ring; scipy.signal takes a second to load)."""
    size = 1 << int(np.ceil(np.log2(len(samples) + rate // 10)))
    z = np.exp(-1j * np.pi * np.arange(size // 2 + 1) / (size // 2))  # e^-jw on the FFT's frequencies
    response = np.ones_like(z)
    for b, a in _k_weighting(rate):
        response *= (b[0] + b[1] * z + b[2] * z ** 2) / (a[0] + a[1] * z + a[2] * z ** 2)
    return np.fft.irfft(np.fft.rfft(samples, size) * response, size)[: len(samples)]


def _k_weighting(rate: int) -> list[tuple[tuple[float, float, float], tuple[float, float, float]]]:
    """The two biquads (b, a) of K-weighting at `rate` (RBJ cookbook forms, as in pyloudnorm)."""
    shelf_w, pass_w = 2 * np.pi * 1500.0 / rate, 2 * np.pi * 38.0 / rate
    gain = 10 ** (4.0 / 40)
    alpha = np.sin(shelf_w) / (2 * (1 / np.sqrt(2)))
    cos, root = np.cos(shelf_w), 2 * np.sqrt(gain) * alpha
    shelf = ((gain * ((gain + 1) + (gain - 1) * cos + root), -2 * gain * ((gain - 1) + (gain + 1) * cos),
              gain * ((gain + 1) + (gain - 1) * cos - root)),
             ((gain + 1) - (gain - 1) * cos + root, 2 * ((gain - 1) - (gain + 1) * cos),
              (gain + 1) - (gain - 1) * cos - root))
    alpha, cos = np.sin(pass_w) / (2 * 0.5), np.cos(pass_w)
    high_pass = (((1 + cos) / 2, -(1 + cos), (1 + cos) / 2), (1 + alpha, -2 * cos, 1 - alpha))
    return [shelf, high_pass]


def block_powers(weighted: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of every 400 ms block, one every 100 ms."""
    size, step = int(BLOCK_SECONDS * rate), int(STEP_SECONDS * rate)
    if len(weighted) < size:
        return np.zeros(0)
    sums = np.concatenate([[0.0], np.cumsum(weighted ** 2)])
    starts = np.arange(0, len(weighted) - size + 1, step)
    return (sums[starts + size] - sums[starts]) / size


def energy_kept(before: np.ndarray, after: np.ndarray, rate: int) -> np.ndarray:
    """Per block of a clip (as `measure` lays them out), the share of its
    energy left after a gain change such as limiting: the limiter's dips are
    broadband, so K-weighted power scales by the same share."""
    pad = np.zeros(int(PAD_SECONDS * rate), dtype=np.float64)
    kept = block_powers(np.concatenate([pad, after.astype(np.float64), pad]), rate)
    was = block_powers(np.concatenate([pad, before.astype(np.float64), pad]), rate)
    return np.divide(kept, was, out=np.ones_like(was), where=was > 0)


def integrated_lufs(blocks: np.ndarray) -> float:
    """Gated integrated loudness of a programme made of these blocks (-inf if silent)."""
    blocks = np.asarray(blocks, dtype=np.float64)
    loud = blocks[_lufs(blocks) > ABSOLUTE_GATE_LUFS]
    if not loud.size:
        return -np.inf
    gate = _lufs(np.array([loud.mean()]))[0] + RELATIVE_GATE_LU
    kept = loud[_lufs(loud) > gate]
    return float(_lufs(np.array([kept.mean()]))[0])


def true_peak(samples: np.ndarray) -> float:
    """The true (inter-sample) peak, linear, with 4x oversampling (BS.1770)."""
    return float(10 ** (true_peak_dbtp(samples) / 20)) if samples.size else 0.0


def _lufs(powers: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return -0.691 + 10 * np.log10(powers)
