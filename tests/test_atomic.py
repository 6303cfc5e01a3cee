"""Atomic outputs leave nothing behind: folder swaps racing in processes, a
clip that fails its checks, a PDF's font folder, leftovers removed before a
build starts (the lock and the clean-up themselves: test_workspace.py)."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from publisher.atomic import atomic_folder, atomic_path
from publisher.project import Project
from publisher.workspace import one_build_at_a_time

REPO = Path(__file__).resolve().parent.parent


def _swap_rounds(target: str, writer: int, rounds: int) -> list[str]:
    failures = []
    for round_ in range(rounds):
        try:
            with atomic_folder(Path(target)) as folder:
                for part in range(3):
                    (folder / f"{part}.mp3").write_text(f"{writer}-{round_}")
        except Exception as error:  # noqa: BLE001  (counted, then asserted)
            failures.append(f"{type(error).__name__}: {error}")
    return failures


def test_folder_swaps_racing_in_processes_all_succeed_and_leave_one_whole_folder(tmp_path):
    """4 processes x 100 swaps of one folder (before the retry: about 1 in 12 failed)."""
    target = tmp_path / "tracks"
    with multiprocessing.get_context("fork").Pool(4) as pool:
        failures = pool.starmap(_swap_rounds, [(str(target), writer, 100) for writer in range(4)])
    assert [failure for failed in failures for failure in failed] == []
    assert sorted(path.name for path in target.iterdir()) == ["0.mp3", "1.mp3", "2.mp3"]
    assert len({path.read_text() for path in target.iterdir()}) == 1  # all three from one swap
    assert [path.name for path in tmp_path.iterdir()] == ["tracks"]  # no .part or .old folder left


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "guide.mp3"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as partial:
        partial.write_text("half")
        raise RuntimeError("the build failed half way")
    assert [path.name for path in tmp_path.iterdir()] == ["guide.mp3"] and target.read_text() == "old"


def test_a_clip_that_fails_its_checks_leaves_no_part_file(tmp_path):
    """espeak-ng cannot speak at 5,000 words a minute: the clip is too short,
    refused, and its `.wav.<pid>.part` file deleted (it used to stay)."""
    request = {"op": "say", "text": "Eat small meals often.", "voice": "gmw/en", "rate": 5000,
               "path": str(tmp_path / "clip.wav")}
    worker = subprocess.run([sys.executable, "-m", "publisher.speech.worker"], input=json.dumps(request) + "\n",
                            capture_output=True, text=True, timeout=60, cwd=REPO)
    reply = json.loads(worker.stdout.splitlines()[-1])
    assert reply["ok"] is False and "too short" in reply["error"]
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_leaves_no_font_folder_even_in_a_process_that_ends_at_once(tmp_path):
    """WeasyPrint removes its `weasyprint-*` font folder only when it is
    garbage collected; a pool worker ends without that."""
    script = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        from publisher.render.pdf import pdf_bytes
        font = "fonts/atkinson-hyperlegible/atkinson-hyperlegible-latin-400-normal.woff2"
        html = ('<html lang="en"><head><title>t</title><style>@font-face {font-family: A; src: url(' + font + ')}'
                ' body {font-family: A}</style></head><body><p>Eat small meals often.</p></body></html>')
        assert pdf_bytes(html, Path(sys.argv[1])).startswith(b"%PDF")
        os._exit(0)
    """)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    subprocess.run([sys.executable, "-c", script, str(REPO / "templates")], check=True, timeout=120,
                   env={"PATH": "/usr/bin:/bin", "TMPDIR": str(scratch)})
    assert list(scratch.iterdir()) == []


def test_leftovers_are_removed_before_the_build_starts(tmp_path):
    project = Project(tmp_path)
    (tmp_path / "sources").mkdir()
    leftovers = [tmp_path / "output" / "en" / ".guide.mp3.k2j4.part", tmp_path / "output" / "en" / ".guide.vtt.x1.part",
                 tmp_path / ".cache" / "clips" / "ab" / "abcdef.wav.4242.part"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    (tmp_path / "output" / "en" / ".guide.y7.part" / "01-intro.mp3").mkdir(parents=True)
    with one_build_at_a_time(project, print):
        assert not any(path.exists() for path in leftovers)
        assert sorted(path.name for path in (tmp_path / "output" / "en").iterdir()) == []
