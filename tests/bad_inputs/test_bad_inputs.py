"""Bad input and faults, each run through the real command line on a copy of a
built project: every case exits non-zero with exactly one line on stderr that
names the file (and its line, where the file has lines), with no traceback;
`output/` holds the old files and nothing else; nothing outside the project
is read (its contents never show) or written.

A case is a name, what to break, the command, and the file the error must
name. The project starts as one short guide built in English and Spanish.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

SECRET = "OUTSIDE-THE-PROJECT-7f3a9c"  # in every file outside the project: must never show up
SPANISH = "locales/es/LC_MESSAGES/messages.po"


@dataclass(frozen=True)
class Case:
    """One bad input: `breaks(project, outside)` spoils a copy of the built
    project; running `args` there must fail naming `path` (relative to the
    project), at the line of the file's first line containing `line_of`
    (or at line `line`) when given."""

    name: str
    breaks: Callable[[Path, Path], None]
    path: str
    args: tuple[str, ...] = ("build",)
    line: int | None = None
    line_of: str | None = None


# --- ways to break a project ----------------------------------------------------------------


def edit(project: Path, name: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in a project file."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}: the case needs updating"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def write(project: Path, name: str, text: str | bytes) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def link_outside(name: str, folder: bool = False) -> Callable[[Path, Path], None]:
    """Replace project file (or folder) `name` by a link to a file (folder) outside the project."""

    def breaks(project: Path, outside: Path) -> None:
        path = project / name
        if path.is_dir() and not path.is_symlink():
            target = outside / path.name
            shutil.copytree(path, target)
            for file in target.rglob("*"):
                if file.is_file():
                    with file.open("a", encoding="utf-8") as handle:
                        handle.write(f"\n# {SECRET}\n")
            shutil.rmtree(path)
        elif folder:
            target = outside / path.name
            target.mkdir()
        else:
            path.unlink(missing_ok=True)
            target = outside / "secret.txt"
        path.symlink_to(target)

    return breaks


def source(name: str, text: str | bytes) -> Callable[[Path, Path], None]:
    return lambda project, outside: write(project, f"sources/{name}", text)


def changed(name: str, old: str, new: str) -> Callable[[Path, Path], None]:
    return lambda project, outside: edit(project, name, old, new)


def replaced(name: str, text: str) -> Callable[[Path, Path], None]:
    return lambda project, outside: write(project, name, text)


def first_setting_line(name: str, old: str, new: str) -> Callable[[Path, Path], None]:
    """Replace the first `old` on a line that is not a comment."""

    def breaks(project: Path, outside: Path) -> None:
        path = project / name
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(n for n, line in enumerate(lines) if old in line and not line.lstrip().startswith("#"))
        lines[number] = lines[number].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")

    return breaks


def stray_brace(project: Path, outside: Path) -> None:
    edit(project, SPANISH, '#, python-brace-format\nmsgid "Page {page} of {pages}"\nmsgstr "Página {page} de {pages}"',
         'msgid "Page {page} of {pages}"\nmsgstr "Página {page} de {pages}}"')


def output_folder_is_a_file(project: Path, outside: Path) -> None:
    shutil.rmtree(project / "output" / "es")
    write(project, "output/es", "not a folder\n")


def target_is_a_folder(project: Path, outside: Path) -> None:
    (project / "output" / "en" / "tiny-guide.html").unlink()
    (project / "output" / "en" / "tiny-guide.html").mkdir()


def output_is_a_file(project: Path, outside: Path) -> None:
    shutil.rmtree(project / "output")
    write(project, "output", "not a folder\n")


def cache_is_a_file(project: Path, outside: Path) -> None:
    shutil.rmtree(project / ".cache")
    write(project, ".cache", "not a folder\n")


def fifo_source(project: Path, outside: Path) -> None:
    os.mkfifo(project / "sources" / "pipe.txt")


def unknown_language_folder(project: Path, outside: Path) -> None:
    shutil.copytree(project / "locales" / "es", project / "locales" / "zz")


def latin1_declared(project: Path, outside: Path) -> None:
    edit(project, SPANISH, "charset=utf-8", "charset=ISO-8859-1")


def invalid_utf8_catalogue(project: Path, outside: Path) -> None:
    path = project / SPANISH
    path.write_bytes(path.read_bytes().replace("Página".encode(), "Página".encode("latin-1"), 1))


def no_template(project: Path, outside: Path) -> None:
    (project / "locales" / "messages.pot").unlink()


def glossary_without_text(project: Path, outside: Path) -> None:
    path = project / "locales" / "en" / "glossary.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith("glossary ="))
    del lines[number]
    path.write_text("\n".join(lines), encoding="utf-8")


ALIAS_BOMB = "---\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(9)) + "title: Bomb\n---\n\n" \
    "ALS is a disease of the nerve cells.\n"

CASES = [
    # Reading outside the project through links
    Case("a source that links outside", link_outside("sources/passwd.txt"), "sources/passwd.txt"),
    Case("a catalogue that links outside", link_outside(SPANISH), SPANISH),
    Case("init through a language folder that links outside", link_outside("locales/pt_BR", folder=True),
         "locales/pt_BR", ("init", "pt_BR")),
    Case("init through a language folder that links to another language",
         lambda project, outside: (project / "locales" / "pt_BR").symlink_to("es"), "locales/pt_BR",
         ("init", "pt_BR", "--force")),
    Case("the sources folder links outside", link_outside("sources"), "sources"),
    Case("the templates folder links outside", link_outside("templates"), "templates"),
    Case("a data file that links outside", link_outside("locales/en/lexicon.toml"), "locales/en/lexicon.toml"),
    Case("the settings file links outside", link_outside("publisher.toml"), "publisher.toml"),
    # Catalogues
    Case("a catalogue with an unknown charset", changed(SPANISH, "charset=utf-8", "charset=BOGUS-42"), SPANISH,
         line_of="charset="),
    Case("a catalogue declaring Latin-1 but written in UTF-8", latin1_declared, SPANISH, line_of="charset="),
    Case("a catalogue declaring UTF-8 with Latin-1 bytes", invalid_utf8_catalogue, SPANISH, line_of="P\xe1gina"),
    Case("a catalogue folder for an unknown language", unknown_language_folder, "locales/zz"),
    Case("a stray brace in a translation whose format flag was removed", stray_brace, SPANISH, ("check", "es"),
         line_of='msgid "Page {page} of {pages}"'),
    Case("a catalogue with a syntax error",
         changed(SPANISH, 'msgstr "Página {page} de {pages}"', 'msgstr "Página {page} de {pages}'), SPANISH,
         line_of='msgstr "Página {page} de {pages}'),
    Case("update without a template", no_template, "locales/messages.pot", ("update", "es")),
    # Data files
    Case("a voice that is a number", changed("locales/es/speech.toml", 'voice = "roa/es"', "voice = 5"),
         "locales/es/speech.toml", line_of="voice = 5"),
    Case("a rate factor that is a word", changed("locales/es/speech.toml", "rate_factor = 1.15", 'rate_factor = "fast"'),
         "locales/es/speech.toml", line_of='rate_factor = "fast"'),
    Case("a rate factor of zero", changed("locales/es/speech.toml", "rate_factor = 1.15", "rate_factor = 0"),
         "locales/es/speech.toml", line_of="rate_factor = 0"),
    Case("a voice that is not installed", changed("locales/es/speech.toml", 'voice = "roa/es"', 'voice = "roa/xx"'),
         "locales/es/speech.toml", line_of="voice ="),
    Case("speech settings that are not TOML", changed("locales/es/speech.toml", 'voice = "roa/es"', 'voice = "roa/es'),
         "locales/es/speech.toml", line_of="voice ="),
    Case("pronunciations that are not a table", replaced("locales/es/pronunciation.toml", 'say = "x"\n'),
         "locales/es/pronunciation.toml", line=1),
    Case("a pronunciation that is a number", changed("locales/es/pronunciation.toml", "[say]\n", '[say]\n"ALS" = 5\n'),
         "locales/es/pronunciation.toml", line_of='"ALS" = 5'),
    Case("names to keep that are a number", changed("locales/do-not-translate.toml", "keep = [", "keep = 5\nold = ["),
         "locales/do-not-translate.toml", line_of="keep = 5"),
    Case("an override that is a number", replaced("locales/en/overrides.toml", "override = 5\n"),
         "locales/en/overrides.toml", line=1),
    Case("a term sentence with {0} for {names}", first_setting_line("locales/en/terms.toml", "{names}", "{0}"),
         "locales/en/terms.toml", line_of="{0}"),
    Case("a topic heading with {topic} for {subject}", first_setting_line("locales/en/topics.toml", "{subject}", "{topic}"),
         "locales/en/topics.toml", line_of="{topic}"),
    Case("a glossary entry without its text", glossary_without_text, "locales/en/glossary.toml"),
    Case("a lexicon that is not TOML", changed("locales/en/lexicon.toml", "[words]", "[words"),
         "locales/en/lexicon.toml", line_of="[words"),
    Case("a braille table that is a number", first_setting_line("locales/en/braille.toml", 'table = "en-ueb-g2.ctb"', "table = 5"),
         "locales/en/braille.toml", line_of="table = 5"),
    Case("a braille table that does not exist",
         first_setting_line("locales/en/braille.toml", 'table = "en-ueb-g2.ctb"', 'table = "no-such-table.ctb"'),
         "locales/en/braille.toml", line_of="no-such-table"),
    Case("settings that are not TOML", replaced("publisher.toml", "[publisher\nname = 'x'\n"), "publisher.toml", line=1),
    Case("an unknown setting", replaced("publisher.toml", "[publisher]\nnmae = 'Group'\n"), "publisher.toml", line=2),
    Case("a translation threshold over 100%", replaced("publisher.toml", "[translation]\nthreshold = 150\n"),
         "publisher.toml", line=2),
    Case("a publisher name that is a number", replaced("publisher.toml", "[publisher]\nname = 5\n"), "publisher.toml",
         line=2),
    # Sources that are not guides
    Case("a named pipe in sources", fifo_source, "sources/pipe.txt"),
    Case("a guide with no sentences", source("stars.txt", "A guide\n* * *\n- - -\n"), "sources/stars.txt"),
    Case("a guide of numbers and symbols", source("numbers.txt", "Numbers\n12 % 45 $ 7/8\n100%, 3.5 & 2\n"),
         "sources/numbers.txt"),
    Case("a title that is not text", source("dict-title.md", "---\ntitle: {a: 1}\n---\n\nALS is a disease of the nerves.\n"),
         "sources/dict-title.md", line=2),
    Case("a language that is not text", source("list-lang.md", "---\ntitle: A guide\nlanguage: [en]\n---\n\nALS is a "
                                                "disease of the nerves.\n"), "sources/list-lang.md", line=3),
    Case("front matter that expands without end", source("bomb.md", ALIAS_BOMB), "sources/bomb.md"),
    Case("an empty source", source("empty.txt", ""), "sources/empty.txt", line=1),
    Case("a source with only a title", source("title-only.txt", "Just a title\n"), "sources/title-only.txt", line=1),
    Case("a source in Latin-1", source("latin.txt", "Gu\xeda\nEl ELA es una enfermedad.\n".encode("latin-1")),
         "sources/latin.txt", line=1),
    Case("a source with binary data", source("binary.txt", b"Title\nSome text.\x00\x01\x02\n"), "sources/binary.txt",
         line=2),
    Case("a source of an unknown kind", source("notes.docx", "Title\nText.\n"), "sources/notes.docx"),
    Case("a source whose name is not a slug", source("My Guide.txt", "Title\nText here.\n"), "sources/My Guide.txt"),
    Case("two sources for one guide", source("tiny-guide.md", "# Title\n\nText here.\n"), "sources/tiny-guide.txt"),
    Case("front matter that is not closed", source("open.md", "---\ntitle: A guide\n\nALS is a disease.\n"),
         "sources/open.md", line=1),
    Case("front matter that is not YAML", source("bad-yaml.md", "---\ntitle: [A guide\n---\n\nALS is a disease.\n"),
         "sources/bad-yaml.md"),
    Case("an unknown front matter key", source("typo.md", "---\ntitle: A guide\nlangauge: en\n---\n\nText here.\n"),
         "sources/typo.md", line=3),
    Case("an unknown language", source("xx.md", "---\ntitle: A guide\nlanguage: qq\n---\n\nText here.\n"),
         "sources/xx.md"),
    Case("a Markdown table", source("table.md", "# A guide\n\nText here.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
         "sources/table.md", line=5),
    Case("a Markdown picture", source("picture.md", "# A guide\n\nText here. ![a nerve](nerve.png)\n"),
         "sources/picture.md", line=3),
    Case("no title at all", source("untitled.md", "---\ntitle: ''\n---\n\nText here.\n"), "sources/untitled.md"),
    # Where the output goes
    Case("an output language folder that is a file", output_folder_is_a_file, "output/es"),
    Case("a target that is a folder", target_is_a_folder, "output/en/tiny-guide.html",
         ("build", "-f", "html", "-l", "en", "--force")),
    Case("an output folder that is a file", output_is_a_file, "output"),
    Case("a cache folder that is a file", cache_is_a_file, ".cache", ("build", "--force", "-f", "mp3", "-l", "en")),
]


# --- running a case ---------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder` (or `folder` itself if it is a
    file): for a file its size, modification time and inode, so a replaced
    file shows. (A folder's own time changes when a temporary file comes and
    goes in it.)"""
    if not folder.exists() and not folder.is_symlink():
        return {}
    paths = [folder, *sorted(folder.rglob("*"))] if folder.is_dir() else [folder]
    return {str(path.relative_to(folder.parent)): "folder" if path.is_dir() else
            (path.lstat().st_size, path.lstat().st_mtime_ns, path.lstat().st_ino) for path in paths}


