"""Where a project keeps its sources, templates, catalogues, cache and output,
and the check that keeps every read and write inside it."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import PublisherError


@dataclass(frozen=True)
class Project:
    """A publisher project folder. Nothing outside it (and `output`) is read or written."""

    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> "Project":
        """The project in `root` (default: the working folder); it must hold `sources/`."""
        folder = Path(root or ".").resolve()
        if not (folder / "sources").is_dir() and not (folder / "sources").is_symlink():
            raise PublisherError("no sources/ folder: run publisher in a project folder or pass "
                                 "--project DIR", folder)
        project = cls(folder)
        check_within(project)
        return project

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def cache(self) -> Path:
        """Content-addressed cache of slow stages (speech clips); safe to delete."""
        return self.root / ".cache"

    def language_data(self, lang: str) -> Path:
        """The folder of per-language data files (lexicon, topics, pronunciation)."""
        return self.locales / lang

    def writable(self, path: Path) -> Path:
        """`path`, once sure that writing it writes no file but itself: no
        folder on the way from the project to it, nor the file, is a link."""
        for part in [*reversed(path.relative_to(self.root).parents), path.relative_to(self.root)]:
            if part.parts and (self.root / part).is_symlink():
                raise PublisherError("a link: publisher does not write through links (replace it with the "
                                     "folder or file itself)", self.root / part)
        return path


# What a project reads (every file must be a plain file) and what it writes.
READ_PARTS = ("sources", "templates", "locales", "publisher.toml")
WRITTEN_PARTS = ("output", ".cache")
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def check_within(project: Project) -> None:
    """Refuse a project whose files lead outside it: a link (in what it reads
    or writes) that resolves outside the project folder, or something read
    that is not a plain file or folder (a named pipe would hang the build).
    One error, naming the first such path; cheap enough to run every time."""
    for name in READ_PARTS + WRITTEN_PARTS:
        top = project.root / name
        if not os.path.lexists(top):
            continue
        _check_path(project.root, top, name in READ_PARTS)
        if top.is_dir() and not top.is_symlink():
            for folder, folders, files in os.walk(top):
                for entry in folders + files:
                    _check_path(project.root, Path(folder) / entry, name in READ_PARTS)


def _check_path(root: Path, path: Path, read: bool) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:  # gone meanwhile (a temporary file of another build)
        return
    if stat.S_ISLNK(mode):
        if not path.resolve().is_relative_to(root):
            raise PublisherError("a link to a place outside the project: put the file itself here "
                                 "(publisher reads and writes only inside the project)", path)
        if read:
            try:
                mode = path.stat().st_mode
            except OSError:
                return  # a broken link: reported by whatever reads it
    if read and stat.S_IFMT(mode) in _KINDS:
        raise PublisherError(f"not a file but {_KINDS[stat.S_IFMT(mode)]}: remove it", path)
