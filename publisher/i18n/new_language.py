"""Set a new language up (`publisher init`): besides its catalogue, a
speech.toml naming the installed espeak-ng voice chosen for it and an empty
pronunciation.toml, and the next steps for its translator. The wording of
those files is data, in new_language/ beside this module."""

from __future__ import annotations

from pathlib import Path

from babel import Locale

from ..atomic import write_atomic
from ..project import Project
from ..settings import load_settings

TEMPLATES = Path(__file__).parent / "new_language"
FILES = ("speech.toml", "pronunciation.toml")


def english_name(lang: str) -> str:
    """"Portuguese (Brazil)" for pt_BR."""
    return Locale.parse(lang).get_display_name("en")


def chosen_voice(lang: str) -> str:
    """The installed espeak-ng voice that speaks `lang` (as `publisher voices` chooses it)."""
    from ..speech.engine import SpeechEngine
    from ..speech.voices import choose_voice

    with SpeechEngine() as engine:
        return choose_voice(lang, engine.voices())


def write_language_files(project: Project, lang: str, voice: str) -> list[Path]:
    """Write the language's speech.toml and pronunciation.toml where they are
    missing (a translator's own are never replaced); returns those written."""
    folder = project.language_data(lang)
    written = []
    for name in FILES:
        target = folder / name
        if target.exists():
            continue
        text = (TEMPLATES / f"{name}.in").read_text(encoding="utf-8")
        write_atomic(project.writable(target), text.format(lang=lang, language_name=english_name(lang), voice=voice))
        written.append(target)
    return written


def next_steps(project: Project, lang: str, catalog: str) -> str:
    """What the translator does next, in a few lines."""
    from ..errors import display_path

    folder = project.language_data(lang)
    return (TEMPLATES / "next-steps.txt").read_text(encoding="utf-8").format(
        lang=lang, language_name=english_name(lang), catalog=catalog,
        threshold=f"{load_settings(project).translation_threshold:g}",
        speech=display_path(folder / "speech.toml"), pronunciation=display_path(folder / "pronunciation.toml")).rstrip()