def run(args: tuple[str, ...], cwd: Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publisher", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, **options)


def assert_one_line_naming(result: subprocess.CompletedProcess, project: Path, path: str, line: int | None) -> None:
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{path}:{line}: " if line is not None else f"{path}"
    assert lines[0].removeprefix("publisher: ").startswith(where), lines[0]  # `check` writes file:line: problem


def expected_line(project: Path, case: Case) -> int | None:
    if case.line_of is None:
        return case.line
    data = (project / case.path).read_bytes().decode("utf-8", errors="replace") if (project / case.path).is_file() else ""
    if case.line_of.isascii() or "\ufffd" not in data:
        needle = case.line_of
    else:  # the case wrote Latin-1 bytes: find them as undecodable
        needle = case.line_of.encode("latin-1").decode("utf-8", errors="replace")
    return next(number for number, text in enumerate(data.split("\n"), start=1) if needle in text)


def make_copy(built_base: Path, folder: Path) -> tuple[Path, Path]:
    """A copy of the built project in `folder`, and a folder beside it (outside it) holding the secret."""
    project = folder / "project"
    shutil.copytree(built_base, project, symlinks=True)
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return project, outside


@pytest.fixture
def broken(built_base: Path, tmp_path: Path):
    return make_copy(built_base, tmp_path)


@dataclass
class Outcome:
    """What running a case did."""

    project: Path
    result: subprocess.CompletedProcess
    output_before: dict
    output_after: dict
    outside_before: dict
    outside_after: dict
    line: int | None


@pytest.fixture(scope="module")
def outcomes(built_base: Path, tmp_path_factory) -> dict[str, Outcome]:
    """Every case run once, a few at a time (each is mostly a Python start-up)."""
    from concurrent.futures import ThreadPoolExecutor

    def run_case(case: Case) -> Outcome:
        project, outside = make_copy(built_base, tmp_path_factory.mktemp("case"))
        case.breaks(project, outside)
        output_before, outside_before = snapshot(project / "output"), snapshot(outside)
        result = run(case.args, project)
        return Outcome(project, result, output_before, snapshot(project / "output"), outside_before,
                       snapshot(outside), expected_line(project, case))

    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 1) as pool:
        return dict(zip((case.name for case in CASES), pool.map(run_case, CASES)))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_input_is_one_line_naming_the_file(outcomes, case: Case):
    outcome = outcomes[case.name]
    assert_one_line_naming(outcome.result, outcome.project, case.path, outcome.line)
    assert outcome.output_after == outcome.output_before, "output/ changed"
    assert outcome.outside_after == outcome.outside_before, "something was written outside the project"
    assert SECRET not in outcome.result.stdout + outcome.result.stderr
    output = outcome.project / "output"
    for path in output.rglob("*") if output.is_dir() else ():
        if path.is_file() and path.suffix in (".html", ".vtt", ".brf", ".json"):
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_link_inside_the_project_is_fine(broken):
    project, _ = broken
    (project / "shared").mkdir()
    (project / "shared" / "linked-guide.txt").write_text("Linked guide\nALS is a disease of the nerve cells. It "
                                                        "makes muscles weak.\n", encoding="utf-8")
    (project / "sources" / "linked-guide.txt").symlink_to(Path("..") / "shared" / "linked-guide.txt")
    result = run(("build", "-f", "html", "-l", "en"), project)
    assert result.returncode == 0, result.stderr
    assert "ALS is a disease of the nerve cells." in (project / "output" / "en" / "linked-guide.html").read_text()


