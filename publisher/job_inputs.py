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
from .model import Guide
from .project import Project
from .speech.engine import SPEECH_ENGINE

# The files and folders under templates/ each format reads.
FORMAT_TEMPLATES = {
    "html": ("guide.html.j2", "units.html.j2", "screen.css", "follow-along.js"),
    "pdf": ("guide.html.j2", "units.html.j2", "large-print.css.j2", "fonts"),
    "mp3": (),
}
# The libraries whose version shapes each format's files.
FORMAT_PACKAGES = {
    "html": ("Jinja2", "MarkupSafe", "Babel"),
    "pdf": ("Jinja2", "MarkupSafe", "Babel", "weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2"),
    "mp3": ("pyttsx3", "lameenc", "pyloudnorm", "numpy", "scipy", "mutagen", "miniaudio"),
}
# The per-language files a voice reads.
SPEECH_FILES = ("speech.toml", "pronunciation.toml")


def job_fingerprint(project: Project, guide: Guide, fmt: str, settings: dict) -> str:
    """One hash of everything (but the catalogue's words for the templates)
    that the `fmt` file of `guide` is made from; `settings` are the build's
    choices that shape it (print profile, speaking rate, publisher name)."""
    templates = [path for name in FORMAT_TEMPLATES[fmt] for path in _files(project.templates / name)]
    parts = [fmt, code_digest(), package_versions(*FORMAT_PACKAGES[fmt]), repr(guide), settings,
             files_digest(templates, project.root)]
    if fmt == "mp3":
        languages = sorted({guide.lang} | {unit.lang for unit in guide.units()})
        parts += [files_digest([project.language_data(lang) / name for lang in languages for name in SPEECH_FILES],
                               project.root),
                  [stamp(path) for path in SPEECH_ENGINE]]
    return digest(*parts)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(item for item in path.rglob("*") if item.is_file())
    return [path]
