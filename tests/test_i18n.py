"""The translation workflow: catalogues, checks, status and localized guides (publisher.i18n)."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog

from conftest import REPO
from publisher.errors import PublisherError
from publisher.i18n.catalogs import language_code, new_catalog, read_catalog, update, write_catalog
from publisher.i18n.checks import (check_catalog, load_names, load_typography, message_problems,
                                   typography_problems, validate_file)
from publisher.i18n.localize import CatalogTranslations, localize, shipped_messages
from publisher.i18n.status import catalog_status
from publisher.model import BulletList, GlossaryEntry, Guide, Paragraph, Section, Sentence

NAMES = load_names(REPO / "locales" / "do-not-translate.toml")
FRENCH = load_typography(REPO / "locales" / "fr" / "typography.toml")
LANGS = ("es", "fr", "ar")


def template(*messages: str) -> Catalog:
    catalog = Catalog(project="publisher", version="1", charset="utf-8", fuzzy=False)
    for number, text in enumerate(messages):
        catalog.add(text, locations=[(f"guide/section-{number}", None)], auto_comments=["Section: Why?"])
    return catalog


# --- language codes ------------------------------------------------------------------------


@pytest.mark.parametrize("code, expected", [("es", "es"), ("pt_BR", "pt_BR"), ("pt-BR", "pt_BR"), ("ar", "ar")])
def test_language_codes(code, expected):
    assert language_code(code) == expected


@pytest.mark.parametrize("code, message", [("xx", "unknown language 'xx'"), ("../x", "is not a language code"),
                                           ("", "is not a language code"), ("es/../../etc", "not a language code")])
def test_bad_language_codes_are_refused_clearly(code, message):
    with pytest.raises(PublisherError, match=re.escape(message)):
        language_code(code)


# --- update: changes, numbers, Poedit round trip ----------------------------------------------

POEDIT_STYLE = '''# Spanish translation of the publisher health guides.
# Ana García <ana@example.org>, 2026.
msgid ""
msgstr ""
"Project-Id-Version: publisher 1\\n"
"POT-Creation-Date: 2026-01-01 10:00+0000\\n"
"PO-Revision-Date: 2026-02-03 11:12+0100\\n"
"Last-Translator: Ana García <ana@example.org>\\n"
"Language-Team: Spanish\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Generator: Poedit 3.4.2\\n"

# Revisado por la enfermera del grupo.
#. Section: Why?
#: guide/section-1
msgid "Take 2 tablets a day."
msgstr ""
"Tome 2 comprimidos "
"al día."

#. Section: Why?
#: guide/section-0
msgid "ALS is a disease of the nerves."
msgstr "La ELA es una enfermedad de los nervios."
'''


def test_update_keeps_translations_comments_and_header_of_a_poedit_file(tmp_path):
    path = tmp_path / "messages.po"
    path.write_text(POEDIT_STYLE, encoding="utf-8")
    catalog = read_catalog(path)
    merge = update(catalog, template("ALS is a disease of the nerves.", "Take 2 tablets a day.", "A new line."))
    write_catalog(catalog, path)
    text = path.read_text(encoding="utf-8")
    assert [message.id for message in merge.needing] == ["A new line."]
    for kept in ("# Ana García <ana@example.org>, 2026.", '"Last-Translator: Ana García <ana@example.org>\\n"',
                 '"PO-Revision-Date: 2026-02-03 11:12+0100\\n"', '"X-Generator: Poedit 3.4.2\\n"',
                 "# Revisado por la enfermera del grupo.", 'msgstr "La ELA es una enfermedad de los nervios."'):
        assert kept in text
    assert text.count("# Ana García") == 1
    again = read_catalog(path)
    assert again["Take 2 tablets a day."].string == "Tome 2 comprimidos al día."
    assert "Revisado por la enfermera del grupo." in again["Take 2 tablets a day."].user_comments
    assert not validate_file(path)


def test_update_marks_exactly_the_changed_message_and_says_when_numbers_changed(tmp_path):
    path = tmp_path / "messages.po"
    path.write_text(POEDIT_STYLE, encoding="utf-8")
    catalog = read_catalog(path)
    merge = update(catalog, template("ALS is a disease of the nerves.", "Take 3 tablets a day."))
    fuzzy = [message for message in catalog if message.id and message.fuzzy]
    assert (merge.new, merge.changed) == ([], fuzzy)
    assert [message.id for message in fuzzy] == ["Take 3 tablets a day."]
    assert fuzzy[0].string == "Tome 2 comprimidos al día."  # Babel matched it, ignoring the number...
    assert any("NUMBERS CHANGED from 2 to 3" in comment for comment in fuzzy[0].user_comments)  # ...we say so
    assert not catalog["ALS is a disease of the nerves."].fuzzy
    assert "THE ENGLISH CHANGED. It was: Take 2 tablets a day." in fuzzy[0].user_comments
    write_catalog(catalog, path)
    assert not validate_file(path)
    # A fuzzy translation never reaches a handout.
    shipped = CatalogTranslations(shipped_messages(read_catalog(path)))
    assert shipped.gettext("Take 3 tablets a day.") == "Take 3 tablets a day."


def test_a_new_message_like_one_still_in_use_is_called_new_not_changed(tmp_path):
    path = tmp_path / "messages.po"
    path.write_text(POEDIT_STYLE, encoding="utf-8")
    catalog = read_catalog(path)
    merge = update(catalog, template("ALS is a disease of the nerves.", "Take 2 tablets a day.",
                                     "Take 2 tablets a week."))
    assert [message.id for message in merge.new] == ["Take 2 tablets a week."] and not merge.changed
    suggestion = catalog["Take 2 tablets a week."]
    assert suggestion.fuzzy  # pre-filled by Babel from the similar message, for the translator to check
    assert ("NEW MESSAGE. The suggestion is the translation of a similar message: Take 2 tablets a day."
            in suggestion.user_comments)
    assert not catalog["Take 2 tablets a day."].fuzzy


def test_new_catalogue_has_every_message_untranslated():
    catalog = new_catalog(template("One.", "Two."), "fr")
    assert [message.id for message in catalog if message.id] == ["One.", "Two."]
    assert catalog_status(catalog).untranslated == 2
    assert str(catalog.locale) == "fr" and catalog.num_plurals == 2


ARABIC_PLURALS = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
                  "n%100>=11 ? 4 : 5);")


def test_a_new_arabic_catalogue_numbers_its_plural_forms_as_gnu_gettext_and_update_keeps_them(tmp_path):
    catalog = new_catalog(template("One."), "ar")
    assert catalog.plural_forms == ARABIC_PLURALS  # Babel's own swaps forms 4 and 5
    path = tmp_path / "messages.po"
    write_catalog(catalog, path)
    assert not validate_file(path)
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    catalog = read_catalog(path)
    update(catalog, template("One.", "Two."))
    write_catalog(catalog, path)
    assert path.read_text(encoding="utf-8").split("\n\n")[0] == header
    assert read_catalog(path).plural_forms == ARABIC_PLURALS


@pytest.mark.parametrize("lang", ["ar", "hu", "tr", "fr", "es", "ru", "pl"])
def test_new_catalogues_number_plural_forms_in_cldr_order(lang):
    """Form i of a new catalogue is the i-th of CLDR's categories (zero, one,
    two, few, many, other) that the language uses for whole numbers."""
    catalog = new_catalog(template("One."), lang)
    choose = gettext.c2py(catalog.plural_expr)
    categories = [Locale.parse(lang).plural_form(n) for n in range(1001)]
    used = [name for name in ("zero", "one", "two", "few", "many", "other") if name in categories]
    assert catalog.num_plurals == len(used)
    assert [choose(n) for n in range(1001)] == [used.index(name) for name in categories]


# --- checks -------------------------------------------------------------------------------------


def message(source: str, translation) -> object:
    catalog = Catalog(locale="es")
    catalog.add(source, translation)
    return catalog[source]


@pytest.mark.parametrize("lang, source, translation, problem", [
    ("es", "About 5 to 10 out of 100 people.", "Unas 5 a 10 de cada 100 personas.", None),
    ("es", "About 5 to 10 out of 100 people.", "Unas 5 a 15 de cada 100 personas.", "numbers differ"),
    ("ar", "About 5 to 10 out of 100 people.", "نحو ٥ إلى ١٠ من كل ١٠٠ شخص.", None),
    ("es", "Genes such as SOD1 and FUS.", "Genes como SOD1 y FUS.", None),
    ("es", "Genes such as SOD1 and FUS.", "Genes como SOD1.", "'FUS' is missing"),
    ("es", "You take riluzole by mouth.", "El riluzol se toma por la boca.", None),
    ("es", "You take riluzole by mouth.", "El medicamento se toma por la boca.", "'riluzole' is missing"),
    ("ar", "Riluzole and edaravone.", "ريلوزول وإيدارافون.", None),
    ("ar", "Genes C9orf72 and FUS.", "الجينات C9orf72 وFUS.", None),
    ("es", "Page {page} of {pages}", "Página {page} de {pages}", None),
    ("es", "Page {page} of {pages}", "Página {pagina} de {pages}", "placeholders differ"),
    ("es", "Updated %(date)s", "Actualizado", "placeholders differ"),
    ("es", "A <b>bold</b> word.", "Una palabra en negrita.", "markup differs"),
    ("es", "Not translated yet.", "", None),
])
def test_message_checks(lang, source, translation, problem):
    problems = message_problems(message(source, translation), 2, lang, NAMES)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in found for found in problems), problems


@pytest.mark.parametrize("translation, problem", [
    ("Qu’est-ce que la SLA\u00a0?", None),
    ("Qu’est-ce que la SLA\u202f?", None),
    ("Qu’est-ce que la SLA ?", "before '?' (an ordinary space)"),
    ("Qu’est-ce que la SLA?", "before '?' (no space)"),
    ("Cela comprend :", "before ':' (an ordinary space)"),
    ("Attention\u00a0; c’est grave\u00a0!", None),
    ("Il dit «\u00a0non\u00a0».", None),
    ("Il dit « non ».", "after '«' (an ordinary space), before '»' (an ordinary space)"),
    ("Vraiment\u00a0?!", None),
    ("Voir https://example.org/guide?page=2 ou www.example.org:8080.", None),
    ("Le rendez-vous est à 10:30.", None),
    ("Partie {number}. {title}", None),
    ("Mis à jour le %(date)s", None),
    ("", None),
])
def test_french_typography_wants_a_no_break_space(translation, problem):
    problems = typography_problems(message("What is ALS?", translation), FRENCH, "fr")
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and f"French typography: a no-break space is needed {problem} in" in problems[0]


def test_typography_is_checked_where_the_language_has_rules(tmp_path):
    for lang in ("fr", "es"):
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        catalog = new_catalog(template("What is ALS?", "What causes ALS?"), lang)
        catalog["What is ALS?"].string = "¿Qué es la ELA?" if lang == "es" else "Qu’est-ce que la SLA ?"
        catalog["What causes ALS?"].string = ("¿Qué causa la ELA ?" if lang == "es"
                                              else "Qu’est-ce qui la cause\u00a0?")
        write_catalog(catalog, folder / "messages.po")
    shutil.copy(REPO / "locales" / "fr" / "typography.toml", tmp_path / "fr" / "typography.toml")
    path = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    problems = check_catalog(path, read_catalog(path), "fr", NAMES)
    assert len(problems) == 1 and problems[0].line == read_catalog(path)["What is ALS?"].lineno
    assert str(problems[0]).endswith("French typography: a no-break space is needed before '?' (an ordinary space) "
                                     "in 'What is ALS?'")
    path = tmp_path / "es" / "LC_MESSAGES" / "messages.po"
    assert check_catalog(path, read_catalog(path), "es", NAMES) == []  # Spanish has no typography.toml


def test_plural_forms_must_match_the_language():
    catalog = Catalog(locale="es")
    catalog.add(("file", "files"), ("fichero", "ficheros", "x"))
    assert message_problems(catalog[("file", "files")], 2, "es", NAMES) == [
        "has 3 plural forms, the language has 2"]


MALFORMED = {
    "unterminated": ('msgid "Hello\nmsgstr "Hola"\n', "end-of-line within string"),
    "bad-escape": ('msgid "Hello"\nmsgstr "Ho\\qla"\n', "invalid control sequence"),
    "duplicate": ('msgid "Hello"\nmsgstr "Hola"\n\nmsgid "Hello"\nmsgstr "Otra"\n', "duplicate message definition"),
    "plurals": ('msgid "file"\nmsgid_plural "files"\nmsgstr[0] "f"\nmsgstr[1] "fs"\nmsgstr[2] "x"\n',
                "plural forms"),
    "encoding": ('msgid "Cafe"\nmsgstr "Caf\xe9"\n', "invalid multibyte sequence"),
}
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_catalogues_are_reported_with_file_and_line(tmp_path, case):
    body, expected = MALFORMED[case]
    path = tmp_path / f"{case}.po"
    path.write_bytes((HEADER + body).encode("latin-1" if case == "encoding" else "utf-8"))
    problems = validate_file(path)
    assert problems and problems[0].line and problems[0].line >= 5
    assert any(expected in problem.message for problem in problems), problems
    assert str(problems[0]).startswith(f"{path.name}:" if path.is_relative_to(Path.cwd()) else str(path))


def test_shipped_catalogues_pass_every_check():
    for lang in LANGS:
        path = REPO / "locales" / lang / "LC_MESSAGES" / "messages.po"
        assert check_catalog(path, read_catalog(path), lang, NAMES) == []
        assert read_catalog(path).plural_forms == new_catalog(template(), lang).plural_forms  # GNU's, for ar


def test_status_agrees_with_msgfmt(tmp_path):
    path = tmp_path / "messages.po"
    catalog = new_catalog(template("One.", "Two 2.", "Three.", "Four."), "es")
    catalog["One."].string = "Uno."
    catalog["Two 2."].string = "Dos 2."
    catalog["Two 2."].flags.add("fuzzy")
    write_catalog(catalog, path)
    shipped = [REPO / "locales" / lang / "LC_MESSAGES" / "messages.po" for lang in LANGS]
    for po in [path, *shipped]:
        out = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True,
                             text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}).stderr
        counts = {kind: int(number) for number, kind in
                  re.findall(r"(\d+) (translated|fuzzy|untranslated)", out)}
        status = catalog_status(read_catalog(po))
        assert (status.translated, status.fuzzy, status.untranslated) == (
            counts.get("translated", 0), counts.get("fuzzy", 0), counts.get("untranslated", 0)), po
    for po in shipped:
        assert catalog_status(read_catalog(po)).percent == 100


# --- localizing a guide --------------------------------------------------------------------------


def test_untranslated_and_fuzzy_units_fall_back_to_english_marked():
    def s(id_, text):
        return Sentence(id_, text, "en")
    guide = Guide("g", s("title", "Title"), "en", (s("k.1", "Point."),), (
        Section("a", s("a.heading", "Why?"), (Paragraph((s("a.1", "One."), s("a.2", "Two."))),
                                              BulletList((s("a.3", "Item."),)))),
    ), (GlossaryEntry(s("w.1.term", "Term"), s("w.1", "Meaning.")),))
    catalog = Catalog(locale="es")
    for source, translation in {"Title": "Título", "Point.": "Punto.", "Why?": "¿Por qué?", "One.": "Uno.",
                                "Two.": "Dos.", "Item.": "Elemento.", "Term": "Término"}.items():
        catalog.add(source, translation)
    catalog["Two."].flags.add("fuzzy")
    localized = localize(guide, shipped_messages(catalog), "es")
    units = {unit.id: (unit.text, unit.lang) for unit in localized.guide.units()}
    assert units["a.1"] == ("Uno.", "es") and units["title"] == ("Título", "es")
    assert units["a.2"] == ("Two.", "en")  # fuzzy: English
    assert units["w.1"] == ("Meaning.", "en")  # untranslated: English
    assert [unit.id for unit in localized.fallbacks] == ["a.2", "w.1"]
    assert localized.guide.lang == "es"
    assert localize(guide, None, "en").guide is guide
