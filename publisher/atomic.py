"""Atomic output: a file appears complete or not at all.

Every output is written to a temporary file next to its target and renamed
over it only when complete, so an interrupted or failed build never leaves a
half-written handout where a good one stood. A folder of files (an audio
guide's tracks) is written whole into a temporary folder and swapped in.
Temporary names start with "." and end in ".part" (".old" for a folder being
swapped out), so a build killed half-way leaves files that the next one can
find and remove (workspace.py).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes | str) -> None:
    """Write `data` to `target` atomically (text is written as UTF-8)."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield an empty temporary folder to fill; on success it replaces the
    folder `target` (the old one is removed only once the new one is in place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    moved_aside: list[Path] = []
    try:
        yield temporary
        os.chmod(temporary, 0o755)
        while True:
            try:
                os.rename(temporary, target)  # only while no folder (or an empty one) is there
                break
            except OSError as error:
                if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
            # Move the folder there aside, then try again: another process
            # may have put its own folder in meanwhile, and then the last one wins.
            aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            moved_aside.append(aside)
            try:
                os.rename(target, aside / target.name)
            except FileNotFoundError:
                pass
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        for aside in moved_aside:
            shutil.rmtree(aside, ignore_errors=True)


def keep_first(partial: Path, target: Path) -> None:
    """Move the finished file `partial` to `target` unless a file is already
    there: then that one is kept (and its time stamp). Two builds that make
    the same file at the same moment end with one file, the first."""
    try:
        os.link(partial, target)
    except FileExistsError:
        pass
    finally:
        partial.unlink(missing_ok=True)
