"""Read the project's TOML data files (lexicons, topics, pronunciation), with
errors that name the file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .errors import PublisherError

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def load_toml(path: Path) -> dict:
    """Parse a TOML file; a syntax error becomes `file:line: message`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PublisherError("data file is missing", path) from None
    except UnicodeDecodeError:
        raise PublisherError("not UTF-8 text", path) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _AT_LINE.search(str(error))
        message = _AT_LINE.sub("", str(error)).strip()
        raise PublisherError(f"not valid TOML: {message}", path, int(match.group(1)) if match else None) from None


def require(table: dict, key: str, kind: type, path: Path, where: str):
    """`table[key]`, checked to be of `kind`; a missing or wrong value is a clear error."""
    value = table.get(key)
    if not isinstance(value, kind):
        raise PublisherError(f"{where}: '{key}' must be a {kind.__name__}", path, find_line(path, key))
    return value


def find_line(path: Path, needle: str) -> int | None:
    """The first line of `path` that mentions `needle` (for messages about data files)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except OSError:
        pass
    return None
