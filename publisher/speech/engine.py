"""The parent side of the speech worker: send sentences, survive crashes.

`SpeechEngine` runs `publisher.speech.worker` in a child process and sends
it one sentence at a time. A worker that crashes, hangs past the timeout or
answers with an error is replaced by a fresh one and the sentence is tried
again; after the last attempt the sentence is reported by `SpeechError`,
never skipped.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from pathlib import Path

from ..errors import PublisherError

# The speech engine outside Python, as stamps of its files: a new espeak-ng
# speaks differently (and may offer other voices).
SPEECH_ENGINE = (Path("/usr/lib/x86_64-linux-gnu/libespeak-ng.so.1"),
                 Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data/phontab"))
ATTEMPTS = 3
TIMEOUT_SECONDS = 60.0


class SpeechError(PublisherError):
    """A sentence could not be turned into audio."""


class SpeechEngine:
    """A restartable pyttsx3/espeak-ng worker process. Use as a context manager."""

    def __init__(self, timeout: float = TIMEOUT_SECONDS, attempts: int = ATTEMPTS,
                 worker_command: list[str] | None = None):
        self.timeout = timeout
        self.attempts = attempts
        self.worker_command = worker_command or [sys.executable, "-m", "publisher.speech.worker"]
        self._process: subprocess.Popen | None = None
        self.failures = 0  # failed attempts, each followed by a fresh worker

    def __enter__(self) -> "SpeechEngine":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def say(self, text: str, voice: str, rate: int, path: Path) -> float:
        """Synthesize `text` into the WAV file `path`; return its duration in seconds."""
        errors = []
        for _ in range(self.attempts):
            reply = self._request({"op": "say", "text": text, "voice": voice, "rate": rate, "path": str(path)})
            if reply.get("ok"):
                return float(reply["seconds"])
            errors.append(reply.get("error", "unknown error"))
            self.failures += 1
            self._stop()  # a fresh engine for the next attempt
        raise SpeechError(f"could not synthesize after {self.attempts} attempts ({errors[-1]}): {text!r}")

    def voices(self) -> list[dict]:
        """The voices espeak-ng offers: dicts with id, name and languages."""
        reply = self._request({"op": "voices"})
        if not reply.get("ok"):
            raise SpeechError(f"could not list voices: {reply.get('error')}")
        return reply["voices"]

    def close(self) -> None:
        self._stop()

    # --- the worker process ---------------------------------------------------

    def _request(self, request: dict) -> dict:
        process = self._start()
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            return {"ok": False, "error": self._death_note()}
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(self.timeout):
                return {"ok": False, "error": f"no answer within {self.timeout:.0f} s"}
        line = process.stdout.readline()
        if not line:
            return {"ok": False, "error": self._death_note()}
        return json.loads(line)

    def _start(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            env = dict(os.environ, PYTHONUNBUFFERED="1")
            self._process = subprocess.Popen(
                self.worker_command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
        return self._process

    def _death_note(self) -> str:
        process = self._process
        code = process.wait(timeout=5) if process else None
        return f"speech worker died (exit code {code})"

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            stream.close()
