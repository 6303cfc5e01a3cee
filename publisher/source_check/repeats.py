"""Repeats a paste leaves: a section, paragraph, list or run of sentences
copied twice, a heading used for several sections.

Removed, the first copy kept, only where saying it twice adds nothing: a
whole section that repeats an earlier one word for word, and a list, or a
paragraph long enough to be no set phrase (MIN_REPEAT_WORDS), repeated word
for word *within one section, under the same subheading*. The same text
under another heading may be there on purpose (a warning given again where it applies), so it is
flagged, as are sentences repeated inside other text, a heading used again
for another section, and a subheading used twice in one section. A shorter
paragraph said again is left alone ("The pain or discomfort:" before each
of several lists is meant every time).

A page pasted from the web often says a list twice: once as items ("may -
lose things - get lost"), then again as the same words run together
("lose things get lost."), where the page's bullets became plain text. That
copy is removed too: it is the list's own words, in order, with nothing
between them.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import SourceBlock
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, excerpt

# A repeated paragraph of fewer words ("Talk to your doctor.") may be meant twice.
MIN_REPEAT_WORDS = 12
# A sentence this long, said again word for word, is a repeat (a short one may be a refrain).
MIN_SENTENCE_WORDS = 8


def remove_repeats(blocks: list[SourceBlock], guide: str, rules, findings: list[Finding],
                   lines: list[str] = ()) -> list[SourceBlock]:
    """`blocks` without the repeats that can go; findings for those and for
    the others. `lines`: the source file's lines, to see what it set apart."""
    blocks = _without_repeated_sections(blocks, guide, rules, findings)
    blocks = _without_lists_said_again(blocks, guide, rules, findings)
    seen: dict[tuple, tuple[tuple[int, int], int]] = {}  # text -> (its section and subsection, its line)
    headings: dict[tuple, int] = {}
    kept: list[SourceBlock] = []
    for block, (section, part) in _under_headings(blocks):
        key = _key(block)
        if block.kind in ("heading", "subheading"):
            scope = (block.kind, key[1]) if block.kind == "heading" else (block.kind, section, key[1])
            first = headings.setdefault(scope, block.line)
            if first != block.line:
                findings.append(Finding("repeated-heading", block.line, block.text, FLAGGED,
                                        detail=f"also at line {first}"))
            kept.append(block)
            continue
        if key not in seen:
            seen[key] = ((section, part), block.line)
            kept.append(block)
            continue
        kind = "repeated-list" if block.kind == "list" else "repeated-paragraph"
        text = block.text or " / ".join(block.items)
        long_enough = len(block.items) >= 2 if block.kind == "list" else len(block.text.split()) >= MIN_REPEAT_WORDS
        first_section, first_line = seen[key]
        detail = f"first at line {first_line}"
        if not long_enough:  # "The pain or discomfort:" before each of several lists: meant every time
            kept.append(block)
        elif first_section != (section, part):
            findings.append(Finding(kind, block.line, text, FLAGGED, detail=detail))
            kept.append(block)
        elif rules.refused(guide, kind, text):
            findings.append(Finding(kind, block.line, text, REFUSED, detail=detail))
            kept.append(block)
        else:
            findings.append(Finding(kind, block.line, text, REPAIRED, repair="the copy removed", detail=detail))
    _flag_repeated_sentences(kept, findings, lines, rules)
    return kept


