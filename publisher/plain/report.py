"""The editor's report: how readable each guide is before and after the
plain-language engine, section by section, and where to look.

Figures are the page's prose as a reader meets it (key points, paragraphs
and list items), measured with textstat 0.7.8 like the tests measure the
built HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from collections import Counter

from ..model import Guide
from ..wordlists import medical_words
from . import EDITOR, PlainResult
from .readability import Readability, measure, misses_target, rare_words
from .rewrite import KEPT


@dataclass(frozen=True)
class SectionReport:
    heading: str
    before: Readability
    after: Readability
    rare: tuple[str, ...]
    misses: tuple[tuple[str, str], ...]  # (sentence, why it misses the targets)


@dataclass(frozen=True)
class GuideReport:
    slug: str
    before: Readability
    after: Readability
    rare: tuple[str, ...]
    sections: tuple[SectionReport, ...]
    overridden: int
    sentences: int
    rewritten: int = 0  # source sentences changed by the engine
    milder: int = 0  # of those, by a milder rewrite after a stronger one failed a check
    kept: int = 0  # kept as written because every rewrite failed a check
    fallback_reasons: tuple[tuple[str, int], ...] = ()  # (kind of failed check, count), most common first
    unexplained: tuple[str, ...] = ()  # medical words in the plain guide with no explanation


def guide_prose(guide: Guide) -> list[str]:
    """The guide's prose in reading order: key points, paragraphs, list items."""
    prose = [point.text for point in guide.summary]
    for section in guide.sections:
        prose += [unit.text for unit in section.units()]
    return prose


def guide_report(result: PlainResult, known_terms: frozenset[str]) -> GuideReport:
    """Before/after figures for one guide (`known_terms` are not counted as rare)."""
    guide = result.guide
    sections = []
    for section in guide.sections:
        after = [unit.text for unit in section.units()]
        before = list(result.section_sources.get(section.id, ()))
        misses = tuple((text, why) for text in after if (why := misses_target(text)))
        sections.append(SectionReport(section.heading.text, measure(before), measure(after),
                                      tuple(rare_words(" ".join(after), guide.lang, known_terms)), misses))
    source = [sentence for sentences in result.section_sources.values() for sentence in sentences]
    prose = guide_prose(guide)
    rare = tuple(rare_words(" ".join(prose), guide.lang, known_terms))
    medical = medical_words(guide.lang)
    engine = [rewrite for rewrite in result.rewrites if rewrite.strength != EDITOR]
    reasons = Counter(reason.split(": ")[1] for rewrite in engine for reason in rewrite.rejected[:1])
    return GuideReport(guide.slug, measure(source), measure(prose), rare, tuple(sections),
                       result.overridden, result.source_sentences,
                       rewritten=sum(1 for rewrite in engine if rewrite.strength != KEPT and rewrite.changed),
                       milder=sum(1 for rewrite in engine if rewrite.strength != KEPT and rewrite.fell_back),
                       kept=sum(1 for rewrite in engine if rewrite.strength == KEPT and rewrite.fell_back),
                       fallback_reasons=tuple(reasons.most_common()),
                       unexplained=tuple(word for word in rare if word.lower() in medical))


def format_report(report: GuideReport) -> str:
    """The report as text for the terminal."""
    lines = [f"{report.slug}", _row("", "grade", "SMOG", "avg words", "longest"),
             _figures("  before", report.before), _figures("  after", report.after, mark=True),
             f"  sentences: {report.sentences}; rewritten {report.rewritten} (a milder rewrite for {report.milder}); "
             f"kept as written after a failed check {report.kept}; editor's versions {report.overridden}",
             f"  why rewrites were not used: "
             f"{', '.join(f'{reason} {count}' for reason, count in report.fallback_reasons) or 'none'}",
             f"  rare words left: {', '.join(report.rare) or 'none'}",
             f"  medical terms without an explanation: {', '.join(report.unexplained) or 'none'}"]
    for section in report.sections:
        lines += ["", f"  {section.heading}", _figures("    before", section.before),
                  _figures("    after", section.after, mark=True)]
        if section.rare:
            lines.append(f"    rare words: {', '.join(section.rare)}")
        for sentence, why in section.misses:
            lines.append(f"    misses target ({why}): {sentence}")
    return "\n".join(lines)


def _row(label: str, *cells: str) -> str:
    return f"{label:<12}" + "".join(f"{cell:>10}" for cell in cells)


def _figures(label: str, figures: Readability, mark: bool = False) -> str:
    row = _row(label, f"{figures.grade:.1f}", f"{figures.smog:.1f}", f"{figures.average_words:.1f}",
               str(figures.longest_words))
    if mark:
        row += "   ok" if figures.meets_targets() else "   MISSES TARGET"
    return row
