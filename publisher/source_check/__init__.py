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
from dataclasses import dataclass

from ..model import SourceBlock, SourceGuide
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, KindNames, count_by_kind, describe
from .punctuation import punctuation_findings
from .repeats import remove_repeats
from .rules import CHECK_FILE, REPAIRS_FILE, CheckRules, load_check_rules
from .runs import heading_paragraph, run_together_findings, split_run_in_headings
from .spelling import spelling_findings
from .web_text import web_text_findings

__all__ = ["CHECK_FILE", "REPAIRS_FILE", "FLAGGED", "REFUSED", "REPAIRED", "CheckRules", "CheckedSource", "Finding",
           "KindNames", "check_source", "count_by_kind", "describe", "load_check_rules"]


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
    blocks = _split_headings(blocks, source.slug, rules, findings)
    blocks = remove_repeats(blocks, source.slug, rules, findings)
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


def _split_headings(blocks: list[SourceBlock], guide: str, rules: CheckRules,
                    findings: list[Finding]) -> list[SourceBlock]:
    """Headings run into paragraphs split off; short title-case paragraphs with
    no full stop, followed by text, made headings. In a guide with headings
    of its own these are headings inside its sections (subheadings)."""
    kind = "subheading" if any(block.kind == "heading" for block in blocks) else "heading"
    result: list[SourceBlock] = []
    for index, block in enumerate(blocks):
        if block.kind != "paragraph":
            result.append(block)
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        prose_follows = following is not None and following.kind == "paragraph" and following.text.endswith(
            (".", "!", "?", ":"))
        lone = prose_follows and not (result and result[-1].kind == "paragraph" and len(result[-1].text.split()) == 1)
        web_only = any(pattern.search(block.text) for pattern in rules.web_only)  # "Español": a link, no heading
        is_heading, found = heading_paragraph(block.text, block.line, guide, rules, lone_word=lone) if (
            following is not None and following.kind not in ("heading", "subheading") and not web_only) else (
            False, [])
        findings.extend(found)
        if is_heading:
            result.append(dataclasses.replace(block, kind=kind))
            continue
        pieces, found = split_run_in_headings(block.text, block.line, guide, rules)
        findings.extend(found)
        result += [dataclasses.replace(block, kind=kind if piece == "heading" else "paragraph", text=text)
                   for piece, text in pieces if text]
    return result


def _flagged(block: SourceBlock, rules: CheckRules, findings: list[Finding]) -> SourceBlock:
    """The block with the web-only text, captions, contact details and run-together
    items in it flagged, and its flagged texts marked on it."""
    texts = block.items if block.kind == "list" else (block.text,)
    for text in texts:
        findings.extend(web_text_findings(text, block.line, rules))
        if block.kind != "heading":
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
    """The line of the file the finding's text is on (its block's first line
    if the text spans lines or was changed)."""
    words = finding.text.split()
    probe = " ".join(words[:3]) if len(words) >= 3 else finding.text
    for number in range(max(finding.line, 1), min(len(lines), finding.line + 200) + 1):
        if probe and probe in " ".join(lines[number - 1].split()):
            return number
    return finding.line
