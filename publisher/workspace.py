"""One build at a time per project, with nothing left behind.

Every temporary file publisher makes is named so it can be found again:
`.<name>.<random>.part` (a file or folder being written, atomic.py),
`.<name>.<random>.old` (a folder being swapped out) and
`<clip>.wav.<pid>.part` (a speech clip being spoken). Libraries that make
their own temporary files (WeasyPrint puts fonts in `weasyprint-*` folders)
make them in `.cache/tmp/`, the process's temporary folder for the build.

A build holds an exclusive lock on `.cache/build.lock`; a second build of the
same project waits for it. Holding the lock, no other build is writing, so
every temporary file found is a leftover of a build that was killed: they
are removed before the build starts and again when it ends.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .project import Project

LOCK_FILE = "build.lock"
TEMPORARY_FOLDER = "tmp"
_TEMPORARY = re.compile(r"^\..+\.(?:part|old)$|\.\d+\.part$")


@contextmanager
def one_build_at_a_time(project: Project, progress: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the project's build lock (waiting, and saying so, if another build
    has it); clean up leftovers before and after; point temporary files of
    this process and its children at `.cache/tmp/`."""
    project.cache.mkdir(parents=True, exist_ok=True)
    with open(project.cache / LOCK_FILE, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            progress("Waiting for another build of this project to finish...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        remove_leftovers(project)
        try:
            with temporary_folder(project.cache / TEMPORARY_FOLDER):
                yield
        finally:
            remove_leftovers(project)


def remove_leftovers(project: Project) -> list[Path]:
    """Remove the temporary files and folders under output/ and .cache/
    (call only holding the build lock); returns what was removed."""
    removed = []
    for top in (project.output, project.cache):
        if not top.is_dir() or top.is_symlink():
            continue
        for folder, folders, files in os.walk(top):
            for name in [*files, *folders]:
                path = Path(folder) / name
                if _TEMPORARY.search(name) or path.parent == project.cache / TEMPORARY_FOLDER:
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        path.unlink(missing_ok=True)
                    removed.append(path)
            folders[:] = [name for name in folders if (Path(folder) / name) not in removed]
    return removed


@contextmanager
def temporary_folder(folder: Path) -> Iterator[None]:
    """Make `folder` the temporary folder of this process (tempfile) and of
    the processes it starts (TMPDIR), then restore the old one."""
    folder.mkdir(parents=True, exist_ok=True)
    saved_env, saved_dir = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"], tempfile.tempdir = str(folder), str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = saved_dir
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env
