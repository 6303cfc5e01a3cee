"""How fast builds are, side by side in one run on the same guides.

    python bench/build_speed.py                 # the project's guides, every shipped language
    python bench/build_speed.py --jobs 2        # workers for the builds (default: one per core)
    python bench/build_speed.py --skip-growth   # leave out the 2x and 4x builds
    python bench/build_speed.py --distinct ../shared/corpus/medquad   # growth on 4, 8, 16 distinct guides too

Each run works in its own copy of the project under a temporary folder:

1. raw tools, one after another: espeak-ng's command line speaks each
   edition's transcript to a WAV file, ffmpeg encodes it as a 64 kbps mono
   MP3, and WeasyPrint's command line renders the edition's web page to PDF;
2. a cold build (no cache, no output) of what the raw tools make: MP3,
   PDF and web page; then the other formats (EPUB, DAISY, braille),
   made from the same clips, timed apart;
3. a rebuild with nothing changed (every file must be up to date, and every
   output byte-identical);
4. a rebuild after one sentence of one guide changed, and its translation
   in every catalogue (only that guide's files may be rewritten);
5. cold builds with every guide copied 2x and 4x, to show how cost grows.
   Copies share their sentences, so their speech is reused: the speech
   clips spoken are printed beside each time;
6. with --distinct FOLDER, cold builds in English of 4, 8 and 16 distinct
   guides from that folder (the first ones by name), where nothing is
   shared: the cost per 1,000 source words shows how cost grows.

It prints each time, the ratios the targets are stated in, and the peak
memory (largest resident set of the build process or any of its workers).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SEED_SLUGS, copy_project  # noqa: E402
from e2e.test_audio_guides import CHANGED_SENTENCE, CHANGED_SOURCE, CHANGED_TRANSLATION  # noqa: E402
from e2e.test_rebuilds import outputs  # noqa: E402

from publisher.build import BuildRequest, plan  # noqa: E402
from publisher.formats import FORMAT_NAMES  # noqa: E402
from publisher.i18n.catalogs import read_catalog, write_catalog  # noqa: E402
from publisher.i18n.localize import CatalogTranslations  # noqa: E402
from publisher.project import Project  # noqa: E402
from publisher.speech.engine import SpeechEngine  # noqa: E402
from publisher.speech.narration import Pacing, narration_script  # noqa: E402
from publisher.speech.voices import language_voice  # noqa: E402

PUBLISHER = [sys.executable, "-m", "publisher"]
# The formats the raw tools make (espeak-ng, ffmpeg, WeasyPrint): the cold
# build compared with them makes these; the others are then made from the
# same clips and timed apart.
RAW_FORMATS = ("mp3", "pdf", "html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the builds")
    parser.add_argument("--skip-growth", action="store_true", help="leave out the 2x and 4x cold builds")
    parser.add_argument("--distinct", type=Path, help="a folder of other guides, for growth without sharing")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="build-speed-"))
    try:
        run(work, args.jobs, not args.skip_growth)
        if args.distinct:
            distinct_growth(work, args.jobs, args.distinct)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, jobs: int, growth: bool) -> None:
    project = copy_project(work / "project")
    print(f"{len(list((project / 'sources').iterdir()))} guides, {jobs} workers, {os.cpu_count()} cores\n")
    cold = build(project, jobs, "cold build, " + ", ".join(RAW_FORMATS), *_formats(RAW_FORMATS))
    editions = raw_tools(project, work / "raw")
    others = [name for name in FORMAT_NAMES if name not in RAW_FORMATS]
    more = build(project, jobs, "then " + ", ".join(others), *_formats(others))
    before = outputs(project)
    again = build(project, jobs, "rebuild, nothing changed")
    after = outputs(project)
    check(again.up_to_date == cold.files + more.files and again.files == 0,
          f"every file up to date ({again.up_to_date} of {cold.files + more.files}, {again.files} rewritten)")
    check(before == after, "outputs byte-identical to before")
    changed_slug = change_one_sentence(project)
    changed = build(project, jobs, "rebuild, one sentence changed")
    rewritten = {path for path, digest in outputs(project).items() if after.get(path) != digest}
    check(all(Path(path).name.startswith(changed_slug) or f"/{changed_slug}/" in path for path in rewritten),
          f"only {changed_slug}'s files rewritten ({len(rewritten)} files)")
    check(set(changed.spoken.values()) == {1}, f"one clip spoken per language {changed.spoken}")
    print()
    print(f"raw tools, serial: {editions.seconds:7.1f} s  ({editions.count} editions: "
          f"espeak-ng {editions.speech:.1f} s, ffmpeg {editions.encoding:.1f} s, WeasyPrint {editions.printing:.1f} s)")
    for result in (cold, more, again, changed):
        print(result.line())
    print(f"cold build / raw tools: {cold.seconds / editions.seconds:.2f}x (target <= 1.5x, moonshot < 1x)")
    print(f"nothing changed: {again.seconds:.2f} s (target <= 1 s); one sentence changed: {changed.seconds:.1f} s "
          f"(target <= 10 s)")
    print(f"clips retried in the cold build: {cold.retried} of {cold.clips} "
          f"(1 in {cold.clips / cold.retried:.0f})" if cold.retried else
          f"clips retried in the cold build: 0 of {cold.clips} (target under 1 in 200)")
    if growth:
        times, cpu = {1: cold.seconds}, {1: cold.cpu}
        for copies in (2, 4):
            grown = copy_project(work / f"project-{copies}x")
            for path in sorted((grown / "sources").iterdir()):
                for number in range(2, copies + 1):
                    shutil.copy2(path, path.with_name(f"{path.stem}-copy{number}{path.suffix}"))
            grown_build = build(grown, jobs, f"cold build, guides x{copies}", *_formats(RAW_FORMATS))
            times[copies], cpu[copies] = grown_build.seconds, grown_build.cpu
            print(grown_build.line())
        print("growth: " + ", ".join(f"x{copies}: {times[copies] / times[1]:.2f}x the time, "
                                     f"{cpu[copies] / cpu[1]:.2f}x the CPU" for copies in times))
    print(f"help: {help_seconds():.2f} s for `publisher --help` (target < 0.5 s)")


def _formats(names) -> list[str]:
    return [option for name in names for option in ("-f", name)]


def distinct_growth(work: Path, jobs: int, folder: Path) -> None:
    """Cold English builds of 4, 8 and 16 different guides."""
    guides = sorted(path for path in folder.iterdir() if path.suffix in (".md", ".txt"))
    first = None
    for count in (4, 8, 16):
        project = copy_project(work / f"distinct-{count}", sources=False)
        for path in guides[:count]:
            shutil.copy2(path, project / "sources" / path.name)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in guides[:count])
        result = build(project, jobs, f"cold build, {count} other guides", "-l", "en")
        per_word = result.cpu / words * 1000
        first = first or per_word
        print(result.line())
        print(f"  {words} source words: {per_word:.1f} s CPU per 1,000 words ({per_word / first:.2f}x the first)")


# --- the builds -------------------------------------------------------------------------


class BuildResult:
    """One timed `publisher build`, with what its summary says."""

    last: "BuildResult"

    def __init__(self, name: str, seconds: float, cpu: float, memory_kb: int, stdout: str):
        self.name, self.seconds, self.cpu, self.memory_kb = name, seconds, cpu, memory_kb
        wrote = re.search(r"^Wrote (\d+) files? .*?(?:, (\d+) up to date)?\) to", stdout, re.MULTILINE)
        self.files = int(wrote.group(1))
        self.up_to_date = int(wrote.group(2) or 0)
        clips = re.search(r"^Speech clips: (.*)$", stdout, re.MULTILINE)
        figures = re.findall(r"(\w+) (\d+) spoken, (\d+) reused, (\d+) retried", clips.group(1) if clips else "")
        self.spoken = {lang: int(spoken) for lang, spoken, _, _ in figures}
        self.clips = sum(int(spoken) for _, spoken, _, _ in figures)
        self.retried = sum(int(retried) for *_, retried in figures)
        BuildResult.last = self

    def line(self) -> str:
        return (f"{self.name + ':':<32} {self.seconds:7.2f} s ({self.cpu:6.1f} s CPU)  {self.files} files written, "
                f"{self.up_to_date} up to date, {self.clips} clips spoken, {self.retried} retried, "
                f"peak memory {self.memory_kb / 1024:.0f} MB")


def build(project: Path, jobs: int, name: str, *options: str) -> BuildResult:
    """Run `publisher build` under GNU time, which reports the CPU time and the
    largest resident set of the build and the workers it waited for (the
    CPU time is the steadier figure on a shared machine)."""
    figures = project / ".time"
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(figures), *PUBLISHER, "build", "--jobs",
                             str(jobs), *options], cwd=project, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{name} failed:\n{result.stderr}")
    memory, user, system = figures.read_text().split()[-3:]
    figures.unlink()
    return BuildResult(name, seconds, float(user) + float(system), int(memory), result.stdout)


def change_one_sentence(project: Path) -> str:
    """What an editor and the translators do: one English sentence changes,
    `extract` and `update` carry it to the catalogues, each translator
    writes the new translation. Returns the guide's slug."""
    source = project / "sources" / f"{SEED_SLUGS[0]}.txt"  # the sentence the end-to-end test changes
    source.write_text(source.read_text(encoding="utf-8").replace(*CHANGED_SOURCE), encoding="utf-8")
    for command in ("extract", "update"):
        subprocess.run(PUBLISHER + [command], cwd=project, capture_output=True, check=True)
    for lang, translation in CHANGED_TRANSLATION.items():
        path = project / "locales" / lang / "LC_MESSAGES" / "messages.po"
        catalog = read_catalog(path)
        catalog[CHANGED_SENTENCE].string = translation
        catalog[CHANGED_SENTENCE].flags.discard("fuzzy")
        write_catalog(catalog, path)
    return source.stem


