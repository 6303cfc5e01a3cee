"""The source check (publisher/source_check/): what it finds, what it repairs,
what it leaves alone, and that an author can refuse a repair."""

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import REPO, SEED_SLUGS
from publisher.errors import PublisherError
from publisher.model import SourceBlock, SourceGuide
from publisher.plain import engine
from publisher.source_check import REPAIRED, check_source, count_by_kind, load_check_rules
from publisher.sources import load_source

EXAMPLES = tomllib.loads((REPO / "tests" / "fixtures" / "source_check_examples.toml").read_text(encoding="utf-8"))
RULES = load_check_rules(REPO / "locales" / "en", "en")
MESSY = REPO / "tests" / "fixtures" / "messy" / "low-vision.md"


def check_file(folder: Path, name: str, text: str):
    """The source check of a guide file `name` holding `text`, written in `folder`."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return check_source(load_source(path), RULES)


def block_texts(checked) -> list[tuple[int, str, str]]:
    return [(block.line, block.kind, block.text) for block in checked.guide.blocks]


def one_paragraph(text: str, path: Path = Path("sources/example.md")) -> SourceGuide:
    return SourceGuide("example", path, "Example", "en",
                       (SourceBlock("heading", 1, text="About it"), SourceBlock("paragraph", 3, text=text),
                        SourceBlock("paragraph", 5, text="More text follows here.")))


@pytest.mark.parametrize("example", EXAMPLES["finds"], ids=[f"{e['kind']}-{n}" for n, e in enumerate(EXAMPLES["finds"])])
def test_each_example_is_found_and_repaired_only_when_safe(example):
    checked = check_source(one_paragraph(example["text"]), RULES)
    kinds = {finding.kind for finding in checked.findings}
    assert example["kind"] in kinds
    blocks = checked.guide.blocks
    if "blocks" in example:
        assert [[block.kind, block.text] for block in blocks[1:-1]] == example["blocks"]
        return
    paragraph = next(block for block in blocks[1:] if block.kind == "paragraph")
    assert paragraph.text == example.get("repaired", example["text"])
    if "heading" in example:
        assert blocks[1] == SourceBlock("subheading", 3, text=example["heading"])  # under "About it"
    mine = [finding for finding in checked.findings if finding.kind == example["kind"]]
    assert all((finding.state == REPAIRED) == ("repaired" in example) for finding in mine)


@pytest.mark.parametrize("example", EXAMPLES["leaves_alone"], ids=[e["why"] for e in EXAMPLES["leaves_alone"]])
def test_correct_text_is_left_alone_and_not_flagged(example):
    checked = check_source(one_paragraph(example["text"]), RULES)
    assert [finding for finding in checked.findings if finding.kind not in example.get("allows", ())] == []
    assert checked.guide.blocks[1].text == example["text"]


def test_the_seed_guides_need_no_repair():
    for slug in SEED_SLUGS:
        source = load_source(REPO / "sources" / f"{slug}.txt")
        checked = check_source(source, RULES)
        assert [finding for finding in checked.findings if finding.state == REPAIRED] == []
        assert checked.guide.blocks == tuple(replace(block, flagged=block.flagged) for block in source.blocks)


def test_the_messy_low_vision_page_is_flagged_and_repaired_line_by_line():
    checked = check_source(load_source(MESSY), RULES)
    by_kind = {}
    for finding in checked.findings:
        by_kind.setdefault(finding.kind, []).append(finding.line)
    assert by_kind["caption"] == [13, 15, 43, 49, 93]
    assert by_kind["web-only"] == [19, 21, 111, 115]
    assert by_kind["repeated-heading"] == [23, 77]
    # repeated in other sections: flagged, as a copy there may be meant
    assert by_kind["repeated-list"] == [63] and by_kind["repeated-paragraph"] == [75]
    assert all(finding.state == "flagged" for finding in checked.findings if finding.kind.startswith("repeated"))
    assert by_kind["contact"] == [117]
    assert by_kind["misspelling"] == [85] and by_kind["missing-space"] == [103]
    assert 9 in by_kind["run-in-heading"] and 17 in by_kind["run-in-heading"]
    headings = [block.text for block in checked.guide.blocks if block.kind == "heading"]
    assert headings == ["What is Low Vision?"] * 2 + ["Who is at risk for Low Vision?", "What is Low Vision?"]
    subheadings = [block.text for block in checked.guide.blocks if block.kind == "subheading"]
    assert subheadings[:2] == ["Everyday Tasks Are Challenging", "Not a Normal Part of Aging"]
    text = " ".join(block.text or " ".join(block.items) for block in checked.guide.blocks)
    assert "recieve" not in text and "??" not in text
    assert "glasses. Of all" in text


def test_repeats_are_removed_within_a_section_and_flagged_across_sections():
    said = "Call 911 right away if you have chest pain, shortness of breath or fainting."
    warning = f"{said} Do not drive yourself to the hospital or to the emergency room."
    guide = SourceGuide("example", Path("sources/example.md"), "Example", "en", (
        SourceBlock("heading", 1, text="What is it?"), SourceBlock("paragraph", 3, text=warning),
        SourceBlock("paragraph", 5, text="It is common in older adults."), SourceBlock("paragraph", 7, text=warning),
        SourceBlock("heading", 9, text="What are the signs?"), SourceBlock("paragraph", 11, text=warning),
        SourceBlock("paragraph", 13, text=f"Most signs are mild. {said}"),
        SourceBlock("paragraph", 15, text=f"Signs can come back. {warning}")))
    checked = check_source(guide, RULES)
    texts = [block.text for block in checked.guide.blocks]
    assert texts.count(warning) == 2  # the copy in the same section removed, the one in the next section kept
    states = [(finding.line, finding.kind, finding.state) for finding in checked.findings]
    # line 13 says one sentence of another section again: maybe meant; line 15 says two again, one after the other
    assert states == [(7, "repeated-paragraph", "repaired"), (11, "repeated-paragraph", "flagged"),
                      (15, "repeated-paragraph", "flagged")]


def test_no_key_point_and_no_word_to_know_comes_from_flagged_text():
    checked = check_source(load_source(MESSY), RULES)
    rules = engine.load_rules(REPO / "locales" / "en", "en")
    result = engine.plain_result(checked.guide, rules, {}, checked.findings)
    flagged = [flag for block in checked.guide.blocks for flag in block.flagged]
    assert len(result.guide.summary) >= 3
    for point in result.guide.summary:
        assert not any(flag.split()[0] in point.text and flag[:20] in point.text for flag in flagged), point.text
        assert not any(word in point.text.lower() for word in ("click", "video", "scene as viewed", "courtesy"))
    assert result.findings == checked.findings
    # each word to know is explained where the guide first uses it in text nobody flagged
    unflagged = [unit.text.lower() for section in result.guide.sections for unit in section.units()
                 if unit.id not in _flagged_units(result, flagged)]
    for entry in result.guide.glossary:
        assert any(entry.term.text.lower() in text for text in unflagged), entry.term.text


def _flagged_units(result, flagged: list[str]) -> set[str]:
    return {unit_id for unit_id, source in result.unit_sources.items()
            if source and any(flag[:20] in source or source in flag for flag in flagged)}


def test_an_author_refuses_a_repair_in_source_repairs_toml(tmp_path):
    language = tmp_path / "en"
    language.mkdir()
    (language / "source-check.toml").write_text((REPO / "locales/en/source-check.toml").read_text())
    (language / "source-repairs.toml").write_text('[[refuse]]\nguide = "example"\ntext = "Vision??"\n')
    rules = load_check_rules(language, "en")
    checked = check_source(one_paragraph("Who is at risk for Low Vision??"), rules)
    assert checked.guide.blocks[1].text == "Who is at risk for Low Vision??"
    assert [finding.state for finding in checked.findings] == ["refused"]
    assert count_by_kind(checked.findings, rules.names) == ""


def test_a_bad_pattern_or_refusal_is_one_error_naming_the_file(tmp_path):
    language = tmp_path / "en"
    language.mkdir()
    data = (REPO / "locales/en/source-check.toml").read_text()
    (language / "source-check.toml").write_text(data.replace("'\\bclick here\\b',", "'(click here',"))
    with pytest.raises(PublisherError) as error:
        load_check_rules(language, "en")
    assert "source-check.toml" in str(error.value) and "click here" in str(error.value)
    (language / "source-check.toml").write_text(data)
    (language / "source-repairs.toml").write_text('[[refuse]]\nguide = "example"\n')
    with pytest.raises(PublisherError) as error:
        load_check_rules(language, "en")
    assert "source-repairs.toml" in str(error.value)


def test_the_summary_counts_findings_by_kind_most_common_first():
    checked = check_source(load_source(MESSY), RULES)
    line = count_by_kind(checked.findings, RULES.names)
    assert line.startswith("10 headings run into the text, 5 picture captions, 4 web-only instructions")
    assert line.endswith(f"; {sum(f.state == REPAIRED for f in checked.findings)} repaired")


def test_a_term_met_only_in_flagged_text_is_not_a_word_to_know():
    rules = engine.load_rules(REPO / "locales" / "en", "en")

    def glossary(caption: str) -> list[str]:
        guide = SourceGuide("example", Path("sources/example.md"), "Example", "en", (
            SourceBlock("heading", 1, text="What is it?"),
            SourceBlock("paragraph", 3, text="Some people feel weak and tired for a long time."),
            SourceBlock("paragraph", 5, text=caption),
            SourceBlock("paragraph", 7, text="Rest helps, and so does gentle exercise.")))
        checked = check_source(guide, RULES)
        return [entry.term.text for entry in engine.plain_result(checked.guide, rules, {}, checked.findings).guide.glossary]

    assert "SOD1" in glossary("A change in the SOD1 gene can cause the disease in families.")
    assert "SOD1" not in glossary("Photo: a scientist studying the SOD1 gene in a laboratory.")  # a caption


def test_a_title_on_a_line_of_its_own_is_a_heading_and_a_picture_title_a_caption(tmp_path):
    """Three things a page pasted as plain lines leaves, told apart by how the
    source is laid out: a title on the line above its paragraph (a heading),
    a title as the last of a run of short lines with a sentence after it (a
    heading, not an item), and a title with more space under it than the
    page leaves anywhere else (its picture was there: a caption)."""
    checked = check_file(tmp_path, "anemia.md", "# Anemia\n\n## Food\n\n"
                         "Stage I Anemia\nTreatment of stage I anemia is a change of food.\n\n"
                         "Meats such as beef and fish\n\nEggs and dairy products\n\nFolic Acid\n\n"
                         "Folic acid is a form of vitamin B that is found in foods.\n\n"
                         "Plaque Buildup in an Artery\n\n\n\n"
                         "Plaque narrows and stiffens the arteries of the heart.\n\n"
                         "Your body needs folic acid to make new cells.\n\nMost people get enough of it.\n")
    blocks = [(block.line, block.kind, block.text or list(block.items)) for block in checked.guide.blocks]
    assert (5, "subheading", "Stage I Anemia") in blocks
    assert (5, "paragraph", "Treatment of stage I anemia is a change of food.") in blocks
    assert (8, "list", ["Meats such as beef and fish", "Eggs and dairy products"]) in blocks
    assert (12, "subheading", "Folic Acid") in blocks
    assert (16, "paragraph", "Plaque Buildup in an Artery") in blocks  # left as written, for a person
    states = {(finding.line, finding.kind, finding.state) for finding in checked.findings}
    assert (16, "caption", "flagged") in states and (5, "run-in-heading", "repaired") in states
    assert not any(finding.kind == "run-in-heading" and finding.line == 16 for finding in checked.findings)


def test_a_key_point_the_guide_listed_is_a_heading_over_its_paragraph(tmp_path):
    """A cancer summary lists its key points, then sets each one on a line of
    its own above the paragraph that explains it: there it is a heading. A
    sentence on a line of its own that no list named stays text."""
    checked = check_file(tmp_path, "melanoma.md", "# Melanoma\n\n## What is melanoma?\n\nKey Points\n"
                         "- Melanoma is a disease of the skin.     - Melanoma can occur anywhere on the skin.\n\n"
                         "Melanoma is a disease of the skin.\nIt starts in the cells that colour the skin.\n\n"
                         "Melanoma can occur anywhere on the skin.\nIn men, it is often found on the back.\n\n"
                         "Sun damage raises the risk.\nMost people with melanoma are over 50.\n")
    blocks = block_texts(checked)
    assert (8, "subheading", "Melanoma is a disease of the skin.") in blocks
    assert (11, "subheading", "Melanoma can occur anywhere on the skin.") in blocks
    assert (11, "paragraph", "In men, it is often found on the back.") in blocks
    assert (14, "paragraph", "Sun damage raises the risk. Most people with melanoma are over 50.") in blocks


def test_a_misspelling_is_reported_at_the_line_of_its_word(tmp_path):
    """Items pasted on lines of their own, with only spaces between them,
    are one paragraph; a word glued in the third item is reported at its
    own line, not at the first line of the words shown around it."""
    checked = check_file(tmp_path, "bowel.md", "# Bowel\n\n## Parts\n\nThe small intestine has three parts.\n    \n"
                         "duodenum, the first part, where iron is absorbed\n    \n"
                         "jejunumthe middle section, where most vitamins are absorbed\n")
    glued = [finding for finding in checked.findings if finding.kind == "words-run-together"]
    assert [finding.line for finding in glued] == [9]


def test_a_title_alone_above_text_is_a_heading_however_the_page_set_it(tmp_path):
    """Subheadings a page lost the marks of: one above a paragraph cut off
    before its list (not a list of two items), one hyphenated word alone
    ("X-ray"), and one written on the last line of the paragraph before it."""
    checked = check_file(tmp_path, "bowel.md", "# Bowel\n\n## Diagnosis\n\nPhysical Exam\n    \n"
                         "A physical exam may help find the cause. During the exam, a provider usually\n    \n"
                         "- looks for weight loss\n- listens to the belly\n\nX-ray\n\n"
                         "An x-ray is a picture made with a small amount of radiation.\n\n"
                         "More details are in other resources.\nHow to Contact the Branch at CDC\n\n"
                         "The public should first call the help line.\n")
    blocks = block_texts(checked)
    assert (5, "subheading", "Physical Exam") in blocks
    assert (12, "subheading", "X-ray") in blocks
    assert (17, "subheading", "How to Contact the Branch at CDC") in blocks
    assert (16, "paragraph", "More details are in other resources.") in blocks


def test_text_said_again_with_a_few_words_changed_is_flagged_but_parallel_text_is_not(tmp_path):
    """A page that tells its overview twice, reworded a little, is flagged
    (two such sentences in a row); the same sentence said for each stage,
    under each stage's heading, and sentences side by side that differ in
    one word, are meant."""
    checked = check_file(tmp_path, "bones.md", 
        "# Bones\n\n## What is it?\n\n"
        "Osteoporosis is a disease that thins and weakens the bones to the point that they break easily. "
        "It affects about half of all women over the age of fifty in the United States.\n\n"
        "## Stage I Disease\n\nTreatment of stage I disease may include the following kinds of care at home. "
        "Patients with stage I disease may also take part in a clinical trial of a new treatment.\n\n"
        "## Stage II Disease\n\nTreatment of stage II disease may include the following kinds of care at home. "
        "Patients with stage II disease may also take part in a clinical trial of a new treatment.\n\n"
        "## Spread\n\nThe cancer spreads from where it began by getting into the nearby tissue of the body. "
        "The cancer spreads from where it began by getting into the lymph system of the body. "
        "The cancer spreads from where it began by getting into the blood vessels of the body.\n\n"
        "## Overview\n\n"
        "Osteoporosis is a disease that thins and weakens the bones to the point where they become fragile and "
        "break easily. It affects about half of all the women over fifty in the United States.\n")
    repeats = [(finding.line, finding.detail) for finding in checked.findings if finding.kind == "repeated-paragraph"]
    assert repeats == [(21, "said nearly word for word before at line 5 and 1 more")]


def test_a_question_that_asks_the_heading_again_and_a_table_laid_flat_are_flagged(tmp_path):
    """A rare-disease page runs its own subheading into the text, asking its
    section's question again in other words, and lays a table flat after
    it; both are flagged for a person, not changed. A question that asks
    something else is the text's own."""
    checked = check_file(tmp_path, "tay.md", 
        "# Tay syndrome\n\n## What causes Tay syndrome?\n\n"
        "What causes IBIDS syndrome? How is it inherited? Tay syndrome is caused by changes in a gene.\n\n"
        "## What are the symptoms of Tay syndrome?\n\n"
        "You can look up these medical terms. Signs and Symptoms Approximate number of patients "
        "(when available) Abnormality of the hair - Brittle hair - Short stature - Most people have dry skin.\n\n"
        "## How is it treated?\n\nWhat does a doctor look for? A doctor looks at the skin and the hair.\n")
    found = [(finding.line, finding.text, finding.state) for finding in checked.findings
             if finding.kind == "run-in-heading"]
    assert found == [(5, "What causes IBIDS syndrome?", "flagged"),
                     (9, "medical terms. Signs and Symptoms Approximate number of", "flagged")]


