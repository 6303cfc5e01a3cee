"""Text that lost the line breaks around it: a heading run into its
paragraph ("Everyday Tasks Are Challenging Low vision means ..."), a heading
left as a paragraph of its own with no full stop, and list items run
together into a sentence ("neck, and jaw Nausea or vomiting").

A run-in heading is split off only on clear evidence: a run of at least two
capitalised words (title case, small words like "of" allowed) before the
capitalised first word of a sentence that goes on in lowercase, with no
name in the run and no name starting at the split. Otherwise it is flagged.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..wordlists import proper_names
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, excerpt

# Words title case leaves in lowercase.
SMALL_WORDS = frozenset("a an and as at but by for from in into is are nor of on or the to vs with".split())
# A heading written as a paragraph has at most this many words.
HEADING_WORDS = 8
# Words before a name, not before a list item ("the Escape key", "Institutes of Health", "called Down syndrome").
NAME_LEADS = SMALL_WORDS | frozenset("your our their his her its this that called named type stage".split())
# A capitalised word in mid-sentence is a list item's start only if it is a common word.
COMMON_ZIPF = 3.5

_TITLE_WORD = re.compile(r"^[A-Z][\w'’-]*$")
_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]*[,;:]?$")
_RUN_TOGETHER = re.compile(r"\b([a-z]{2,}) ([A-Z][a-z]{2,})\b(?!['’-])( [A-Za-z]+)?")


def split_run_in_heading(text: str, line: int, guide: str, rules) -> tuple[str | None, str, list[Finding]]:
    """(heading or None, the paragraph's text, findings) for a paragraph that
    may start with a heading run into it."""
    words = text.split()
    run = 0
    while run < len(words) and (_TITLE_WORD.match(words[run]) or (run and words[run] in SMALL_WORDS)):
        run += 1
    # words[:run] are title-case words; the sentence starts at words[run - 1] if words[run] goes on in lowercase.
    if run < 3 or run >= len(words) or not _LOWER_WORD.match(words[run]) or words[run] in SMALL_WORDS:
        return None, text, []
    heading_words, first = words[: run - 1], words[run - 1]
    if not first[0].isupper() or first.isupper():
        return None, text, []  # the sentence starts with a small word or an acronym: no clear split
    capitals = [word for word in heading_words if word[0].isupper() and not word.isupper()]
    if len(capitals) < 2 or heading_words[-1] in SMALL_WORDS:
        return None, text, []
    heading, rest = " ".join(heading_words), " ".join(words[run - 1:])
    context = excerpt(text, 0, len(heading) + len(first) + 1, words=3)
    names = proper_names(rules.lang)
    named = any(_bare(word) in names for word in capitals[1:] + [first])
    if named or _bare(first) in rules.name_heads or _bare(words[run]) in rules.name_heads:
        return None, text, [Finding("run-in-heading", line, context, FLAGGED, detail=f"is '{heading}' a heading?")]
    if rules.refused(guide, "run-in-heading", context):
        return None, text, [Finding("run-in-heading", line, context, REFUSED)]
    return heading, rest, [Finding("run-in-heading", line, context, REPAIRED,
                                   repair=f"'{heading}' split off as a heading")]


def heading_paragraph(text: str, line: int, guide: str, rules) -> tuple[bool, list[Finding]]:
    """(is it a heading, findings) for a short paragraph with no full stop and
    title-case words ("Signs of Low Vision"), followed by more text."""
    words = text.split()
    if not words or len(words) > HEADING_WORDS or text.rstrip()[-1:] in ".!?:;,…)\"”" or not text[:1].isupper():
        return False, []
    if not all(_TITLE_WORD.match(word) or word in SMALL_WORDS for word in words):
        return False, []
    if sum(1 for word in words if word[0].isupper()) < 2:
        return False, []
    if rules.refused(guide, "run-in-heading", text):
        return False, [Finding("run-in-heading", line, text, REFUSED)]
    return True, [Finding("run-in-heading", line, text, REPAIRED, repair="made a heading")]


def run_together_findings(text: str, line: int, rules) -> list[Finding]:
    """Flag a lowercase word followed by a capitalised common word that is
    no name ("and jaw Nausea or vomiting"): list items or sentences run together."""
    names = proper_names(rules.lang)
    code = rules.lang.split("_")[0]
    for match in _RUN_TOGETHER.finditer(text):
        capital, after = match.group(2), (match.group(3) or "").strip()
        lower = capital.lower()
        if lower in names or lower in rules.name_heads or after[:1].isupper() or after.lower() in rules.name_heads:
            continue
        if zipf_frequency(lower, code) < COMMON_ZIPF or match.group(1) in NAME_LEADS:
            continue
        return [Finding("run-together", line, excerpt(text, match.start(2), match.end(2), words=3), FLAGGED)]
    return []


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word.strip(",;:")).lower()
