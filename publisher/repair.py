"""Mend paragraphs that a stray line break split in two, sometimes mid-word.

Source texts copied from web pages or PDFs often carry blank lines in the
middle of a paragraph ("a process known a" / "s excitotoxicity"). A piece of
text that does not end a sentence continues in the next piece. Whether the
two pieces meet inside a word or between words is decided by a word list
(wordfreq): the joined word must be a known word, and more likely as one word
than as the two pieces side by side. Medical words most word lists lack
("sial" / "orrhea") are looked up in the Hunspell medical dictionary (Debian
`hunspell-en-med`) for English.

A short line that does not end a sentence and is followed by one that starts
with a capital is a heading written as a line of text ("Living with ALS"),
not the start of a broken paragraph: it is kept apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import available_languages, zipf_frequency

from .wordlists import medical_words

# A paragraph may end after one of these (closing quotes and brackets too).
PARAGRAPH_END = tuple('.!?:;…"”’»)]')
# wordfreq's Zipf scale: log10 of frequency per billion words. Below this a
# string is not taken as a word (riluzole, a rare but real word, scores 1.2).
KNOWN_WORD_ZIPF = 1.0

# A line of at most this many words, with no full stop, before a line that
# starts with a capital, is a heading.
HEADING_WORDS = 8

_LAST_WORD = re.compile(r"(\w+)(-?)$")
_FIRST_WORD = re.compile(r"^(\w+)")


def ends_paragraph(text: str) -> bool:
    """True if `text` may end a paragraph (it ends a sentence)."""
    return text.rstrip().endswith(PARAGRAPH_END)


def join_pieces(left: str, right: str, lang: str) -> str:
    """Join two pieces of one paragraph, closing a word split between them.

    A line-end hyphen ("neuro-" / "degenerative") is dropped when the joined
    word is known, and kept as a real hyphen otherwise.
    """
    left, right = left.rstrip(), right.lstrip()
    tail_match, head_match = _LAST_WORD.search(left), _FIRST_WORD.match(right)
    if tail_match and head_match:
        head, hyphen = tail_match.group(1), tail_match.group(2)
        tail = head_match.group(1)
        if is_split_word(head, tail, lang):
            return left[: tail_match.start()] + head + right
        if hyphen:
            return left + right
    return f"{left} {right}"


def is_split_word(head: str, tail: str, lang: str) -> bool:
    """Is `head` + `tail` one word cut in two, rather than two words?"""
    if not tail[:1].islower():
        return False
    if (head + tail).lower() in medical_words(lang) and not (head.lower() in medical_words(lang)
                                                              and tail.lower() in medical_words(lang)):
        return True
    if _wordfreq_lang(lang) is None:
        return False
    code = _wordfreq_lang(lang)
    whole = zipf_frequency(head + tail, code)
    if whole < KNOWN_WORD_ZIPF:
        return False
    # Compare P(whole word) with P(head) * P(tail) on the Zipf (log) scale.
    return whole > zipf_frequency(head, code) + zipf_frequency(tail, code) - 9


def is_heading(text: str, following: str) -> bool:
    """Is the line `text`, followed by `following`, a heading ("Living with ALS")?"""
    following = following.lstrip(")]} ")  # a stray bracket left by a paste does not continue the heading
    return (not ends_paragraph(text) and len(text.split()) <= HEADING_WORDS and text[:1].isupper()
            and following[:1].isupper() and not text.rstrip().endswith((",", "-", "–", "—")))


def is_line_list(lines: list[str]) -> bool:
    """Are these lines, written one under the other with no blank line
    between them, a list of items rather than a paragraph wrapped over lines?
    Yes when there are at least two, each starts with a capital and has at
    least two words, and none ends a sentence or a clause (a wrapped
    paragraph's lines end anywhere, and start in lowercase as often as not)."""
    return len(lines) >= 2 and all(line[:1].isupper() and len(line.split()) >= 2 and
                                   not line.rstrip().endswith(PARAGRAPH_END + (",", "-", "–", "—"))
                                   for line in lines)


# A list item written as a line or paragraph of its own has at most this many words.
ITEM_WORDS = 25
# Abbreviations whose full stop ends no sentence ("Dr. Smith", "etc., and").
ABBREVIATIONS = frozenset("etc al vs inc co ltd dr mr mrs ms st jr sr no fig approx dept".split())
# Words title case leaves in lowercase ("Signs of Low Vision").
SMALL_WORDS = frozenset("a an and as at but by for from in into is are nor of on or the to vs with".split())


def is_item(text: str) -> bool:
    """Could `text`, a line or paragraph of its own, be a list item: it starts
    with a capital and ends no sentence or clause ("Chest pain", "Doing
    things at work or home because lights seem dimmer")?"""
    return (text[:1].isupper() and len(text.split()) <= ITEM_WORDS
            and not text.rstrip().endswith(PARAGRAPH_END + (",", "-", "–", "—"))
            and not _INNER_SENTENCE_END.search(text))


# A sentence ends inside the text: it is a paragraph cut off before a list
# ("A physical exam may help ... During a physical exam, a provider usually"), not an item.
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?] [A-Z][a-z]")


