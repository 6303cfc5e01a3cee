"""Which files in sources/ are guides (kept apart from loading them, which
needs the Markdown, YAML and word-frequency libraries)."""

from __future__ import annotations

from pathlib import Path

from .errors import PublisherError

SOURCE_SUFFIXES = (".txt", ".md")


def discover(sources_dir: Path) -> list[Path]:
    """The guide files in `sources_dir`, sorted by slug; hidden files are ignored."""
    found: dict[str, Path] = {}
    for path in sorted(sources_dir.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in SOURCE_SUFFIXES:
            raise PublisherError(f"not a guide: use .txt or .md (got '{path.suffix or path.name}')", path)
        if path.stem in found:
            raise PublisherError(f"two sources for guide '{path.stem}' ({found[path.stem].name} and {path.name})",
                                 path)
        found[path.stem] = path
    return [found[slug] for slug in sorted(found)]
