"""An extended M3U playlist (UTF-8, `.m3u8`) of an audio guide's section
tracks, with titles and durations, so any MP3 player or phone can list the
sections and skip between them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Track:
    """One section's MP3 file: its name in the folder, title and length."""

    file: str
    title: str
    seconds: float


def m3u8(tracks: list[Track], title: str) -> str:
    """The playlist text: `#EXTINF:<whole seconds>,<title>` before each file."""
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(title)}"]
    for track in tracks:
        lines += [f"#EXTINF:{max(1, round(track.seconds))},{_one_line(track.title)}", track.file]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
