"""A content-addressed store of computed results (pickled), under .cache/.

A result is stored under the fingerprint of everything it was made from, so
it is reused only when none of that changed. An entry that cannot be read
(an older publisher, a cut-off write) counts as missing and is made again.
Entries are written atomically: two builds may store the same result.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from .atomic import write_atomic


class ResultCache:
    """Pickled results in `folder`, one file per fingerprint."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, key: str) -> Any | None:
        """The result stored under `key`, or None."""
        try:
            return pickle.loads(self._path(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put(self, key: str, result: Any) -> None:
        """Store `result` under `key` (a cache that cannot be written only costs time)."""
        try:
            write_atomic(self._path(key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"
