"""The project's own settings, from `publisher.toml` at its root (optional).

    [publisher]
    name = "ALS Support Network"   # shown as the artist of the audio guides

    [translation]
    threshold = 90                 # publish a guide in a language once this % of it is translated
"""

from __future__ import annotations

from dataclasses import dataclass

from .datafiles import Number, Table, Text, load_data
from .project import Project

SETTINGS_FILE = "publisher.toml"
DEFAULT_PUBLISHER_NAME = "publisher"
DEFAULT_TRANSLATION_THRESHOLD = 90
SHAPE = Table({
    "publisher": Table({"name": Text(blank=False, what="the publisher's name, as text")}),
    "translation": Table({"threshold": Number(0, 100)}),
})


@dataclass(frozen=True)
class Settings:
    """Who publishes the guides, and how much of a guide must be translated
    (percent of its messages) before its edition in a language is published."""

    publisher_name: str = DEFAULT_PUBLISHER_NAME
    translation_threshold: float = DEFAULT_TRANSLATION_THRESHOLD


def load_settings(project: Project) -> Settings:
    """The settings of `project`; defaults where `publisher.toml` is absent or silent."""
    path = project.root / SETTINGS_FILE
    if not path.exists():
        return Settings()
    data = load_data(path, SHAPE)
    name = data.get("publisher", {}).get("name", DEFAULT_PUBLISHER_NAME)
    threshold = data.get("translation", {}).get("threshold", DEFAULT_TRANSLATION_THRESHOLD)
    return Settings(" ".join(name.split()), threshold)
