"""Record a narration script: speak every utterance (respelled for its voice),
lay the clips end to end with their pauses, and note where each chapter and
sentence falls, with each sentence's levels. The recording is raw; the
section tracks made from it are normalised each on its own (mastering.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..errors import PublisherError
from .audio import ChapterSpan, Placed, silence
from .clips import ClipCache
from .levels import ClipLevels
from .narration import Chapter
from .voices import Voice


@dataclass(frozen=True)
class Recording:
    """A programme, not yet normalised, its timeline, and the levels of each
    placed utterance (`levels[i]` belongs to `placed[i]`)."""

    samples: np.ndarray
    rate: int
    chapters: tuple[ChapterSpan, ...]
    placed: tuple[Placed, ...]
    levels: tuple[ClipLevels, ...] = ()

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def chapter_samples(self, chapter: ChapterSpan) -> np.ndarray:
        """The samples of one chapter, its closing pause included."""
        return self.samples[self.at(chapter.start): self.at(chapter.end)]

    def at(self, seconds: float) -> int:
        """The sample at a time of the timeline (times are whole samples)."""
        return int(round(seconds * self.rate))


def record(script: list[Chapter], cache: ClipCache, voice_for: Callable[[str], Voice], rate_wpm: int) -> Recording:
    """Speak `script` through `cache` at `rate_wpm` listening words a minute
    (voice chosen per utterance language)."""
    pieces: list[np.ndarray] = []
    chapters: list[ChapterSpan] = []
    placed: list[Placed] = []
    levels: list[ClipLevels] = []
    position, sample_rate = 0, None
    for chapter in script:
        chapter_start = position
        for utterance in chapter.utterances:
            voice = voice_for(utterance.lang)
            clip = cache.clip(voice.script(utterance.said), voice.id, voice.engine_rate(rate_wpm))
            if sample_rate is None:
                sample_rate = clip.rate
            elif clip.rate != sample_rate:
                raise PublisherError(f"speech clips differ in sample rate ({clip.rate} vs {sample_rate} Hz)")
            placed.append(Placed(utterance.unit_id, utterance.text, position / sample_rate,
                                 (position + len(clip.samples)) / sample_rate))
            levels.append(clip.levels)
            pause = silence(utterance.pause_after, sample_rate)
            pieces += [clip.samples, pause]
            position += len(clip.samples) + len(pause)
        chapters.append(ChapterSpan(chapter.id, chapter.title, chapter_start / sample_rate, position / sample_rate))
    return Recording(np.concatenate(pieces), sample_rate, tuple(chapters), tuple(placed), tuple(levels))
