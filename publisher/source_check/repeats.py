"""Repeats a paste leaves: a section, paragraph or list copied twice, a
heading used for several sections.

An exact repeat (same words, spacing aside) of a whole section, of a list,
or of a paragraph long enough to be no set phrase (MIN_REPEAT_WORDS) is
removed and the first copy kept: saying it twice adds nothing. A shorter
repeated paragraph, and a heading used again over other text, are flagged.
"""

from __future__ import annotations

from ..model import SourceBlock
from .findings import FLAGGED, REFUSED, REPAIRED, Finding

# A repeated paragraph of fewer words ("Talk to your doctor.") may be meant twice.
MIN_REPEAT_WORDS = 12


def remove_repeats(blocks: list[SourceBlock], guide: str, rules, findings: list[Finding]) -> list[SourceBlock]:
    """`blocks` without exact repeats; findings for the repeats removed and the headings used again."""
    blocks = _without_repeated_sections(blocks, guide, rules, findings)
    seen: dict[tuple, int] = {}
    headings: dict[str, int] = {}
    kept: list[SourceBlock] = []
    for block in blocks:
        key = _key(block)
        if block.kind == "heading":
            first = headings.setdefault(key[1], block.line)
            if first != block.line:
                findings.append(Finding("repeated-heading", block.line, block.text, FLAGGED,
                                        detail=f"also at line {first}"))
            kept.append(block)
            continue
        if key not in seen:
            seen[key] = block.line
            kept.append(block)
            continue
        kind = "repeated-list" if block.kind == "list" else "repeated-paragraph"
        text = block.text or " / ".join(block.items)
        long_enough = len(block.items) >= 2 if block.kind == "list" else len(block.text.split()) >= MIN_REPEAT_WORDS
        detail = f"first at line {seen[key]}"
        if not long_enough:
            findings.append(Finding(kind, block.line, text, FLAGGED, detail=detail))
            kept.append(block)
        elif rules.refused(guide, kind, text):
            findings.append(Finding(kind, block.line, text, REFUSED, detail=detail))
            kept.append(block)
        else:
            findings.append(Finding(kind, block.line, text, REPAIRED, repair="the copy removed", detail=detail))
    return kept


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
