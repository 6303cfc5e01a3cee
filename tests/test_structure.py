"""Sections: source paragraphs grouped under question headings (publisher.plain.sections)."""

from pathlib import Path

import pytest

from conftest import REPO
from publisher.model import Paragraph, SourceBlock, SourceGuide
from publisher.plain import load_rules, make_plain
from publisher.plain.sections import draft_sections, find_subject
from publisher.sources import discover, load_source

RULES = load_rules(REPO / "locales" / "en", "en")


def source(blocks, title="A guide") -> SourceGuide:
    return SourceGuide("a-guide", Path("sources/a-guide.md"), title, "en", tuple(blocks))


@pytest.mark.parametrize("path", discover(REPO / "sources"), ids=lambda p: p.stem)
def test_seed_guides_are_sectioned_without_losing_a_paragraph(path):
    src = load_source(path)
    drafts = draft_sections(src, RULES.topics)
    headings = [draft.heading for draft in drafts]
    assert len(headings) >= 3
    assert headings[0] == "What is ALS?"
    assert headings[-1] == "What should you remember?"
    assert len(set(headings)) == len(headings)
    assert sorted(block.line for draft in drafts for block in draft.blocks) == [block.line for block in src.blocks]
    guide = make_plain(src, RULES)
    ids = [unit.id for unit in guide.units()]
    assert len(set(ids)) == len(ids)
    for section in guide.sections:
        for block in section.blocks:
            assert not isinstance(block, Paragraph) or 1 <= len(block.sentences) <= 4


def test_paragraphs_are_grouped_by_topic():
    guide = make_plain(source([
        SourceBlock("paragraph", 2, text="Motor neuron disease (MND) is a condition of the nerves."),
        SourceBlock("paragraph", 3, text="Muscle weakness and twitching are the first symptoms. Walking gets hard."),
        SourceBlock("paragraph", 4, text="Some genes cause it. A gene mutation can be inherited in families."),
        SourceBlock("paragraph", 5, text="Speaking and swallowing may get harder too."),
        SourceBlock("paragraph", 6, text="In summary, MND is a serious condition."),
    ], title="Living with motor neuron disease"), RULES)
    assert [(s.id, s.heading.text) for s in guide.sections] == [
        ("what-is", "What is MND?"),
        ("body", "What does MND do to the body?"),
        ("causes", "What causes MND?"),
        ("summary", "What should you remember?"),
    ]
    # The paragraph about speaking went back to the body section, in source order.
    body = [u.text for u in guide.sections[1].units()]
    assert body[-1] == "Speaking and swallowing may get harder too."
    assert next(guide.sections[1].units()).source == "sources/a-guide.md:3"


def test_a_paragraph_with_no_cue_continues_the_section_before():
    guide = make_plain(source([
        SourceBlock("paragraph", 2, text="This guide is for carers."),
        SourceBlock("paragraph", 3, text="Ask your nurse anything."),
    ]), RULES)
    assert [s.heading.text for s in guide.sections] == ["What is this guide about?"]


def test_markdown_headings_are_kept():
    guide = make_plain(source([
        SourceBlock("paragraph", 2, text="Breathing support (NIV) is a machine that helps you breathe."),
        SourceBlock("heading", 4, text="Wearing the mask"),
        SourceBlock("list", 5, items=("Keep it clean.", "Check the fit.")),
        SourceBlock("heading", 8, text="Wearing the mask"),
        SourceBlock("paragraph", 9, text="More."),
    ], title="Breathing support (NIV) at night"), RULES)
    assert [(s.id, s.heading.text) for s in guide.sections] == [
        ("what-is-niv", "What is NIV?"), ("wearing-the-mask", "Wearing the mask"),
        ("wearing-the-mask-2", "Wearing the mask")]
    assert [u.text for u in guide.sections[1].units()] == ["Keep it clean.", "Check the fit."]


def test_long_paragraphs_are_split_evenly():
    text = " ".join(f"Sentence number {n} is here." for n in range(1, 10))
    guide = make_plain(source([SourceBlock("paragraph", 2, text=text)]), RULES)
    assert [len(block.sentences) for block in guide.sections[0].blocks] == [3, 3, 3]


def test_opening_heading_asks_about_the_subject_only_when_it_is_defined():
    defined = make_plain(source([SourceBlock("paragraph", 2, text="Motor neuron disease (MND) is a disease.")],
                                title="Motor neuron disease"), RULES)
    other = make_plain(source([SourceBlock("paragraph", 2,
                                           text="Eating well is a key part of care for motor neuron disease (MND).")],
                              title="Motor neuron disease"), RULES)
    assert defined.sections[0].heading.text == "What is MND?"
    assert other.sections[0].heading.text == "What is this guide about?"


def test_subject_found_in_text_or_fallback():
    assert find_subject(source([SourceBlock("paragraph", 1, text="Amyotrophic lateral sclerosis (ALS) is...")],
                               title="Living with ALS"), "x") == "ALS"
    assert find_subject(source([SourceBlock("paragraph", 1, text="Amyotrophic lateral sclerosis (ALS) is...")],
                               title="Amyotrophic lateral sclerosis"), "x") == "ALS"


def test_the_subject_is_never_a_guess_the_title_does_not_back():
    # A defined abbreviation of something else, and an agency, are not the condition.
    fluid = source([SourceBlock("paragraph", 1, text="Cerebrospinal fluid (CSF) builds up in the brain.")],
                   title="Hydrocephalus")
    assert find_subject(fluid, "this condition") == "this condition"
    agency = source([SourceBlock("paragraph", 1, text="The Centers for Disease Control and Prevention (CDC) track "
                                                      "botulism.")], title="Botulism and the CDC")
    assert find_subject(agency, "this condition", ("centers",)) == "this condition"
    assert find_subject(source([SourceBlock("paragraph", 1, text="Nothing here.")]), "this condition") == \
        "this condition"
