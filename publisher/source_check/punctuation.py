"""Punctuation a paste leaves behind: marks doubled ("PLS..", "Vision??"), a
full stop or comma with no space after it ("year.Of", "treatment,Moyamoya"), brackets and quotes that do
not pair up, a stray closing bracket starting a paragraph.

Doubled marks are made single and the missing space is put back: neither
can change what a sentence says. A bracket or quote that does not pair up
is flagged: only a person knows where the other one belongs. A closing
bracket alone at the very start of a paragraph, with nothing it could
close, is removed.
"""

from __future__ import annotations

import re

from ..wordlists import medical_words
from ..repair import ABBREVIATIONS
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, excerpt

# "??", "..", ",,", ";;", "!!", ",." and ".," but never an ellipsis ("...").
_DOUBLED = re.compile(r"(?<![.?!])([?!])\1+(?![?!])|(?<!\.)\.\.(?!\.)|([,;:])\2+|,\.(?!\.)|\.,")
# "year.Of", "treatment,Moyamoya": a lowercase word, a full stop or comma, a capitalised word; not inside
# an address ("nih.Gov", "x@y.Org").
_NO_SPACE = re.compile(r"(?<![\w@./:-])([a-z]{2,})([.,])([A-Z][a-z]+)\b(?![.@/-]\w)")
# A list marker "1)" or "a)" closes nothing.
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z])\)")
_PAIRS = {"(": ")", "[": "]"}
_LEADING_CLOSER = re.compile(r"^[)\]]\s+(?=\w)")


def punctuation_findings(text: str, line: int, guide: str, rules) -> tuple[str, list[Finding]]:
    """`text` with doubled marks made single, missing spaces put back and a
    leading stray bracket removed, and the findings (the unpaired brackets
    and quotes flagged)."""
    findings: list[Finding] = []

    def doubled(match: re.Match) -> str:
        mark = match.group(0)
        single = mark[0]
        if mark == ".," and _abbreviation(text[: match.start()]):
            return mark  # "P.A.D., stroke", "etc., and": the abbreviation's stop, then a comma
        if mark in (",.", ".,"):  # a comma if the sentence goes on in lowercase, else a full stop
            single = "," if text[match.end():].lstrip()[:1].islower() else "."
        context = excerpt(text, match.start(), match.end())
        if rules.refused(guide, "doubled-punctuation", context):
            findings.append(Finding("doubled-punctuation", line, context, REFUSED))
            return mark
        findings.append(Finding("doubled-punctuation", line, context, REPAIRED, repair=f"'{mark}' made '{single}'"))
        return single

    def no_space(match: re.Match) -> str:
        left, mark, right = match.group(1), match.group(2), match.group(3)
        context = excerpt(text, match.start(), match.end())
        if not (_is_word(left, rules.lang) and _is_word(right, rules.lang)):
            return match.group(0)
        if rules.refused(guide, "missing-space", context):
            findings.append(Finding("missing-space", line, context, REFUSED))
            return match.group(0)
        findings.append(Finding("missing-space", line, context, REPAIRED,
                                repair=f"'{match.group(0)}' made '{left}{mark} {right}'"))
        return f"{left}{mark} {right}"

    text = _DOUBLED.sub(doubled, text)
    text = _NO_SPACE.sub(no_space, text)
    leading = _LEADING_CLOSER.match(text)
    if leading and not any(opener in text for opener in _PAIRS):
        context = excerpt(text, 0, leading.end())
        if rules.refused(guide, "unmatched-bracket", context):
            findings.append(Finding("unmatched-bracket", line, context, REFUSED))
        else:
            findings.append(Finding("unmatched-bracket", line, context, REPAIRED,
                                    repair=f"the stray '{text[0]}' at the start removed"))
            text = text[leading.end():]
    unpaired = _unpaired(text)
    if unpaired is not None:
        findings.append(Finding("unmatched-bracket", line, excerpt(text, unpaired, unpaired + 1), FLAGGED))
    return text, findings


# Abbreviations written with a full stop and no other ("etc.", "Dr."): their stop ends no sentence.


def _abbreviation(before: str) -> bool:
    """Does `before` end with an abbreviation whose full stop comes next ("P.A.D", "U.S", "etc")?"""
    word = before.split()[-1] if before.split() else ""
    return "." in word or word.lower().lstrip("(") in ABBREVIATIONS


def _unpaired(text: str) -> int | None:
    """The position of the first bracket or double quote that does not pair
    up, or None; a list marker ("1)", "a)") closes nothing, but "(after age
    25)" closes its bracket."""
    position = _first_unpaired(text)
    if position is not None and text[position] == ")":
        position = _first_unpaired(_MARKER.sub(lambda match: match.group(0)[:-1] + " ", text))
    return position


_BRACKET = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]")


def _first_unpaired(text: str) -> int | None:
    stack: list[tuple[str, int]] = []
    for mark in _BRACKET.finditer(text):  # only the brackets: a paragraph can be long
        position, char = mark.start(), mark.group(0)
        if char in _PAIRS:
            stack.append((char, position))
        elif char in _PAIRS.values():
            if not stack or _PAIRS[stack[-1][0]] != char:
                return position
            stack.pop()
    if stack:
        return stack[0][1]
    if text.count('"') % 2:
        return text.rfind('"')
    if text.count("“") != text.count("”"):
        return text.find("“") if text.count("“") > text.count("”") else text.find("”")
    return None


def _is_word(word: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    return word.lower() in medical_words(lang) or zipf_frequency(word.lower(), lang.split("_")[0]) >= 2.0
