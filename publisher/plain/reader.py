"""Speak to the reader: "patients often lose ..." -> "you often lose ...".

Where a sentence's subject, or the object of a verb or of "for", is a word
for the reader (lexicon.toml [reader] nouns, e.g. "patients"), it becomes
"you", and "their" later in that sentence becomes "your". Other uses ("in
some patients", "patients affected by X") are left to the lexicon.
"""

from __future__ import annotations

import re

from . import grammar

_FOLLOWERS_THAT_QUALIFY = {"who", "with", "that", "whose", "affected", "living", "diagnosed", "treated"}
_GOVERNORS = {"for", "offer", "offers", "offering", "give", "gives", "giving", "help", "helps", "helping",
              "allow", "allows", "allowing", "let", "lets", "tell", "tells", "ask", "asks"}


def address_reader(sentence: str, reader_nouns: tuple[str, ...]) -> str:
    """`sentence` with the reader addressed as "you" where the rule can tell."""
    if not reader_nouns:
        return sentence
    nouns = "|".join(re.escape(noun) for noun in reader_nouns)
    converted = False

    def to_you(match: re.Match) -> str:
        nonlocal converted
        before, noun, after = match["before"], match["noun"], match["after"]
        next_word = grammar.bare(after.split()[-1]) if after.split() and not after.startswith((",", ";")) else ""
        if next_word in _FOLLOWERS_THAT_QUALIFY:
            return match.group(0)
        opens_clause = before == "" or before.rstrip().endswith(",")
        is_subject = opens_clause and (next_word in grammar.ADVERBS or grammar.is_finite_verb(next_word))
        is_object = grammar.bare(before.split()[-1] if before.split() else "") in _GOVERNORS
        if not (is_subject or is_object):
            return match.group(0)
        converted = True
        you = "You" if noun[:1].isupper() else "you"
        return f"{before}{you}{after}"

    pattern = re.compile(rf"(?P<before>^|.*?\b)(?P<noun>(?i:{nouns}))\b(?P<after>[,;]?\s\S+|[.!?]?$)")
    result = pattern.sub(to_you, sentence, count=1)
    if converted:
        result = re.sub(r"\byou(,| and) (caregivers|carers|families|family members|relatives)\b",
                        lambda m: f"you{m[1]} your {m[2]}", result)
        result = re.sub(r"\btheir\b", "your", result)
        result = re.sub(r"\bthemselves\b", "yourself", result)
    return result
