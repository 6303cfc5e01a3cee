"""Build the handouts: every requested guide x language x format into output/.

Read top to bottom as data flows: load the sources, make them plain, plan one
job per output file, run the jobs (in parallel worker processes), summarise.
Each job writes its file atomically; a failed job leaves the previous output
in place and is reported at the end, after the other jobs have finished.
"""

from __future__ import annotations

import gettext
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .atomic import write_atomic
from .defaults import FORMATS, LISTENING_RATE_WPM, SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .model import Guide
from .plain import PlainResult, load_rules, plain_result
from .project import Project
from .render.page import PageRenderer
from .render.pdf import pdf_bytes
from .sources import discover, load_source
from .speech.clips import ClipStats
from .speech.narrate import narrate_guide
from .speech.narration import Pacing

DEFAULT_ARTIST = "publisher"


@dataclass(frozen=True)
class BuildRequest:
    """What to build; an empty tuple means "all"."""

    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    rate: int = LISTENING_RATE_WPM
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    """One output file to make."""

    guide: Guide
    format: str
    target: Path


@dataclass(frozen=True)
class JobResult:
    """What a job wrote, how long it took, and a short note on it."""

    job: Job
    seconds: float
    note: str = ""
    clips: ClipStats | None = None


@dataclass
class BuildSummary:
    """The outcome of a build."""

    results: list[JobResult]
    failures: list[tuple[Job, PublisherError]]
    seconds: float


# --- what to build ------------------------------------------------------------


def shipped_locales(project: Project) -> list[str]:
    """The source language plus every language with a catalogue in locales/."""
    translated = sorted(path.parent.parent.name for path in project.locales.glob("*/LC_MESSAGES/messages.po"))
    return [SOURCE_LANGUAGE] + [lang for lang in translated if lang != SOURCE_LANGUAGE]


def load_guides(project: Project, slugs: tuple[str, ...] = ()) -> list[Guide]:
    """The plain-language source-language Guides (all, or those named).

    A guide whose plain version lost a drug name, gene name or number of its
    source stops the build (the fidelity check)."""
    guides = []
    for result, _ in plain_results(project, slugs):
        if result.lost:
            raise PublisherError(f"the plain-language guide lost {', '.join(result.lost)} of the source (fix "
                                 f"locales/{result.guide.lang}/lexicon.toml, terms.toml or overrides.toml)",
                                 _source_path(project, result.guide.slug))
        guides.append(result.guide)
    return guides


def plain_results(project: Project, slugs: tuple[str, ...] = ()) -> list[tuple[PlainResult, frozenset[str]]]:
    """Each chosen source made plain, with the kept terms of its language."""
    paths = discover(project.sources)
    known = {path.stem: path for path in paths}
    for slug in slugs:
        if slug not in known:
            names = ", ".join(known) or "none"
            raise PublisherError(f"no guide '{slug}' in {display_path(project.sources)}/ (guides: {names})")
    chosen = [known[slug] for slug in dict.fromkeys(slugs)] if slugs else paths
    if not chosen:
        raise PublisherError(f"no guides in {display_path(project.sources)}/: add .txt or .md files")
    results = []
    for path in chosen:
        source = load_source(path)
        if source.lang != SOURCE_LANGUAGE:
            raise PublisherError(f"guides must be written in '{SOURCE_LANGUAGE}' (this one says "
                                 f"'{source.lang}')", path, 1)
        rules = _rules(project.language_data(source.lang), source.lang)
        known = frozenset(form.lower() for form in rules.terms.forms)
        results.append((plain_result(source, rules), known))
    return results


def _source_path(project: Project, slug: str) -> Path:
    return next(path for path in discover(project.sources) if path.stem == slug)


