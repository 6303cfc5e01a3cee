"""Explanations of medical words from the NCI dictionary
(locales/en/definitions.toml): each one was checked by a person, none
clashes with a word the engine already keeps or swaps, and the engine
explains a word where a guide first uses it."""

import csv
import tomllib

from conftest import REPO
from publisher.model import SourceBlock, SourceGuide
from publisher.plain import load_rules, plain_result

EN = REPO / "locales" / "en"
DEFINITIONS = tomllib.loads((EN / "definitions.toml").read_text(encoding="utf-8"))["term"]
CHECKED = REPO / "bench" / "reviews" / "definitions-checked.tsv"


def test_every_definition_is_one_a_person_checked_and_said_yes_to():
    with CHECKED.open(encoding="utf-8") as handle:
        sheet = {row["term"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for entry in DEFINITIONS:
        row = sheet[entry["name"]]
        assert row["verdict"] == "yes", entry["name"]
        assert (row["first_use"], row["glossary"]) == (entry["first_use"], entry["glossary"]), entry["name"]


def test_no_defined_word_is_a_word_the_engine_already_keeps_or_swaps():
    kept = set()
    for name in ("glossary.toml", "terms.toml"):
        for term in tomllib.loads((EN / name).read_text(encoding="utf-8")).get("term", []):
            kept |= {form.lower() for form in term.get("forms", [term["name"]])}
    lexicon = (EN / "lexicon.toml").read_text(encoding="utf-8").lower()
    forms = [form for entry in DEFINITIONS for form in entry["forms"]]
    assert len(forms) == len(set(forms))
    for form in forms:
        assert form not in kept
        assert f'"{form}" =' not in lexicon and f"\n{form} =" not in lexicon, form


def test_a_defined_word_is_explained_where_a_guide_first_uses_it_and_in_words_to_know():
    entry = DEFINITIONS[0]
    word = entry["forms"][0]
    guide = SourceGuide("example", REPO / "sources" / "example.md", "Example", "en", (
        SourceBlock("heading", 1, text="About it"),
        SourceBlock("paragraph", 3, text=f"Some people have {word} for a long time. It may go away."),
        SourceBlock("paragraph", 5, text=f"Doctors look for {word} at each visit.")))
    result = plain_result(guide, load_rules(EN, "en"))
    texts = [unit.text for unit in result.guide.units()]
    assert texts.count(entry["first_use"]) == 1
    explained = texts.index(entry["first_use"])  # in the paragraph of first use, not after the next one
    first = next(n for n, text in enumerate(texts) if text.startswith("Some people have"))
    assert first < explained < next(n for n, text in enumerate(texts) if text.startswith("Doctors look for"))
    assert [(item.term.text, item.explanation.text) for item in result.guide.glossary] == [
        (entry["name"][0].upper() + entry["name"][1:], entry["glossary"])]
