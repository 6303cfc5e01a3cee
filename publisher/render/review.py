"""The editor's review page: each source sentence beside its plain version.

`publisher review` writes output/review/<slug>.html for each guide. It
lists what the source check found (flagged for a person, or repaired, with
the entry that refuses a repair), the figures of `publisher report` (the same GuideReport), then, section
by section, every source sentence with what the engine made of it: rewritten,
a milder rewrite, kept as written (and which check failed), or the editor's
own version; plain sentences still over the targets; medical terms without
an explanation. It tells the editor where to write a better version
(locales/<lang>/overrides.toml) and gives the entry to paste.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..plain import EDITOR, PlainResult
from ..source_check.findings import Finding, KindNames
from ..plain.readability import misses_target
from ..plain.report import GuideReport
from ..plain.rewrite import KEPT, Rewrite


@dataclass(frozen=True)
class ReviewRow:
    """One source sentence and what became of it."""

    rewrite: Rewrite
    status: str  # "rewritten", "milder", "kept", "editor", "unchanged"
    over_target: tuple[tuple[str, str], ...]  # (plain sentence, why it misses the targets)
    override_entry: str  # the overrides.toml entry an editor can start from


def review_rows(result: PlainResult) -> list[tuple[str, list[ReviewRow]]]:
    """(section heading, rows) for every section, in order."""
    rewrites = iter(result.rewrites)
    sections = []
    for section in result.guide.sections:
        rows = []
        for _ in result.section_sources.get(section.id, ()):
            rewrite = next(rewrites)
            rows.append(ReviewRow(rewrite, _status(rewrite),
                                  tuple((text, why) for text in rewrite.plain if (why := misses_target(text))),
                                  _override_entry(rewrite)))
        sections.append((section.heading.text, rows))
    return sections


@dataclass(frozen=True)
class FindingRow:
    """One finding of the source check, as the review page shows it."""

    finding: Finding
    name: str
    advice: str
    refuse_entry: str  # the source-repairs.toml entry that refuses a repair


def finding_rows(result: PlainResult, names: dict[str, KindNames]) -> list[FindingRow]:
    """The source check's findings for one guide, in line order."""
    return [FindingRow(finding, names[finding.kind].one, names[finding.kind].advice,
                       f"[[refuse]]\nguide = {_toml_string(result.guide.slug)}\nkind = {_toml_string(finding.kind)}\n"
                       f"text = {_toml_string(finding.text)}")
            for finding in result.findings]


def render_review(result: PlainResult, report: GuideReport, templates: Path, overrides: str,
                  names: dict[str, KindNames] | None = None, source_file: str = "", repairs_file: str = "") -> str:
    """The review page of one guide as HTML (`overrides`, `repairs_file`: the
    files to name; `names`: how the source check's kinds of finding are called)."""
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html", "html.j2"]),
                      undefined=StrictUndefined)
    return env.get_template("review.html.j2").render(guide=result.guide, report=report,
                                                     sections=review_rows(result), overrides=overrides,
                                                     findings=finding_rows(result, names or {}),
                                                     source_file=source_file, repairs_file=repairs_file)


def _status(rewrite: Rewrite) -> str:
    if rewrite.strength == EDITOR:
        return "editor"
    if rewrite.strength == KEPT:
        return "kept" if rewrite.fell_back else "unchanged"
    if not rewrite.changed:
        return "unchanged"
    return "milder" if rewrite.fell_back else "rewritten"


def _override_entry(rewrite: Rewrite) -> str:
    plain = ", ".join(_toml_string(text) for text in rewrite.plain)
    return f"[[override]]\nsource = {_toml_string(rewrite.source)}\nplain = [{plain}]"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
