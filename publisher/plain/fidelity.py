"""The fidelity check: every drug name, gene name, number and contact detail
in a source survives into its plain guide (and, later, into every
translation).

Names are the drug and gene terms of terms.toml, words that look like a
medicine's international name (terms.toml [fidelity]), and code-like names
such as SOD1, C9orf72, TDP-43 or FUS. Numbers are compared by value: "10%"
survives as "1 in 10" or "10 out of 100", "5-10%" as "5 to 10 out of 100".
A phone number, e-mail address or web address (contacts.py) survives exactly
as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wordfreq import zipf_frequency

from ..contacts import find_contacts
from .terms import NAME_KINDS, Terms

RARE_ZIPF = 2.5
# Code-like names (SOD1, C9orf72, TDP-43) and acronyms (MAO in "MAO-B"), but
# not the capitalised syllable of a respelling ("(THROM-bo-sis)").
_CODE_NAME = re.compile(r"\b(?=[A-Za-z0-9-]*[A-Z])(?=[A-Za-z0-9-]*\d)[A-Za-z][A-Za-z0-9]*(?:-\d+)?\b"
                        r"|(?<![a-z]-)\b[A-Z]{3,}s?\b(?!-[a-z])")
_NUMBER = re.compile(r"(?<![\w.-])(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(%|\s?per\s?cent)?")
_ONE_IN = re.compile(r"\b1 in (\d+)\b")
_OUT_OF_100 = re.compile(r"\b(\d+(?:\.\d+)?) (?:to (\d+(?:\.\d+)?) )?out of 100\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


@dataclass(frozen=True)
class Keepers:
    """What a text must keep: names, numbers (percentages as fractions) and
    contact details."""

    names: frozenset[str]
    numbers: frozenset[float]
    fractions: frozenset[float]
    contacts: frozenset[str] = frozenset()


def keepers(text: str, terms: Terms, drug_endings: tuple[str, ...], lang: str = "en") -> Keepers:
    """The names and numbers in `text` that must survive."""
    names = {term.name for term in terms.used_in(text) if term.kind in NAME_KINDS}
    names |= {match.group(0) for match in _CODE_NAME.finditer(text)}
    for word in _WORD.findall(text):
        lowered = word.lower()
        if (lowered.endswith(tuple(drug_endings)) and lowered not in terms.not_drugs
                and zipf_frequency(lowered, lang) < RARE_ZIPF):
            names.add(lowered)
    numbers, fractions = set(), set()
    for match in _NUMBER.finditer(text):
        values = [float(value) for value in match.groups()[:2] if value]
        if match.group(3):
            fractions.update(value / 100 for value in values)
        else:
            numbers.update(values)
    contacts = frozenset(contact.text for contact in find_contacts(text))
    return Keepers(frozenset(names), frozenset(numbers), frozenset(fractions), contacts)


def missing(source_text: str, plain_text: str, terms: Terms, drug_endings: tuple[str, ...],
            lang: str = "en") -> list[str]:
    """What of the source's names, numbers and contact details the plain text lost, as messages."""
    wanted = keepers(source_text, terms, drug_endings, lang)
    lowered = plain_text.lower()
    problems = [f"name '{name}'" for name in sorted(wanted.names)
                if not re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered)]
    found = _numbers_in(plain_text)
    problems += [f"number {_show(number)}" for number in sorted(wanted.numbers) if number not in found]
    found_fractions = _fractions_in(plain_text)
    problems += [f"number {_show(value * 100)}%" for value in sorted(wanted.fractions)
                 if not any(abs(value - other) < 1e-9 for other in found_fractions)]
    kept_contacts = {contact.text for contact in find_contacts(plain_text)}
    problems += [f"contact '{contact}'" for contact in sorted(wanted.contacts - kept_contacts)]
    return problems


def _numbers_in(text: str) -> set[float]:
    return {float(value) for match in _NUMBER.finditer(text) for value in match.groups()[:2] if value}


def _fractions_in(text: str) -> set[float]:
    fractions = {1 / float(match.group(1)) for match in _ONE_IN.finditer(text)}
    for match in _OUT_OF_100.finditer(text):
        fractions.update(float(value) / 100 for value in match.groups() if value)
    for match in _NUMBER.finditer(text):
        if match.group(3):
            fractions.update(float(value) / 100 for value in match.groups()[:2] if value)
    for words, value in (("half", 0.5), ("a quarter", 0.25), ("three quarters", 0.75)):
        if re.search(rf"\b{words}\b", text):
            fractions.add(value)
    return fractions


def _show(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
