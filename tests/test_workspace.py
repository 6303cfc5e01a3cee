"""One build at a time, and leftovers removed (racing folder swaps: test_atomic.py)."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

from publisher.atomic import atomic_path
from publisher.project import Project
from publisher.workspace import one_build_at_a_time, remove_leftovers


def test_leftovers_of_a_killed_build_are_removed_and_nothing_else(tmp_path):
    project = Project(tmp_path)
    (tmp_path / "sources").mkdir()
    kept = [tmp_path / "output" / "en" / "guide.mp3", tmp_path / "output" / "en" / "guide" / "01-intro.mp3",
            tmp_path / ".cache" / "clips" / "ab" / "abcdef.wav", tmp_path / "output" / ".build" / "en" / "guide.mp3.json"]
    leftovers = [tmp_path / "output" / "en" / ".guide.mp3.k2j4.part", tmp_path / "output" / "en" / ".guide.x8.part",
                 tmp_path / "output" / "en" / ".guide.a1.old", tmp_path / ".cache" / "clips" / "ab" / "abcdef.wav.4242.part",
                 tmp_path / ".cache" / "tmp" / "weasyprint-3k2"]
    for path in kept + leftovers[:1] + leftovers[3:4]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    for folder in leftovers[1:3] + leftovers[4:]:
        (folder / "inner").mkdir(parents=True)
        (folder / "inner" / "file").write_bytes(b"x")
    removed = remove_leftovers(project)
    assert sorted(removed) == sorted(leftovers)
    assert all(path.exists() for path in kept)
    assert not any(path.exists() for path in leftovers)


def test_a_second_build_waits_for_the_first(tmp_path):
    project = Project(tmp_path)
    (tmp_path / "sources").mkdir()
    events: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with one_build_at_a_time(project, events.append):
            events.append("first in")
            first_in.set()
            time.sleep(0.5)
            events.append("first out")

    def second() -> None:
        first_in.wait()
        with one_build_at_a_time(project, events.append):
            events.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert events == ["first in", "Waiting for another build of this project to finish...", "first out", "second in"]


def test_a_build_puts_temporary_files_in_the_project_and_removes_them(tmp_path):
    project = Project(tmp_path)
    (tmp_path / "sources").mkdir()
    before = tempfile.gettempdir()
    with one_build_at_a_time(project, print):
        made = Path(tempfile.mkdtemp(prefix="weasyprint-"))
        assert made.parent == tmp_path / ".cache" / "tmp"
        with atomic_path(tmp_path / "output" / "en" / "guide.pdf") as partial:
            partial.write_bytes(b"%PDF")
    assert not made.exists() and tempfile.gettempdir() == before
    assert (tmp_path / "output" / "en" / "guide.pdf").read_bytes() == b"%PDF"
