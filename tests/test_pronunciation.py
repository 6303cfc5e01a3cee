"""Pronunciation lexicons: each entry changes what espeak-ng says, and only
what it says (the printed guide keeps its spelling)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
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


# Contact details read out as a person says them ([contacts] of each
# pronunciation.toml): (language, as printed, as the voice is given it).
SPOKEN_CONTACTS = [
    ("en", "Phone: 301-496-5248.", "Phone: three zero one, four nine six, five two four eight."),
    ("en", "Call 1-800-352-9424 (TTY: 301-468-5981).",
     "Call one, eight zero zero, three five two, nine four two four (TTY: three zero one, four six eight, "
     "five nine eight one)."),
    ("en", "From abroad, +1 301 496 5248 helps with ALS.",
     "From abroad, plus one, three zero one, four nine six, five two four eight helps with A-L-S."),
    ("en", "E-mail: 2020@nei.nih.gov.", "E-mail: 2020 at N-E-I dot N-I-H dot gov."),
    ("en", "Web: https://www.nei.nih.gov/low-vision/", "Web: W-W-W dot N-E-I dot N-I-H dot gov slash low dash vision"),
    ("en", "Write to brain_info@ninds.nih.gov.", "Write to brain underscore info at ninds dot N-I-H dot gov."),
    ("en", "See http://www.ninds.nih.gov/disorders/als/detail_ALS.htm.",
     "See W-W-W dot ninds dot N-I-H dot gov slash disorders slash A-L-S slash detail underscore A-L-S dot H-T-M."),
    ("es", "Teléfono: 301-496-5248. Correo: 2020@nei.nih.gov.",
     "Teléfono: tres cero uno, cuatro nueve seis, cinco dos cuatro ocho. Correo: 2020 arroba N-E-I punto N-I-H "
     "punto gov."),
    ("es", "Visite www.salud.gob.mx/ela_info o xyz.org.",
     "Visite W-W-W punto salud punto gob punto M-X barra E-L-A guion bajo info o X-i griega-Z punto org."),
    ("fr", "Appelez le +33 1 23 45 67 89 ou écrivez à 2020@nei.nih.gov.",
     "Appelez le plusse trois trois, un, deux trois, quatre cinq, six sept, huit neuf ou écrivez à 2020 arobase "
     "N-E-I point N-I-H point gov."),
    ("fr", "Site : https://www.sante.gouv.fr/sla-info.",
     "Site : W-W-W point sante point gouv point F-R barre oblique S-L-A tiret info."),
    ("ar", "اتصل على 301-496-5248.",
     "اتصل على ثَلَاثَة صِفْر وَاحِد، أَرْبَعَة تِسْعَة سِتَّة، خَمْسَة اِثْنَان أَرْبَعَة ثَمَانِيَة."),
    ("ar", "راسل 2020@nei.nih.gov أو زر www.nei.nih.gov/low-vision.",
     "راسل 2020 آتْ إن-إي-آي نُقْطَة إن-آي-إتش نُقْطَة gov أو زر دبليو-دبليو-دبليو نُقْطَة إن-إي-آي نُقْطَة "
     "إن-آي-إتش نُقْطَة gov شَرْطَة مائِلَة low شَرْطَة vision."),
]


@pytest.mark.parametrize("lang, printed, said", SPOKEN_CONTACTS,
                         ids=[f"{lang}-{n}" for n, (lang, _, _) in enumerate(SPOKEN_CONTACTS, start=1)])
def test_contact_details_are_read_out_as_a_person_says_them(lang, printed, said):
    assert load_pronunciation(LOCALES / lang / "pronunciation.toml").spoken(printed) == said


def test_every_shipped_language_reads_contact_details_out():
    assert all(load_pronunciation(path).contacts for path in LEXICONS)


# A part of an address: said as a word (True) or spelled out (False).
PARTS = [("nei", False), ("nih", False), ("als", False), ("edu", False), ("uk", False), ("NINDS", False),
         ("www", False), ("html", False), ("gov", True), ("com", True), ("co", True), ("low", True), ("all", True),
         ("info", True), ("braininfo", True), ("Disorders", True)]


@pytest.mark.parametrize("part, said_as_word", PARTS)
def test_short_parts_capitals_and_parts_without_a_vowel_are_spelled_out(part, said_as_word):
    reading = load_pronunciation(LOCALES / "en" / "pronunciation.toml").contacts
    assert reading.said_as_word(part) is said_as_word


def test_without_a_contacts_table_contacts_are_said_as_printed_and_never_respelled():
    lexicon = Pronunciation({"ALS": "A-L-S", "riluzole": "rill-you-zole"})
    assert lexicon.spoken("ALS: www.ALS.org/riluzole or 301-496-5248, riluzole.") == (
        "A-L-S: www.ALS.org/riluzole or 301-496-5248, rill-you-zole.")


CONTACTS_TABLE = ('[contacts]\ndigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]\ngroup_pause = ", "\n'
                  '[contacts.symbols]\n"@" = "at"\n"." = "dot"\n"-" = "dash"\n"/" = "slash"\n"_" = "underscore"\n'
                  '"+" = "plus"\n')


@pytest.mark.parametrize("change, line, message", [
    ((', "9"]', ']'), 2, "'contacts.digits' must be a list of the ten digit names, 0 to 9"),
    (('"@" = "at"\n', ''), 4, "'contacts.symbols.\"@\"' is missing"),
    (('"+" = "plus"\n', '"+" = "plus"\n"at" = "at"\n'), 11, "'contacts.symbols.at' must be one sign"),
    (('"+" = "plus"\n', '"+" = "plus"\n[contacts.letters]\n"Y" = "i griega"\n'), 12,
     "'contacts.letters.Y' must be one lowercase letter"),
], ids=["nine digits", "no at sign", "a word for a sign", "a capital letter"])
def test_a_contacts_table_with_a_mistake_is_an_error_naming_its_line(tmp_path, change, line, message):
    path = tmp_path / "pronunciation.toml"
    path.write_text(CONTACTS_TABLE.replace(*change), encoding="utf-8")
    with pytest.raises(PublisherError) as caught:
        load_pronunciation(path)
    assert caught.value.line == line and message in str(caught.value)


def test_a_new_languages_pronunciation_file_reads_contacts_once_its_table_is_uncommented(tmp_path):
    template = (REPO / "publisher" / "i18n" / "new_language" / "pronunciation.toml.in").read_text(encoding="utf-8")
    written = template.format(lang="pt", language_name="Portuguese", voice="roa/pt")
    path = tmp_path / "pt" / "pronunciation.toml"
    path.parent.mkdir()
    path.write_text(written, encoding="utf-8")
    assert load_pronunciation(path).contacts is None
    assert load_pronunciation(path).spoken("Call 301-496-5248.") == "Call 301-496-5248."
    table = written.index("# [contacts]")
    uncommented = "".join(line.removeprefix("# ") for line in written[table:].splitlines(keepends=True))
    path.write_text(written[:table] + uncommented, encoding="utf-8")
    assert load_pronunciation(path).spoken("Call 301-496-5248.") == (
        "Call three zero one, four nine six, five two four eight.")


def test_espeak_ng_reads_a_phone_number_digit_by_digit_as_the_voice_is_given_it():
    voice = load_toml(LOCALES / "en" / "speech.toml")["voice"]
    lexicon = load_pronunciation(LOCALES / "en" / "pronunciation.toml")
    printed = "Call 301-496-5248."
    assert "h'Vndr" in phonemes(printed, voice)  # "three hundred one ..." as printed
    said = phonemes(lexicon.spoken(printed), voice)
    assert "h'Vndr" not in said and "T'aUz" not in said
    assert said == phonemes("Call three zero one, four nine six, five two four eight.", voice)


def test_the_voice_reads_contacts_out_but_the_transcript_and_the_cache_key_follow_the_data(tmp_path):
    guide = Guide("g", Sentence("title", "Help", "en"), "en", (), (
        Section("a", Sentence("a.heading", "Who to call", "en"),
                (Paragraph((Sentence("a.1", "Call 301-496-5248.", "en"),)),)),))
    script = narration_script(guide, lambda text: text, Pacing())
    reading = load_pronunciation(LOCALES / "en" / "pronunciation.toml")
    cache = ListeningCache(tmp_path)
    recording = record(script, cache, lambda lang: Voice("gmw/en-us", 1.0, reading), 100)
    assert cache.asked[-1][0] == "Call three zero one, four nine six, five two four eight."
    assert recording.placed[-1].text == "Call 301-496-5248."
    # The clip is keyed by the text the voice is given: other words are another clip.
    digits_as_figures = replace(reading, contacts=replace(reading.contacts, digits=tuple("0123456789")))
    assert Voice("gmw/en-us", 1.0, digits_as_figures).script("Call 301-496-5248.") == "Call 3 0 1, 4 9 6, 5 2 4 8."


def test_an_edit_to_the_contacts_table_makes_the_narration_anew(tmp_path):
    from publisher.job_inputs import job_fingerprint
    from publisher.project import Project

    for name in ("templates", "locales/en"):
        (tmp_path / name).mkdir(parents=True)
    path = tmp_path / "locales" / "en" / "pronunciation.toml"
    path.write_text(CONTACTS_TABLE, encoding="utf-8")
    guide = Guide("g", Sentence("title", "Help", "en"), "en", (), ())
    before = job_fingerprint(Project(tmp_path), guide, "mp3", {"rate": 145})
    path.write_text(CONTACTS_TABLE.replace('"dot"', '"point"'), encoding="utf-8")
    assert job_fingerprint(Project(tmp_path), guide, "mp3", {"rate": 145}) != before
