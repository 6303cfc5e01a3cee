"""The speech worker: a separate process that owns the pyttsx3 engine.

pyttsx3 2.99 over espeak-ng misbehaves (see DESIGN.md, "Known traps"): it
may return before the WAV is written, merges queued files, can crash on long
text, ignores an unknown voice silently and prints to stdout. So this process
synthesizes exactly one sentence per request, waits for the
`finished-utterance` event and a complete WAV file, checks that the voice it
asked for is the voice that spoke, and verifies the clip before answering.
If it crashes or hangs, the parent (`engine.SpeechEngine`) starts a new one.

Protocol: one JSON request per line on stdin, one JSON reply per line on the
original stdout (pyttsx3's own prints go to stderr).
  {"op": "say", "text": ..., "voice": ..., "rate": ..., "path": ...}
      -> {"ok": true, "seconds": 2.4} | {"ok": false, "error": "..."}
  {"op": "voices"} -> {"ok": true, "voices": [{"id", "name", "languages"}...]}
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import sys
import time
import wave
from pathlib import Path

from ..atomic import keep_first

# espeak-ng speaks a sentence in tens of milliseconds; a clip that has not come
# after this long (plus a little per character) was lost to the cancel race.
WAIT_BASE_SECONDS = 1.5
WAIT_PER_CHARACTER = 0.01
MIN_SECONDS_PER_WORD = 60 / 600  # nobody speaks faster than 600 words a minute
SILENCE_PEAK = 64  # 16-bit samples; a clip whose loudest sample is below this is silent


def main() -> None:
    replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # the espeak driver prints "Audio saved to ..." on stdout
    import pyttsx3  # imported after the redirect: the driver may print at load
    from pyttsx3.drivers import _espeak

    engine = pyttsx3.init("espeak")
    # pyttsx3's binding of espeak_GetParameter leaves out its `current` flag.
    get_parameter = _espeak.dll.espeak_GetParameter
    get_parameter.argtypes, get_parameter.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int

    def current_rate() -> int:
        return get_parameter(_espeak.RATE, 1)
    voices = {voice.id: voice for voice in engine.getProperty("voices")}
    finished: list[bool] = []
    word_ends: list[int] = []
    engine.connect("finished-utterance", lambda name=None, completed=True: finished.append(completed))
    engine.connect("started-word",
                   lambda name=None, location=0, length=0: word_ends.append(location + length - 1))

    def say(text: str, voice: str, rate: int, path: str) -> dict:
        if voice.lower() not in voices:
            return {"ok": False, "error": f"espeak-ng has no voice '{voice}'"}
        target = Path(path)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")  # two builds may speak the same clip
        try:
            return speak_into(text, voice, rate, partial, target)
        finally:
            partial.unlink(missing_ok=True)  # a clip that failed its checks is not left behind

    def speak_into(text: str, voice: str, rate: int, partial: Path, target: Path) -> dict:
        partial.unlink(missing_ok=True)
        finished.clear()
        word_ends.clear()
        # Set voice and rate on espeak-ng directly: pyttsx3 queues setProperty
        # and its runAndWait() can drop the queue (measured: clips at the
        # default 200 wpm now and then).
        _espeak.SetVoiceByName(voice.encode("utf-8"))
        _espeak.SetParameter(_espeak.RATE, int(rate), 0)
        # espeak-ng may apply a setting from its own queue a moment later (measured
        # here: now and then a clip came out at the 200 wpm default): wait for it.
        deadline = time.monotonic() + WAIT_BASE_SECONDS
        while current_rate() != int(rate) and time.monotonic() < deadline:
            time.sleep(0.002)
            _espeak.SetParameter(_espeak.RATE, int(rate), 0)
        # Settings are commands on espeak-ng's own queue, and while any is
        # pending espeak-ng reports itself "playing". runAndWait() starts by
        # stopping whatever is playing, and pyttsx3 then cancels the sentence
        # it starts next: the clip is never written ("no audio was written",
        # about 1 clip in 70 on a busy machine). So wait until the queue is empty.
        _wait_until_idle(_espeak)
        engine.save_to_file(text, str(partial))
        engine.runAndWait()
        seconds = _wait_for_wav(partial, finished, WAIT_BASE_SECONDS + WAIT_PER_CHARACTER * len(text))
        _wait_until_idle(_espeak)
        spoken_by = _espeak.GetCurrentVoice().contents.identifier.decode("utf-8").lower()
        if spoken_by != voice.lower():
            return {"ok": False, "error": f"espeak-ng spoke with voice '{spoken_by}', not '{voice}'"}
        spoken_at = current_rate()
        if spoken_at != int(rate):
            return {"ok": False, "error": f"espeak-ng spoke at {spoken_at} wpm, not {rate}"}
        problem = _check_clip(partial, text, seconds, finished, word_ends)
        if problem:
            return {"ok": False, "error": problem}
        # Two syntheses of one sentence can differ by a few milliseconds, and
        # every file made from a clip must hear the same one: the first kept.
        keep_first(partial, target)
        return {"ok": True, "seconds": seconds}

    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "voices":
                reply = {"ok": True, "voices": [{"id": v.id, "name": v.name, "languages": v.languages}
                                                for v in voices.values()]}
            else:
                reply = say(request["text"], request["voice"], request["rate"], request["path"])
        except Exception as error:  # reported to the parent, which decides what to do
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        replies.write(json.dumps(reply) + "\n")


def _wait_for_wav(path: Path, finished: list[bool], patience: float) -> float:
    """Wait until the engine reported the utterance finished and `path` is a
    complete WAV file; return its duration in seconds (0 if it never came)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if finished and path.exists():
            try:
                with wave.open(str(path)) as clip:
                    frames, rate = clip.getnframes(), clip.getframerate()
                if path.stat().st_size >= 44 + frames * 2:
                    return frames / rate
            except (wave.Error, EOFError):
                pass
        time.sleep(0.005)
    return 0.0


