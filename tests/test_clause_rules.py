"""The clause-splitting rules, run on their own examples (publisher/plain/clause_rules.toml)."""

import re
from pathlib import Path

import pytest

from publisher.datafiles import load_toml
from publisher.errors import PublisherError
from publisher.plain.clauses import RULE_ORDER, RULES, RULES_FILE, load_clause_rules, split_clauses

NAMES = frozenset({"riluzole", "edaravone"})
DATA = load_toml(RULES_FILE)
KINDS = {"splits": {"source", "plain"}, "leaves_alone": {"source", "why"}}


def rule_examples():
    """Every example of every rule, as (rule, source, expected pieces or None)."""
    cases = []
    for rule, table in zip(RULES, DATA["rule"]):
        for kind in KINDS:
            for number, example in enumerate(table.get(kind, []), start=1):
                expected = example.get("plain") if kind == "splits" else None
                cases.append(pytest.param(rule, example["source"], expected, id=f"{rule.name}-{kind}-{number}"))
    return cases


@pytest.mark.parametrize("rule, source, expected", rule_examples())
def test_each_rule_splits_its_examples_and_leaves_the_others_alone(rule, source, expected):
    pieces = rule.split(source, NAMES)
    assert (None if pieces is None else list(pieces)) == expected


@pytest.mark.parametrize("example", DATA["whole"], ids=[f"whole-{n}" for n in range(1, len(DATA["whole"]) + 1)])
def test_all_rules_together_split_long_sentences_one_idea_each(example):
    assert split_clauses(example["source"], NAMES) == example["plain"]
    assert split_clauses(example["source"], NAMES, RULE_ORDER) == example["plain"]  # bare functions work too


def test_every_rule_has_examples_of_both_kinds_and_its_purpose_from_the_data_file():
    assert [rule.name for rule in RULES] == [table["name"] for table in DATA["rule"]]
    for rule, table in zip(RULES, DATA["rule"]):
        assert set(table) == {"name", "purpose", *KINDS}, rule.name
        assert rule.purpose == table["purpose"] and rule.purpose.strip(), rule.name
        for kind, keys in KINDS.items():
            assert table[kind], f"{rule.name} has no {kind} example"
            assert all(set(example) == keys for example in table[kind]), f"{rule.name}: {kind} needs {keys}"


@pytest.mark.parametrize("change, message", [
    (lambda names: names[1:], "clause rule 'located_aside' has no [[rule]] table"),
    (lambda names: names + ["made_up"], "[[rule]] 'made_up' is not a clause rule"),
    (lambda names: [names[1], names[0], *names[2:]], "'located_aside' must come where 'semicolons' is"),
], ids=["missing", "unknown", "out of order"])
def test_a_data_file_that_does_not_match_the_rules_is_reported(tmp_path: Path, change, message):
    names = change([rule.__name__ for rule in RULE_ORDER])
    path = tmp_path / "clause_rules.toml"
    path.write_text("".join(f'[[rule]]\nname = "{name}"\npurpose = "Splits."\n\n' for name in names), encoding="utf-8")
    with pytest.raises(PublisherError, match=re.escape(message)) as caught:
        load_clause_rules(path)
    assert "clause_rules.toml" in str(caught.value)
