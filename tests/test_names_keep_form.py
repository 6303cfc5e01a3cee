"""Proper names and acronyms keep their form wherever a rule moves them
(issue 23, point 6): "MNDs" never becomes "mNDs", "Huntington's" never
"huntington's"."""

import pytest

from publisher.plain.clauses import or_gloss
from publisher.plain.grammar import mid_sentence


@pytest.mark.parametrize("phrase, inside", [
    ("Motor neuron diseases (MNDs)", "motor neuron diseases (MNDs)"),
    ("MNDs", "MNDs"),
    ("Huntington's disease", "Huntington's disease"),
    ("Huntingtons disease", "Huntingtons disease"),
    ("SOD1 mutations", "SOD1 mutations"),
    ("Gaucher disease", "Gaucher disease"),
    ("The disease", "the disease"),
    ("Doctors", "doctors"),
])
def test_a_phrase_moved_inside_a_sentence_keeps_its_names(phrase, inside):
    assert mid_sentence(phrase) == inside


def test_a_glossed_acronym_keeps_its_capitals():
    split = or_gloss("IgG, or immunoglobulin G, protects the body from germs.")
    assert split is not None and split[-1] == "This is called IgG."
