"""The plain-language engine's rules, one at a time (publisher.plain)."""

from pathlib import Path

import pytest

from conftest import REPO
from publisher.errors import PublisherError
from publisher.model import Paragraph, Section, Sentence, SourceBlock, SourceGuide
from publisher.plain import load_rules, plain_result
from publisher.plain.fidelity import missing
from publisher.plain.lexicon import Lexicon, load_lexicon
from publisher.plain.parser import parse
from publisher.plain.lists import enumeration, paragraphs_and_lists
from publisher.plain.numbers import plain_numbers
from publisher.plain.overrides import Overrides
from publisher.plain.reader import address_reader
from publisher.plain.summary import key_points
from publisher.plain.terms import load_terms
from publisher.plain.tidy import infinitives, tidy
from publisher.plain.voice import active_voice

RULES = load_rules(REPO / "locales" / "en", "en")
TERMS = load_terms(REPO / "locales" / "en" / "terms.toml")
NAMES = frozenset({"riluzole", "edaravone"})


# --- words, numbers, the reader, the voice -------------------------------------------------


def test_lexicon_prefers_the_longest_phrase_and_never_touches_kept_terms():
    lexicon = Lexicon({"neurons": {"noun": "nerve cells"}, "motor neuron degeneration": {"any": "motor neuron damage"},
                       "approximately": {"adverb": "about"}, "patients": {"noun": "people with {subject}"}},
                      ("motor neurons", "motor neuron", "ALS")).for_subject("MND")
    first = "Approximately 10 motor neurons and neurons."
    assert lexicon.apply(first, parse(first).pos_at) == "About 10 motor neurons and nerve cells."
    second = "Motor neuron degeneration harms patients."
    assert lexicon.apply(second, parse(second).pos_at) == "Motor neuron damage harms people with MND."


def test_a_single_word_needs_a_part_of_speech_to_be_swapped():
    lexicon = Lexicon({"individual": {"noun": "person"}})
    assert lexicon.apply("Each individual is different.") == "Each individual is different."  # no tags: no swap
    assert lexicon.apply("Each individual is different.", lambda start: "noun") == "Each person is different."
    assert lexicon.apply("Needs are individual.", lambda start: "adjective") == "Needs are individual."


def test_a_lexicon_entry_of_one_word_without_its_part_of_speech_is_a_clear_error(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text('[words]\n"in order to" = "to"\n"utilize" = "use"\n')
    with pytest.raises(PublisherError, match="'utilize' is one word: say which part of speech") as error:
        load_lexicon(path)
    assert error.value.line == 3


def test_seed_vocabulary_is_plain():
    lexicon = RULES.for_guide("als-causes-overview")[0].for_subject("ALS")  # "approximately" is on for it alone

    def plain(text: str) -> str:
        return lexicon.apply(text, parse(text).pos_at, RULES.fixed_names.spans(text))
    assert plain("It is administered via intravenous infusion.") == "It is given through a drip into a vein."
    assert plain("Approximately 10% of ALS cases are familial.") == \
        "About 10% of people with ALS have a type that runs in families."
    assert plain("Forced vital capacity is vital for planning.") == "Forced vital capacity is needed for planning."


@pytest.mark.parametrize("text, expected", [
    ("In about 5-10% of cases, genes matter.", "In about 5 to 10 out of 100 cases, genes matter."),
    ("approximately 10% of cases", "approximately 1 in 10 cases"),
    ("About 50% of patients", "About half of patients"),
    ("when 10% of their body weight is lost", "when 10% of their body weight is lost"),
    ("3% of people", "3 out of 100 people"),
    ("for 3-6 months", "for 3 to 6 months"),
    ("SOD1 and TDP-43", "SOD1 and TDP-43"),
])
def test_numbers_in_the_form_people_use(text, expected):
    assert plain_numbers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Patients often lose the ability to walk.", "You often lose the ability to walk."),
    ("Over time, patients lose their strength.", "Over time, you lose your strength."),
    ("This offers patients better outcomes throughout their illness.",
     "This offers you better outcomes throughout your illness."),
    ("It is crucial for patients, caregivers, and nurses.", "It is crucial for you, your caregivers, and nurses."),
    ("This gives hope for patients affected by ALS.", "This gives hope for patients affected by ALS."),
    ("It may help in some patients.", "It may help in some patients."),
])
def test_the_reader_is_addressed_as_you(text, expected):
    assert address_reader(text, ("patients",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Glutamate release is blocked by riluzole.", "Riluzole blocks glutamate release."),
    ("The signals are carried by the nerves.", "The nerves carry the signals."),
    ("The decision has been made by the care team.", "The care team has made the decision."),
    ("Riluzole is taken by mouth.", "Riluzole is taken by mouth."),
    ("Survival is extended by a few months.", "Survival is extended by a few months."),
    ("It is caused by switched-on glial cells.", "It is caused by switched-on glial cells."),
])
def test_active_voice_where_the_rule_can_tell(text, expected):
    assert active_voice(text, NAMES) == expected


