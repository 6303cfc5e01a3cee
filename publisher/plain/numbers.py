"""Numbers in the form people use: "5-10%" -> "5 to 10 out of 100",
"10% of cases" -> "1 in 10 cases".

Percentages become counts out of 100 (or "1 in N" when that is exact and
N is 10 or less); ranges use "to". Plain numbers are left as they are, and
so is a percentage that is a product's strength ("1% lotion").
"""

from __future__ import annotations

import re

from . import grammar

_NUMBER = r"\d+(?:\.\d+)?"
_PERCENT = re.compile(rf"(?P<low>{_NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<high>{_NUMBER}))?\s*(?:%|\s?per\s?cent\b)"
                      rf"(?P<of>\s+of\b(?!\s+(?:them|us|you|the|these|those|all|its|their|our|your)\b))?")
_RANGE = re.compile(r"\b(?P<low>\d+)\s*(?:-|–)\s*(?P<high>\d+)\b(?!%|\s*%)(?=\s+(?:months|years|weeks|days|"
                    r"hours|people|times|minutes)\b)")


def plain_numbers(sentence: str) -> str:
    """`sentence` with percentages and ranges in everyday form."""
    sentence = _PERCENT.sub(_percentage, sentence)
    return _RANGE.sub(lambda m: f"{m['low']} to {m['high']}", sentence)


_FRACTION_WORDS = {50.0: "half", 25.0: "a quarter", 75.0: "three quarters"}


def _of_people(after: str) -> bool:
    """Does the text after "10% of" name things counted one by one ("people",
    "adult patients", "cases"), not a quantity ("baseline body weight")?"""
    for word in re.findall(r"[A-Za-z-]+|[,.;:()]", after)[:4]:
        if not word[0].isalpha():
            return False
        if grammar.is_plural_noun(word) and "NOUN" in grammar.lemmas(word):
            return True
        if "NOUN" in grammar.lemmas(word) and "ADJ" not in grammar.lemmas(word):
            return False  # a singular noun heads it: "weight", "body"
    return False


# A percentage next to one of these is a product's strength ("1% lotion", "permethrin lotion, 1%"),
# not a count of people out of 100.
_PRODUCTS = r"(?:lotion|cream|shampoo|solution|gel|ointment|spray|rinse|suspension|drops|foam|wash)s?"


def _strength(match: re.Match) -> bool:
    """Is the percentage a strength: a product named right after or just before it, or a decimal
    with no "of" ("0.9%")?"""
    after, before = match.string[match.end():], match.string[:match.start()]
    return bool(re.match(rf"\s+{_PRODUCTS}\b", after, re.IGNORECASE)
                or re.search(rf"\b{_PRODUCTS}\b[\s,(]*(?:\S+\s+)?$", before, re.IGNORECASE)
                or ("." in match["low"] and not match["of"]))


def _percentage(match: re.Match) -> str:
    low, high = match["low"], match["high"]
    if _strength(match):
        return match.group(0)
    if match["of"] and not _of_people(match.string[match.end():]):
        return match.group(0)  # "10 percent of baseline body weight" stays a share of a quantity
    if not match["of"] and re.match(r"\s+of\b", match.string[match.end():]):
        return match.group(0)  # "50 to 80 percent of all adults": "out of 100 of all" is no English
    if high:
        return f"{_trim(low)} to {_trim(high)} out of 100"
    value = float(low)
    if value in _FRACTION_WORDS:
        return _FRACTION_WORDS[value] + (" of" if match["of"] else "")
    if not match["of"] and match.end() < len(match.string) and match.string[match.end():].lstrip().startswith("of "):
        return f"{_trim(low)}%"  # "10% of their body weight": a share of a quantity, not of people
    if value > 0 and (100 / value).is_integer() and 100 / value <= 10:
        return f"1 in {int(100 / value)}"
    return f"{_trim(low)} out of 100"


def _trim(number: str) -> str:
    return number[:-2] if number.endswith(".0") else number
