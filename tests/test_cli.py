"""The command line: help, and one clear line for every user error."""

import subprocess
import sys

import pytest

from publisher.build_record import RECORDS
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
    assert "SKIPPED a guide: sources/broken.md:3: unknown front matter key 'langauge' (known: title, language)\n" \
        in result.stdout
    assert result.stderr == ("publisher: sources/broken.md:3: unknown front matter key 'langauge' (known: title, "
                             "language) (1 guide could not be read; see above)\n")
    built = sorted(path.name for path in (project_dir / "output" / "en").iterdir() if path.is_file())
    assert built == [f"{slug}.html" for slug in SEED_SLUGS]  # and their fonts/ folder
    assert sorted(path.name for path in (project_dir / "output" / RECORDS / "en").iterdir()) == \
        [f"{slug}.html.json" for slug in SEED_SLUGS]


def test_debug_shows_the_traceback(project_dir):
    result = publisher("--debug", "build", "--guide", "nope", cwd=project_dir)
    assert result.returncode == 1 and "Traceback" in result.stderr


def test_a_rewrite_that_fails_its_checks_is_built_as_the_source_sentence(project_dir):
    # A lexicon entry that would turn a hedge into a promise: the check refuses it.
    lexicon = project_dir / "locales" / "en" / "lexicon.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace("[words]\n", '[words]\n"may slow" = "will slow"\n', 1),
                       encoding="utf-8")
    (project_dir / "sources" / "hedged.md").write_text(
        "---\ntitle: Medicines for ALS\n---\n\nRiluzole may slow the disease for some people.\n", encoding="utf-8")
    result = publisher("build", "--format", "html", "--locale", "en", "--guide", "hedged", cwd=project_dir)
    assert result.returncode == 0, result.stderr
    page = (project_dir / "output" / "en" / "hedged.html").read_text(encoding="utf-8")
    assert "Riluzole may slow the disease for some people." in page
    assert "will slow" not in page


def test_review_writes_a_page_per_guide_with_the_report_figures(project_dir):
    result = publisher("review", cwd=project_dir)
    assert result.returncode == 0, result.stderr
    report = publisher("report", cwd=project_dir).stdout
    for slug in SEED_SLUGS:
        page = (project_dir / "output" / "review" / f"{slug}.html").read_text(encoding="utf-8")
        block = report.split(f"{slug}\n", 1)[1]
        after = next(line for line in block.splitlines() if line.strip().startswith("after")).split()
        assert f'<td class="after-grade">{after[1]}</td>' in page
        assert f'<td class="after-smog">{after[2]}</td>' in page
        assert "locales/en/overrides.toml" in page
