"""Build the real guides once per test session, with real espeak-ng and WeasyPrint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project


@pytest.fixture(scope="session")
def english_build(tmp_path_factory) -> Path:
    """A project copy in which `publisher build --locale en` has run; its output folder."""
    project = copy_project(tmp_path_factory.mktemp("e2e") / "project")
    result = subprocess.run([sys.executable, "-m", "publisher", "build", "--locale", "en"], cwd=project,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr + result.stdout
    return project / "output" / "en"
