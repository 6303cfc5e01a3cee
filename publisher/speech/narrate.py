"""Narrate a guide: the whole guide as one tagged MP3 with a chapter per
section, its WebVTT transcript, and a folder with one track per section and
a playlist, for players that cannot read chapters.

    output/<lang>/<slug>.mp3, <slug>.vtt
    output/<lang>/<slug>/01-key-points.mp3 ... playlist.m3u8

Each section track is loudness-normalised on its own, so a track played
alone is as loud as the whole guide, and encoded once: the whole guide's MP3
is made of the tracks' frames (mastering.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..atomic import atomic_folder, atomic_path
from ..fingerprint import digest, package_versions, stamp
from ..model import Guide
from ..result_cache import ResultCache
from .audio import ChapterSpan, Placed
from .clips import ClipCache, ClipStats
from .engine import SPEECH_ENGINE, SpeechEngine
from .mastering import Mastered, heard_chapters, heard_placed, master
from .narration import Chapter, Pacing, narration_script
from .playlist import Track, m3u8
from .recording import Recording, record
from .tags import tag_mp3
from .voices import Voice, language_voice
from .webvtt import webvtt

PLAYLIST = "playlist.m3u8"


@dataclass(frozen=True)
class Narration:
    """What narrating one guide produced."""

    recording: Recording
    tracks: tuple[Track, ...]
    clips: ClipStats
    outputs: tuple[Path, ...]  # the MP3, its transcript, the tracks and the playlist


@dataclass(frozen=True)
class AlbumTags:
    """The tags every file of one audio guide shares."""

    album: str
    artist: str
    lang: str
    voices: tuple[str, ...]


@dataclass(frozen=True)
class Spoken:
    """A guide spoken and mastered: what every narrated format is made from."""

    recording: Recording
    mastered: Mastered
    clips: ClipStats
    voices: tuple[str, ...]  # "lang=voice id" of each language heard

    @property
    def chapters(self) -> tuple[ChapterSpan, ...]:
        """The chapters as they lie in the whole guide's MP3."""
        return heard_chapters(self.recording, self.mastered)

    @property
    def placed(self) -> tuple[Placed, ...]:
        """When each unit is heard in the whole guide's MP3."""
        return heard_placed(self.recording, self.mastered)

    def tracks(self) -> tuple[tuple[ChapterSpan, tuple[Placed, ...]], ...]:
        """Each chapter with the units heard in it, timed in the chapter's own
        track (which starts at 0), for formats that play section by section."""
        placed = self.placed
        timeline = []
        for chapter in self.chapters:
            inside = tuple(replace(item, start=item.start - chapter.start, end=item.end - chapter.start)
                           for item in placed if chapter.start <= item.start < chapter.end)
            timeline.append((replace(chapter, start=0.0, end=chapter.end - chapter.start), inside))
        return tuple(timeline)


def speak_guide(guide: Guide, *, locales_dir: Path, cache_dir: Path, pacing: Pacing,
                gettext: Callable[[str], str]) -> Spoken:
    """Speak every unit of `guide` (clips cached under `cache_dir`/clips) and
    master the section tracks (cached under `cache_dir`/tracks)."""
    script = narration_script(guide, gettext, pacing)
    with SpeechEngine() as engine:
        installed = installed_voices(engine, cache_dir / "voices")

        @lru_cache(maxsize=None)
        def voice_for(lang: str) -> Voice:
            return language_voice(lang, installed, locales_dir / lang)

        cache = ClipCache(cache_dir / "clips", engine)
        recording = record(script, cache, voice_for, pacing.rate)
        voices = tuple(f"{lang}={voice_for(lang).id}" for lang in _languages(script))
    return Spoken(recording, master(recording, cache_dir / "tracks"), cache.stats, voices)


def narrate_guide(guide: Guide, target: Path, *, locales_dir: Path, cache_dir: Path, pacing: Pacing,
                  gettext: Callable[[str], str], artist: str) -> Narration:
    """Speak `guide` and write its MP3 to `target`, its transcript and its
    section tracks beside it; clips and mastered tracks are cached under
    `cache_dir` (clips/ and tracks/)."""
    spoken = speak_guide(guide, locales_dir=locales_dir, cache_dir=cache_dir, pacing=pacing, gettext=gettext)
    recording, mastered = spoken.recording, spoken.mastered
    album = AlbumTags(guide.title.text, artist, guide.lang, spoken.voices)
    folder, transcript = target.with_suffix(""), target.with_suffix(".vtt")
    # The MP3, its tracks and its transcript are one edition: all three are
    # written whole beside their places first, then swapped in one right
    # after the other. A failure leaves the old edition as it was; a kill
    # leaves at most a mix the build record no longer matches (build_record.py).
    with (atomic_folder(folder) as tracks_partial, atomic_path(target) as whole_partial,
          atomic_path(transcript) as transcript_partial):
        tracks = fill_tracks(recording, mastered, tracks_partial, album)
        fill_whole(recording, mastered, whole_partial, album, contents_title=gettext("Contents"))
        transcript_partial.write_text(webvtt(spoken.placed), encoding="utf-8")
    outputs = (target, transcript, *(folder / track.file for track in tracks), folder / PLAYLIST)
    return Narration(recording, tracks, spoken.clips, outputs)


def installed_voices(engine: SpeechEngine, cache: Path) -> list[dict]:
    """The voices espeak-ng offers, asked once per installation of it (the
    engine's worker then starts only if a sentence has to be spoken)."""
    key = digest("voices", [stamp(path) for path in SPEECH_ENGINE], package_versions("pyttsx3"))
    store = ResultCache(cache)
    voices = store.get(key)
    if voices is None:
        voices = engine.voices()
        store.put(key, voices)
    return voices


def fill_whole(recording: Recording, mastered: Mastered, path: Path, album: AlbumTags, contents_title: str) -> None:
    """Write the whole guide's MP3 to `path` (a temporary file)."""
    path.write_bytes(mastered.whole)
    tag_mp3(path, title=album.album, album=album.album, artist=album.artist, lang=album.lang,
            chapters=heard_chapters(recording, mastered), contents_title=contents_title, voices=album.voices)


def write_tracks(recording: Recording, mastered: Mastered, folder: Path, album: AlbumTags) -> tuple[Track, ...]:
    """One numbered MP3 per chapter in `folder`, and a playlist of them."""
    with atomic_folder(folder) as partial:
        return fill_tracks(recording, mastered, partial, album)


def fill_tracks(recording: Recording, mastered: Mastered, folder: Path, album: AlbumTags) -> tuple[Track, ...]:
    """Write the tracks and their playlist into `folder` (a temporary folder, empty)."""
    tracks = []
    total = len(recording.chapters)
    for number, (chapter, data) in enumerate(zip(recording.chapters, mastered.tracks), start=1):
        track = Track(f"{number:02d}-{chapter.id}.mp3", chapter.title, chapter.end - chapter.start)
        path = folder / track.file
        path.write_bytes(data)
        tag_mp3(path, title=chapter.title, album=album.album, artist=album.artist, lang=album.lang,
                track=f"{number}/{total}", voices=album.voices)
        tracks.append(track)
    (folder / PLAYLIST).write_text(m3u8(tracks, album.album), encoding="utf-8")
    return tuple(tracks)


def _languages(script: list[Chapter]) -> list[str]:
    return list(dict.fromkeys(utterance.lang for chapter in script for utterance in chapter.utterances))
