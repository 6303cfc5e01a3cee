"""Build the real guides once per test session, with real espeak-ng and WeasyPrint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, with_plain_cache


@pytest.fixture(scope="session")
def built_project(tmp_path_factory, plain_cache) -> tuple[Path, str]:
    """A project copy in which `publisher build` has run (every language); its folder and build output."""
    project = with_plain_cache(copy_project(tmp_path_factory.mktemp("e2e") / "project"), plain_cache)
    (project / "publisher.toml").write_text('[publisher]\nname = "Northside ALS Support Group"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "publisher", "build"], cwd=project, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr + result.stdout
    return project, result.stdout


@pytest.fixture(scope="session")
def english_build(built_project) -> Path:
    """The English output folder of the session's build."""
    return built_project[0] / "output" / "en"


def copy_built(project: Path, target: Path) -> Path:
    """A copy of a built project to change and build again: the cache and the
    outputs are hard-linked (large, and only ever replaced whole, never
    changed in place, so the original stays as it was), the rest copied."""

    def link_or_copy(source: str, copy: str) -> None:
        if "/.cache/" in source or "/output/" in source:
            try:
                Path(copy).hardlink_to(source)
                return
            except OSError:
                pass
        shutil.copy2(source, copy)

    shutil.copytree(project, target, copy_function=link_or_copy)
    return target