def test_tidy_fixes_spaces_capitals_and_articles():
    assert tidy("  also,  a  illness ,which   is a SOD1 change") == "Also, an illness, which is an SOD1 change."
    assert tidy("Also, failure is also linked to damage.") == "Failure is also linked to damage."
    # a capital "A" inside a sentence names a letter, it is no article (medquad-now: "hexosaminidase An activity")
    assert tidy("a test measures hexosaminidase A activity") == "A test measures hexosaminidase A activity."
    assert tidy("it is the the best") == "It is the best."
    # a capital after the same word starts a sentence a heading ran into: both stay (fresh11: "UTIs in Men are less")
    assert tidy("UTIs in Men Men are less likely to get one") == "UTIs in Men Men are less likely to get one."
    assert infinitives("treatments meant to slowing the disease, managing symptoms and helping you") == \
        "treatments meant to slow the disease, manage symptoms and help you"


# --- lists, terms, key points -----------------------------------------------------------------


def test_long_enumerations_become_lists():
    intro, items = enumeration("This includes physical therapy to keep you moving, occupational therapy for daily "
                               "tasks, speech therapy for slurred speech, and help with eating.")
    assert intro == "This includes:"
    assert items == ["Physical therapy to keep you moving.", "Occupational therapy for daily tasks.",
                     "Speech therapy for slurred speech.", "Help with eating."]
    assert enumeration("These genes include SOD1, C9orf72, TARDBP, and FUS.") is None  # short: stays inline
    # the later items go on from the first one's "weakness and numbness in": no list of body parts as symptoms
    assert enumeration("Common signs and symptoms include slowly progressive weakness and numbness in the feet, "
                       "lower leg muscles, hands, and forearms.") is None
    blocks = paragraphs_and_lists([Sentence("s.1", "First.", "en"), Sentence(
        "s.2", "Problems in cells behind motor neuron damage include oxidative stress, failing mitochondria, "
        "poor clearing of old proteins, and inflammation.", "en"), Sentence("s.3", "Last.", "en")], 4)
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "BulletList", "Paragraph"]
    assert blocks[0].sentences[-1].text == "Problems in cells behind motor neuron damage include:"
    assert [item.id for item in blocks[1].items] == ["s.2-1", "s.2-2", "s.2-3", "s.2-4"]


def test_a_sentence_that_leans_back_stays_in_the_paragraph_of_what_it_points_to():
    texts = ["One.", "Two.", "Three.", "It lowers excitotoxicity.", "This is a process that harms nerve cells.",
             "Six.", "Seven."]
    blocks = paragraphs_and_lists([Sentence(f"s.{n}", text, "en") for n, text in enumerate(texts, 1)], 4)
    paragraphs = [[sentence.text for sentence in block.sentences] for block in blocks]
    assert [text for paragraph in paragraphs for text in paragraph] == texts
    assert all(1 <= len(paragraph) <= 4 for paragraph in paragraphs)
    assert not any(paragraph[0].startswith(("It ", "This ")) for paragraph in paragraphs)
    # evenly cut, it was [One, Two, Three, It ...] / [This is a process ..., Six, Seven]
    assert any(paragraph[-2:] == texts[3:5] or paragraph[:3] == texts[2:5] for paragraph in paragraphs)


def test_terms_are_explained_unless_the_sentence_says_what_they_are():
    found = TERMS.used_in("Changes in SOD1 and FUS affect motor neurons and riluzole.")
    assert [term.name for term in found] == ["SOD1", "FUS", "motor neurons", "riluzole"]
    explanations = TERMS.explain("Changes in SOD1 and FUS affect motor neurons.", found[:3])
    assert explanations == ["Motor neurons are the nerve cells that tell your muscles to move.",
                            "SOD1 and FUS are the names of genes and of the proteins they make."]
    assert TERMS.explain("Genes such as SOD1 and FUS matter.", found[:2]) == []