def _wait_until_idle(espeak) -> None:
    """Wait until espeak-ng's own thread has let go of the finished utterance.
    If the next `runAndWait()` finds it still "playing", pyttsx3 cancels, and
    the cancel lands on the next sentence instead."""
    deadline = time.monotonic() + WAIT_BASE_SECONDS
    while espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.002)


def _check_clip(path: Path, text: str, seconds: float, finished: list[bool], word_ends: list[int]) -> str | None:
    """What is wrong with a clip, or None if it is a whole recording of `text`."""
    if not finished:
        return "the engine never finished the utterance"
    if seconds <= 0:
        return "no audio was written"
    last_word = _late_word_start(text)
    if not word_ends or max(word_ends) < last_word:
        reached = max(word_ends, default=0)
        return f"speech stopped early (at character {reached} of {len(text)})"
    words = len(text.split())
    if seconds < words * MIN_SECONDS_PER_WORD:
        return f"clip too short ({seconds:.2f} s for {words} words)"
    with wave.open(str(path)) as clip:
        if clip.getnchannels() != 1 or clip.getsampwidth() != 2:
            return "clip is not 16-bit mono"
        samples = memoryview(clip.readframes(clip.getnframes())).cast("h")
    if max(samples, default=0) < SILENCE_PEAK:
        return "clip is silent"
    return None


def _late_word_start(text: str) -> int:
    """1-based position where the second-to-last word of `text` starts. espeak-ng
    sends no word event for some short words ("has it" gives one event), so a
    whole clip is one whose events reach this far; a cut clip stops short."""
    words = list(re.finditer(r"\S+", text.rstrip()))
    if not words:
        return 1
    return words[-2].start() + 1 if len(words) > 1 else words[-1].start() + 1


if __name__ == "__main__":
    main()
