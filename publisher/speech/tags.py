"""ID3 tags for the narrated MP3: title, album, artist, language and one
CHAP frame per chapter under a CTOC table of contents, so players can skip
by section (ID3v2 Chapter Frame Addendum). Saved as ID3v2.3, which most
players read, with the frames in the order they are added: mutagen sorts
them by size, which put the CHAP frames out of time order, and ffmpeg and
many players list chapters in the order of their CHAP frames."""

from __future__ import annotations

from pathlib import Path

import langcodes
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TPE1, TRCK, TXXX, CTOCFlags
from mutagen.id3._tags import save_frame

from .audio import ChapterSpan


def iso639_2(lang: str) -> str:
    """The three-letter code ID3's TLAN frame wants: "en" -> "eng"."""
    return langcodes.Language.get(lang.replace("_", "-")).to_alpha3()


NARRATOR_FRAME = "espeak-ng voices"


class _OrderedID3(ID3):
    """An ID3 tag written in the order its frames were added (mutagen's own
    `_write`, pinned at 1.48.1, sorts them by importance, size and key)."""

    def _write(self, config):
        return bytearray().join(save_frame(frame, config=config) for frame in self.values())


def tag_mp3(path: Path, *, title: str, album: str, artist: str, lang: str,
            chapters: tuple[ChapterSpan, ...] = (), contents_title: str = "", track: str | None = None,
            voices: tuple[str, ...] = ()) -> None:
    """Write the ID3 tag of the MP3 file at `path` (`voices`: the espeak-ng voices that speak in it)."""
    tags = _OrderedID3()
    tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TALB(encoding=3, text=[album]))
    tags.add(TPE1(encoding=3, text=[artist]))
    tags.add(TLAN(encoding=3, text=[iso639_2(lang)]))
    if track:
        tags.add(TRCK(encoding=3, text=[track]))
    if voices:
        tags.add(TXXX(encoding=3, desc=NARRATOR_FRAME, text=list(voices)))
    if chapters:
        ids = [f"chp{index}" for index, _ in enumerate(chapters, start=1)]
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=3, text=[contents_title or title])]))
        for element_id, chapter in zip(ids, chapters):
            tags.add(CHAP(element_id=element_id, start_time=int(round(chapter.start * 1000)),
                          end_time=int(round(chapter.end * 1000)), start_offset=0xFFFFFFFF,
                          end_offset=0xFFFFFFFF, sub_frames=[TIT2(encoding=3, text=[chapter.title])]))
    tags.save(path, v2_version=3)
