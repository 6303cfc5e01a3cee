"""Repairing paragraphs split by stray blank lines (publisher.repair)."""

from publisher.repair import ends_paragraph, is_split_word, join_pieces, merge_broken


def test_word_split_mid_word_is_closed():
    assert join_pieces("a process known a", "s excitotoxicity.", "en") == "a process known as excitotoxicity."
    assert join_pieces("lead, pesticides, and other environment", "al toxins.", "en") == \
        "lead, pesticides, and other environmental toxins."


def test_break_between_words_keeps_the_space():
    assert join_pieces("nutritional support to address", "swallowing difficulties.", "en") == \
        "nutritional support to address swallowing difficulties."
    assert join_pieces("damage cell components,", "culminating in neuron death.", "en") == \
        "damage cell components, culminating in neuron death."


def test_words_the_list_does_not_know_are_not_glued():
    # "motorneurons" is not a word: the break fell between words.
    assert join_pieces("upper motor", "neurons in the brain.", "en") == "upper motor neurons in the brain."
    assert not is_split_word("address", "swallowing", "en")
    assert is_split_word("thera", "py", "en")


def test_capitalised_continuation_is_never_glued():
    assert join_pieces("a disease known as", "ALS.", "en") == "a disease known as ALS."


def test_line_end_hyphen():
    assert join_pieces("a neuro-", "degenerative disorder.", "en") == "a neurodegenerative disorder."
    assert join_pieces("cell-", "based therapy.", "en") == "cell-based therapy."


def test_unknown_language_only_joins_with_a_space():
    assert join_pieces("known a", "s excitotoxicity.", "xx") == "known a s excitotoxicity."


def test_merge_broken_keeps_whole_paragraphs_and_first_lines():
    pieces = [(2, "First paragraph ends here."), (3, "Second is known a"), (5, "s broken."), (6, "Third.")]
    assert merge_broken(pieces, "en") == [
        (2, "First paragraph ends here."), (3, "Second is known as broken."), (6, "Third.")]


def test_paragraph_ends():
    assert ends_paragraph("It ends.")
    assert ends_paragraph("A quote.”")
    assert ends_paragraph("(In brackets.)")
    assert not ends_paragraph("It does not end,")
    assert not ends_paragraph("known a")


def test_a_medical_word_split_across_paragraphs_is_closed():
    # "sialorrhea" is in no everyday word list; the medical dictionary knows it.
    assert join_pieces("Sial", "orrhea, or drooling, is common.", "en") == "Sialorrhea, or drooling, is common."
    assert join_pieces("treated with anticholin", "ergic medicines.", "en") == "treated with anticholinergic medicines."


def test_a_heading_line_is_not_merged_into_the_next_paragraph():
    pieces = [(3, "Eating well"), (5, "Many people find it hard to swallow."), (7, "It is known a"), (8, "s X.")]
    assert merge_broken(pieces, "en") == [(3, "Eating well"), (5, "Many people find it hard to swallow."),
                                          (7, "It is known as X.")]


def test_a_stray_stop_is_no_sentence():
    from publisher.sentences import split_sentences

    assert split_sentences("It may be Bell's palsy.. Other tests help.") == ["It may be Bell's palsy..",
                                                                             "Other tests help."]


def test_et_al_ends_no_sentence_however_it_is_written():
    from publisher.sentences import split_sentences

    assert split_sentences("In 2009, Rivera et. al reviewed the signs. They found two.") == [
        "In 2009, Rivera et. al reviewed the signs.", "They found two."]
    assert split_sentences("Smith et al. found it. They said so.") == ["Smith et al. found it.", "They said so."]