def _flag_repeated_sentences(blocks: list[SourceBlock], findings: list[Finding], lines=(), rules=None) -> None:
    """Flag sentences said before word for word inside other text: one finding
    per paragraph or list, at its first repeated sentence. A single sentence
    said again under another heading may be meant there (each stage's "This
    treatment may include surgery."), so only two or more said again one
    after the other, or one said again under the same heading, are flagged;
    and not one the source wrote on a line of its own above its paragraph
    (a key point set apart, that the paragraph under it explains), nor
    web-only text ("For more specific results, refine the search ..."
    after each stage's trials): it is flagged as what it is. A sentence said
    again with a few words changed (`_NearSentences`) counts only in a run
    of two or more such sentences: a page that tells its overview twice."""
    reported = {(finding.line, finding.text) for finding in findings}
    said: dict[str, tuple[tuple[int, int], int]] = {}  # sentence -> (its section and subsection, its line)
    near = _NearSentences()
    titles: dict[str, str] = {}  # "heading" and "subheading" -> the one the block stands under
    for block, (section, part) in _under_headings(blocks):
        if block.kind == "heading":
            titles = {"heading": block.text}
        elif block.kind == "subheading":
            titles["subheading"] = block.text
        if block.kind not in ("paragraph", "list"):
            continue
        topic = frozenset(_WORD.findall(" ".join(titles.values()).lower()))
        texts = block.items if block.kind == "list" else _rough_sentences(block.text)
        web = rules and any(rules.web_only_match(text) for text in (block.items or (block.text,)))
        repeated, run, longest, nearly = [], 0, 0, False
        for sentence in texts:
            key = " ".join(sentence.split()).lower()
            if len(key.split()) < MIN_SENTENCE_WORDS or (web and rules.web_only_match(sentence)):
                continue
            first_line = said[key][1] if key in said else near.said_before(key, block.line, topic)
            if first_line is None:
                said[key] = ((section, part), block.line)
                near.add(key, block.line, topic)
                run = 0
                continue
            run += 1
            longest = max(longest, run)
            if key not in said:  # said before with some words changed: only a run of them is a repeat
                nearly = nearly or not repeated
                repeated.append((sentence, first_line, False))
                continue
            set_apart = 0 < block.line <= len(lines) and " ".join(lines[block.line - 1].split()).lower() == key
            if longest >= 2 or (said[key][0] == (section, part) and not set_apart):
                repeated.append((sentence, first_line, True))
        if nearly and longest < 2:  # a lone near repeat is no repeat: keep those said word for word
            repeated = [said_again for said_again in repeated if said_again[2]]
        whole = block.text or " / ".join(block.items)
        if repeated and (block.line, whole) not in reported:
            sentence, first, _ = repeated[0]
            more = f" and {len(repeated) - 1} more" if len(repeated) > 1 else ""
            how = "nearly word for word " if nearly else ""
            findings.append(Finding("repeated-paragraph", block.line, excerpt(sentence, 0, 0, words=12), FLAGGED,
                                    detail=f"said {how}before at line {first}{more}"))


# A sentence shares at least this share of its words with one said before: the same sentence, reworded a little.
NEAR_SHARE = 0.8
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


class _NearSentences:
    """The sentences said so far, to find one said again with a few words
    changed: it shares NEAR_SHARE of its words, counted both ways, with one
    said before in another paragraph. Not when a word that differs names
    what either section is about: "Treatment of stage II anal cancer may
    include ..." under "Stage II Anal Cancer" says for stage II what was
    said for stage I, on purpose; nor sentences side by side in one
    paragraph ("... by getting into the blood.", "... into the lymph
    system."). Words index the sentences, so only those that share a rare
    word are compared."""

    def __init__(self) -> None:
        self._words: list[frozenset[str]] = []
        self._lines: list[int] = []
        self._topics: list[frozenset[str]] = []
        self._holding: dict[str, list[int]] = {}

    def add(self, sentence: str, line: int, topic: frozenset[str]) -> None:
        words = frozenset(_WORD.findall(sentence))
        for word in words:
            self._holding.setdefault(word, []).append(len(self._words))
        self._words.append(words)
        self._lines.append(line)
        self._topics.append(topic)

    def said_before(self, sentence: str, line: int, topic: frozenset[str]) -> int | None:
        """The line of a sentence said before that `sentence`, in the paragraph
        at `line` under headings of the words `topic`, nearly repeats, or None."""
        words = frozenset(_WORD.findall(sentence))
        if not words:
            return None
        rarest = min(words, key=lambda word: len(self._holding.get(word, ())))
        candidates = set(self._holding.get(rarest, ()))
        for word in words:  # a sentence that lacks the rarest word may share the other rare ones
            holding = self._holding.get(word, ())
            if len(candidates) > 50:
                break
            if len(holding) <= 3:
                candidates.update(holding)
        for index in sorted(candidates):
            other = self._words[index]
            if self._lines[index] == line or (words ^ other) & (topic | self._topics[index]):
                continue
            if len(words & other) >= NEAR_SHARE * max(len(words), len(other)):
                return self._lines[index]
        return None


def _under_headings(blocks: list[SourceBlock]):
    """Each block with the (section, subsection) it stands under, counted from
    1 by headings and from 1 by subheadings within a section (0: none yet);
    a heading or subheading stands under itself."""
    section = part = 0
    for block in blocks:
        if block.kind == "heading":
            section, part = section + 1, 0
        elif block.kind == "subheading":
            part += 1
        yield block, (section, part)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")