def test_key_points_stand_on_their_own():
    def paragraph(*texts):
        return Paragraph(tuple(Sentence(f"x.{n}", text, "en") for n, text in enumerate(texts)))
    sections = (
        Section("a", Sentence("a.h", "What is ALS?", "en"), (paragraph(
            "Amyotrophic lateral sclerosis (ALS) is also called Lou Gehrig's disease.",
            "It is a disease that slowly gets worse."),)),
        Section("b", Sentence("b.h", "What causes it?", "en"), (paragraph(
            "This leans on what came before.", "About 5 to 10 out of 100 people with ALS have a type that runs in "
            "families."),)),
        Section("c", Sentence("c.h", "How is it treated?", "en"), (paragraph("Riluzole is a medicine."),)),
    )
    points = [point.text for point in key_points(sections, frozenset({"Riluzole is a medicine."}), "ALS", NAMES)]
    assert points == ["ALS is a disease that slowly gets worse.",
                      "About 5 to 10 out of 100 people with ALS have a type that runs in families."]


# --- overrides and fidelity ----------------------------------------------------------------------


def guide_source(*paragraphs: str) -> SourceGuide:
    return SourceGuide("g", Path("sources/g.txt"), "A guide", "en",
                       tuple(SourceBlock("paragraph", n + 2, text=text) for n, text in enumerate(paragraphs)))


def test_an_override_replaces_one_sentence_and_is_counted():
    sentences = [f"Sentence {n} talks about muscles." for n in range(10)]
    source = guide_source(" ".join(sentences))
    rules = RULES.__class__(**{**RULES.__dict__, "overrides": Overrides({sentences[3]: ("Plain words.",)})})
    result = plain_result(source, rules)
    assert result.overridden == 1 and result.source_sentences == 10
    assert "Plain words." in [unit.text for unit in result.guide.units()]


def test_an_editors_versions_are_used_however_many_there_are():
    sentences = [f"Sentence {n} talks about muscles." for n in range(10)]
    overrides = Overrides({sentence: (f"Version {n}.",) for n, sentence in enumerate(sentences)},
                          Path("locales/en/overrides.toml"))
    rules = RULES.__class__(**{**RULES.__dict__, "overrides": overrides})
    result = plain_result(guide_source(" ".join(sentences)), rules)
    assert result.overridden == 10
    assert [unit.text for unit in result.guide.sections[0].units()][:3] == ["Version 0.", "Version 1.", "Version 2."]


def test_fidelity_finds_lost_names_and_numbers():
    source = "In 5-10% of cases, SOD1 and C9orf72 matter. Riluzole and tofersen help. Half take 2 tablets."
    assert missing(source, "In 5 to 10 out of 100 cases, SOD1 and C9orf72 matter. Riluzole and tofersen help. "
                           "Half take 2 tablets.", TERMS, TERMS.drug_endings) == []
    assert missing(source, "In some cases, SOD1 matters. Riluzole helps. Half take 3 tablets.", TERMS,
                   TERMS.drug_endings) == ["name 'C9orf72'", "name 'tofersen'", "number 2", "number 5%", "number 10%"]


# --- the author's words: one name for a thing, and words kept as written ------------------------


def markdown_guide(title: str, heading: str, body: str, keep: tuple[str, ...] = ()) -> SourceGuide:
    return SourceGuide("g", Path("sources/g.md"), title, "en",
                       (SourceBlock("heading", 2, text=heading), SourceBlock("paragraph", 3, text=body)), keep)


def plain_texts(source: SourceGuide) -> list[str]:
    return [unit.text for unit in plain_result(source, RULES).guide.units()]


def test_a_swap_is_made_everywhere_or_nowhere():
    body = "Your physician checks your breathing. Ask your physician about it."
    swapped = plain_texts(markdown_guide("Breathing", "At the clinic", body))
    assert any("doctor" in text for text in swapped)  # the lexicon swaps it where nothing names it
    texts = plain_texts(markdown_guide("Seeing your physician", "At the clinic", body))
    assert texts[0] == "Seeing your physician"
    assert not any("doctor" in text for text in texts), texts  # the title names it: the body keeps it too
    texts = plain_texts(markdown_guide("Breathing", "What your physicians do", body))
    assert not any("doctor" in text for text in texts), texts  # a heading, in the plural


