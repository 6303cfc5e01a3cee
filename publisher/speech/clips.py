"""A content-addressed cache of spoken sentences, with their levels.

Each clip is a WAV file named by a hash of what shapes the sound: the text as
spoken, the voice, the rate and the engine. A rebuild re-synthesizes only the
sentences whose hash is new; everything else is reused. Beside each WAV, a
JSON file holds its loudness blocks and true peak (levels.py), measured once
when the clip is made, so a guide's gain is worked out without measuring the
guide again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import numpy as np

from ..atomic import write_atomic
from .audio import read_clip, trim
from .engine import SpeechEngine
from .levels import ClipLevels, measure

ENGINE_ID = f"pyttsx3 {version('pyttsx3')} espeak-ng"
ENGINE_SAMPLE_RATE = 22050  # pyttsx3's espeak-ng driver writes every clip at this rate


@dataclass
class ClipStats:
    """How many clips a narration synthesized, how many it reused, and how
    many attempts the engine needed again (each with a fresh worker)."""

    synthesized: int = 0
    reused: int = 0
    retried: int = 0


@dataclass(frozen=True)
class Clip:
    """One spoken sentence, its silent edges trimmed, and its levels."""

    samples: np.ndarray
    rate: int
    levels: ClipLevels


class ClipCache:
    """Clips under `folder`, synthesized on demand with a SpeechEngine."""

    def __init__(self, folder: Path, engine: SpeechEngine):
        self.folder = folder
        self.engine = engine
        self.stats = ClipStats()

    def clip(self, text: str, voice: str, rate: int) -> Clip:
        """`text` spoken by `voice` at `rate` words a minute (nothing, for a
        text with no word or number in it: espeak-ng says nothing for it)."""
        if not any(character.isalnum() for character in text):
            return Clip(np.zeros(0, np.float32), ENGINE_SAMPLE_RATE, ClipLevels(0, (), 0.0))
        key = hashlib.sha256(json.dumps([ENGINE_ID, voice, rate, text]).encode("utf-8")).hexdigest()
        path = self.folder / key[:2] / f"{key}.wav"
        if path.exists():
            self.stats.reused += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            failures = self.engine.failures
            self.engine.say(text, voice, rate, path)
            self.stats.synthesized += 1
            self.stats.retried += self.engine.failures - failures
        samples, clip_rate = read_clip(path)
        speech = trim(samples, clip_rate)
        return Clip(speech, clip_rate, self._levels(path.with_suffix(".json"), speech, clip_rate))

    @staticmethod
    def _levels(path: Path, speech: np.ndarray, rate: int) -> ClipLevels:
        try:
            return ClipLevels.from_json(json.loads(path.read_text(encoding="utf-8")), len(speech))
        except (OSError, ValueError, KeyError, TypeError):
            levels = measure(speech, rate)
            write_atomic(path, json.dumps(levels.to_json()))
            return levels
