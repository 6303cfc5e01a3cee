"""Atomic output: a file appears complete or not at all.

Every output is written to a temporary file next to its target and renamed
over it only when complete, so an interrupted or failed build never leaves a
half-written handout where a good one stood.
"""

from __future__ import annotations

import os
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
