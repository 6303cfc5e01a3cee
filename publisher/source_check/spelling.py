"""Misspelled words, and words run together where a space or dash was lost.

A word is looked at only if no word list knows it (the medical and English
Hunspell dictionaries, wordfreq) and it is not a name (a capital inside a
sentence), an acronym, or a word with digits. Then:

* two known words with one of them a small common word ("diseasecan",
  "ofintracerebral") or the same word twice ("saltsalt") are *words run
  together*: flagged, not repaired, because the lost mark may have been a
  dash ("phospholipidsa type of fat" needs "phospholipids, a type of fat");
* a word hunspell can correct with **one clear correction** is corrected:
  the only suggestion one edit away (or the only swap of two letters among
  them, "recieve"), to a common word (wordfreq Zipf >= 3) far more common
  than the word as written (by a Zipf of 1.5: ten times and more over),
  unless it stands beside a word no list knows, a drug's or a gene's name
  it may belong to ("pasireotide diasparate"): then it is flagged;
* any other word with a suggestion one edit away that is no word anywhere
  (Zipf < 1) is flagged, with the suggestions (a rare medical word may be
  right: a person decides);
* a contraction that lost its apostrophe ("dont", "Youll"), listed in the
  language's source-check.toml, is given it back: common on the web, so no
  typo by the rule above, but never right in print.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from ..contacts import contact_spans
from ..wordlists import dictionary_words, medical_words
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, excerpt
from .speller import speller

# A word this common (wordfreq's Zipf scale) is no typo, dictionary or not ("dont" is 4.7).
COMMON_ZIPF = 3.5
# A correction must be a common word, far more common than the word as written
# (common misspellings are words on the web: "recieve" is 2.75, "receive" 4.6).
CORRECTION_ZIPF = 3.0
CORRECTION_LEAD = 1.5
# Two words a word may be cut into are taken for what was meant only if the pair is this common ("worn out").
SPLIT_ZIPF = 4.0
# A word rarer than this on the web, with no clear correction, is flagged.
TYPO_ZIPF = 1.0
# Small words that a lost space glues to their neighbour.
GLUE_WORDS = frozenset("a an and are as at be but by can for from has have in is it may may of on or over such "
                       "than that the their this to was were which who will with about even".split())

# Small words that are also prefixes ("overactive", "inflamed", "bypass"): never the first of two glued words.
PREFIXES = frozenset("a an as at be by in it on over".split())

_WORD = re.compile(r"(?<![\w@./-])([A-Za-z]+(?:'[a-z]+)?)(?![\w@/-]|\.\w)")


def spelling_findings(text: str, line: int, guide: str, rules) -> tuple[str, list[Finding]]:
    """`text` with its clear misspellings corrected, and a finding for each
    word looked at (repaired, refused or flagged)."""
    findings: list[Finding] = []
    pieces, last = [], 0
    contacts = contact_spans(text)
    for match in _WORD.finditer(text):
        if any(start <= match.start() < end for start, end in contacts):
            continue  # "nei" of "2020@nei.nih.gov" is no misspelling
        word = match.group(1)
        if word.lower() in rules.known_words:
            continue
        before = text[max(0, match.start() - 8): match.start()].rstrip()
        at_start = match.start() < 8 and not before or before.endswith((".", "!", "?", ":", '"', "“", "("))
        verdict = _lost_apostrophe(word, rules)
        if verdict is None:
            verdict = _verdict(word, at_start, rules.lang)
            if verdict is not None and verdict[1] and _next_to_unknown(text, match, rules.lang):
                verdict = verdict[0], None, f"did you mean '{verdict[1]}'? (beside a name or term no word list has)"
        if verdict is None:
            continue
        kind, correction, detail = verdict
        if correction is None:
            findings.append(Finding(kind, line, excerpt(text, match.start(), match.end()), FLAGGED, detail=detail,
                                    focus=word))
            continue
        context = excerpt(text, match.start(), match.end())
        if rules.refused(guide, kind, context) or rules.refused(guide, kind, word):
            findings.append(Finding(kind, line, context, REFUSED, detail=detail, focus=word))
            continue
        findings.append(Finding(kind, line, context, REPAIRED, repair=f"'{word}' corrected to '{correction}'",
                                focus=word))
        pieces += [text[last: match.start()], correction]
        last = match.end()
    return "".join(pieces) + text[last:], findings


def _next_to_unknown(text: str, match: re.Match, lang: str) -> bool:
    """Is the word beside a word that no word list knows, a drug's or a
    gene's name ("pasireotide diasparate": the salt is "diaspartate", not
    "disparate")? Then the word may be part of that name, and is not
    corrected, only flagged."""
    before = re.findall(r"[A-Za-z]+$", text[: match.start()].rstrip())
    after = re.findall(r"^[A-Za-z]+", text[match.end():].lstrip())
    return any(len(word) > 3 and not _known(word.lower(), lang) and zipf_frequency(word.lower(), _code(lang)) < TYPO_ZIPF
               for word in before + after)


def _lost_apostrophe(word: str, rules) -> tuple[str, str, str] | None:
    """("misspelling", the word with its apostrophe, detail) for a contraction
    that lost it ("dont", "Youll"): the data file lists only those that are
    no other word ("wont", "cant", "ill", "its", "lets" are words)."""
    whole = rules.apostrophes.get(word.lower())
    if whole is None:
        return None
    return "misspelling", (whole[:1].upper() + whole[1:]) if word[:1].isupper() else whole, "an apostrophe lost"


@lru_cache(maxsize=20_000)
def _verdict(word: str, at_start: bool, lang: str) -> tuple[str, str | None, str] | None:
    """(kind, correction or None, detail) for a word that needs a look, else None."""
    if len(word) < 3 or word.isupper() or any(letter.isupper() for letter in word[1:]):
        return None
    if word[0].isupper() and not at_start:
        return None  # a name
    lower = word.lower()
    if _known(lower, lang) or not _worth_asking(lower, lang):
        return None
    glued = _glued(lower, lang)
    if glued and zipf_frequency(lower, _code(lang)) == 0:  # no word anywhere: hunspell need not be asked
        return "words-run-together", None, f"'{glued[0]} {glued[1]}'?"
    suggestions = speller(lang).suggestions(word)
    if suggestions is None or any(suggestion.lower() == lower for suggestion in suggestions):
        return None  # hunspell knows it (perhaps with a capital)
    if glued:
        return "words-run-together", None, f"'{glued[0]} {glued[1]}'?"
    if not suggestions:
        return None
    # "wornout" may be "worn out": then "workout" is no clear correction, only a guess to show
    splits = [suggestion for suggestion in suggestions if _two_words(suggestion, lower, lang)]
    near = [suggestion for suggestion in suggestions
            if suggestion.isalpha() and _edits(lower, suggestion.lower()) == 1]
    near = [suggestion for suggestion in near if not _inflection(lower, suggestion.lower())]
    if not near and not splits:
        return None
    if len(near) != len([s for s in suggestions if s.isalpha() and _edits(lower, s.lower()) == 1]):
        return None  # one of the near words is the same word inflected: probably a rare word's own form
    swaps = [suggestion for suggestion in near if _swapped(lower, suggestion.lower())]
    clear = near[0] if len(near) == 1 else (swaps[0] if len(swaps) == 1 else None)
    written, corrected = zipf_frequency(lower, _code(lang)), zipf_frequency(clear or "", _code(lang))
    if clear and not splits and corrected >= CORRECTION_ZIPF and corrected - written >= CORRECTION_LEAD:
        correction = clear if word[0].islower() else clear[0].upper() + clear[1:]
        return "misspelling", correction, ""
    if written >= TYPO_ZIPF and not splits:
        return None
    if splits:  # "foodsometimes": two words a lost dash or space glued together, no misspelling
        likeliest = max(splits, key=lambda pair: zipf_frequency(pair, _code(lang)))
        return "words-run-together", None, f"'{likeliest}'?"
    guesses = sorted(near, key=lambda guess: -zipf_frequency(guess, _code(lang)))[:3]
    return "misspelling", None, "did you mean " + " or ".join(f"'{guess}'" for guess in guesses) + "?"


def _worth_asking(lower: str, lang: str) -> bool:
    """Could hunspell's answer make a finding: is a dictionary word one edit
    away, or could the word be two words glued? Hunspell takes 30 to 100 ms
    to suggest for a word it does not know, and most such words in a guide
    are rare medical words with nothing near them."""
    code = _code(lang)
    if _glued(lower, lang) or any(zipf_frequency(f"{left} {right}", code) >= SPLIT_ZIPF
                                  for left, right in _cuts(lower)):
        return True
    candidates = _one_edit(lower)
    if not candidates.isdisjoint(dictionary_words(lang)):
        return True
    return any(_affixed(candidate, lang) for candidate in candidates
               if candidate.endswith(SUFFIXES) or candidate.startswith(PREFIXES_OF_WORDS))


def _cuts(word: str) -> list[tuple[str, str]]:
    return [(word[:cut], word[cut:]) for cut in range(3, len(word) - 2)]


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, swap, change or insertion of a letter away from `word`."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:index], word[index:]) for index in range(len(word) + 1)]
    return ({left + right[1:] for left, right in cuts if right}
            | {left + right[1] + right[0] + right[2:] for left, right in cuts if len(right) > 1}
            | {left + letter + right[1:] for left, right in cuts if right for letter in letters}
            | {left + letter + right for left, right in cuts for letter in letters})


def _known(lower: str, lang: str) -> bool:
    """Known without asking hunspell: listed in a dictionary as it is, very
    common, or a plural or possessive of a known word."""
    code = _code(lang)
    if lower in dictionary_words(lang) or zipf_frequency(lower, code) >= COMMON_ZIPF:
        return True
    # plurals and possessives of known words ("dementias", "babys" is left to hunspell)
    for ending in ("s", "es", "'s"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) > 3 and (stem in medical_words(lang)
                                                          or zipf_frequency(stem, code) >= 2.5):
            return True
    return _affixed(lower, lang)


# Endings and beginnings that make words of words: a word that is a listed
# word with them is known without asking hunspell (its suggestions take
# about 30 ms a word, and most words the lists lack are such forms).
SUFFIXES = ("ing", "ed", "d", "ly", "ies", "es", "s", "er", "ers", "est", "ness", "ment", "ation", "ity", "al",
            "like", "less")
PREFIXES_OF_WORDS = ("un", "re", "non", "dis", "mis", "over", "under", "pre", "counter", "neuro", "micro", "anti")


def _affixed(lower: str, lang: str, depth: int = 0) -> bool:
    """Is `lower` a dictionary word with a common ending or beginning
    ("twitching", "unruptured", "nonprogressive", "hospitalized")?"""
    words = dictionary_words(lang)
    for suffix in SUFFIXES:
        stem = lower[: -len(suffix)]
        if not lower.endswith(suffix) or len(stem) < 3:
            continue
        forms = {stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem,
                 stem[:-1] + "y" if stem.endswith("i") else stem, stem + "y"}
        if forms & words:
            return True
    if depth == 0:
        for prefix in PREFIXES_OF_WORDS:
            rest = lower[len(prefix):]
            if lower.startswith(prefix) and len(rest) >= 4 and (rest in words or _affixed(rest, lang, 1)):
                return True
    return False


def _glued(lower: str, lang: str) -> tuple[str, str] | None:
    """The two words a lost space or dash glued together, if the split is clear."""
    code = _code(lang)
    half = len(lower) // 2
    if len(lower) % 2 == 0 and lower[:half] == lower[half:] and _known(lower[:half], lang):
        return lower[:half], lower[half:]
    splits = []
    for cut in range(1, len(lower)):
        left, right = lower[:cut], lower[cut:]
        if (left in GLUE_WORDS - PREFIXES and len(right) >= 4 and _strongly_known(right, code, lang)) or \
                (right in GLUE_WORDS and len(left) >= 4 and _strongly_known(left, code, lang)):
            splits.append((left, right))
    return splits[0] if len(splits) == 1 else None


def _strongly_known(word: str, code: str, lang: str) -> bool:
    return word in medical_words(lang) or zipf_frequency(word, code) >= 2.5


def _two_words(suggestion: str, lower: str, lang: str) -> bool:
    """Is the suggestion the word cut into two common words ("worn out" for
    "wornout"), far more common apart than together, and not a prefix and
    its word ("neuro degeneration", "over activation")?"""
    parts = suggestion.lower().split()
    code = _code(lang)
    return (len(parts) == 2 and "".join(parts) == lower and parts[0] not in PREFIXES | set(PREFIXES_OF_WORDS)
            and all(len(part) >= 3 and zipf_frequency(part, code) >= 3.0 for part in parts)
            and zipf_frequency(suggestion, code) >= max(SPLIT_ZIPF, zipf_frequency(lower, code) + CORRECTION_LEAD))


def _inflection(word: str, other: str) -> bool:
    """Do the two differ only by an ending ("reinfused", "reinfuse")?"""
    return any(word == other + ending or other == word + ending for ending in ("s", "'s", "d", "r", "es", "ed"))


def _swapped(word: str, other: str) -> bool:
    """Is `other` `word` with two neighbouring letters swapped?"""
    if len(word) != len(other):
        return False
    diffs = [index for index, (a, b) in enumerate(zip(word, other)) if a != b]
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == other[diffs[1]]
            and word[diffs[1]] == other[diffs[0]])


def _edits(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), capped at 2."""
    if abs(len(a) - len(b)) > 1:
        return 2
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], 2)


def _code(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()
