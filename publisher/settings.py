"""The project's own settings, from `publisher.toml` at its root (optional).

    [publisher]
    name = "ALS Support Network"   # shown as the artist of the audio guides
"""

from __future__ import annotations

from dataclasses import dataclass

from .datafiles import find_line, load_toml
from .errors import PublisherError
from .project import Project

SETTINGS_FILE = "publisher.toml"
DEFAULT_PUBLISHER_NAME = "publisher"


@dataclass(frozen=True)
class Settings:
    """Who publishes the guides."""

    publisher_name: str = DEFAULT_PUBLISHER_NAME


def load_settings(project: Project) -> Settings:
    """The settings of `project`; defaults where `publisher.toml` is absent or silent."""
    path = project.root / SETTINGS_FILE
    if not path.exists():
        return Settings()
    table = load_toml(path)
    publisher = table.get("publisher", {})
    if not isinstance(publisher, dict):
        raise PublisherError("[publisher] must be a table", path, find_line(path, "publisher"))
    unknown = sorted(set(table) - {"publisher"}) + sorted(f"publisher.{key}" for key in set(publisher) - {"name"})
    if unknown:
        raise PublisherError(f"unknown setting '{unknown[0]}' (known: publisher.name)", path,
                             find_line(path, unknown[0].split(".")[-1]))
    name = publisher.get("name", DEFAULT_PUBLISHER_NAME)
    if not isinstance(name, str) or not name.strip():
        raise PublisherError("publisher.name must be the publisher's name, as text", path, find_line(path, "name"))
    return Settings(" ".join(name.split()))
