"""Readability figures count sentences as the sentence splitter made them."""

from publisher.plain.readability import measure, misses_target


def test_a_decimal_point_or_abbreviation_does_not_end_a_sentence():
    statistics = "The risk ratio was RR 0.73, 95% CI 0.65 to 0.81, in 12 trials of adults with asthma."
    assert measure([statistics]).sentences == 1
    assert measure([statistics, "Dr. Smith, e.g., saw it in the U.S. too."]).sentences == 2
    # counted as one long sentence, not five short ones, the grade is that of one sentence
    assert measure([statistics]).grade > measure(["The risk ratio was RR 0.73, 95% CI 0.65 to 0.81."]).grade


def test_a_sentence_hard_on_its_own_is_not_made_easy_by_its_numbers():
    hard = ("Randomised trials comparing inhaled corticosteroids with placebo reported exacerbation rate "
            "ratios of 0.73 and 0.81.")
    assert misses_target(hard) is not None
