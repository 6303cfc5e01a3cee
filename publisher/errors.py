"""The one error type users see: a clear line naming the file and line."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class PublisherError(Exception):
    """A problem the user can fix, reported as `file:line: what is wrong`.

    The CLI prints `str(error)` and exits non-zero; no traceback unless
    `--debug`. Any stage may raise it.
    """

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):  # keep path and line when sent between processes
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


def display_path(path: Path | str) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    path = Path(os.path.abspath(path))  # not resolved: a link is named as itself, not as where it leads
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_OS_PROBLEMS = {
    errno.EACCES: "permission denied", errno.EPERM: "permission denied", errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded", errno.EROFS: "the disk is read-only", errno.EFBIG: "file too large",
    errno.ENOTDIR: "a file is in the way of a folder", errno.EEXIST: "a file is in the way of a folder",
    errno.EISDIR: "a folder is in the way of the file", errno.ENOENT: "no such file or folder",
    errno.ELOOP: "too many links", errno.ENAMETOOLONG: "the name is too long",
}


def os_error(error: OSError, target: Path | None = None) -> PublisherError:
    """A failure to read or write a file, as one line naming the path: the
    folder or file in the way when the system names it, else `target`. A
    temporary file (`.name.….part`) is reported as the file it was to become."""
    names = [Path(name) for name in (error.filename2, error.filename) if name not in (None, "")]
    path = next((name for name in names if not name.name.startswith(".") or not name.name.endswith(".part")),
                target if target is not None else (names[0] if names else None))
    if path is not None and target is not None and path.parent == target.parent and path.name.startswith(
            f".{target.name}."):
        path = target
    problem = _OS_PROBLEMS.get(error.errno, error.strerror or type(error).__name__)
    detail = f" ({error.strerror})" if error.strerror and error.strerror.lower() != problem else ""
    return PublisherError(f"{problem}{detail}", path)