def is_title(text: str) -> bool:
    """Is `text` in title case ("Signs of Low Vision")?"""
    words = text.split()
    return len(words) >= 2 and all(word[:1].isupper() or word in SMALL_WORDS or word[:1].isdigit() for word in words)


def item_runs(paragraphs: list[tuple[int, str]]) -> list[tuple[int, str | tuple[str, ...]]]:
    """Paragraphs with each run of two or more items (see `is_item`) made one
    list: (line, items). A title-case first item is a heading over the
    others, not one of them; so is a title-case last item with a sentence
    after it ("Meats and fish" / "Eggs" / "Folic Acid" / "Folic acid is ...")."""
    grouped: list[tuple[int, str | tuple[str, ...]]] = []
    index = 0
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and is_item(paragraphs[end][1]):
            end += 1
        if end - index >= 2 and end < len(paragraphs) and ends_paragraph(paragraphs[end][1]) and _titled(
                paragraphs[end - 1][1]) and (end - index == 2 or not all(
                    _titled(text) for _, text in paragraphs[index:end - 1])):
            end -= 1
        start = index + 1 if end - index >= 3 and is_title(paragraphs[index][1]) and not all(
            is_title(text) for _, text in paragraphs[index + 1:end]) else index
        if end - start >= 2:
            grouped += paragraphs[index:start]
            grouped.append((paragraphs[start][0], tuple(text for _, text in paragraphs[start:end])))
            index = end
        else:
            grouped.append(paragraphs[index])
            index += 1
    return grouped


def _titled(text: str) -> bool:
    """Title case, or one capitalised word of three letters or more ("Jaundice")."""
    return is_title(text) or (len(text.split()) == 1 and len(text) >= 3 and text.isalpha() and text[0].isupper())


def _ends_item(item: str, following: str) -> bool:
    """Does a list item end with `item`, before a sentence that starts with a
    capital? Not if it stops on a small word ("Many people with" / "ALS
    often ..."), which its sentence goes on after."""
    words = item.split()
    return following[:1].isupper() and len(words) >= 2 and words[-1].lower() not in SMALL_WORDS | {"your", "their"}


def merge_broken(pieces: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """Merge (line, text) pieces into paragraphs: a piece that does not end a
    sentence continues in the next one, unless it is a heading, or both are
    list items written one per line (see `is_item`). Each paragraph keeps its
    first line."""
    paragraphs: list[tuple[int, str]] = []
    for line, text in pieces:
        previous = paragraphs[-1][1] if paragraphs else ""
        if (paragraphs and not ends_paragraph(previous) and not is_heading(previous, text)
                and not (is_item(previous) and (is_item(text) or _ends_item(previous, text)))):
            first_line, start = paragraphs[-1]
            paragraphs[-1] = (first_line, join_pieces(start, text, lang))
        else:
            paragraphs.append((line, text))
    return paragraphs


@lru_cache(maxsize=None)
def _wordfreq_lang(lang: str) -> str | None:
    code = lang.replace("-", "_").split("_")[0].lower()
    return code if code in available_languages() else None

