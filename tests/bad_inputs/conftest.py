"""A small project built once per session, for the bad-input cases to copy and break."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TINY_GUIDE, copy_project

LANGUAGES = ("en", "es")  # the base project ships these two only: a case builds everything it ships


@pytest.fixture(scope="session")
def built_base(tmp_path_factory) -> Path:
    """A project with one short guide in English and Spanish, every format built."""
    project = copy_project(tmp_path_factory.mktemp("bad-inputs") / "project", sources=False)
    for folder in (project / "locales").iterdir():
        if folder.is_dir() and folder.name not in LANGUAGES:
            shutil.rmtree(folder)
    (project / "sources" / "tiny-guide.txt").write_text(TINY_GUIDE, encoding="utf-8")
    settings = (project / "publisher.toml").read_text(encoding="utf-8")
    # The tiny guide has no Spanish translation: publish its Spanish edition all the same.
    (project / "publisher.toml").write_text(settings.replace("threshold = 90", "threshold = 0"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "publisher", "build"], cwd=project, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr + result.stdout
    return project