def plan(project: Project, request: BuildRequest) -> list[Job]:
    """One job per output file, longest (narration) first."""
    shipped = shipped_locales(project)
    for lang in request.locales:
        if lang not in shipped:
            raise PublisherError(f"unknown locale '{lang}': this project ships {', '.join(shipped)}")
    for fmt in request.formats:
        if fmt not in FORMATS:
            raise PublisherError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")
    locales = list(dict.fromkeys(request.locales)) or shipped
    formats = list(dict.fromkeys(request.formats)) or list(FORMATS)
    guides = load_guides(project, request.guides)
    jobs = [Job(guide, fmt, project.output / lang / f"{guide.slug}.{fmt}")
            for lang in locales for guide in guides for fmt in formats]
    return sorted(jobs, key=lambda job: job.format != "mp3")


# --- doing it ----------------------------------------------------------------------


def build(project: Project, request: BuildRequest, progress: Callable[[str], None] = print) -> BuildSummary:
    """Run every planned job, reporting each as it finishes."""
    started = time.monotonic()
    jobs = plan(project, request)
    workers = max(1, min(request.jobs, len(jobs)))
    progress(f"Building {len(jobs)} files with {workers} worker{'s' if workers > 1 else ''}...")
    results: list[JobResult] = []
    failures: list[tuple[Job, PublisherError]] = []
    width = len(str(len(jobs)))

    def finished(job: Job, outcome: JobResult | PublisherError) -> None:
        done = len(results) + len(failures) + 1
        prefix = f"[{done:>{width}}/{len(jobs)}]"
        if isinstance(outcome, PublisherError):
            failures.append((job, outcome))
            progress(f"{prefix} FAILED {display_path(job.target)}: {outcome}")
        else:
            results.append(outcome)
            note = f", {outcome.note}" if outcome.note else ""
            progress(f"{prefix} {display_path(job.target)} ({outcome.seconds:.1f} s{note})")

    if workers == 1:
        for job in jobs:
            finished(job, _run_captured(project.root, job, request))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_run_captured, project.root, job, request): job for job in jobs}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    return BuildSummary(results, failures, time.monotonic() - started)


def _run_captured(root: Path, job: Job, request: BuildRequest) -> JobResult | PublisherError:
    """Run a job; a PublisherError is returned (not raised) so the others go on."""
    try:
        return run_job(Project(root), job, request)
    except PublisherError as error:
        return error


def run_job(project: Project, job: Job, request: BuildRequest) -> JobResult:
    """Make one output file."""
    started = time.monotonic()
    guide = job.guide
    translations = _translations(project, guide.lang)
    if job.format == "html":
        html = _renderer(project.templates, translations).render(guide, "screen", audio=f"{guide.slug}.mp3")
        write_atomic(job.target, html)
        return JobResult(job, time.monotonic() - started)
    if job.format == "pdf":
        html = _renderer(project.templates, translations).render(guide, "print")
        write_atomic(job.target, pdf_bytes(html, project.templates))
        return JobResult(job, time.monotonic() - started)
    narration = narrate_guide(guide, job.target, locales_dir=project.locales, cache_dir=project.cache / "clips",
                              pacing=Pacing(rate=request.rate), gettext=translations.gettext,
                              artist=DEFAULT_ARTIST)
    seconds = narration.recording.seconds
    note = (f"{int(seconds // 60)}:{int(seconds % 60):02d} of audio, {len(narration.recording.chapters)} "
            f"chapters, {narration.clips.synthesized} clips spoken, {narration.clips.reused} reused"
            + (f", {narration.failed_attempts} retried" if narration.failed_attempts else ""))
    return JobResult(job, time.monotonic() - started, note, narration.clips)


@lru_cache(maxsize=None)
def _rules(language_dir: Path, lang: str):
    return load_rules(language_dir, lang)


@lru_cache(maxsize=None)
def _translations(project: Project, lang: str) -> gettext.NullTranslations:
    return gettext.NullTranslations()


@lru_cache(maxsize=None)
def _renderer(templates: Path, translations: gettext.NullTranslations) -> PageRenderer:
    return PageRenderer(templates, translations)
