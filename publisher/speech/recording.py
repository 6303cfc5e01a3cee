"""Record a narration script: speak every utterance (respelled for its voice),
lay the clips end to end with their pauses, and note where each chapter and
sentence falls. The recording is raw; each file made from it is normalised
on its own (the whole guide, and each section's track)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..errors import PublisherError
from .audio import ChapterSpan, Placed, read_clip, silence, trim
from .clips import ClipCache
from .narration import Chapter
from .voices import Voice


@dataclass(frozen=True)
class Recording:
    """A programme, not yet normalised, and its timeline."""

    samples: np.ndarray
    rate: int
    chapters: tuple[ChapterSpan, ...]
    placed: tuple[Placed, ...]

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def chapter_samples(self, chapter: ChapterSpan) -> np.ndarray:
        """The samples of one chapter, its closing pause included."""
        return self.samples[int(round(chapter.start * self.rate)): int(round(chapter.end * self.rate))]


def record(script: list[Chapter], cache: ClipCache, voice_for: Callable[[str], Voice], rate_wpm: int) -> Recording:
    """Speak `script` through `cache` at `rate_wpm` listening words a minute
    (voice chosen per utterance language)."""
    pieces: list[np.ndarray] = []
    chapters: list[ChapterSpan] = []
    placed: list[Placed] = []
    position, sample_rate = 0, None
    for chapter in script:
        chapter_start = position
        for utterance in chapter.utterances:
            voice = voice_for(utterance.lang)
            samples, clip_rate = read_clip(cache.clip(voice.script(utterance.said), voice.id,
                                                      voice.engine_rate(rate_wpm)))
            if sample_rate is None:
                sample_rate = clip_rate
            elif clip_rate != sample_rate:
                raise PublisherError(f"speech clips differ in sample rate ({clip_rate} vs {sample_rate} Hz)")
            speech = trim(samples, clip_rate)
            placed.append(Placed(utterance.unit_id, utterance.text, position / clip_rate,
                                 (position + len(speech)) / clip_rate))
            pause = silence(utterance.pause_after, clip_rate)
            pieces += [speech, pause]
            position += len(speech) + len(pause)
        chapters.append(ChapterSpan(chapter.id, chapter.title, chapter_start / sample_rate, position / sample_rate))
    return Recording(np.concatenate(pieces), sample_rate, tuple(chapters), tuple(placed))
