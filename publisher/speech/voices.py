"""Which espeak-ng voice reads which language, and how fast.

A language's `locales/<lang>/speech.toml` may name its voice and its
`rate_factor` (see the English file for what it means); otherwise the
installed voice whose language is exactly the guide's language is used (then
one of its regional variants). A language with no voice is an error, never
English audio read with another language's spelling. The language's
`pronunciation.toml` travels with its voice: what the voice is given to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import Number, Table, Text, key_line, load_data
from ..errors import PublisherError
from .pronunciation import Pronunciation, load_pronunciation

SETTINGS_FILE = "speech.toml"
# locales/<lang>/speech.toml
SHAPE = Table({"voice": Text(blank=False, what="an espeak-ng voice id, as text (see `publisher voices`)"),
               "rate_factor": Number(0.5, 3)})


@dataclass(frozen=True)
class Voice:
    """An espeak-ng voice, the factor from listening rate to espeak-ng rate,
    and the respellings of its language."""

    id: str
    rate_factor: float = 1.0
    pronunciation: Pronunciation = field(default_factory=lambda: Pronunciation({}))

    def script(self, text: str) -> str:
        """What this voice is given to read for `text`."""
        return self.pronunciation.spoken(text)

    def engine_rate(self, listening_wpm: int) -> int:
        """The espeak-ng rate setting that yields `listening_wpm` in the finished audio."""
        return int(round(listening_wpm * self.rate_factor))


def language_voice(lang: str, installed: list[dict], language_dir: Path) -> Voice:
    """The voice that narrates `lang`, with its rate factor and respellings."""
    settings = speech_settings(language_dir)
    settings_file = language_dir / SETTINGS_FILE
    wanted = settings.get("voice")
    chosen = choose_voice(lang, installed, wanted, settings_file,
                          key_line(settings_file, ("voice",)) if wanted else None)
    return Voice(chosen, float(settings.get("rate_factor", 1.0)),
                 load_pronunciation(language_dir / "pronunciation.toml", lang))


def speech_settings(language_dir: Path) -> dict:
    """The language's speech.toml, checked (no file: no settings)."""
    path = language_dir / SETTINGS_FILE
    return load_data(path, SHAPE) if path.exists() else {}


def choose_voice(lang: str, installed: list[dict], wanted: str | None = None, where: Path | None = None,
                 line: int | None = None) -> str:
    """The voice id that narrates `lang`: `wanted` if given (it must be
    installed; `where` and `line` say where it was asked for), else the
    installed voice of that language."""
    ids = {voice["id"] for voice in installed}
    if wanted:
        if wanted.lower() not in ids:
            raise PublisherError(f"voice '{wanted}' is not installed (see `publisher voices`)", where, line)
        return wanted.lower()
    for voice in installed:
        if _languages(voice) and _languages(voice)[0] == _norm(lang):
            return voice["id"]
    for voice in installed:
        if any(code.split("-")[0] == _norm(lang).split("-")[0] for code in _languages(voice)):
            return voice["id"]
    raise PublisherError(f"no espeak-ng voice speaks '{lang}': install one or pick another language "
                         f"(see `publisher voices`)")


def voices_by_language(installed: list[dict]) -> dict[str, list[dict]]:
    """Installed voices grouped by their primary language code."""
    grouped: dict[str, list[dict]] = {}
    for voice in installed:
        for code in _languages(voice)[:1]:
            grouped.setdefault(code.split("-")[0], []).append(voice)
    return dict(sorted(grouped.items()))


def _languages(voice: dict) -> list[str]:
    return [_norm(code) for code in voice.get("languages") or []]


def _norm(code: str) -> str:
    return code.replace("_", "-").lower()
