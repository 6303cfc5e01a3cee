"""The TOML data files' shapes (publisher/datafiles.py): every shipped file
fits its shape, and a file that does not is one error naming the file, the
key and its line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from publisher.braille.codes import braille_code
from publisher.datafiles import (Flag, ListOf, Number, OneOf, Table, Text, check, check_build_data,
                                 check_language_data, key_lines, load_data)
from publisher.errors import PublisherError
from publisher.i18n.catalogs import shipped_languages
from publisher.i18n.checks import load_names
from publisher.plain import fixed_names, lexicon, overrides, sections, terms
from publisher.plain.clauses import RULES_FILE, RULES_SHAPE, load_clause_rules
from publisher.project import Project
from publisher.settings import load_settings
from publisher.speech.pronunciation import load_pronunciation
from publisher.speech.voices import language_voice, speech_settings

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "locales"
INSTALLED = [{"id": "gmw/en-us", "languages": ["en-us", "en"]}, {"id": "roa/es", "languages": ["es"]},
             {"id": "roa/fr", "languages": ["fr"]}, {"id": "sem/ar", "languages": ["ar"]}]


# --- every shipped file fits ------------------------------------------------------------------

PLAIN_SHAPES = {"topics.toml": sections.SHAPE, "terms.toml": terms.SHAPE, "glossary.toml": terms.MORE_SHAPE,
                "definitions.toml": terms.MORE_SHAPE,
                "lexicon.toml": lexicon.SHAPE, "overrides.toml": overrides.SHAPE,
                "fixed-names.toml": fixed_names.SHAPE}


def test_every_shipped_data_file_fits_its_shape():
    checked = []
    for path in sorted(LOCALES.rglob("*.toml")):
        name, folder = path.name, path.parent
        if name in PLAIN_SHAPES:
            load_data(path, PLAIN_SHAPES[name])
            if name == "lexicon.toml":
                lexicon.load_lexicon(path)  # and every single word states its part of speech
        elif name == "speech.toml":
            language_voice(folder.name, INSTALLED, folder)
            assert speech_settings(folder)["voice"]
        elif name == "pronunciation.toml":
            assert load_pronunciation(path).respellings
        elif name == "braille.toml":
            braille_code(folder, folder.name)
        elif name == "do-not-translate.toml":
            assert load_names(path).keep
        else:
            continue  # typography.toml: read by i18n.checks.load_typography, tested with it
        checked.append(path.relative_to(REPO).as_posix())
    assert load_settings(Project(REPO)).publisher_name
    load_data(RULES_FILE, RULES_SHAPE)
    assert {"locales/en/terms.toml", "locales/en/glossary.toml", "locales/es/speech.toml",
            "locales/do-not-translate.toml", "locales/fr/braille.toml"} <= set(checked)


def test_the_build_check_passes_the_shipped_project():
    project = Project(REPO)
    check_build_data(project, shipped_languages(project))
    for lang in shipped_languages(project):
        check_language_data(project, lang, INSTALLED)


# --- each kind of mistake, in each file -------------------------------------------------------


def edited(name: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace the first `old` on a line that is not a comment by `new`."""

    def edit(locales: Path) -> None:
        path = locales / name
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(n for n, line in enumerate(lines) if old in line and not line.lstrip().startswith("#"))
        lines[number] = lines[number].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")

    return edit


def written(name: str, text: str) -> Callable[[Path], None]:
    return lambda locales: (locales / name).write_text(text, encoding="utf-8")


def without_glossary(locales: Path) -> None:
    path = locales / "en" / "glossary.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[next(n for n, line in enumerate(lines) if line.startswith("glossary ="))]
    path.write_text("\n".join(lines), encoding="utf-8")


def speech(lang: str) -> Callable[[Path], object]:
    return lambda locales: language_voice(lang, INSTALLED, locales / lang)


def plain_rules(locales: Path) -> None:
    folder = locales / "en"
    sections.load_topics(folder / "topics.toml")
    loaded = terms.load_terms(folder / "terms.toml", folder / "glossary.toml")
    lexicon.load_lexicon(folder / "lexicon.toml", loaded.forms)
    overrides.load_overrides(folder / "overrides.toml")
    fixed_names.load_fixed_names(folder / "fixed-names.toml", "xx")


