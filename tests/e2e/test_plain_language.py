"""End to end: the built English pages read at grade 6, keep every name and
number of their sources, and `publisher report` says what the page measures."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import textstat

from conftest import REPO, SEED_SLUGS
from e2e.inspect import page_facts
from publisher.plain import load_rules
from publisher.plain.fidelity import keepers
from publisher.sources import load_source

pytestmark = pytest.mark.e2e
TERMS = load_rules(REPO / "locales" / "en", "en").terms


@pytest.fixture(params=SEED_SLUGS)
def slug(request):
    return request.param


@pytest.mark.parametrize("main_only", [True, False], ids=["main", "whole-page"])
def test_page_prose_reads_at_grade_six(english_build, slug, main_only):
    prose = page_facts(english_build / f"{slug}.html").prose(main_only=main_only)
    text = " ".join(prose)
    assert textstat.flesch_kincaid_grade(text) <= 6
    assert textstat.smog_index(text) <= 8
    sentences = [sentence for block in prose for sentence in re.split(r"(?<=[.!?])\s+", block) if sentence]
    lengths = [textstat.lexicon_count(sentence) for sentence in sentences]
    assert max(lengths) <= 20, max(zip(lengths, sentences))
    assert sum(lengths) / len(lengths) <= 15


def test_page_keeps_every_drug_gene_and_number(english_build, slug):
    source = load_source(REPO / "sources" / f"{slug}.txt")
    wanted = keepers(" ".join(block.text for block in source.blocks), TERMS, TERMS.drug_endings)
    text = page_facts(english_build / f"{slug}.html").text
    for name in wanted.names:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE), name
    for number in wanted.numbers:
        assert re.search(rf"(?<![\w.]){number:g}(?![\w.])", text), number
    assert wanted.names >= {"SOD1", "FUS"}


def test_report_matches_the_page(english_build, slug):
    project = english_build.parent.parent
    out = subprocess.run([sys.executable, "-m", "publisher", "report", "--guide", slug], cwd=project,
                         capture_output=True, text=True, check=True).stdout
    after = next(line for line in out.splitlines() if line.strip().startswith("after"))
    grade, smog = (float(value) for value in after.split()[1:3])
    text = " ".join(page_facts(english_build / f"{slug}.html").prose())
    assert grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.05)
    assert smog == pytest.approx(textstat.smog_index(text), abs=0.05)
    assert "editor's versions" in out and "kept as written after a failed check" in out
