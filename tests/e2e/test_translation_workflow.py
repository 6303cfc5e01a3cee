"""End to end: a translator's day, through the command line, on a copy of the project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, with_plain_cache
from e2e.inspect import page_facts
from publisher.i18n.catalogs import read_catalog

pytestmark = pytest.mark.e2e


def publisher(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publisher", *args], cwd=project, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture
def project(tmp_path, plain_cache) -> Path:
    return with_plain_cache(copy_project(tmp_path / "project"), plain_cache)


def test_one_changed_english_sentence_falls_back_in_exactly_one_place(project):
    guide = project / "sources" / "als-treatment-protocol.txt"
    text = guide.read_text(encoding="utf-8")
    changed = text.replace("typically by a few months", "typically by two or three months")
    assert changed != text
    guide.write_text(changed, encoding="utf-8")
    assert publisher(project, "extract").returncode == 0
    update = publisher(project, "update", "es")
    assert update.returncode == 0
    assert "1 changed message marked fuzzy" in update.stdout, update.stdout
    po = (project / "locales" / "es" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert po.count("#, fuzzy") == 1
    status = publisher(project, "status").stdout
    total = len(read_catalog(project / "locales" / "messages.pot"))
    assert re.search(rf"^es\s+{total - 1}\s+1\s+0\s+0\s+99%", status, re.MULTILINE), status
    build = publisher(project, "build", "--locale", "es", "--format", "html", "--guide", "als-treatment-protocol")
    assert build.returncode == 0, build.stderr
    assert "es: 1 message in English (1 untranslated or fuzzy: run `publisher status`)" in build.stdout
    html = (project / "output" / "es" / "als-treatment-protocol.html").read_text(encoding="utf-8")
    page = page_facts(project / "output" / "es" / "als-treatment-protocol.html")
    assert len([attrs for tag, attrs in page.tags if attrs.get("lang") == "en"]) == 1  # one element marks it
    assert re.search(r'lang="en" dir="ltr"><span id="u-[^"]+">[^<]*two or three months', html)


def test_check_catches_a_changed_number_and_the_build_holds_it_back(project):
    po = project / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    wrong = text.replace("Environ 1 personne sur 10 atteinte", "Environ 1 personne sur 20 atteinte")
    assert wrong != text
    po.write_text(wrong, encoding="utf-8")
    check = publisher(project, "check", "fr")
    assert check.returncode == 1
    line = wrong[: wrong.index("sur 20 atteinte")].count("\n") + 1
    assert re.search(r"^locales/fr/LC_MESSAGES/messages.po:\d+: numbers differ from the source \(1, 10 vs 1, 20\)",
                     check.stderr, re.MULTILINE), check.stderr
    assert int(check.stderr.split(":")[1]) <= line
    build = publisher(project, "build", "--locale", "fr", "--format", "html", "--guide", "als-pathophysiology")
    assert build.returncode == 0
    assert "held back by checks" in build.stdout
    assert "sur 20" not in (project / "output" / "fr" / "als-pathophysiology.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage, expected", [
    (lambda t: t.replace('msgstr "Index"', 'msgstr "Index', 1) if 'msgstr "Index"' in t else
     t.replace('msgstr "Sommaire"', 'msgstr "Sommaire'), "end-of-line within string"),
    (lambda t: t.replace('msgstr "Sommaire"', 'msgstr "Som\\qmaire"'), "invalid control sequence"),
    (lambda t: t + '\nmsgid "Contents"\nmsgstr "Table"\n', "duplicate message definition"),
])
def test_a_malformed_catalogue_stops_the_build_and_keeps_the_old_outputs(project, damage, expected):
    assert publisher(project, "build", "-l", "fr", "-f", "html", "-g", "als-pathophysiology").returncode == 0
    built = project / "output" / "fr" / "als-pathophysiology.html"
    before = built.read_bytes()
    po = project / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(damage(po.read_text(encoding="utf-8")), encoding="utf-8")
    result = publisher(project, "build", "-l", "fr", "-f", "html", "-g", "als-pathophysiology")
    assert result.returncode == 1
    assert re.match(rf"publisher: locales/fr/LC_MESSAGES/messages.po:\d+: .*{expected}", result.stderr), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert built.read_bytes() == before
    assert publisher(project, "check", "fr").returncode == 1


@pytest.mark.parametrize("code, message", [
    ("xx", "unknown language 'xx'"), ("../x", "'../x' is not a language code"),
    ("pt-BR", "no catalogue for locale 'pt-BR'"),
])
def test_language_codes_on_the_command_line(project, code, message):
    result = publisher(project, "build", "--locale", code)
    assert result.returncode == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_init_a_new_language_and_refuse_to_overwrite(project):
    result = publisher(project, "init", "pt-BR")
    assert result.returncode == 0
    assert "using the gettext code 'pt_BR'" in result.stdout
    assert (project / "locales" / "pt_BR" / "LC_MESSAGES" / "messages.po").exists()
    again = publisher(project, "init", "es")
    assert again.returncode == 1 and "already exists" in again.stderr
