"""Hunspell, through its own command line in pipe mode (`hunspell -a`): the
English and medical dictionaries of the machine (Debian `hunspell`,
`hunspell-en-us`, `hunspell-en-med`), offline.

One hunspell process per Python process answers every word asked, so its
start (about 0.15 s) is paid once per build worker, not per guide. Words
the word lists already know are not asked at all.

Hunspell suggests in two rounds: words a small edit away (a swapped, lost,
extra or wrong letter, a word cut in two), then words that merely share
letter groups. Only the first round can make a finding here, and the second
takes most of the time (about 80 ms of 95 for an unknown word, with the
medical list loaded), so it is switched off with the affix file's own
setting, `MAXNGRAMSUGS 0`, in a copy of the English affix file made for the
process's start and removed as soon as hunspell has read it.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from ..wordlists import GENERAL, HUNSPELL, MEDICAL


class Speller:
    """Ask hunspell about words: known, or its suggestions."""

    def __init__(self, lang: str):
        code = lang.replace("-", "_").split("_")[0].lower()
        dictionaries = [str(HUNSPELL / name[: -len(".dic")]) for name in (GENERAL.get(code), MEDICAL.get(code))
                        if name and (HUNSPELL / name).exists()]
        program = shutil.which("hunspell")
        self.available = bool(program and dictionaries and (HUNSPELL / f"{dictionaries[0]}.aff").exists())
        self._process = None
        self._lock = threading.Lock()
        if self.available:
            with tempfile.TemporaryDirectory(prefix="hunspell-") as folder:
                dictionaries[0] = _first_round_only(Path(dictionaries[0]), Path(folder))
                self._process = subprocess.Popen([program, "-a", "-i", "utf-8", "-d", ",".join(dictionaries)],
                                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                 stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
                self._process.stdout.readline()  # the version banner: the dictionaries are read
            atexit.register(self.close)

    def suggestions(self, word: str) -> tuple[str, ...] | None:
        """None if hunspell knows `word`, else its suggestions (maybe none)."""
        if not self.available:
            return None
        with self._lock:
            self._process.stdin.write(f"^{word}\n")
            self._process.stdin.flush()
            answers = []
            while (line := self._process.stdout.readline().rstrip("\n")) != "":
                answers.append(line)
        for answer in answers:
            if answer.startswith("&"):
                return tuple(suggestion.strip() for suggestion in answer.split(": ", 1)[1].split(", "))
            if answer.startswith("#"):
                return ()
        return None

    def close(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait(timeout=5)


def _first_round_only(dictionary: Path, folder: Path) -> str:
    """A dictionary in `folder` that is `dictionary` with hunspell's slow
    second round of suggestions switched off (its path, without ending)."""
    copy = folder / dictionary.name
    affixes = dictionary.with_name(dictionary.name + ".aff").read_bytes()
    copy.with_name(copy.name + ".aff").write_bytes(affixes.rstrip(b"\n") + b"\nMAXNGRAMSUGS 0\n")
    copy.with_name(copy.name + ".dic").symlink_to(dictionary.with_name(dictionary.name + ".dic"))
    return str(copy)


@lru_cache(maxsize=None)
def speller(lang: str) -> Speller:
    """The one Speller of this process for `lang`."""
    return Speller(lang)