def test_a_stray_brace_is_held_back_from_the_build(broken):
    """`publisher check` names it (a case above); the build prints that one
    message in English and says why, and builds the rest."""
    project, outside = broken
    stray_brace(project, outside)
    result = run(("build", "-l", "es", "-f", "pdf"), project)
    assert result.returncode == 0, result.stderr
    assert "held back by checks" in result.stdout


# --- faults of the machine: no permission, a full disk -----------------------------------------


@contextlib.contextmanager
def as_other_user(project: Path):
    """Run the command as a user who owns the project but is refused by
    file modes; for root (who ignores them) that is `nobody`."""
    if os.geteuid() != 0:
        yield {}
        return
    for parent in [project, *project.parents]:  # let nobody reach the project (pytest's folders are private)
        if parent == Path(parent.anchor):
            break
        parent.chmod(parent.stat().st_mode | 0o711)
    subprocess.run(["chown", "-R", "65534:65534", str(project)], check=True)
    yield {"preexec_fn": None, "env": {**os.environ, "HOME": str(project)},
           "prefix": ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]}


def test_an_output_folder_that_cannot_be_written(broken):
    project, _ = broken
    with as_other_user(project) as how:
        (project / "output" / "en").chmod(0o555)
        before = snapshot(project / "output")
        prefix = how.pop("prefix", [])
        how.pop("preexec_fn", None)
        result = subprocess.run([*prefix, sys.executable, "-m", "publisher", "build", "--force", "-f", "html",
                                 "-l", "en"], cwd=project, capture_output=True, text=True, timeout=120, **how)
        assert_one_line_naming(result, project, "output/en", None)
        assert "ermission" in result.stderr
        assert snapshot(project / "output") == before


@contextlib.contextmanager
def full_disk(project: Path):
    """`output/` on a full disk: a small tmpfs if this machine lets us mount
    one, or else a file size limit (the same failure to write, as EFBIG)."""
    output = project / "output"
    saved = project / "output-saved"
    os.replace(output, saved)
    output.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(output)],
                             capture_output=True).returncode == 0
    try:
        shutil.copytree(saved, output, dirs_exist_ok=True)
        if mounted:
            with contextlib.suppress(OSError), (output / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
            yield None
        else:
            def limit_file_size():
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
            yield limit_file_size
    finally:
        if mounted:
            subprocess.run(["umount", str(output)], check=True)


def test_a_full_disk(broken):
    project, _ = broken
    with full_disk(project) as preexec:
        before = snapshot(project / "output")
        result = run(("build", "--force", "-f", "html", "-l", "en"), project, preexec_fn=preexec)
        assert_one_line_naming(result, project, "output/en", None)
        assert re.search(r"no space left on device|file too large", result.stderr, re.IGNORECASE), result.stderr
        assert snapshot(project / "output") == before
