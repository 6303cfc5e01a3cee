"""Build the real guides once per test session, with real espeak-ng and WeasyPrint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> tuple[Path, str]:
    """A project copy in which `publisher build` has run (every language); its folder and build output."""
    project = copy_project(tmp_path_factory.mktemp("e2e") / "project")
    (project / "publisher.toml").write_text('[publisher]\nname = "Northside ALS Support Group"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "publisher", "build"], cwd=project, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr + result.stdout
    return project, result.stdout


@pytest.fixture(scope="session")
def english_build(built_project) -> Path:
    """The English output folder of the session's build."""
    return built_project[0] / "output" / "en"
