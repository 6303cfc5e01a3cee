"""Where a project keeps its sources, templates, catalogues, cache and output."""

from __future__ import annotations

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
        if not (folder / "sources").is_dir():
            raise PublisherError("no sources/ folder: run publisher in a project folder or pass "
                                 "--project DIR", folder)
        return cls(folder)

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
