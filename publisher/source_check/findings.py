"""What the source check found: one `Finding` per problem, with its line,
the text it is about, and the repair made (if any).

A finding is either *repaired* (the check changed the text in a way that
cannot change its meaning, and says so), *flagged* (left as written for a
person to judge) or *refused* (a repair the author turned down in
locales/<lang>/source-repairs.toml: the text stays as written).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

REPAIRED, FLAGGED, REFUSED = "repaired", "flagged", "refused"


@dataclass(frozen=True)
class Finding:
    """One problem in a source guide.

    `kind` names a [kind.*] table of source-check.toml; `text` is the source
    text it is about, as written; `repair` says what the check changed
    ("'??' made '?'"), empty when nothing was changed; `detail` adds what
    is particular to this finding ("also at line 19"); `focus`, when set, is
    the word in `text` the finding is about (its line is the line of that
    word, not of the first words of `text`).
    """

    kind: str
    line: int
    text: str
    state: str = FLAGGED
    repair: str = ""
    detail: str = ""
    focus: str = ""

    @property
    def needs_person(self) -> bool:
        """Is this for the person who approves the guide (not a refused repair)?"""
        return self.state != REFUSED


@dataclass(frozen=True)
class KindNames:
    """How a kind of finding is named for a person, and what to do about it."""

    one: str
    many: str
    advice: str


def count_by_kind(findings: tuple[Finding, ...], names: dict[str, KindNames]) -> str:
    """"5 picture captions, 2 web-only instructions, 1 repeated section; 3 repaired"
    (most common first), for the findings a person must check."""
    shown = [finding for finding in findings if finding.needs_person]
    kinds = Counter(finding.kind for finding in shown)
    parts = [f"{number} {names[kind].one if number == 1 else names[kind].many}"
             for kind, number in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))]
    repaired = sum(1 for finding in shown if finding.state == REPAIRED)
    return ", ".join(parts) + (f"; {repaired} repaired" if repaired else "")


def describe(finding: Finding, names: dict[str, KindNames], where: str) -> str:
    """One line for the terminal: `where:line: kind: "text": what was done or what to do`."""
    name = names[finding.kind].one
    text = finding.text if len(finding.text) <= 90 else finding.text[:87] + "..."
    if finding.state == REPAIRED:
        todo = f"{finding.repair} (refuse in source-repairs.toml)"
    elif finding.state == REFUSED:
        todo = "kept as written (source-repairs.toml)"
    else:
        todo = names[finding.kind].advice
    detail = f" ({finding.detail})" if finding.detail else ""
    return f"{where}:{finding.line}: {name}: \"{text}\"{detail}: {todo}"


def excerpt(text: str, start: int, end: int, words: int = 4) -> str:
    """text[start:end] with up to `words` words either side, as written."""
    # (only the last stretch of what comes before: searching back from its end through a long paragraph is slow)
    before = re.search(rf"(?:\S+\s+){{0,{words}}}\S*$", text[max(0, start - 60 * (words + 1)):start]).group(0)
    after = re.match(rf"\S*(?:\s+\S+){{0,{words}}}", text[end:]).group(0)
    return (before + text[start:end] + after).strip()
