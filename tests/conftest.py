"""Shared fixtures: the repository, and throwaway copies of its project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# A guide short enough to build in seconds, for tests that build many times.
TINY_GUIDE = """Living with ALS
ALS is a disease of the nerve cells that control muscles. It gets worse over time.
Caring for yourself
Eat small meals often. Ask your care team about a feeding tube if swallowing gets hard. Riluzole may slow the disease a little.
"""
SEED_SLUGS = ("als-causes-overview", "als-disease-mechanism", "als-pathophysiology", "als-treatment-protocol")


def copy_project(target: Path, *, sources: bool = True) -> Path:
    """A copy of the project's data folders in `target` (code stays installed)."""
    for folder in ("templates", "locales") + (("sources",) if sources else ()):
        shutil.copytree(REPO / folder, target / folder)
    (target / "sources").mkdir(exist_ok=True)
    shutil.copy2(REPO / "publisher.toml", target / "publisher.toml")
    return target


@pytest.fixture(scope="session")
def plain_cache(tmp_path_factory) -> Path:
    """The seed guides made plain once a session (by `publisher report` in a
    copy of the project), for copies to start with: the plain-language
    engine is the slow part of a small build, and its cache is keyed by
    content, so a copy whose sources or rules differ makes them again."""
    project = copy_project(tmp_path_factory.mktemp("plain-cache") / "project")
    subprocess.run([sys.executable, "-m", "publisher", "report"], cwd=project, capture_output=True, check=True,
                   timeout=600)
    return project / ".cache" / "plain"


def with_plain_cache(project: Path, cache: Path) -> Path:
    """`project`, its cache of plain results started from `cache`."""
    shutil.copytree(cache, project / ".cache" / "plain")
    return project


@pytest.fixture
def project_dir(tmp_path: Path, plain_cache: Path) -> Path:
    """A fresh copy of the project with the seed guides (made plain already)."""
    return with_plain_cache(copy_project(tmp_path / "project"), plain_cache)


@pytest.fixture
def empty_project_dir(tmp_path: Path) -> Path:
    """A copy of the project with templates and locales but no guides."""
    return copy_project(tmp_path / "project", sources=False)


def with_seed_switches(rules, guide: str, also=frozenset()):
    """`rules` with every transformation a seed guide switched back on
    (locales/en/plain-off.toml [on]), and those named in `also`, switched on
    for `guide` too: the engine as a guide's editor who read its plain text
    may set it."""
    from dataclasses import replace

    from publisher.plain.switches import Switches

    every = frozenset().union(*rules.switches.on.values(), also) & rules.switches.off
    return replace(rules, switches=Switches(rules.switches.off, {**rules.switches.on, guide: every}))
