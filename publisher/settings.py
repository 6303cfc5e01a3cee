"""The project's own settings, from `publisher.toml` at its root (optional).

    [publisher]
    name = "ALS Support Network"   # shown as the artist of the audio guides
"""

from __future__ import annotations

from dataclasses import dataclass

from .datafiles import Table, Text, load_data
from .project import Project

SETTINGS_FILE = "publisher.toml"
DEFAULT_PUBLISHER_NAME = "publisher"
SHAPE = Table({"publisher": Table({"name": Text(blank=False, what="the publisher's name, as text")})})


@dataclass(frozen=True)
class Settings:
    """Who publishes the guides."""

    publisher_name: str = DEFAULT_PUBLISHER_NAME


def load_settings(project: Project) -> Settings:
    """The settings of `project`; defaults where `publisher.toml` is absent or silent."""
    path = project.root / SETTINGS_FILE
    if not path.exists():
        return Settings()
    name = load_data(path, SHAPE).get("publisher", {}).get("name", DEFAULT_PUBLISHER_NAME)
    return Settings(" ".join(name.split()))
