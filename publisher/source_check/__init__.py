"""The source check: what a person must look at in a guide before it is
made plain, and the few repairs that cannot change its meaning.

`check_source(source, rules)` reads top to bottom, one pass per concern:

1. each text (heading, paragraph, list item): doubled punctuation made
   single, a missing space after a full stop put back, a clear misspelling
   corrected (punctuation.py, spelling.py); what needs judgement is flagged;
2. each paragraph: a heading run into it split off, a heading left as a
   paragraph made a heading, a subheading if the guide has headings of its
   own (runs.py);
3. the guide: exact repeats of sections, paragraphs and lists removed (the
   first kept), repeated headings flagged (repeats.py);
4. each text again: web-only instructions, picture captions, contact
   details, list items run together, flagged (web_text.py, runs.py).

Every finding names its line in the source file. Flagged text stays as
written and is marked on its block (`SourceBlock.flagged`), so the engine
never takes a key point or a word to know from it. An author refuses a
repair in locales/<lang>/source-repairs.toml.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from ..model import SourceBlock, SourceGuide
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, KindNames, count_by_kind, describe
from .punctuation import punctuation_findings
from .repeats import remove_repeats
from .rules import CHECK_FILE, REPAIRS_FILE, CheckRules, load_check_rules
from .runs import HEADING_WORDS, heading_line, heading_paragraph, listed_items, run_together_findings, split_run_in_headings
from .spelling import spelling_findings
from .web_text import is_caption, web_text_findings

__all__ = ["CHECK_FILE", "REPAIRS_FILE", "FLAGGED", "REFUSED", "REPAIRED", "CheckRules", "CheckedSource", "Finding",
           "KindNames", "check_source", "count_by_kind", "describe", "load_check_rules"]


# A page that leaves the same space between texts this often, and more under
# one title, lost a picture there (the title is the picture's).
USUAL_GAP_SHARE = 0.85


@dataclass(frozen=True)
class CheckedSource:
    """A source guide after the check: repaired, its flagged text marked, and what was found."""

    guide: SourceGuide
    findings: tuple[Finding, ...]


def check_source(source: SourceGuide, rules: CheckRules) -> CheckedSource:
    """Check and safely repair one source guide (see the module docstring)."""
    lines = _file_lines(source)
    findings: list[Finding] = []
    blocks = [_mended(block, source.slug, rules, findings) for block in source.blocks]
    blocks = _split_headings(blocks, lines, source.slug, rules, findings)
    blocks = remove_repeats(blocks, source.slug, rules, findings, lines)
    blocks = [_flagged(block, rules, findings) for block in blocks]
    located = tuple(dataclasses.replace(finding, line=_locate(lines, finding)) for finding in findings)
    ordered = tuple(sorted(located, key=lambda finding: finding.line))
    return CheckedSource(dataclasses.replace(source, blocks=tuple(blocks)), ordered)


def _mended(block: SourceBlock, guide: str, rules: CheckRules, findings: list[Finding]) -> SourceBlock:
    """The block with its texts' punctuation and spelling repaired."""

    def mend(text: str) -> str:
        text, found = punctuation_findings(text, block.line, guide, rules)
        findings.extend(found)
        text, found = spelling_findings(text, block.line, guide, rules)
        findings.extend(found)
        return text

    if block.kind == "list":
        return dataclasses.replace(block, items=tuple(mend(item) for item in block.items))
    return dataclasses.replace(block, text=mend(block.text))


