"""The record of what each output file was made from, kept in output/.build/.

After a job writes its files, `output/.build/<lang>/<file>.json` records the
job's fingerprint (job_inputs.py), the catalogue words its templates looked
up with what they said, and the size and time of every file it wrote. On
the next build the job is up to date, and skipped, while its fingerprint is
the same, those words still translate the same, and its files are as it left
them (none deleted, replaced or edited since).
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_atomic

RECORDS = ".build"


def record_path(target: Path) -> Path:
    """Where the record of `target` (output/<lang>/<file>) is kept: in
    output/.build/<lang>/, so the language folders hold only handouts."""
    return target.parent.parent / RECORDS / target.parent.name / f"{target.name}.json"


def is_up_to_date(target: Path, fingerprint: str, messages: dict[str, str]) -> bool:
    """Was `target` made from exactly these inputs, and is it untouched since?"""
    try:
        record = json.loads(record_path(target).read_text(encoding="utf-8"))
        if record["fingerprint"] != fingerprint:
            return False
        if any(messages.get(msgid, msgid) != said for msgid, said in record["messages"].items()):
            return False
        for name, (size, mtime_ns) in record["outputs"].items():
            status = (target.parent / name).stat()
            if (status.st_size, status.st_mtime_ns) != (size, mtime_ns):
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def write_record(target: Path, fingerprint: str, messages: dict[str, str], outputs: list[Path]) -> None:
    """Record what `target` (and the other `outputs` of its job) were made from."""
    files = {}
    for path in outputs:
        status = path.stat()
        files[str(path.relative_to(target.parent))] = [status.st_size, status.st_mtime_ns]
    record = {"fingerprint": fingerprint, "messages": messages, "outputs": files}
    write_atomic(record_path(target), json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True))


def forget(target: Path) -> None:
    """Drop the record of `target` (before its job runs again)."""
    record_path(target).unlink(missing_ok=True)
