"""Pronunciation lexicons: each entry changes what espeak-ng says, and only
what it says (the printed guide keeps its spelling)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from conftest import REPO
from publisher.datafiles import load_toml
from publisher.errors import PublisherError
from publisher.model import Guide, Paragraph, Section, Sentence
from publisher.speech.clips import Clip
from publisher.speech.levels import measure
from publisher.speech.narration import Pacing, narration_script
from publisher.speech.pronunciation import Pronunciation, load_pronunciation
from publisher.speech.recording import record
from publisher.speech.voices import Voice

LOCALES = REPO / "locales"
LEXICONS = sorted(LOCALES.glob("*/pronunciation.toml"))


def phonemes(text: str, voice: str) -> str:
    """What espeak-ng would say for `text`, as its own phoneme mnemonics."""
    result = subprocess.run(["espeak-ng", "-q", "-x", "-v", voice, text], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def lexicon_entries():
    for path in LEXICONS:
        voice = load_toml(path.parent / "speech.toml")["voice"]
        for word, said in load_toml(path)["say"].items():
            yield pytest.param(path.parent.name, word, said, voice, id=f"{path.parent.name}:{word}")


ENTRIES = list(lexicon_entries())


def test_every_shipped_language_has_a_lexicon():
    assert {path.parent.name for path in LEXICONS} == {"en", "es", "fr", "ar"}


@pytest.mark.parametrize("lang,word,said,voice", ENTRIES)
def test_each_entry_changes_what_espeak_ng_says(lang, word, said, voice):
    as_printed, as_respelled = phonemes(word, voice), phonemes(said, voice)
    assert as_printed != as_respelled, f"{word!r} -> {said!r} says the same: {as_printed}"


@pytest.mark.parametrize("lang,word,said,voice", ENTRIES)
def test_each_entry_is_applied_in_a_sentence(lang, word, said, voice):
    lexicon = load_pronunciation(LOCALES / lang / "pronunciation.toml")
    assert lexicon.spoken(f"About {word}, and {word}.") == f"About {said}, and {said}."


def test_respelling_matches_whole_words_and_capitals_only_as_written():
    lexicon = Pronunciation({"ALS": "A-L-S", "SOD1": "S-O-D 1", "riluzole": "rill-you-zole"})
    assert lexicon.spoken("ALS and SOD1; RILUZOLE or Riluzole.") == "A-L-S and S-O-D 1; rill-you-zole or rill-you-zole."
    assert lexicon.spoken("Als, falls, ALSO, SOD10, TALS.") == "Als, falls, ALSO, SOD10, TALS."
    assert Pronunciation({}).spoken("Nothing changes.") == "Nothing changes."


def test_a_lexicon_entry_without_a_respelling_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "pronunciation.toml"
    path.write_text('[say]\n"ALS" = "A-L-S"\n"SOD1" = ""\n', encoding="utf-8")
    with pytest.raises(PublisherError) as caught:
        load_pronunciation(path)
    assert caught.value.line == 3 and "SOD1" in str(caught.value)
    assert load_pronunciation(tmp_path / "missing.toml").spoken("ALS") == "ALS"


class ListeningCache:
    """Stands in for the clip cache: notes what the voice was asked to read."""

    def __init__(self, folder: Path):
        self.asked: list[tuple[str, str, int]] = []
        tone = (0.3 * np.sin(np.arange(4410) * 0.2)).astype(np.float32)
        self.tone = Clip(tone, 22050, measure(tone, 22050))

    def clip(self, text: str, voice: str, rate: int) -> Clip:
        self.asked.append((text, voice, rate))
        return self.tone


def test_the_voice_reads_respellings_and_announcements_but_the_transcript_keeps_the_print(tmp_path):
    def s(id_, text, lang="es"):
        return Sentence(id_, text, lang)
    guide = Guide("g", s("title", "La ELA"), "es", (), (
        Section("a", s("a.heading", "¿Qué es la ELA?"), (Paragraph((s("a.1", "El gen SOD1 cambia."),)),)),
        Section("b", s("b.heading", "What is SOD1?", "en"), (Paragraph((s("b.1", "SOD1 is a gene.", "en"),)),)),
    ))
    translations = {"Section {number}. {title}": "Sección {number}. {title}"}
    script = narration_script(guide, lambda text: translations.get(text, text), Pacing())
    voices = {"es": Voice("roa/es", 1.0, Pronunciation({"SOD1": "ese o de 1", "ELA": "e ele a"})),
              "en": Voice("gmw/en-us", 2.0, Pronunciation({"SOD1": "S-O-D 1"}))}
    cache = ListeningCache(tmp_path)
    recording = record(script, cache, voices.__getitem__, 100)
    assert cache.asked == [
        ("La e ele a", "roa/es", 100),
        ("Sección 1. ¿Qué es la e ele a?", "roa/es", 100),
        ("El gen ese o de 1 cambia.", "roa/es", 100),
        ("Section 2. What is S-O-D 1?", "gmw/en-us", 200),  # an English fallback heading is announced in English
        ("S-O-D 1 is a gene.", "gmw/en-us", 200),
    ]
    assert [placed.text for placed in recording.placed] == [
        "La ELA", "¿Qué es la ELA?", "El gen SOD1 cambia.", "What is SOD1?", "SOD1 is a gene."]
    assert [chapter.title for chapter in recording.chapters] == ["¿Qué es la ELA?", "What is SOD1?"]
