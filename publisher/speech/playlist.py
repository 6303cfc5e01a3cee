"""An extended M3U playlist (UTF-8, `.m3u8`) of an audio guide's section
tracks, with titles and durations, so any MP3 player or phone can list the
sections and skip between them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_BREAKS_AND_SPACES = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class Track:
    """One section's MP3 file: its name in the folder, title and length."""

    file: str
    title: str
    seconds: float


def m3u8(tracks: list[Track], title: str) -> str:
    """The playlist text: `#EXTINF:<whole seconds>,<title>` before each file."""
    lines = ["#EXTM3U", f"#PLAYLIST:{one_line(title)}"]
    for track in tracks:
        lines += [f"#EXTINF:{max(1, round(track.seconds))},{one_line(track.title)}", track.file]
    return "\n".join(lines) + "\n"


def one_line(text: str) -> str:
    """`text` on one line, each run of spaces as one; a no-break space (the
    French "SLA\u00a0?") is kept, as on the page."""
    return _LINE_BREAKS_AND_SPACES.sub(" ", text).strip()
