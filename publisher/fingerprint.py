"""Fingerprints: short hashes of what a piece of work is made from.

A cached result or a built file is reused only while the fingerprint of
everything it was made from is unchanged: file contents, settings, and the
version of the code that made it (`code_digest`, a hash of the publisher
package's own files, so an upgrade or a local edit rebuilds what it touches).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent


def digest(*parts: Any) -> str:
    """The SHA-256 of `parts` (strings, numbers, lists, dicts, dataclass reprs) as hex."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("missing" if it does not exist), cached per size and time."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return "missing"
    return _file_digest(str(path), status.st_size, status.st_mtime_ns)


@lru_cache(maxsize=4096)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def files_digest(paths: list[Path], root: Path | None = None) -> str:
    """One hash of several files, each named (relative to `root` when given)."""
    return digest([[str(path.relative_to(root) if root else path), file_digest(path)] for path in sorted(paths)])


def folder_digest(folder: Path) -> str:
    """One hash of every file under `folder` (names and contents)."""
    return files_digest([path for path in folder.rglob("*") if path.is_file()], folder)


def stamp(path: Path) -> list:
    """A cheap stand-in for a large file outside the project that only a package
    upgrade changes (a dictionary): its name, size and modification time."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return [str(path), "missing"]
    return [str(path), status.st_size, status.st_mtime_ns]


@lru_cache(maxsize=None)
def package_versions(*names: str) -> dict[str, str]:
    """The installed versions of Python packages (what their data and code give),
    read once a process (reading package metadata is slow)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found


@lru_cache(maxsize=None)
def code_digest(*parts: str) -> str:
    """A hash of the publisher package's own files (code and data), read once a
    process: all of them, or only those `parts` (modules and sub-packages,
    named by their paths inside the package: "plain", "sources.py")."""
    roots = [PACKAGE / part for part in parts] or [PACKAGE]
    paths = [path for root in roots for path in ([root] if root.is_file() else root.rglob("*"))
             if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"]
    return files_digest(paths, PACKAGE)
