"""A WebVTT transcript of the narration: one cue per spoken unit, timed from
the real clip positions, so a page can highlight the sentence being spoken
and a deaf-blind reader on a braille display can follow along."""

from __future__ import annotations

from .audio import Placed
from .playlist import one_line


def webvtt(placed: tuple[Placed, ...], offset: float = 0.0) -> str:
    """The transcript of `placed` utterances; `offset` seconds are added to every time."""
    cues = ["WEBVTT", ""]
    for item in placed:
        cues += [f"u-{item.unit_id}", f"{_time(item.start + offset)} --> {_time(item.end + offset)}",
                 _escape(item.text), ""]
    return "\n".join(cues)


def _time(seconds: float) -> str:
    milliseconds = int(round(seconds * 1000))
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _escape(text: str) -> str:
    return one_line(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
