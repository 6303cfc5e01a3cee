"""Rebuilds redo only what changed: run on copies of the session's build."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from conftest import SEED_SLUGS
from e2e.conftest import copy_built
from publisher.formats import REGISTRY

EDITIONS = len(SEED_SLUGS) * 4  # guides x languages
FILES = EDITIONS * len(REGISTRY)  # one file per edition and format


def test_a_rebuild_with_nothing_changed_is_up_to_date_and_writes_nothing(built_project, tmp_path):
    project = copy_built(built_project[0], tmp_path / "project")
    before = outputs(project)
    stdout = publisher(project, "build")
    assert "Wrote 0 files in" in stdout and f"(0 editions; {FILES} editions already up to date)" in stdout, stdout
    assert "Building" not in stdout
    assert outputs(project) == before


def test_a_changed_template_rebuilds_exactly_the_files_that_use_it(built_project, tmp_path):
    project = copy_built(built_project[0], tmp_path / "project")
    before = outputs(project)
    css = project / "templates" / "screen.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* darker links */\n", encoding="utf-8")
    stdout = publisher(project, "build")
    assert re.search(rf"Wrote {EDITIONS * 6} files in .* \({EDITIONS} editions: {EDITIONS} HTML; "
                     rf"{EDITIONS * 5} files that go with them: fonts and their licence; "
                     rf"{FILES - EDITIONS} editions already up to date\)", stdout), stdout
    after = outputs(project)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed and all(name.endswith(".html") for name in changed) and len(changed) == EDITIONS, changed
    assert "darker links" in (project / "output" / "en" / f"{SEED_SLUGS[0]}.html").read_text(encoding="utf-8")
    forced = publisher(project, "build", "--force", "-f", "html", "-l", "en")
    assert f"({len(SEED_SLUGS)} editions: {len(SEED_SLUGS)} HTML;" in forced and "up to date" not in forced, forced


def outputs(project: Path) -> dict[str, str]:
    """Each output file (not the build records) and the hash of its bytes."""
    folder = project / "output"
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in folder.rglob("*") if path.is_file() and "/.build/" not in str(path)}


def publisher(project: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "publisher", *args], cwd=project, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout
