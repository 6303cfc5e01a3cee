"""Shared fixtures: the repository, and throwaway copies of its project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_SLUGS = ("als-causes-overview", "als-disease-mechanism", "als-pathophysiology", "als-treatment-protocol")


def copy_project(target: Path, *, sources: bool = True) -> Path:
    """A copy of the project's data folders in `target` (code stays installed)."""
    for folder in ("templates", "locales") + (("sources",) if sources else ()):
        shutil.copytree(REPO / folder, target / folder)
    (target / "sources").mkdir(exist_ok=True)
    shutil.copy2(REPO / "publisher.toml", target / "publisher.toml")
    return target


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A fresh copy of the project with the seed guides."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project_dir(tmp_path: Path) -> Path:
    """A copy of the project with templates and locales but no guides."""
    return copy_project(tmp_path / "project", sources=False)
