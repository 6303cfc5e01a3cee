"""What each output file is made from, as one fingerprint.

A job's fingerprint covers the localized guide, the templates and fonts its
format reads, the settings and print profile, the speech settings of every
language it speaks, the versions of the libraries that write it, and the
publisher code itself. The words a template looks up in the catalogue are
not known before it runs: the job records them, and they are checked
separately (see build_record.py). A change to a template used only by the
PDF rebuilds only the PDFs; one sentence changed rebuilds only its guide.
"""

from __future__ import annotations

from pathlib import Path

from .fingerprint import code_digest, digest, files_digest, package_versions, stamp
from .formats import REGISTRY
from .model import Guide
from .project import Project
from .speech.engine import SPEECH_ENGINE

# The per-language files a voice reads.
SPEECH_FILES = ("speech.toml", "pronunciation.toml")


def job_fingerprint(project: Project, guide: Guide, format_name: str, settings: dict) -> str:
    """One hash of everything (but the catalogue's words for the templates)
    that the file of `guide` in format `format_name` is made from; `settings`
    are the build's choices that shape it (print profile, speaking rate,
    publisher name)."""
    fmt = REGISTRY[format_name]
    templates = [path for name in fmt.templates for path in _files(project.templates / name)]
    parts = [fmt.name, code_digest(), package_versions(*fmt.packages), repr(guide), settings,
             files_digest(templates, project.root)]
    # A unit left in English is spoken and brailled with English's data.
    languages = sorted({guide.lang} | {unit.lang for unit in guide.units()})
    parts += [files_digest([project.language_data(lang) / name for lang in languages for name in fmt.language_data],
                           project.root),
              [stamp(Path(path)) for path in fmt.system_files]]
    if fmt.speaks:
        parts += [files_digest([project.language_data(lang) / name for lang in languages for name in SPEECH_FILES],
                               project.root),
                  [stamp(path) for path in SPEECH_ENGINE]]
    return digest(*parts)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(item for item in path.rglob("*") if item.is_file())
    return [path]
