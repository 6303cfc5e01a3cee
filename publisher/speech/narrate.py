"""Narrate a guide into a tagged MP3 file with one chapter per section, and
its WebVTT transcript next to it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..atomic import atomic_path, write_atomic
from ..model import Guide
from .audio import encode_mp3, mp3_delay_seconds
from .clips import ClipCache, ClipStats
from .engine import SpeechEngine
from .narration import Pacing, narration_script
from .recording import Recording, record
from .tags import tag_mp3
from .voices import Voice, language_voice
from .webvtt import webvtt


@dataclass(frozen=True)
class Narration:
    """What narrating one guide produced."""

    recording: Recording
    clips: ClipStats
    failed_attempts: int


def narrate_guide(guide: Guide, target: Path, *, locales_dir: Path, cache_dir: Path, pacing: Pacing,
                  gettext: Callable[[str], str], artist: str) -> Narration:
    """Speak `guide` and write it to `target` as a tagged, chaptered MP3."""
    with SpeechEngine() as engine:
        installed = engine.voices()

        @lru_cache(maxsize=None)
        def voice_for(lang: str) -> Voice:
            return language_voice(lang, installed, locales_dir / lang)

        cache = ClipCache(cache_dir, engine)
        script = narration_script(guide, gettext, pacing)
        recording = record(script, cache, voice_for, pacing.rate)
        failed = engine.failures
        languages = dict.fromkeys(utterance.lang for chapter in script for utterance in chapter.utterances)
        voices = tuple(f"{lang}={voice_for(lang).id}" for lang in languages)
    data = encode_mp3(recording.samples, recording.rate)
    delay = mp3_delay_seconds(recording.rate)
    chapters = tuple(replace(chapter, start=chapter.start + delay if index else 0.0, end=chapter.end + delay)
                     for index, chapter in enumerate(recording.chapters))
    with atomic_path(target) as partial:
        partial.write_bytes(data)
        tag_mp3(partial, title=guide.title.text, album=guide.title.text, artist=artist, lang=guide.lang,
                chapters=chapters, contents_title=gettext("Contents"), voices=voices)
    write_atomic(target.with_suffix(".vtt"), webvtt(recording.placed, offset=delay))
    return Narration(recording, cache.stats, failed)