def _rough_sentences(text: str) -> list[str]:
    """Sentences cut at a full stop, question or exclamation mark before a
    capital: rough ("Dr. Smith" is cut in two), but a repeat is a repeat
    however it is cut, and pysbd takes 20 ms and more on a long paragraph."""
    return _SENTENCE_END.split(text)


def _without_lists_said_again(blocks: list[SourceBlock], guide: str, rules,
                               findings: list[Finding]) -> list[SourceBlock]:
    """Remove a list's items said again as running text, right after the
    list: inside the paragraph that holds the list as " - " items, or at the
    start of the paragraph after a list."""
    kept: list[SourceBlock] = []
    for block in blocks:
        if block.kind == "paragraph":
            text = " ".join(block.text.split())
            copies = _copies_of_inline_lists(text)
            if kept and kept[-1].kind == "list" and len(kept[-1].items) >= 3:
                copy = _run_together(kept[-1].items)
                if text.lower().startswith(copy.lower()):
                    copies.insert(0, (0, len(copy)))
            for start, end in reversed(copies):
                copy = text[start:end]
                if rules.refused(guide, "repeated-list", copy):
                    findings.append(Finding("repeated-list", block.line, excerpt(copy, 0, 0, words=12), REFUSED))
                    continue
                findings.append(Finding("repeated-list", block.line, excerpt(copy, 0, 0, words=12), REPAIRED,
                                        repair="the list said again as running text removed"))
                text = (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
            if copies:
                if not text:
                    continue
                block = dataclasses.replace(block, text=text)
        kept.append(block)
    return kept


_ITEM_MARK = re.compile(r" - ")


def _copies_of_inline_lists(text: str) -> list[tuple[int, int]]:
    """Where, in a paragraph holding a list as " - " items, the items are said
    again run together right after the last one: (start, end) of each copy."""
    marks = list(_ITEM_MARK.finditer(text))
    copies, first = [], 0
    while first < len(marks) - 2:
        found = None
        for last in range(first + 2, len(marks)):
            items = [text[marks[index].end(): marks[index + 1].start()] for index in range(first, last)]
            lead = _run_together(items)
            after = marks[last].end()
            position = text.find(" " + lead + " ", after)
            following = marks[last + 1].start() if last + 1 < len(marks) else len(text)
            if position == -1 or position > following:
                continue
            final = text[after:position].strip()
            copy = f"{lead} {final}"
            if final and text.startswith(copy, position + 1):
                found = (last, (position + 1, position + 1 + len(copy)))
                break
        if found is None:
            first += 1
            continue
        last, span = found
        copies.append(span)
        first = last + 1
    return copies


def _run_together(items) -> str:
    """List items as a page with its bullets lost says them: one after another."""
    return " ".join(" ".join(item.split()).rstrip(" ;,") for item in items)


def _without_repeated_sections(blocks: list[SourceBlock], guide: str, rules,
                               findings: list[Finding]) -> list[SourceBlock]:
    """Remove a section (a heading and the blocks up to the next heading) that
    repeats an earlier one word for word."""
    sections: list[list[SourceBlock]] = [[]]
    for block in blocks:
        if block.kind == "heading":
            sections.append([])
        sections[-1].append(block)
    seen: dict[tuple, int] = {}
    kept: list[SourceBlock] = []
    for section in sections:
        if not section:
            continue
        key = tuple(_key(block) for block in section)
        if section[0].kind != "heading" or len(section) < 2 or key not in seen:
            seen.setdefault(key, section[0].line)
            kept.extend(section)
            continue
        heading = section[0].text
        detail = f"first at line {seen[key]}"
        if rules.refused(guide, "repeated-section", heading):
            findings.append(Finding("repeated-section", section[0].line, heading, REFUSED, detail=detail))
            kept.extend(section)
        else:
            findings.append(Finding("repeated-section", section[0].line, heading, REPAIRED,
                                    repair="the copy removed", detail=detail))
    return kept


def _key(block: SourceBlock) -> tuple:
    if block.kind == "list":
        return ("list", tuple(" ".join(item.split()).lower() for item in block.items))
    return (block.kind, " ".join(block.text.split()).lower().rstrip("?.! "))
