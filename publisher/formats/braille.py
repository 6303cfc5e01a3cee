"""Braille: a BRF for embossers and braille displays, transcribed with
liblouis in each language's braille code (publisher/braille/ does the work).

An automated transcription: its first page says so, for a braille reader to
check it before it is embossed in quantity.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..plurals import count
from . import JobInput, Made, OutputFormat


def make(job: JobInput) -> Made:
    """Transcribe the guide, lay it out in braille pages and write the BRF."""
    from ..braille.edition import guide_brf

    data, pages = guide_brf(job.guide, job.translations.gettext, job.project.locales)
    write_atomic(job.target, data)
    return Made((job.target,), count(pages, 'braille page'))


def check(path: Path) -> list[str]:
    """Every line within 40 cells, every page within 25 lines, only braille ASCII."""
    from ..braille.brf import problems

    return problems(path.read_bytes())


FORMAT = OutputFormat(
    name="brf",
    summary="braille (BRF: UEB grade 2 in English, 40 cells by 25 lines), an automated transcription with liblouis",
    suffix=".brf",
    make=make,
    check=check,
    language_data=("braille.toml",),
    # The liblouis library and tables (a Debian upgrade replaces files in the tables folder) and its binding.
    system_files=("/usr/lib/x86_64-linux-gnu/liblouis.so.20", "/usr/share/liblouis/tables",
                  "/usr/lib/python3/dist-packages/louis/__init__.py"),
)
