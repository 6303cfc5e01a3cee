"""What a build tells the volunteer at the end: the files written, the
speech clips, per language what is still in English and why, the editions
not published and what to do about each, and the first problem if any.

Messages are counted as `publisher status` and `publisher update` count
them: each distinct sentence once.
"""

from __future__ import annotations

from pathlib import Path

from .build import BuildSummary, Unpublished
from .defaults import SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .plurals import count

MAX_NAMED = 3  # guides named in a line before "and N more"
_KINDS = {".mp3": "section tracks", ".m3u8": "playlists", ".vtt": "transcripts"}  # files that go with an edition


def summary_lines(summary: BuildSummary, output: Path) -> list[str]:
    """The lines that end a build's output (without the first problem; see `first_problem`)."""
    lines = [_files_line(summary, output)]
    clips = _clips_line(summary)
    if clips:
        lines.append(clips)
    for lang, units in summary.fallbacks.items():
        if lang != SOURCE_LANGUAGE:
            lines.append(_fallback_line(lang, units, summary))
    for lang, guides in summary.unpublished.items():
        lines.append(_unpublished_line(lang, guides, summary.threshold))
    lines.extend(summary.source_checks)
    return lines


def _files_line(summary: BuildSummary, output: Path) -> str:
    """"Wrote 204 files in 95.2 s (48 editions: 8 BRF, ...; 156 files that
    go with them: ...; 3 editions already up to date) to output/"."""
    editions: dict[str, int] = {}
    for result in summary.results:
        editions[result.job.format] = editions.get(result.job.format, 0) + 1
    written = sum(len(result.outputs) or 1 for result in summary.results)
    parts = [f"{count(len(summary.results), 'edition')}"
             + (": " + ", ".join(f"{number} {fmt.upper()}" for fmt, number in sorted(editions.items()))
                if editions else "")]
    extra = [path for result in summary.results for path in result.outputs[1:]]
    if extra:
        kinds = ", ".join(sorted(set(map(_kind, extra))))
        parts.append(f"{count(len(extra), 'file')} that go with them: {kinds}")
    if summary.up_to_date:
        parts.append(f"{count(len(summary.up_to_date), 'edition')} already up to date")
    return f"Wrote {count(written, 'file')} in {summary.seconds:.1f} s ({'; '.join(parts)}) to {display_path(output)}/"


def _kind(path: Path) -> str:
    """What a file that goes with an edition is, in words."""
    if path.suffix in _KINDS:
        return _KINDS[path.suffix]
    return "fonts and their licence" if "fonts" in path.parts else "other files"


def _clips_line(summary: BuildSummary) -> str:
    """Per language, the sentences spoken now, those whose earlier recording
    was used again, and the engine's restarts, in words."""
    clips: dict[str, list[int]] = {}
    for result in summary.results:
        if result.clips:
            counted = clips.setdefault(result.job.guide.lang, [0, 0, 0])
            counted[0] += result.clips.synthesized
            counted[1] += result.clips.reused
            counted[2] += result.clips.retried
    if not clips:
        return ""
    parts = []
    for lang, (spoken, reused, retried) in clips.items():
        part = f"{lang} {spoken} spoken, {reused} already recorded"
        if retried:
            part += f", {retried} spoken again after a failed check"
        parts.append(part)
    explained = " (already recorded: spoken earlier, in this build or one before, with the same words, voice and rate)"
    return "Speech clips: " + "; ".join(parts) + explained


def _fallback_line(lang: str, units, summary: BuildSummary) -> str:
    """"es: 3 messages in English (2 not in the catalogue yet: run ...)"."""
    messages = list(dict.fromkeys(unit.text for unit in units))
    why = summary.why_untranslated.get(lang, {})
    reasons: dict[str, int] = {}
    for msgid in messages:
        reason = why.get(msgid, "untranslated")
        reasons[reason] = reasons.get(reason, 0) + 1
    hints = []
    if reasons.get("missing"):
        hints.append(f"{reasons['missing']} not in the catalogue yet: run `publisher extract` and "
                     f"`publisher update {lang}`, then translate them")
    if reasons.get("untranslated"):
        hints.append(f"{reasons['untranslated']} untranslated or fuzzy: run `publisher status`")
    held = summary.held_back.get(lang, ())
    if held:  # of the guides' messages, or of the templates' words
        hints.append(f"{count(len(held), 'translation')} held back by checks: run `publisher check {lang}`")
    line = f"{lang}: {count(len(messages), 'message')} in English"
    return f"{line} ({'; '.join(hints)})" if hints else line


def _unpublished_line(lang: str, guides: list[Unpublished], threshold: float) -> str:
    """One line: which guides are not published in `lang`, and what to do."""
    named = ", ".join(f"{guide.slug} {int(guide.percent)}%" for guide in guides[:MAX_NAMED])
    if len(guides) > MAX_NAMED:
        named += f" and {len(guides) - MAX_NAMED} more"
    step = (f"run `publisher extract` and `publisher update {lang}`, translate"
            if any(guide.missing for guide in guides) else "translate")
    line = (f"{lang}: not published: {count(len(guides), 'guide is', 'guides are')} under {threshold:g}% "
            f"translated ({named}): {step} locales/{lang}/LC_MESSAGES/messages.po and build again "
            f"(or build with --allow-partial)")
    older = [guide for guide in guides if guide.older]
    if older:
        folder = display_path(older[0].older[0].parent)
        editions = ", ".join(f"{guide.slug} ({count(len(guide.older), 'file')})" for guide in older[:MAX_NAMED])
        if len(older) > MAX_NAMED:
            editions += f" and {len(older) - MAX_NAMED} more"
        line += f"; {folder}/ still holds an older edition of {editions}, which may not match the English now"
    return line


def first_problem(summary: BuildSummary) -> PublisherError | None:
    """The build's first problem, with how many there were: the one line it fails with."""
    if not (summary.failures or summary.unreadable):
        return None
    first = (summary.unreadable or [error for _, error in summary.failures])[0]
    problems = []
    if summary.unreadable:
        problems.append(f"{count(len(summary.unreadable), 'guide')} could not be read")
    if summary.failures:
        problems.append(f"{len(summary.failures)} of {len(summary.failures) + len(summary.results)} files failed")
    return PublisherError(f"{first.message} ({' and '.join(problems)}; see above)", first.path, first.line)