def check(ok: bool, what: str) -> None:
    print(f"  {'ok' if ok else 'NOT MET'}: {what}")


def help_seconds() -> float:
    started = time.monotonic()
    subprocess.run(PUBLISHER + ["--help"], capture_output=True, check=True)
    return time.monotonic() - started


# --- the raw tools -----------------------------------------------------------------------


class RawRun:
    """The raw tools' times over every edition."""

    def __init__(self):
        self.count, self.speech, self.encoding, self.printing = 0, 0.0, 0.0, 0.0

    @property
    def seconds(self) -> float:
        return self.speech + self.encoding + self.printing


def raw_tools(project_dir: Path, folder: Path) -> RawRun:
    """Speak, encode and print every edition with the tools' own command lines, one at a time."""
    folder.mkdir()
    project = Project(project_dir)
    the_plan = plan(project, BuildRequest(formats=("mp3",)))
    with SpeechEngine() as engine:
        installed = engine.voices()
    timing = RawRun()
    for job in the_plan.jobs:
        guide = job.guide
        script = narration_script(guide, CatalogTranslations(the_plan.messages[guide.lang]).gettext, Pacing())
        voice = language_voice(guide.lang, installed, project.language_data(guide.lang))
        transcript = folder / f"{guide.lang}-{guide.slug}.txt"
        transcript.write_text("\n".join(voice.script(utterance.said) for chapter in script
                                        for utterance in chapter.utterances), encoding="utf-8")
        wav, mp3, pdf = (transcript.with_suffix(suffix) for suffix in (".wav", ".mp3", ".pdf"))
        timing.speech += timed(["espeak-ng", "-v", voice.id, "-s", str(voice.engine_rate(Pacing().rate)),
                                "-w", str(wav), "-f", str(transcript)])
        timing.encoding += timed(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ac", "1", "-b:a", "64k", str(mp3)])
        page = project.output / guide.lang / f"{guide.slug}.html"
        timing.printing += timed([str(Path(sys.executable).parent / "weasyprint"), str(page), str(pdf)])
        timing.count += 1
    return timing


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    return time.monotonic() - started


if __name__ == "__main__":
    main()
