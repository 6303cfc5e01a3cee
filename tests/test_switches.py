"""Transformations a blind review found wrong too often are switched off in
locales/<lang>/plain-off.toml, and each rewrite says which transformations
made it (issue 23, point 1)."""

import shutil

import pytest

from conftest import REPO
from publisher.errors import PublisherError
from publisher.plain import load_rules
from publisher.plain.rewrite import Rewriter
from publisher.plain.proof import Checker

SEMICOLONS = "Your nurse will check your breathing; your doctor will check your weight and your strength."
PHYSICIANS = "Physicians may try to remove contaminated food from the gut."


def rewriter(rules) -> Rewriter:
    return Rewriter(rules.lexicon, rules.reader_nouns, frozenset(), Checker(rules.terms, "en"), rules.fixed_names,
                    "en", off=rules.off)


@pytest.fixture
def language(tmp_path):
    folder = tmp_path / "en"
    shutil.copytree(REPO / "locales" / "en", folder)
    (folder / "plain-off.toml").unlink(missing_ok=True)
    return folder


def test_each_rewrite_names_what_changed_it(language):
    rules = load_rules(language, "en")
    split = rewriter(rules).rewrite(SEMICOLONS)
    assert split.plain == ("Your nurse will check your breathing.", "Your doctor will check your weight and your strength.")
    assert "clause:semicolons" in split.applied
    assert "lexicon:physicians" in rewriter(rules).rewrite(PHYSICIANS).applied
    assert rewriter(rules).rewrite("The cat sat on the mat.").applied == ()


def test_a_switched_off_rule_or_entry_changes_nothing(language):
    (language / "plain-off.toml").write_text('off = ["clause:semicolons", "lexicon:physicians"]\n', encoding="utf-8")
    rules = load_rules(language, "en")
    assert rewriter(rules).rewrite(SEMICOLONS).plain == (SEMICOLONS,)
    assert rewriter(rules).rewrite(PHYSICIANS).plain[0].startswith("Physicians")


def test_an_unknown_switch_is_one_error_naming_the_file_and_line(language):
    (language / "plain-off.toml").write_text('# off\noff = [\n  "clause:semicolons",\n  "clause:no_such_rule",\n]\n',
                                             encoding="utf-8")
    with pytest.raises(PublisherError) as error:
        load_rules(language, "en")
    assert "clause:no_such_rule" in str(error.value) and error.value.line == 4
    assert error.value.path.name == "plain-off.toml"


def one_sentence_guide(slug: str, sentence: str):
    from publisher.model import SourceBlock, SourceGuide
    return SourceGuide(slug, REPO / "sources" / f"{slug}.txt", "Care at home", "en",
                       (SourceBlock("heading", 2, text="Care"), SourceBlock("paragraph", 3, text=sentence)))


def test_a_transformation_switched_back_on_for_one_guide_is_on_for_that_guide_alone(language):
    (language / "plain-off.toml").write_text('off = ["clause:semicolons", "lexicon:physicians"]\n\n'
                                             '[on]\nread-by-an-editor = ["clause:semicolons"]\n', encoding="utf-8")
    rules = load_rules(language, "en")
    from publisher.plain import plain_result

    def texts(slug: str, sentence: str) -> list[str]:
        return [unit.text for unit in plain_result(one_sentence_guide(slug, sentence), rules).guide.units()]

    assert "Your doctor will check your weight and your strength." in texts("read-by-an-editor", SEMICOLONS)
    assert SEMICOLONS in texts("a-new-guide", SEMICOLONS)
    assert PHYSICIANS in texts("read-by-an-editor", PHYSICIANS)


def test_switching_on_what_is_not_off_is_one_error_naming_the_line(language):
    (language / "plain-off.toml").write_text('off = ["clause:semicolons"]\n\n[on]\nsome-guide = [\n'
                                             '  "lexicon:physicians",\n]\n', encoding="utf-8")
    with pytest.raises(PublisherError) as error:
        load_rules(language, "en")
    assert "lexicon:physicians" in str(error.value) and error.value.line == 5


def test_the_lists_step_switched_off_keeps_an_enumeration_in_its_sentence(language):
    enumerating = ("Problems in cells behind motor neuron damage include oxidative stress, failing mitochondria, "
                   "poor clearing of old proteins, and inflammation.")
    from publisher.model import BulletList
    from publisher.plain import plain_result

    def lists(rules) -> int:
        guide = plain_result(one_sentence_guide("a-new-guide", enumerating), rules).guide
        return sum(isinstance(block, BulletList) for section in guide.sections for block in section.blocks)

    assert lists(load_rules(language, "en")) == 1
    (language / "plain-off.toml").write_text('off = ["lists"]\n', encoding="utf-8")
    assert lists(load_rules(language, "en")) == 0


def test_a_terms_explanation_switched_off_leaves_the_word_unexplained_and_out_of_words_to_know(language):
    from publisher.plain import plain_result

    sentence = "Weak arteries can bleed into the brain."

    def explained(rules) -> tuple[bool, list[str]]:
        guide = plain_result(one_sentence_guide("a-new-guide", sentence), rules).guide
        texts = [unit.text for section in guide.sections for unit in section.units()]
        return any(text.startswith("An artery is") for text in texts), [entry.term.text for entry in guide.glossary]

    added, glossary = explained(load_rules(language, "en"))
    assert added and any(term.lower().startswith("arter") for term in glossary)
    (language / "plain-off.toml").write_text('off = ["explanation:artery"]\n', encoding="utf-8")
    assert explained(load_rules(language, "en")) == (False, [])
    (language / "plain-off.toml").write_text('off = ["explanation:no such term"]\n', encoding="utf-8")
    with pytest.raises(PublisherError, match="explanation:no such term"):
        load_rules(language, "en")
