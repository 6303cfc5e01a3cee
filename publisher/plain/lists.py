"""Lists where the text enumerates: a long sentence naming three or more
things ("This includes A, B, C and D.") becomes an introduction and a list."""

from __future__ import annotations

import re

from ..model import BulletList, Paragraph, Sentence
from . import grammar
from .readability import word_count
from .tidy import capitalize

MIN_ITEMS = 3
MIN_SENTENCE_WORDS = 16  # shorter enumerations read well inline

_TRIGGER = re.compile(r"\b(?:include|includes|including|involve|involves|involving|looking at|studying|testing|"
                      r"driven by|caused by|lead to|leads to)\b")


def enumeration(text: str) -> tuple[str, list[str]] | None:
    """(introduction, items) if `text` is a long enumeration, else None.

    The introduction ends at the last trigger word ("include", "are",
    "looking at"...) before the first comma; the items follow it.
    """
    if word_count(text) < MIN_SENTENCE_WORDS or not text.endswith((".", "!", "?")) or ":" in text or ";" in text:
        return None
    first_comma = text.find(", ")
    if first_comma < 0:
        return None
    triggers = list(_TRIGGER.finditer(text[:first_comma]))
    if not triggers:
        return None
    intro, body = text[: triggers[-1].end()], text[triggers[-1].end():-1].strip()
    items = _items(body)
    needed = MIN_ITEMS + 1 if triggers[-1].group(0).startswith("lead") else MIN_ITEMS  # "leads to A, B and C" reads well
    if len(items) < needed or max(len(item.split()) for item in items) < 2 or len(intro.split()) < 2:
        return None
    if any(item.lower().startswith(("in the end", "then", "finally", "also")) for item in items):
        return None
    if _SUBORDINATE_START.match(intro) or not all(_is_list_item(item) for item in items):
        return None
    if (_SHARED_HEAD.match(items[0]) or _ENDS_ON_PLACE.search(items[0])) and any(
            len(item.split()) <= 3 for item in items[1:]):
        # "difficulty with reading, writing, and speaking", "weakness and numbness in the feet, lower
        # leg muscles, hands, and forearms": the later items go on from the first one's head
        return None
    return f"{intro}:", [capitalize(item) + "." for item in items]


# A list item has to prove itself like a rewrite: a thing that can be listed,
# not a clause or a piece of one.
MAX_ITEM_WORDS = 14
_SHARED_HEAD = re.compile(r"^(?:difficulty|difficulties|trouble|problems?|issues?|changes?|loss)\s+(?:with|in|of)\s",
                          re.IGNORECASE)
# A first item that ends on a place or thing after a preposition, with words before it ("numbness in the feet").
_ENDS_ON_PLACE = re.compile(r"^\S+(?:\s+\S+)+\s+(?:in|of|on|at|to|with|from|around)\s+(?:the\s+|your\s+|a\s+)?[A-Za-z][a-z-]*$",
                            re.IGNORECASE)
_RELATIVES = {"which", "who", "that", "whom", "whose", "where", "when"}
_SUBORDINATE_START = re.compile(r"^(?:If|When|Whether|Although|Though|While|Because|Unless|As)\b")


def _is_list_item(item: str) -> bool:
    """Can `item` stand alone as a bullet: short, brackets closed, no verb of its own?"""
    words = item.split()
    if not words or grammar.bare(words[0]) in ("and", "or", "but") or len(words) > MAX_ITEM_WORDS \
            or re.search(r"\b(?:such as|like|including|especially)\b", item) or item.count("(") != item.count(")"):
        return False
    if any(grammar.bare(word) in grammar.AUXILIARIES | _RELATIVES for word in words):
        return False  # "which are stimulants that ...": a clause
    # "chores and homework unfinished": an adjective after its noun is a piece
    # of a clause ("leaving projects, chores and homework unfinished").
    if len(words) > 1 and set(grammar.lemmas(words[-1])) == {"ADJ"}:
        return "NOUN" not in grammar.lemmas(words[-2]) or "VERB" in grammar.lemmas(words[-2])
    return True


def _items(text: str) -> list[str]:
    parts = [part.strip() for part in re.split(r",\s+", text) if part.strip()]
    if len(parts) < 2:
        return []
    last = parts[-1]
    if re.match(r"(and|or)\s", last):
        parts[-1] = last.split(None, 1)[1]
    else:  # "A, B and C": the last comma-part holds two items
        head, joiner, tail = last.rpartition(" and ") if " and " in last else last.rpartition(" or ")
        if not joiner:
            return []
        parts[-1:] = [head, tail]
    return parts


def paragraphs_and_lists(units: list[Sentence], max_sentences: int, lists: bool = True,
                         as_written: frozenset[str] = frozenset()) -> list[Paragraph | BulletList]:
    """Group a paragraph's plain sentences into short paragraphs, turning long
    enumerations into lists (unless `lists` is False: the step switched off),
    but not those of the units in `as_written` (an added explanation, whose
    "a hit, jolt, or wound to the head" is no list)."""
    blocks: list[Paragraph | BulletList] = []
    run: list[Sentence] = []

    def flush() -> None:
        blocks.extend(Paragraph(chunk) for chunk in paragraphs(run, max_sentences))
        run.clear()

    for unit in units:
        found = enumeration(unit.text) if lists and unit.id not in as_written else None
        if not found:
            run.append(unit)
            continue
        intro, items = found
        run.append(Sentence(unit.id, intro, unit.lang, unit.source))
        flush()
        blocks.append(BulletList(tuple(Sentence(f"{unit.id}-{n}", item, unit.lang, unit.source)
                                       for n, item in enumerate(items, start=1))))
    flush()
    return blocks


# How a sentence that points back to the one before it starts.
LEANING = ("This ", "These ", "That ", "Those ", "It ", "They ", "Such ", "Here, ", "In this, ")


def leans_back(sentence: str) -> bool:
    """Does `sentence` point back to the one before it ("This ...", "They ...")?"""
    return sentence.startswith(LEANING)


def paragraphs(sentences: list[Sentence], size: int) -> list[tuple]:
    """`sentences` in paragraphs of at most `size`, about as even as chunks()
    makes them, but never starting with a sentence that leans on the one
    before ("This is a process that ..."), unless no paragraph break can
    avoid it."""
    if not sentences:
        return []
    target = len(chunks(sentences, size)[0])
    groups: list[list[Sentence]] = [[]]
    for sentence in sentences:
        current = groups[-1]
        if current and (len(current) >= size or (len(current) >= target and not leans_back(sentence.text))):
            moved: list[Sentence] = []
            if leans_back(sentence.text):  # a full paragraph: take along what it points to
                keep = max((n for n in range(1, len(current)) if not leans_back(current[n].text)), default=0)
                if keep and len(current) - keep + 1 <= size:
                    moved, current[keep:] = current[keep:], []
            groups.append(moved)
        groups[-1].append(sentence)
    return [tuple(group) for group in groups if group]


def chunks(items: list, size: int) -> list[tuple]:
    """Split `items` into the fewest runs of at most `size`, as even as possible."""
    if not items:
        return []
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    runs, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        runs.append(tuple(items[start:end]))
        start = end
    return runs
