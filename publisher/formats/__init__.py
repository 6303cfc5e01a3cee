"""The output formats, and the one registry that knows them.

Each format is one module in this package that declares an `OutputFormat`:
its name, a one-line summary (for `--help` and the README), the file it
writes, the templates and libraries it is made with, whether it is made
from the narration, how a job makes it and how a written file is checked.
The build, the fingerprints and the command line read this registry; adding
a format is adding a module and a line to `REGISTRY`.

The modules are light to import: the libraries that write a format are
imported inside its `make` function, in the worker that runs the job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n.localize import CatalogTranslations
    from ..model import Guide
    from ..project import Project
    from ..render.profiles import PrintProfile
    from ..speech.clips import ClipStats


@dataclass(frozen=True)
class JobInput:
    """Everything a format's `make` gets: the localized guide, the file to
    write, the project, the build's choices and the catalogue words."""

    project: Project
    guide: Guide
    target: Path
    rate: int
    profile: PrintProfile
    translations: CatalogTranslations
    publisher_name: str


@dataclass(frozen=True)
class Made:
    """What a format's `make` wrote (the target first) and a short note on it."""

    outputs: tuple[Path, ...]
    note: str = ""
    clips: ClipStats | None = None


@dataclass(frozen=True)
class OutputFormat:
    """One kind of handout.

    `suffix` ends the file name ("<slug><suffix>"); a format shaped by the
    print profile gets the profile's suffix before it. `templates` are the
    files and folders under templates/ it reads and `packages` the libraries
    whose version shapes it (both go into the job's fingerprint). A format
    that `speaks` is made from the narration: its fingerprint covers the
    speech data, and its job runs after the guide's first narrating job, so
    the clips are spoken once. `language_data` and `system_files` are
    more of what it is made from. `check` reads a written file back and returns
    what is wrong with it (nothing, for a good file)."""

    name: str
    summary: str
    suffix: str
    make: Callable[[JobInput], Made]
    check: Callable[[Path], list[str]]
    templates: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    language_data: tuple[str, ...] = ()  # files of the guide's language folder it reads (locales/<lang>/)
    system_files: tuple[str, ...] = ()  # installed files (tables, engines) whose change remakes it
    speaks: bool = False
    print_profile: bool = False

    def file_name(self, slug: str, profile: PrintProfile | None = None) -> str:
        """The name of the file this format writes for guide `slug`."""
        middle = profile.file_suffix if self.print_profile and profile is not None else ""
        return f"{slug}{middle}{self.suffix}"


def _registry() -> dict[str, OutputFormat]:
    from . import braille, daisy, epub, large_print, narration, web_page

    # In the order jobs start: the narration first (the longest, and the
    # read-along formats are made from it), then the rest.
    formats = (narration.FORMAT, large_print.FORMAT, web_page.FORMAT, epub.FORMAT, daisy.FORMAT, braille.FORMAT)
    return {fmt.name: fmt for fmt in formats}


REGISTRY: dict[str, OutputFormat] = _registry()
FORMAT_NAMES: tuple[str, ...] = tuple(REGISTRY)


def output_format(name: str) -> OutputFormat:
    """The format called `name`."""
    return REGISTRY[name]
