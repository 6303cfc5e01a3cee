"""End to end: a volunteer adds a guide, a translator brings Spanish up to
date, another starts a language; the build publishes an edition only once
it is in its language, and `status` agrees with the build at each step."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, with_plain_cache
from e2e.inspect import lone_first_words, page_facts
from publisher.i18n.catalogs import read_catalog, write_catalog

pytestmark = pytest.mark.e2e

SLUG = "moving-safely"
LEAFLET = """---
title: Moving safely at home
---

## Walking

If walking is getting harder, ask your care team for help early. A physical
therapist can show you safe ways to move. They can also suggest a cane or a walker.

Falls can cause serious injuries. Keep floors clear of rugs and cords. Put bright
lights in halls and on stairs.

## Equipment

- A shower chair helps you wash safely.
- Grab bars give you something firm to hold.
- A raised toilet seat makes it easier to stand up.
"""
SPANISH = {
    "Moving safely at home": "Moverse con seguridad en casa",
    "Walking": "Caminar",
    "If walking is getting harder, ask your care team for help early.":
        "Si le cuesta cada vez más caminar, pida ayuda pronto a su equipo de atención médica.",
    "A physical therapist can show you safe ways to move.":
        "Un fisioterapeuta puede enseñarle formas seguras de moverse.",
    "They can also suggest a cane or a walker.": "También puede recomendarle un bastón o un andador.",
    "Falls can cause serious injuries.": "Las caídas pueden causar lesiones graves.",
    "Keep floors clear of rugs and cords.": "Mantenga el suelo libre de alfombras y cables.",
    "Put bright lights in halls and on stairs.": "Ponga luces potentes en los pasillos y en las escaleras.",
    "Equipment": "Ayudas técnicas",
    "A shower chair helps you wash safely.": "Una silla de ducha le ayuda a lavarse con seguridad.",
    "Grab bars give you something firm to hold.": "Las barras de apoyo le dan algo firme a lo que agarrarse.",
    "A raised toilet seat makes it easier to stand up.": "Un elevador de inodoro le facilita levantarse.",
}
ADDED = """Stand up slowly after you sit or lie down. Hold on to something firm as you stand. Wait a moment
before you walk.
"""
OTHERS = ("ar", "fr")  # shipped, never translated here


def publisher(project: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "publisher", *args], cwd=project, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def status(project: Path) -> dict[str, tuple[int, int, int]]:
    """`publisher status`: language -> (translated, fuzzy, untranslated)."""
    rows = re.findall(r"^(\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+\d+%$", publisher(project, "status"), re.MULTILINE)
    return {lang: (int(done), int(fuzzy), int(left)) for lang, done, fuzzy, left in rows}


def unpublished_lines(stdout: str) -> dict[str, str]:
    lines = re.findall(r"^(\w+): not published: (.*)$", stdout, re.MULTILINE)
    assert len(lines) == len({lang for lang, _ in lines}), stdout  # one line per language
    return dict(lines)


def built(project: Path, lang: str) -> list[str]:
    folder = project / "output" / lang
    return sorted(path.name for path in folder.glob(f"{SLUG}*")) if folder.exists() else []


def translate(project: Path, lang: str, translations: dict[str, str], leave_out: int = 0, only: bool = False) -> int:
    """Fill in the guide's messages of `lang`'s catalogue (all but `leave_out`;
    with `only`, those `translations` has) as a translator would; returns how
    many were filled in."""
    path = project / "locales" / lang / "LC_MESSAGES" / "messages.po"
    catalog = read_catalog(path)
    mine = [message for message in catalog if any(location.startswith(SLUG) for location, _ in message.locations)]
    unknown = [message.id for message in mine if message.id not in translations]
    if only:
        mine = [message for message in mine if message.id in translations]
        assert len(mine) == len(translations), f"the plain guide no longer has: {set(translations) - set(mine)}"
    else:
        assert not unknown, f"the plain guide has sentences this test has no {lang} for: {unknown}"
    for message in mine[:len(mine) - leave_out]:
        message.string = translations[message.id]
        message.flags.discard("fuzzy")
    write_catalog(catalog, path)
    return len(mine) - leave_out


@pytest.fixture
def project(tmp_path, plain_cache) -> Path:
    project = with_plain_cache(copy_project(tmp_path / "project"), plain_cache)
    (project / "sources" / f"{SLUG}.md").write_text(LEAFLET, encoding="utf-8")
    return project


def test_a_new_guide_is_published_in_a_language_once_it_is_translated(project):
    before = status(project)
    messages = len({message.id for message in read_catalog(project / "locales" / "es" / "LC_MESSAGES"
                                                            / "messages.po") if message.id})
    needed = before["es"][2]
    assert needed >= len(SPANISH) - 2 and before["es"][0] == messages  # the guide's messages: none translated

    # 1. Added, not translated: built in English only, one line per other language.
    first = publisher(project, "build", "-g", SLUG, "-f", "html", "-f", "pdf")
    assert built(project, "en") == [f"{SLUG}.html", f"{SLUG}.pdf"]
    lines = unpublished_lines(first)
    assert sorted(lines) == ["ar", "es", "fr"], first
    for lang, line in lines.items():
        assert built(project, lang) == []
        assert f"{SLUG} 0%" in line and f"run `publisher extract` and `publisher update {lang}`" in line, line
        assert "--allow-partial" in line

    # 2. extract and update: the messages arrive in the catalogue, as many as status counted.
    assert publisher(project, "extract").startswith("Wrote locales/messages.pot")
    update = publisher(project, "update", "es")
    assert f"es: {needed} new messages" in update, update
    after_update = status(project)
    assert after_update["es"][0] == before["es"][0] and sum(after_update["es"][1:]) == needed
    assert "es: " not in publisher(project, "status").split("%\n")[-1]  # no "not in the catalogue" hint for es
    assert after_update["fr"] == before["fr"]  # not updated yet: status counts the messages it lacks all the same

    # 3. Mostly translated (under 90%): still not published, and the hint is now to translate.
    left_out = 2
    translate(project, "es", SPANISH, leave_out=left_out)
    assert status(project)["es"][2] + status(project)["es"][1] == left_out
    partial = unpublished_lines(publisher(project, "build", "-g", SLUG, "-l", "es", "-f", "html"))
    assert "publisher extract" not in partial["es"] and "translate locales/es/LC_MESSAGES/messages.po" in partial["es"]
    assert built(project, "es") == []

    # ... unless the volunteer asks for it: the fallbacks are marked English.
    forced = publisher(project, "build", "-g", SLUG, "-l", "es", "-f", "html", "--allow-partial")
    assert f"es: {left_out} messages in English ({left_out} untranslated or fuzzy" in forced, forced
    page = page_facts(project / "output" / "es" / f"{SLUG}.html")
    assert [attrs for tag, attrs in page.tags if attrs.get("lang") == "en"]

    # 4. Translated: published in Spanish, with nothing in English; status says 100%.
    translate(project, "es", SPANISH)
    assert status(project)["es"] == (before["es"][0] + needed, 0, 0)
    final = publisher(project, "build", "-g", SLUG, "-f", "html", "-f", "pdf")
    assert built(project, "es") == [f"{SLUG}.html", f"{SLUG}.pdf"]
    for lang in ("en", "es"):
        assert lone_first_words(project / "output" / lang / f"{SLUG}.pdf") == []
    assert "es: 0 messages in English" in final and sorted(unpublished_lines(final)) == list(OTHERS), final
    page = page_facts(project / "output" / "es" / f"{SLUG}.html")
    assert page.tags[0][1]["lang"] == "es"
    assert not [attrs for tag, attrs in page.tags if attrs.get("lang") == "en"]
    assert SPANISH["Falls can cause serious injuries."] in " ".join(page.units.values())

    # 5. The author adds a paragraph: Spanish falls under 90% again. Its edition is not rebuilt, and the
    # build says that the one an earlier build wrote is still there (left as it is, not removed).
    source = project / "sources" / f"{SLUG}.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Equipment", ADDED + "\n## Equipment"),
                      encoding="utf-8")
    changed = unpublished_lines(publisher(project, "build", "-g", SLUG, "-f", "html", "-f", "pdf"))
    assert re.search(rf"\({SLUG} [1-8]\d%\)", changed["es"]), changed
    assert changed["es"].endswith(f"; output/es/ still holds an older edition of {SLUG} (2 files), which may not "
                                  "match the English now"), changed["es"]
    assert built(project, "es") == [f"{SLUG}.html", f"{SLUG}.pdf"]
    assert "older edition" not in changed["fr"] + changed["ar"]  # never built in French or Arabic


def test_a_language_started_with_init_is_published_once_it_passes_the_threshold(project):
    publisher(project, "init", "pt_BR")
    stdout = publisher(project, "build", "-f", "html", "-l", "pt_BR")
    assert re.search(r"^pt_BR: not published: 5 guides are under 90% translated \(.* 0%", stdout, re.MULTILINE), \
        stdout
    assert not (project / "output" / "pt_BR").exists()
    assert "Wrote 0 files" in stdout
    settings = project / "publisher.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("threshold = 90", "threshold = 0"),
                        encoding="utf-8")
    stdout = publisher(project, "build", "-f", "html", "-l", "pt_BR")
    assert "not published" not in stdout
    assert len(list((project / "output" / "pt_BR").glob("*.html"))) == 5