# name, how to break the copy of locales/, what to load, the file named, the text of the line named
# (or the line's number), words the message must hold
CASES = [
    ("voice is a number", edited("es/speech.toml", 'voice = "roa/es"', "voice = 5"), speech("es"),
     "es/speech.toml", "voice = 5", ["'voice' must be", "voice id"]),
    ("rate factor is a word", edited("es/speech.toml", "rate_factor = 1.15", 'rate_factor = "fast"'), speech("es"),
     "es/speech.toml", 'rate_factor = "fast"', ["'rate_factor' must be a number from 0.5 to 3"]),
    ("rate factor is zero", edited("es/speech.toml", "rate_factor = 1.15", "rate_factor = 0"), speech("es"),
     "es/speech.toml", "rate_factor = 0", ["'rate_factor' must be a number from 0.5 to 3 (it is 0)"]),
    ("rate factor is true", edited("fr/speech.toml", "rate_factor = 0.94", "rate_factor = true"), speech("fr"),
     "fr/speech.toml", "rate_factor = true", ["'rate_factor'"]),
    ("voice is not installed", edited("es/speech.toml", 'voice = "roa/es"', 'voice = "roa/xx"'), speech("es"),
     "es/speech.toml", 'voice = "roa/xx"', ["voice 'roa/xx' is not installed"]),
    ("unknown speech setting", edited("es/speech.toml", "rate_factor = 1.15", "rate_facter = 1.15"), speech("es"),
     "es/speech.toml", "rate_facter", ["'rate_facter' is not a known key (did you mean 'rate_factor'?)"]),
    ("say is not a table", written("es/pronunciation.toml", 'say = "x"\n'), speech("es"),
     "es/pronunciation.toml", 1, ["'say' must be a table"]),
    ("a respelling is a number", edited("fr/pronunciation.toml", '"SLA" = "esse elle a"', '"SLA" = 5'), speech("fr"),
     "fr/pronunciation.toml", '"SLA" = 5', ["'say.SLA' must be how to say it"]),
    ("a respelling is empty", edited("en/pronunciation.toml", '"SOD1" = "S-O-D 1"', '"SOD1" = " "'), speech("en"),
     "en/pronunciation.toml", '"SOD1" = " "', ["'say.SOD1' must not be empty"]),
    ("keep is a number", edited("do-not-translate.toml", "keep = [", "keep = 5\nold = ["),
     lambda locales: load_names(locales / "do-not-translate.toml"),
     "do-not-translate.toml", "keep = 5", ["'keep' must be a list of names"]),
    ("a medicine's spelling is a number", edited("do-not-translate.toml", 'es = "riluzol"', "es = 5"),
     lambda locales: load_names(locales / "do-not-translate.toml"),
     "do-not-translate.toml", "es = 5", ["'medicines.riluzole.es' must be"]),
    ("override is a number", written("en/overrides.toml", "override = 5\n"), plain_rules,
     "en/overrides.toml", 1, ["'override' must be [[override]] tables"]),
    ("an override's plain text is a number", edited("en/overrides.toml", "plain = \"As we learn", "plain = 5 #"),
     plain_rules, "en/overrides.toml", "plain = 5", ["[[override]] 4: 'plain' must be a sentence or a list"]),
    ("{0} for {names}", edited("en/terms.toml", "{names}", "{0}"), plain_rules,
     "en/terms.toml", "{0}", ["'kinds.drug.one' has the placeholder {0}", "{names}"]),
    ("an unknown placeholder", edited("en/terms.toml", "{names} are genes", "{name} are genes"), plain_rules,
     "en/terms.toml", "{name} are genes", ["'kinds.gene.many' has the placeholder {name}"]),
    ("a stray brace", edited("en/terms.toml", "{names} is a protein", "{names} is a {protein"), plain_rules,
     "en/terms.toml", "a {protein", ["'kinds.protein.one' has a stray '{'"]),
    ("a kind's sentence without the names", edited("en/terms.toml", "{names} is a gene.", "It is a gene."),
     plain_rules, "en/terms.toml", "It is a gene.", ["'kinds.gene.one' must use the placeholder {names}"]),
    ("{topic} for {subject}", edited("en/topics.toml", "{subject}", "{topic}"), plain_rules,
     "en/topics.toml", "{topic}", ["'opening.heading' has the placeholder {topic}", "{subject}"]),
    ("{0} in a topic's heading", edited("en/topics.toml", "How is {subject} treated?", "How is {0} treated?"),
     plain_rules, "en/topics.toml", "How is {0} treated?", ["[[topic]] 4: 'heading' has the placeholder {0}"]),
    ("a topic's weight is a word", edited("en/topics.toml", "weight = 10", 'weight = "high"'), plain_rules,
     "en/topics.toml", 'weight = "high"', ["[[topic]] 7: 'weight' must be a number"]),
    ("a glossary entry without its text", without_glossary, plain_rules,
     "en/glossary.toml", "[[term]]", ["[[term]] 1: 'glossary' is missing"]),
    ("a glossary text that is a number", edited("en/glossary.toml", "glossary = \"A sudden burst", "glossary = 5 #"),
     plain_rules, "en/glossary.toml", "glossary = 5", ["[[term]] 1: 'glossary' must be text"]),
    ("a term's forms with a number", edited("en/terms.toml", 'forms = ["ALS", ', "forms = [5, "), plain_rules,
     "en/terms.toml", "forms = [5", ["[[term]] 1: 'forms' item 1 must be text"]),
    ("a misspelt term key", edited("en/terms.toml", "glossary = \"A medicine for ALS", "glosary = \"A medicine"),
     plain_rules, "en/terms.toml", "glosary =", ["[[term]] 2: 'glosary' is not a known key (did you mean 'glossary'?)"]),
    ("a lexicon entry that is a number", edited("en/lexicon.toml", '"prior to" = "before"', '"prior to" = 5'),
     plain_rules, "en/lexicon.toml", '"prior to" = 5', ["'words.prior to' must be text, or a table"]),
    ("a lexicon entry with an unknown part of speech",
     edited("en/lexicon.toml", '"numerous" = { adjective = "many" }', '"numerous" = { adjectve = "many" }'),
     plain_rules, "en/lexicon.toml", "adjectve", ["'words.numerous.adjectve' is not a known key", "'adjective'"]),
    ("reader nouns that are text", edited("en/lexicon.toml", 'nouns = ["patients", "patient"]', 'nouns = "patients"'),
     plain_rules, "en/lexicon.toml", 'nouns = "patients"', ["'reader.nouns' must be a list of words"]),
    ("a fixed name that is a number", edited("en/fixed-names.toml", '"deep brain stimulation", ', "5, "),
     plain_rules, "en/fixed-names.toml", "treatments = [", ["'treatments' item 1 must be text"]),
    ("a braille table that is a number", edited("en/braille.toml", 'table = "en-ueb-g2.ctb"', "table = 5"),
     lambda locales: braille_code(locales / "en", "en"), "en/braille.toml", "table = 5",
     ["'table' must be the name of a liblouis table"]),
    ("a braille table liblouis lacks", edited("es/braille.toml", 'table = "es-g1.ctb"', 'table = "xx.ctb"'),
     lambda locales: braille_code(locales / "es", "es"), "es/braille.toml", 'table = "xx.ctb"',
     ["'table' names 'xx.ctb'"]),
    ("one note indicator", edited("en/braille.toml", '"4-46-126", "4-46-345"', '"4-46-126"'),
     lambda locales: braille_code(locales / "en", "en"), "en/braille.toml", "note_indicators =",
     ["'note_indicators' must be two cells"]),
    ("punctuation that is a list", edited("fr/braille.toml", 'no_space_after = "«"', 'no_space_after = ["«"]'),
     lambda locales: braille_code(locales / "fr", "fr"), "fr/braille.toml", "no_space_after",
     ["'no_space_after' must be a string of punctuation marks"]),
]


