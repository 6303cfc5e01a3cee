"""MP3 narration: the whole guide as one chaptered MP3, its WebVTT
transcript and one track per section (speech/narrate.py does the work)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..plurals import count
from . import JobInput, Made, OutputFormat

if TYPE_CHECKING:
    from ..speech.narrate import Spoken


def make(job: JobInput) -> Made:
    """Speak the guide and write its MP3, transcript and section tracks."""
    from ..speech.narrate import narrate_guide
    from ..speech.narration import Pacing

    narration = narrate_guide(job.guide, job.target, locales_dir=job.project.locales,
                              cache_dir=job.project.cache, pacing=Pacing(rate=job.rate),
                              gettext=job.translations.gettext, artist=job.publisher_name)
    seconds = narration.recording.seconds
    clips = narration.clips
    note = (f"{int(seconds // 60)}:{int(seconds % 60):02d} of audio, "
            f"{count(len(narration.recording.chapters), 'chapter')} and tracks, "
            f"{clips.synthesized} spoken, {clips.reused} already recorded"
            + (f", {clips.retried} spoken again" if clips.retried else ""))
    return Made(narration.outputs, note, clips)


def spoken(job: JobInput) -> Spoken:
    """The guide spoken and mastered, for a format made from the narration
    (the clips and tracks come from the cache when the MP3 was made first)."""
    from ..speech.narrate import speak_guide
    from ..speech.narration import Pacing

    return speak_guide(job.guide, locales_dir=job.project.locales, cache_dir=job.project.cache,
                       pacing=Pacing(rate=job.rate), gettext=job.translations.gettext)


def check(path: Path) -> list[str]:
    """An MP3 that a decoder reads, with chapters."""
    from mutagen.mp3 import MP3

    audio = MP3(path)
    problems = [] if audio.info.length > 0 else ["no sound"]
    if audio.tags is None or not audio.tags.getall("CHAP"):
        problems.append("no chapters")
    return problems


FORMAT = OutputFormat(
    name="mp3",
    summary="narrated audio: one MP3 with a chapter per section, a track per section, a WebVTT transcript",
    suffix=".mp3",
    make=make,
    check=check,
    packages=("pyttsx3", "lameenc", "pyloudnorm", "numpy", "scipy", "mutagen", "miniaudio"),
    speaks=True,
)
