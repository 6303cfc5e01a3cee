"""Measure the narrated guides: speaking rate, loudness, peak and length.

    python bench/speech_rate.py            # measure what is in output/
    python bench/speech_rate.py --build    # build the MP3s first (publisher build -f mp3)

For each guide and language it prints the words per minute heard (printed
words of every spoken unit, over the whole MP3 including its pauses), the
integrated loudness and true peak of the whole file and the range over its
section tracks (ffmpeg's EBU R128 meter), and the duration. Per language it
suggests the `rate_factor` for locales/<lang>/speech.toml that would bring the
average to the build's listening rate, keeping the pauses as they are.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from e2e.inspect import duration_seconds, ebur128, read_webvtt, words  # noqa: E402

from publisher.defaults import LISTENING_RATE_WPM  # noqa: E402
from publisher.project import Project  # noqa: E402
from publisher.speech.voices import language_voice  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="run `publisher build -f mp3` first")
    parser.add_argument("--rate", type=int, default=LISTENING_RATE_WPM, help="the listening rate aimed at")
    parser.add_argument("-l", "--locale", action="append", default=[], help="only this language (repeatable)")
    args = parser.parse_args()
    project = Project.at(ROOT)
    if args.build:
        command = [sys.executable, "-m", "publisher", "build", "-f", "mp3", "--rate", str(args.rate)]
        subprocess.run(command + [f"--locale={lang}" for lang in args.locale], cwd=ROOT, check=True)
    languages = args.locale or sorted(path.name for path in project.output.iterdir()
                                        if path.is_dir() and not path.name.startswith("."))
    print(f"{'guide':<28} {'lang':<5} {'words':>6} {'wpm':>6} {'LUFS':>6} {'peak':>6} "
          f"{'tracks LUFS':>13} {'max peak':>8} {'tracks':>7} {'duration':>9}")
    for lang in languages:
        speech_seconds, pause_seconds, word_count = 0.0, 0.0, 0
        rates = []
        for mp3 in sorted((project.output / lang).glob("*.mp3")):
            cues = read_webvtt(mp3.with_suffix(".vtt"))
            seconds = duration_seconds(mp3)
            count = sum(words(cue.text) for cue in cues)
            spoken = sum(cue.end - cue.start for cue in cues)
            speech_seconds, pause_seconds, word_count = (speech_seconds + spoken, pause_seconds + seconds - spoken,
                                                         word_count + count)
            whole = ebur128(mp3)
            tracks = sorted(mp3.with_suffix("").glob("*.mp3"))
            levels = [ebur128(track) for track in tracks]
            track_seconds = sum(duration_seconds(track) for track in tracks)
            rates.append(count / seconds * 60)
            track_figures = (f"{min(level.integrated_lufs for level in levels):>6.1f}.."
                             f"{max(level.integrated_lufs for level in levels):<5.1f} "
                             f"{max(level.true_peak_dbtp for level in levels):>8.1f} {track_seconds / seconds:>7.1%}"
                             if levels else f"{'(no tracks)':>13} {'':>8} {'':>7}")
            print(f"{mp3.stem:<28} {lang:<5} {count:>6} {rates[-1]:>6.1f} {whole.integrated_lufs:>6.1f} "
                  f"{whole.true_peak_dbtp:>6.1f} {track_figures} {int(seconds // 60):>6}:{seconds % 60:04.1f}")
        if not rates:
            continue
        factor = language_voice(lang, _installed(), project.language_data(lang)).rate_factor
        wanted_speech = word_count / args.rate * 60 - pause_seconds
        print(f"{'':<28} {lang:<5} mean {statistics.mean(rates):.1f} wpm at rate_factor {factor:g}; "
              f"for {args.rate} wpm use rate_factor {factor * speech_seconds / wanted_speech:.2f}\n")


def _installed() -> list[dict]:
    from publisher.speech.engine import SpeechEngine

    with SpeechEngine() as engine:
        return engine.voices()


if __name__ == "__main__":
    main()