@pytest.mark.parametrize("breaks, load, name, line, words", [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_a_mistake_in_a_data_file_names_the_file_the_key_and_its_line(tmp_path, breaks, load, name, line, words):
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    breaks(locales)
    with pytest.raises(PublisherError) as caught:
        load(locales)
    error = caught.value
    path = locales / name
    assert Path(error.path) == path
    if isinstance(line, str):
        line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if line in text and not text.lstrip().startswith("#"))
    assert error.line == line, str(error)
    for word in words:
        assert word in error.message, str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("text, line, words", [
    ('[publisher]\nnmae = "Group"\n', 2, "'publisher.nmae' is not a known key (did you mean 'name'?)"),
    ('[publisher]\nname = 5\n', 2, "'publisher.name' must be the publisher's name"),
    ('publisher = "Group"\n', 1, "'publisher' must be a table"),
])
def test_a_mistake_in_publisher_toml_names_the_key_and_its_line(tmp_path, text, line, words):
    (tmp_path / "publisher.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PublisherError) as caught:
        load_settings(Project(tmp_path))
    assert (caught.value.line, Path(caught.value.path).name) == (line, "publisher.toml")
    assert words in caught.value.message


def test_a_clause_rule_without_its_purpose_names_its_table(tmp_path):
    path = tmp_path / "clause_rules.toml"
    text = RULES_FILE.read_text(encoding="utf-8").replace('name = "semicolons"\npurpose = ', 'name = "semicolons"\n'
                                                          'purpose = 5\nold = ', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PublisherError) as caught:
        load_clause_rules(path)
    assert caught.value.message == "[[rule]] 2: 'purpose' must be text"
    assert text.splitlines()[caught.value.line - 1] == "purpose = 5"


# --- the build's check, before any job --------------------------------------------------------


def test_the_build_check_finds_speech_and_braille_mistakes_before_any_job(tmp_path):
    project = Project(tmp_path)
    shutil.copytree(LOCALES, project.locales)
    edited("es/speech.toml", "rate_factor = 1.15", "rate_factor = 0")(project.locales)
    check_build_data(project, ["fr"])  # Spanish is not built: its file is not read
    with pytest.raises(PublisherError, match=r"'rate_factor' must be a number from 0\.5 to 3") as caught:
        check_build_data(project, ["es"])
    assert (Path(caught.value.path), caught.value.line) == (project.locales / "es" / "speech.toml", 8)
    shutil.copy2(LOCALES / "es" / "speech.toml", project.locales / "es" / "speech.toml")
    edited("es/speech.toml", 'voice = "roa/es"', 'voice = "roa/xx"')(project.locales)
    check_language_data(project, "es")  # without the installed voices, any voice id will do
    with pytest.raises(PublisherError, match="voice 'roa/xx' is not installed") as caught:
        check_language_data(project, "es", INSTALLED)
    assert caught.value.line == 4
    edited("fr/braille.toml", 'table = "fr-bfu-comp6.utb"', "table = true")(project.locales)
    with pytest.raises(PublisherError, match="'table' must be") as caught:
        check_build_data(project, ["fr"])
    assert Path(caught.value.path).name == "braille.toml" and caught.value.line == 8


# --- the helper itself ------------------------------------------------------------------------


def test_key_lines_finds_keys_in_tables_and_arrays_of_tables_not_in_values():
    text = '''# a = 1
top = "x = 1"
list = [
    "b = 2",
    { c = 3 },
]
long = """
d = 4
"""
[table]
"quoted key" = 1
dotted.key = 2

[[item]]
name = "one"

[[item]]
name = "two"  # name = "three"

[[item.part]]
name = "a part"
[item.details]
size = 3
'''
    lines = key_lines(text)
    assert lines[("top",)] == 2 and lines[("list",)] == 3 and lines[("long",)] == 7
    assert ("b",) not in lines and ("c",) not in lines and ("d",) not in lines and ("a",) not in lines
    assert lines[("table", "quoted key")] == 11 and lines[("table", "dotted", "key")] == 12
    assert lines[("item", 0, "name")] == 15 and lines[("item", 1)] == 17 and lines[("item", 1, "name")] == 18
    assert lines[("item", 1, "part", 0, "name")] == 21 and lines[("item", 1, "details", "size")] == 23


def test_a_shape_checks_kinds_ranges_sizes_unknown_keys_and_placeholders(tmp_path):
    path = tmp_path / "some.toml"
    shape = Table({"name": Text(blank=False), "size": Number(1, 9), "on": Flag(),
                   "pair": ListOf(Text(), sizes=(2,), what="two words"),
                   "note": Text(placeholders=("who", "when")),
                   "either": OneOf((Text(), ListOf(Text())), what="text or a list of text"),
                   "rows": ListOf(Table({"id": Text()}, required=("id",)))}, required=("name",))

    def problem(text: str) -> tuple[int | None, str]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(PublisherError) as caught:
            load_data(path, shape)
        return caught.value.line, caught.value.message

    assert problem('size = 2\n') == (None, "'name' is missing")
    assert problem('name = " "\n') == (1, "'name' must not be empty")
    assert problem('name = "a"\nsize = 10\n') == (2, "'size' must be a number from 1 to 9 (it is 10)")
    assert problem('name = "a"\non = 1\n') == (2, "'on' must be true or false")
    assert problem('name = "a"\npair = ["x"]\n') == (2, "'pair' must be two words")
    assert problem('name = "a"\nnote = "{who} at {when!r}"\n') == (
        2, "'note' has the placeholder {when!r}, which is not filled in (placeholders: {who} {when})")
    assert problem('name = "a"\nnote = "{who}}"\n')[1].startswith("'note' has a stray '}'")
    assert problem('name = "a"\neither = 3\n') == (2, "'either' must be text or a list of text")
    assert problem('name = "a"\neither = ["x", 3]\n') == (2, "'either' item 2 must be text")
    assert problem('name = "a"\n[[rows]]\nid = "1"\n[[rows]]\nid = 2\n') == (5, "[[rows]] 2: 'id' must be text")
    assert problem('name = "a"\n[[rows]]\n[[rows]]\nid = "2"\n') == (2, "[[rows]] 1: 'id' is missing")
    assert problem('name = "a"\nrows = 5\n') == (2, "'rows' must be [[rows]] tables")
    assert problem('name = "a"\ncolour = 5\n')[1].startswith("'colour' is not a known key (known: name, size")
    check({"name": "a", "note": "{who} at {when}, {{literally}}"}, shape, path)  # no error


# --- through the command line -----------------------------------------------------------------


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publisher", "--project", str(project), *args], cwd=project,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name, breaks, args, expected", [
    ("terms.toml", edited("en/terms.toml", "{names}", "{0}"), ("report",),
     "publisher: locales/en/terms.toml:25: 'kinds.drug.one' has the placeholder {0}, which is not filled in "
     "(placeholders: {names})"),
    ("topics.toml", edited("en/topics.toml", "{subject}", "{topic}"), ("build", "-f", "html", "-l", "en"),
     "publisher: locales/en/topics.toml:29: 'opening.heading' has the placeholder {topic}, which is not filled in "
     "(placeholders: {subject})"),
    ("overrides.toml", written("en/overrides.toml", "override = 5\n"), ("build", "-f", "html", "-l", "en"),
     "publisher: locales/en/overrides.toml:1: 'override' must be [[override]] tables"),
    ("do-not-translate.toml", edited("do-not-translate.toml", "keep = [", "keep = 5\nold = ["),
     ("build", "-f", "html", "-l", "es"), "publisher: locales/do-not-translate.toml:5: 'keep' must be a list of names"),
], ids=["terms", "topics", "overrides", "do-not-translate"])
def test_the_command_line_prints_one_line_naming_the_file_line_and_key(project_dir, name, breaks, args, expected):
    breaks(project_dir / "locales")
    result = run(project_dir, *args)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [expected], result.stderr
