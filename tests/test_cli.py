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
    assert ("SKIPPED a guide: sources/broken.md:3: unknown front matter key 'langauge' (known: title, language, "
            "keep)\n") in result.stdout
    assert result.stderr == ("publisher: sources/broken.md:3: unknown front matter key 'langauge' (known: title, "
                             "language, keep) (1 guide could not be read; see above)\n")
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


def test_init_sets_a_language_up_and_says_what_comes_next(project_dir):
    from publisher.datafiles import check_language_data
    from publisher.project import Project
    from publisher.speech.engine import SpeechEngine
    from publisher.speech.voices import speech_settings

    assert publisher("extract", cwd=project_dir).returncode == 0
    result = publisher("init", "pt_BR", cwd=project_dir)
    assert result.returncode == 0, result.stderr
    folder = project_dir / "locales" / "pt_BR"
    assert sorted(path.name for path in folder.rglob("*") if path.is_file()) == [
        "messages.po", "pronunciation.toml", "speech.toml"]
    with SpeechEngine() as engine:
        installed = engine.voices()
    voice = speech_settings(folder)["voice"]
    assert voice in {item["id"] for item in installed} and "pt" in voice
    check_language_data(Project.at(project_dir), "pt_BR", installed)  # the project's own loaders read them
    assert "bench/speech_rate.py" in (folder / "speech.toml").read_text(encoding="utf-8")
    assert f"(voice {voice})" in result.stdout
    assert "Next steps" in result.stdout and "publisher check pt_BR" in result.stdout
    assert "once 90% of its messages are translated" in result.stdout
    # A translator's own files are kept when the catalogue is started again.
    (folder / "speech.toml").write_text('voice = "roa/pt"\nrate_factor = 1.2\n', encoding="utf-8")
    again = publisher("init", "pt_BR", "--force", cwd=project_dir)
    assert again.returncode == 0 and "Wrote locales/pt_BR/speech.toml" not in again.stdout
    assert "1.2" in (folder / "speech.toml").read_text(encoding="utf-8")


def test_check_says_where_to_add_a_languages_spelling_of_a_medicine(project_dir):
    assert publisher("extract", cwd=project_dir).returncode == 0
    assert publisher("init", "pt_BR", cwd=project_dir).returncode == 0
    po = project_dir / "locales" / "pt_BR" / "LC_MESSAGES" / "messages.po"
    from publisher.i18n.catalogs import read_catalog, write_catalog

    catalog = read_catalog(po)
    source = next(message.id for message in catalog if message.id and "riluzole" in message.id.lower())
    catalog[source].string = source.replace("Riluzole", "Riluzol").replace("riluzole", "riluzol")
    write_catalog(catalog, po)
    result = publisher("check", "pt_BR", cwd=project_dir)
    assert result.returncode == 1
    assert ("'riluzole' is missing (write riluzole; if pt_BR spells it another way, add that spelling to "
            "locales/do-not-translate.toml under [medicines.riluzole]: pt_BR = \"...\")") in result.stderr
    names = project_dir / "locales" / "do-not-translate.toml"
    names.write_text(names.read_text(encoding="utf-8").replace('[medicines.riluzole]\n',
                                                               '[medicines.riluzole]\npt_BR = "riluzol"\n'),
                     encoding="utf-8")
    assert publisher("check", "pt_BR", cwd=project_dir).returncode == 0
