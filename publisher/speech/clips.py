"""A content-addressed cache of spoken sentences.

Each clip is a WAV file named by a hash of what shapes the sound: the text as
spoken, the voice, the rate and the engine. A rebuild re-synthesizes only the
sentences whose hash is new; everything else is reused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from .engine import SpeechEngine

ENGINE_ID = f"pyttsx3 {version('pyttsx3')} espeak-ng"


@dataclass
class ClipStats:
    """How many clips a narration synthesized and how many it reused."""

    synthesized: int = 0
    reused: int = 0


class ClipCache:
    """Clips under `folder`, synthesized on demand with a SpeechEngine."""

    def __init__(self, folder: Path, engine: SpeechEngine):
        self.folder = folder
        self.engine = engine
        self.stats = ClipStats()

    def clip(self, text: str, voice: str, rate: int) -> Path:
        """The WAV file of `text` spoken by `voice` at `rate` words a minute."""
        key = hashlib.sha256(json.dumps([ENGINE_ID, voice, rate, text]).encode("utf-8")).hexdigest()
        path = self.folder / key[:2] / f"{key}.wav"
        if path.exists():
            self.stats.reused += 1
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine.say(text, voice, rate, path)
        self.stats.synthesized += 1
        return path