def _split_headings(blocks: list[SourceBlock], lines: list[str], guide: str, rules: CheckRules,
                    findings: list[Finding]) -> list[SourceBlock]:
    """Headings run into paragraphs split off; short title-case paragraphs with
    no full stop, followed by text, made headings (and a title-case line
    the source wrote above the rest of its paragraph, or a sentence there
    that a list before it named: a key point). In a guide with
    headings of its own these are headings inside its sections (subheadings)."""
    kind = "subheading" if any(block.kind == "heading" for block in blocks) else "heading"
    usual_gap = _usual_gap(lines)
    listed: set[str] = set()  # the items of the lists so far ("Key Points - There are three ways ...")
    result: list[SourceBlock] = []
    section = ""  # the heading the block stands under
    for index, block in enumerate(blocks):
        listed |= set(listed_items(block))
        section = block.text if block.kind == "heading" else section
        if block.kind != "paragraph":
            result.append(block)
            continue
        first = " ".join(lines[block.line - 1].split()) if 0 < block.line <= len(lines) else ""
        if first and block.text.startswith(first + " "):
            is_heading, found = heading_line(first, block.text[len(first) + 1:], block.line, guide, rules, listed)
            findings.extend(found)
            if is_heading:
                result.append(dataclasses.replace(block, kind=kind, text=first))
                block = dataclasses.replace(block, text=block.text[len(first) + 1:])
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        prose_follows = following is not None and following.kind == "paragraph" and _is_prose(following.text)
        if following is not None and following.kind == "paragraph" and not prose_follows and index + 2 < len(blocks):
            # a heading over a subheading ("Signs and Symptoms" / "Jaundice" / "Jaundice refers to ...")
            after = blocks[index + 2]
            prose_follows = after.kind == "paragraph" and _is_prose(after.text) and heading_paragraph(
                following.text, following.line, guide, rules, lone_word=True)[0]
        lone = prose_follows and not (result and result[-1].kind == "paragraph" and len(result[-1].text.split()) == 1)
        short = len(block.text.split()) <= HEADING_WORDS  # only a short paragraph may be a heading
        web_only = short and rules.web_only_match(block.text)  # "Español": a link, no heading
        is_heading, found = heading_paragraph(block.text, block.line, guide, rules, lone_word=lone) if (
            short and following is not None and following.kind not in ("heading", "subheading")
            and not web_only) else (False, [])
        if is_heading and _gap_after(lines, block.line) > usual_gap:
            # a title with more space under it than the page leaves anywhere else: its picture was there
            findings.append(Finding("caption", block.line, block.text, FLAGGED,
                                    detail="the title of a picture that is not here?"))
            result.append(block)
            continue
        findings.extend(found)
        if is_heading:
            result.append(dataclasses.replace(block, kind=kind))
            continue
        if short and not web_only and prose_follows and _line_alone(block.text, result) and not is_caption(
                block.text, rules):  # "Photo: a woman reading": a caption, flagged as one
            findings.append(Finding("run-in-heading", block.line, block.text, FLAGGED,
                                    detail=f"is '{block.text}' a heading? It stands alone, with no full stop"))
        pieces, found = split_run_in_headings(block.text, block.line, guide, rules, section, listed)
        findings.extend(found)
        result += [dataclasses.replace(block, kind=kind if piece == "heading" else "paragraph", text=text)
                   for piece, text in pieces if text]
    return result


def _line_alone(text: str, before: list[SourceBlock]) -> bool:
    """Is `text`, a short paragraph of its own between a finished sentence (or
    a heading) and more prose, a heading in sentence case ("Treating
    children")? Not a list item (a list is a run of them) nor a sentence cut off."""
    words = text.split()
    return (len(words) >= 2 and text[:1].isupper() and text.rstrip()[-1:].isalpha()
            and all(word[:1].isalpha() or word[:1] == "(" for word in words)
            and (not before or before[-1].kind in ("heading", "subheading")
                 or (before[-1].kind == "paragraph" and _is_prose(before[-1].text))))


def _gap_after(lines: list[str], line: int) -> int:
    """How many blank lines follow line `line` (counted from 1) of the file."""
    gap = 0
    while line + gap < len(lines) and not lines[line + gap].strip():
        gap += 1
    return gap


def _usual_gap(lines: list[str]) -> int | float:
    """The number of blank lines the file leaves between two texts, if it
    keeps to one (at least USUAL_GAP_SHARE of its gaps); else infinity."""
    gaps = Counter(_gap_after(lines, number) for number in range(1, len(lines))
                   if lines[number - 1].strip() and number < len(lines) and not lines[number].strip())
    if not gaps:
        return float("inf")
    gap, times = gaps.most_common(1)[0]
    return gap if times >= USUAL_GAP_SHARE * sum(gaps.values()) else float("inf")


def _is_prose(text: str) -> bool:
    return text.endswith((".", "!", "?", ":"))


def _flagged(block: SourceBlock, rules: CheckRules, findings: list[Finding]) -> SourceBlock:
    """The block with the web-only text, captions, contact details and run-together
    items in it flagged, and its flagged texts marked on it."""
    texts = block.items if block.kind == "list" else (block.text,)
    for text in texts:
        findings.extend(web_text_findings(text, block.line, rules))
        if block.kind not in ("heading", "subheading"):
            findings.extend(run_together_findings(text, block.line, rules))
    marked = tuple(finding.text for finding in findings
                   if finding.state == FLAGGED and finding.line == block.line
                   and any(_within(finding.text, text) for text in texts))
    return dataclasses.replace(block, flagged=tuple(dict.fromkeys(block.flagged + marked)))


def _within(snippet: str, text: str) -> bool:
    return " ".join(snippet.split()) in " ".join(text.split())


def _file_lines(source: SourceGuide) -> list[str]:
    try:
        return source.path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _locate(lines: list[str], finding: Finding) -> int:
    """The line of the file the finding's word (its `focus`) or text is on
    (its block's first line if the text spans lines or was changed)."""
    words = finding.text.split()
    probe = finding.focus or (" ".join(words[:3]) if len(words) >= 3 else finding.text)
    for number in range(max(finding.line, 1), min(len(lines), finding.line + 200) + 1):
        if probe and probe in " ".join(lines[number - 1].split()):
            return number
    return finding.line