def test_a_key_point_run_into_the_paragraph_that_explains_it_is_flagged(tmp_path):
    """A cancer summary lists its key points, then runs each into the start
    of the paragraph that explains it: flagged (a sentence, so it reads as
    one), not split. A first sentence no list named is the text's own."""
    checked = check_file(tmp_path, "gallbladder.md", "# Gallbladder cancer\n\n## About it\n\nKey Points\n"
                         "- Being female can increase the risk of gallbladder cancer.     - It is rare.\n\n"
                         "## Risk\n\nBeing female can increase the risk of gallbladder cancer. Anything that increases "
                         "your chance of getting a disease is called a risk factor.\n\n"
                         "## Signs\n\nSigns of gallbladder cancer include jaundice and fever. Check with your doctor.\n")
    found = [(finding.line, finding.text, finding.state) for finding in checked.findings
             if finding.kind == "run-in-heading"]
    assert found[1:] == [(10, "Being female can increase the risk of gallbladder cancer.", "flagged")]


def test_a_short_line_alone_between_sentences_and_prose_is_flagged_as_a_heading(tmp_path):
    """A heading in sentence case ("Treating children") standing alone is
    flagged, not made a heading; items pasted one per paragraph are a list,
    and a paragraph that ends a sentence is text."""
    checked = check_file(tmp_path, "fever.md",
                         "# Q fever\n\n## Treatment\n\nDoxycycline is the first line treatment for adults.\n\n"
                         "Treating children\n\nThe use of doxycycline is recommended to treat Q fever in children.\n\n"
                         "Eggs and dairy products\n\nMeats such as beef and fish\n\nBeans and lentils\n\n"
                         "Each of these gives the body protein it needs.\n")
    alone = [(finding.line, finding.text) for finding in checked.findings if "stands alone" in finding.detail]
    assert alone == [(7, "Treating children")]
