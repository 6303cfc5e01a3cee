"""Incremental builds: fingerprints, the records beside the outputs, and the
caches of plain results (publisher.fingerprint, job_inputs, build_record,
result_cache, guides)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from conftest import REPO
from publisher.build_record import forget, is_up_to_date, record_path, write_record
from publisher.guides import ENGINE_MODULES
from publisher.job_inputs import job_fingerprint
from publisher.model import Guide, Paragraph, Section, Sentence
from publisher.project import Project
from publisher.result_cache import ResultCache


def a_guide(text: str = "ALS affects the nerves.") -> Guide:
    return Guide("g", Sentence("title", "ALS", "en"), "en", (), (
        Section("a", Sentence("a.heading", "What is ALS?", "en"), (Paragraph((Sentence("a.1", text, "en"),)),)),), ())


def test_a_job_is_up_to_date_only_while_its_inputs_words_and_files_are_unchanged(tmp_path):
    target, other = tmp_path / "en" / "g.mp3", tmp_path / "en" / "g.vtt"
    target.parent.mkdir()
    target.write_bytes(b"mp3")
    other.write_text("WEBVTT")
    write_record(target, "abc", {"Contents": "Contenido"}, [target, other])
    assert is_up_to_date(target, "abc", {"Contents": "Contenido"})
    assert not is_up_to_date(target, "abd", {"Contents": "Contenido"})  # an input changed
    assert not is_up_to_date(target, "abc", {"Contents": "Índice"})  # a word of the template changed
    assert not is_up_to_date(target, "abc", {})  # ...or is no longer translated
    other.write_text("WEBVTT changed")
    assert not is_up_to_date(target, "abc", {"Contents": "Contenido"})  # a file was edited
    write_record(target, "abc", {}, [target, other])
    other.unlink()
    assert not is_up_to_date(target, "abc", {})  # a file was deleted
    forget(target)
    assert not record_path(target).exists() and not is_up_to_date(target, "abc", {})


def test_a_fingerprint_changes_with_exactly_what_its_format_reads(tmp_path):
    project = Project(tmp_path)
    for name in ("templates", "locales"):
        (tmp_path / name).mkdir()
    for name in ("guide.html.j2", "units.html.j2", "screen.css", "follow-along.js", "large-print.css.j2"):
        (tmp_path / "templates" / name).write_text(name)
    (tmp_path / "locales" / "en").mkdir()
    guide = a_guide()

    def prints() -> dict[str, str]:
        return {fmt: job_fingerprint(project, guide, fmt, {"rate": 145}) for fmt in ("html", "pdf", "mp3")}

    first = prints()
    assert prints() == first
    (tmp_path / "templates" / "large-print.css.j2").write_text("bigger")
    second = prints()
    assert second["pdf"] != first["pdf"] and second["html"] == first["html"] and second["mp3"] == first["mp3"]
    (tmp_path / "templates" / "screen.css").write_text("darker")
    third = prints()
    assert third["html"] != second["html"] and third["pdf"] == second["pdf"] and third["mp3"] == second["mp3"]
    (tmp_path / "locales" / "en" / "speech.toml").write_text("rate_factor = 1.1\n")
    fourth = prints()
    assert fourth["mp3"] != third["mp3"] and fourth["html"] == third["html"] and fourth["pdf"] == third["pdf"]
    guide = a_guide("ALS affects the nerves and muscles.")
    assert all(before != after for before, after in zip(fourth.values(), prints().values()))
    assert job_fingerprint(project, guide, "mp3", {"rate": 160}) != prints()["mp3"]


def test_a_result_cache_entry_that_cannot_be_read_counts_as_missing(tmp_path):
    cache = ResultCache(tmp_path)
    cache.put("ab12", {"guide": "made"})
    assert cache.get("ab12") == {"guide": "made"} and cache.get("cd34") is None
    (tmp_path / "ab" / "ab12.pickle").write_bytes(b"cut off")
    assert cache.get("ab12") is None


def test_the_plain_cache_key_covers_every_module_the_engine_runs():
    """A change to a module the engine runs must make guides plain again."""
    code = ("import sys, publisher.guides as g, publisher.plain.engine, publisher.sources\n"
            "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items() if n.startswith('publisher'))))")
    files = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    package = REPO / "publisher"
    # The cache's own machinery shapes no result.
    machinery = {package / name for name in ("__init__.py", "fingerprint.py", "result_cache.py", "atomic.py",
                                             "project.py", "defaults.py")}
    covered = [package / part for part in ENGINE_MODULES]
    missing = [name for name in map(Path, files) if name not in machinery
               and not any(name == part or part in name.parents for part in covered)]
    assert not missing, missing


def test_the_records_are_kept_apart_from_the_handouts(tmp_path):
    target = tmp_path / "output" / "en" / "g.html"
    target.parent.mkdir(parents=True)
    target.write_text("page")
    write_record(target, "abc", {}, [target])
    assert [path.name for path in target.parent.iterdir()] == ["g.html"]
    assert record_path(target) == tmp_path / "output" / ".build" / "en" / "g.html.json"
    assert record_path(target).is_file()


def test_a_guide_made_plain_again_rewrites_only_its_changed_sentences(monkeypatch):
    from publisher.plain import engine
    from publisher.plain.rewrite import Rewriter
    from publisher.sources import load_source

    rules = engine.load_rules(REPO / "locales" / "en", "en")
    source = load_source(REPO / "sources" / "als-treatment-protocol.txt")
    known: dict = {}
    first = engine.plain_result(source, rules, known)
    assert known and first == engine.plain_result(source, rules)  # the same as without them
    asked = []
    rewrite = Rewriter.rewrite
    monkeypatch.setattr(Rewriter, "rewrite", lambda self, sentence: asked.append(sentence) or rewrite(self, sentence))
    again = engine.plain_result(source, rules, known)
    assert again == first and asked == []
    sentence = next(text for text in first.unit_sources.values() if text)
    changed = replace(source, blocks=tuple(replace(block, text=block.text.replace(sentence, sentence.replace(
        " the ", " this ", 1))) if block.text else block for block in source.blocks))
    engine.plain_result(changed, rules, known)
    assert len(asked) == 1, asked
