"""The speech worker's parent: retries, timeouts, crashes (with a fake worker); voices."""

import sys
import textwrap
import time
import wave
from pathlib import Path

import pytest

from publisher.errors import PublisherError
from publisher.speech.engine import SpeechEngine, SpeechError
from publisher.speech.voices import choose_voice, language_voice
from publisher.speech.worker import _check_clip, _late_word_start

FAKE_WORKER = textwrap.dedent('''
    import json, os, sys, time
    marker = sys.argv[1]
    for line in sys.stdin:
        request = json.loads(line)
        text = request.get("text", "")
        if request["op"] == "voices":
            reply = {"ok": True, "voices": [{"id": "fake/en", "name": "Fake", "languages": ["en"]}]}
        elif text == "crash":
            os._exit(3)
        elif text == "hang":
            time.sleep(60)
        elif text == "refuse":
            reply = {"ok": False, "error": "no voice"}
        elif text == "flaky" and not os.path.exists(marker):
            open(marker, "w").close()
            os._exit(1)
        else:
            open(request["path"], "w").write(text)
            reply = {"ok": True, "seconds": 1.5}
        sys.stdout.write(json.dumps(reply) + "\\n")
        sys.stdout.flush()
''')


@pytest.fixture
def fake_engine(tmp_path):
    script = tmp_path / "fake_worker.py"
    script.write_text(FAKE_WORKER)
    engine = SpeechEngine(timeout=1.0, attempts=3,
                          worker_command=[sys.executable, str(script), str(tmp_path / "flaky.marker")])
    yield engine
    engine.close()


def test_a_good_sentence_is_spoken_once(fake_engine, tmp_path):
    assert fake_engine.say("Hello there.", "fake/en", 145, tmp_path / "a.wav") == 1.5
    assert (tmp_path / "a.wav").read_text() == "Hello there."
    assert fake_engine.failures == 0
    assert fake_engine.voices()[0]["id"] == "fake/en"


def test_a_crash_is_retried_in_a_fresh_worker(fake_engine, tmp_path):
    assert fake_engine.say("flaky", "fake/en", 145, tmp_path / "b.wav") == 1.5
    assert fake_engine.failures == 1
    # The fresh worker goes on serving.
    assert fake_engine.say("Next.", "fake/en", 145, tmp_path / "c.wav") == 1.5


@pytest.mark.parametrize("text, reason", [
    ("crash", "speech worker died (exit code 3)"),
    ("hang", "no answer within 1 s"),
    ("refuse", "no voice"),
])
def test_a_sentence_that_keeps_failing_is_reported_by_name(fake_engine, tmp_path, text, reason):
    started = time.monotonic()
    with pytest.raises(SpeechError) as caught:
        fake_engine.say(text, "fake/en", 145, tmp_path / "d.wav")
    assert reason in str(caught.value) and repr(text) in str(caught.value)
    assert "after 3 attempts" in str(caught.value)
    assert fake_engine.failures == 3
    assert time.monotonic() - started < 10


def write_wav(path: Path, samples: list[int], rate: int = 22050) -> Path:
    with wave.open(str(path), "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(rate)
        clip.writeframes(b"".join(int(s).to_bytes(2, "little", signed=True) for s in samples))
    return path


def test_clip_checks_reject_what_the_engine_gets_wrong(tmp_path):
    loud = write_wav(tmp_path / "loud.wav", [3000, -3000] * 11025)  # one second
    silent = write_wav(tmp_path / "silent.wav", [0] * 22050)
    text = "Riluzole slows ALS a little."
    ends = [len(text) - 1]
    assert _check_clip(loud, text, 1.0, [True], ends) is None
    assert _check_clip(loud, text, 1.0, [], ends) == "the engine never finished the utterance"
    assert _check_clip(loud, text, 0.0, [True], ends) == "no audio was written"
    assert "stopped early" in _check_clip(loud, text, 1.0, [True], [8])
    assert _check_clip(loud, text, 1.0, [True], [len("Riluzole slows ALS a")]) is None  # no event for "little"
    assert _check_clip(silent, text, 1.0, [True], ends) == "clip is silent"
    assert "too short" in _check_clip(loud, " ".join(["word"] * 40), 1.0, [True], [200])


def test_late_word_start():
    assert _late_word_start("Riluzole slows ALS a little.") == len("Riluzole slows ALS ") + 1
    assert _late_word_start("What is ALS?") == 6
    assert _late_word_start("One") == 1


INSTALLED = [{"id": "gmw/en-us", "languages": ["en-us", "en"]}, {"id": "gmw/en", "languages": ["en-gb", "en"]},
             {"id": "roa/es", "languages": ["es"]}, {"id": "roa/es-419", "languages": ["es-419", "es-mx"]}]


def test_each_language_gets_its_own_voice_never_another_languages():
    assert choose_voice("es", INSTALLED) == "roa/es"
    assert choose_voice("en", INSTALLED, wanted="GMW/en-us") == "gmw/en-us"
    with pytest.raises(PublisherError, match="no espeak-ng voice speaks 'sw'"):
        choose_voice("sw", INSTALLED)
    with pytest.raises(PublisherError, match="voice 'roa/pt' is not installed"):
        choose_voice("pt", INSTALLED, wanted="roa/pt")


def test_a_language_voice_carries_its_rate_factor_and_respellings(tmp_path):
    (tmp_path / "speech.toml").write_text('voice = "roa/es"\nrate_factor = 1.25\n')
    (tmp_path / "pronunciation.toml").write_text('[say]\n"SOD1" = "ese o de 1"\n')
    voice = language_voice("es", INSTALLED, tmp_path)
    assert (voice.id, voice.engine_rate(140)) == ("roa/es", 175)
    assert voice.script("El gen SOD1.") == "El gen ese o de 1."
    (tmp_path / "speech.toml").write_text('rate_factor = 9\n')
    with pytest.raises(PublisherError, match="rate_factor"):
        language_voice("es", INSTALLED, tmp_path)


def test_a_text_with_no_word_is_silence_and_never_reaches_the_engine(tmp_path):
    from publisher.speech.clips import ClipCache

    class Refusing:
        failures = 0

        def say(self, *args):
            raise AssertionError("the engine was asked to say nothing")

    clip = ClipCache(tmp_path, Refusing()).clip(" . ", "gmw/en-us", 160)
    assert clip.samples.size == 0 and clip.levels.blocks == ()
