"""kill -9 at any point of a build, then build again: no temporary file is
left in output/ or .cache/, and every edition is whole and consistent (the
MP3, its tracks, chapters and transcript from one build).

Real builds of one short guide in English, every format. Each killed build
narrates at a new rate, so its clips must be spoken, and an MP3 of one
build beside tracks or a transcript of another would show in their lengths.
And two builds started together: the second waits for the first, says so
in one line, then finds nothing left to do.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import TINY_GUIDE, copy_project
from e2e.inspect import duration_seconds, id3_facts, read_webvtt

pytestmark = pytest.mark.e2e

KILL_AFTER = (0.6, 2.4)  # seconds into a build (one takes about 3 s here)
TEMPORARY = ("*.part", "*.old", "weasyprint-*")


def publisher(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publisher", *args], cwd=project, capture_output=True, text=True,
                          timeout=300)


def killed_build(project: Path, when: str | float, *args: str) -> bool:
    """Start a build and kill it (and every process it started) after `when`
    seconds, or as soon as a file or folder whose name matches the pattern
    `when` appears in output/en, .cache/clips or .cache/tmp (with "gone:"
    before the pattern: as soon as it has appeared and gone); returns
    whether it was killed (a build may finish first)."""
    build = subprocess.Popen([sys.executable, "-m", "publisher", "build", *args], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if isinstance(when, float):
        time.sleep(when)
    else:
        gone = when.startswith("gone:")  # wait for the file to appear, then to be gone
        pattern = re.compile(when.removeprefix("gone:"))
        folders = [project / "output" / "en", project / ".cache" / "clips", project / ".cache" / "tmp"]
        while build.poll() is None and not any(pattern.search(path) for path in _names(folders)):
            time.sleep(0.0005)
        while gone and build.poll() is None and any(pattern.search(path) for path in _names(folders)):
            time.sleep(0.0005)
    killed = build.poll() is None
    try:
        os.killpg(build.pid, signal.SIGKILL)  # the workers too, even if the build itself has ended
    except ProcessLookupError:
        pass
    build.wait()
    return killed


def _names(folders: list[Path]) -> list[str]:
    names = []
    for folder in folders:
        try:
            for entry in os.scandir(folder):
                names.append(entry.name)
                if entry.is_dir() and len(entry.name) == 2:  # .cache/clips/<2 hex digits>/
                    names += os.listdir(entry.path)
        except OSError:
            pass
    return names


def temporary_files(project: Path) -> list[Path]:
    found = [path for pattern in TEMPORARY for top in ("output", ".cache") for path in (project / top).rglob(pattern)]
    scratch = project / ".cache" / "tmp"
    return found + (list(scratch.iterdir()) if scratch.is_dir() else [])


def assert_whole_and_consistent(project: Path) -> None:
    output = project / "output" / "en"
    mp3 = duration_seconds(output / "tiny-guide.mp3")
    _, chapters, _ = id3_facts(output / "tiny-guide.mp3")
    tracks = sorted((output / "tiny-guide").glob("*.mp3"))
    assert len(tracks) == len(chapters)
    assert abs(sum(duration_seconds(track) for track in tracks) - mp3) < 0.5
    for track, chapter in zip(tracks, chapters):
        assert abs(duration_seconds(track) - (chapter.end - chapter.start)) < 0.15, track.name
    cues = read_webvtt(output / "tiny-guide.vtt")
    assert mp3 - 3 < cues[-1].end <= mp3 + 0.05
    for name in ("tiny-guide.pdf", "tiny-guide.html", "tiny-guide.epub", "tiny-guide-daisy.zip", "tiny-guide.brf"):
        assert (output / name).stat().st_size > 0, name
    again = publisher(project, "build", "--rate", current_rate(project))
    assert again.returncode == 0 and "Wrote 0 files" in again.stdout, again.stdout  # each file is as its job left it


def current_rate(project: Path) -> str:
    return (project / "rate").read_text()


def next_rate(project: Path) -> str:
    """A rate no build of `project` used yet, so its clips must be spoken."""
    rate = str(int(current_rate(project)) + 7)
    (project / "rate").write_text(rate)
    return rate


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("interrupted") / "project", sources=False)
    for folder in (project / "locales").iterdir():
        if folder.is_dir() and folder.name != "en":
            shutil.rmtree(folder)
    (project / "sources" / "tiny-guide.txt").write_text(TINY_GUIDE, encoding="utf-8")
    (project / "rate").write_text("150")
    result = publisher(project, "build", "--rate", "150")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("when", [
    pytest.param(r"\.wav\.\d+\.part$", id="while a clip is spoken"),
    pytest.param(r"^\.tiny-guide\.\w+\.part$", id="while the section tracks are written"),
    pytest.param(r"^\.tiny-guide\.mp3\.\w+\.part$", id="while the MP3 is written"),
    pytest.param(r"^weasyprint-", id="while the PDF is laid out"),  # its fonts' folder, in .cache/tmp/
])
def test_a_build_killed_while_writing_is_cleaned_up_and_made_whole_by_the_next(project, when):
    rate = next_rate(project)
    force = ("--force",) if "weasyprint" in when else ()  # the PDF does not depend on the rate
    assert killed_build(project, when, "--rate", rate, *force)
    assert temporary_files(project)  # the kill left some behind
    result = publisher(project, "build", "--rate", rate)
    assert result.returncode == 0, result.stderr
    assert temporary_files(project) == []
    assert_whole_and_consistent(project)


@pytest.mark.parametrize("when", KILL_AFTER)
def test_a_build_killed_at_any_point_is_made_whole_by_the_next(project, when):
    rate = next_rate(project)
    killed_build(project, when, "--rate", rate)
    result = publisher(project, "build", "--rate", rate)
    assert result.returncode == 0, result.stderr
    assert temporary_files(project) == []
    assert_whole_and_consistent(project)


def test_a_build_killed_as_its_edition_is_swapped_in_is_redone_by_one_with_the_old_inputs(project):
    """Killed just after the new MP3 took the old one's place (the new
    transcript in too, the tracks maybe not yet), before the build record
    was written: the record still describes the old edition's inputs, so a
    build with those inputs must see that the files are not the ones it
    recorded, and make the old edition again."""
    before = current_rate(project)
    old_length = duration_seconds(project / "output" / "en" / "tiny-guide.mp3")
    rate = next_rate(project)
    assert killed_build(project, r"gone:^\.tiny-guide\.mp3\.\w+\.part$", "--rate", rate)
    assert abs(duration_seconds(project / "output" / "en" / "tiny-guide.mp3") - old_length) > 0.3  # the new one
    (project / "rate").write_text(before)
    result = publisher(project, "build", "--rate", before)
    assert result.returncode == 0, result.stderr
    assert "tiny-guide.mp3 (" in result.stdout, result.stdout  # made again
    assert abs(duration_seconds(project / "output" / "en" / "tiny-guide.mp3") - old_length) < 0.05
    assert temporary_files(project) == []
    assert_whole_and_consistent(project)


def test_a_second_build_started_meanwhile_waits_for_the_first(project):
    rate = next_rate(project)
    first = subprocess.Popen([sys.executable, "-m", "publisher", "build", "--rate", rate], cwd=project,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with open(project / ".cache" / "build.lock", "a") as lock:
        while first.poll() is None:  # until the first build holds the project's lock
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(lock, fcntl.LOCK_UN)
                time.sleep(0.01)
            except BlockingIOError:
                break
    second = publisher(project, "build", "--rate", rate)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, err + second.stderr
    assert "Waiting for another build" not in out
    assert second.stdout.splitlines()[0] == "Waiting for another build of this project to finish..."
    assert "Wrote 0 files" in second.stdout, second.stdout  # the first one built them
    assert temporary_files(project) == []
    assert_whole_and_consistent(project)
