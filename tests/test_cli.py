"""The command line: help, and one clear line for every user error."""

import subprocess
import sys

import pytest

from conftest import SEED_SLUGS


def publisher(*args, cwd):
    return subprocess.run([sys.executable, "-m", "publisher", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_help_tells_a_newcomer_what_to_do(project_dir):
    result = publisher("--help", cwd=project_dir)
    assert result.returncode == 0
    assert "publisher build" in result.stdout and "output/<language>/<guide>" in result.stdout
    build_help = publisher("build", "--help", cwd=project_dir).stdout
    for option in ("--locale", "--format", "--guide", "--rate", "--jobs", "Examples"):
        assert option in build_help


@pytest.mark.parametrize("args, message", [
    (["build", "--guide", "nope"], "publisher: no guide 'nope' in sources/ (guides: als-causes-overview,"),
    (["build", "--locale", "xx"], "publisher: unknown language 'xx' (use a code like 'es', 'fr' or 'pt_BR'); "
                                  "this project ships en, ar, es, fr"),
    (["build", "--format", "doc"], "publisher: Invalid value for '--format'"),
    (["build", "--rate", "20"], "publisher: Invalid value for '--rate'"),
    (["frobnicate"], "publisher: No such command 'frobnicate'"),
])
def test_bad_options_give_one_line_and_no_traceback(project_dir, args, message):
    result = publisher(*args, cwd=project_dir)
    assert result.returncode != 0
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (project_dir / "output").exists()


def test_missing_sources_folder(tmp_path):
    result = publisher("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "no sources/ folder" in result.stderr and result.stderr.count("\n") == 1


def test_a_bad_source_is_named_with_its_line_and_the_other_guides_are_built(project_dir):
    (project_dir / "sources" / "broken.md").write_text("---\ntitle: x\nlangauge: en\n---\nText.\n")
    result = publisher("build", "--format", "html", "--locale", "en", cwd=project_dir)
    assert result.returncode == 1
    assert "not built: sources/broken.md:3: unknown front matter key 'langauge' (known: title, language)\n" \
        in result.stderr
    assert result.stderr.endswith("publisher: 1 guide could not be read (see above)\n")
    assert "Traceback" not in result.stderr
    built = sorted(path.name for path in (project_dir / "output" / "en").iterdir())
    assert built == [f"{slug}.html" for slug in SEED_SLUGS]


def test_debug_shows_the_traceback(project_dir):
    result = publisher("--debug", "build", "--guide", "nope", cwd=project_dir)
    assert result.returncode == 1 and "Traceback" in result.stderr