def test_a_word_the_author_keeps_is_never_swapped():
    body = "Your physician checks your breathing. Physicians also check how you swallow."
    texts = plain_texts(markdown_guide("Breathing", "At the clinic", body, keep=("physician",)))
    assert not any("doctor" in text for text in texts), texts
    assert any("physician" in text for text in texts) and any("Physicians" in text for text in texts)


def test_an_explanation_never_comes_between_a_lead_in_and_its_list_or_a_pronoun_and_what_it_means():
    """Blind readers found "These include:", then a term explained (the
    immune system), then the list; and "Use them less often." after an artery's explanation,
    "them" then pointing to arteries, not fatty foods."""
    source = SourceGuide("g", Path("sources/g.txt"), "A guide", "en", (
        SourceBlock("paragraph", 2, text="Several diseases can cause anemia. These include:"),
        SourceBlock("list", 3, items=("Diabetes", "Cancer")),
        SourceBlock("paragraph", 5, text="Fatty foods can clog your arteries. Use them less often. Eat fruit instead.")))
    texts = [unit.text for section in plain_result(source, RULES).guide.sections for unit in section.units()]
    lead_in = texts.index("These include:")
    assert texts[lead_in + 1: lead_in + 3] == ["Diabetes.", "Cancer."] or texts[lead_in + 1].startswith("Diabetes")
    assert any(text.startswith("Anemia ") for text in texts[lead_in + 1:])
    use_them = texts.index("Use them less often.")
    assert texts[use_them - 1] == "Fatty foods can clog your arteries."
    assert any(text.startswith("An artery is") for text in texts[use_them + 1:])


def test_an_explanation_never_comes_between_the_items_of_a_list_whose_bullets_the_page_lost():
    """fresh10's blind readers found a term explained between two items
    (BROKEN, five times): items laid flat in a paragraph ("- Weakness.
    - Nausea and vomiting.") and items that became one-line paragraphs after
    a lead-in ("... such as:" / "Rectal prolapse. ..." / "Liver disease.")."""
    source = SourceGuide("g", Path("sources/g.txt"), "A guide", "en", (
        SourceBlock("paragraph", 2, text="Signs include the following: - Weakness. - Anemia and pain. - Weight loss. "
                                         "See a doctor if you have them."),
        SourceBlock("paragraph", 4, text="As it gets worse, other problems may occur, such as:"),
        SourceBlock("paragraph", 6, text="Anemia. It makes you tired."),
        SourceBlock("paragraph", 8, text="Liver disease."),
        SourceBlock("paragraph", 10, text="Most people with this condition live a long and full life with care and "
                                          "treatment from a team of doctors and nurses who know it well.")))
    texts = [unit.text for section in plain_result(source, RULES).guide.sections for unit in section.units()]
    explanation = next(text for text in texts if text.startswith("Anemia "))
    assert texts.index(explanation) > texts.index("- Weight loss."), texts
    assert texts.index(explanation) < texts.index("As it gets worse, other problems may occur, such as:")
    first, second = texts.index("Anemia."), texts.index("Liver disease.")
    assert texts[first + 1] == "It makes you tired." and second == first + 2, texts  # nothing between the items


def test_a_term_is_explained_only_by_the_name_the_text_uses_and_never_before_its_pronoun():
    """medquad-now's readers: "In a lumbar puncture, ..." after a sentence
    that says "spinal tap" links to nothing (BROKEN); and an explanation
    put before "Like trigeminal neuralgia, it is ..." made "it" the term."""
    source = SourceGuide("g", Path("sources/g.txt"), "A guide", "en", (
        SourceBlock("paragraph", 2, text="The doctor may do a spinal tap to check the fluid."),
        SourceBlock("paragraph", 4, text="Pressure on a nerve can cause seizures in a few people. Like other pains, "
                                         "it is often sharp.")))
    texts = [unit.text for section in plain_result(source, RULES).guide.sections for unit in section.units()]
    assert not any("lumbar puncture" in text for text in texts), texts
    explanation = next(text for text in texts if text.startswith("A seizure is"))  # "seizures": its plural is its name
    assert texts.index(explanation) > texts.index("Like other pains, it is often sharp."), texts
