"""The one error type users see: a clear line naming the file and line."""

from __future__ import annotations

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
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
