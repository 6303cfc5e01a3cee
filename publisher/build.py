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
from .guides import plain_guides
from .i18n.catalogs import language_code, shipped_languages
from .i18n.checks import Problem
from .i18n.localize import CatalogTranslations, localize
from .i18n.shipping import catalog_for_build, names_of
from .model import Guide, Sentence
from .project import Project
from .render.page import PageRenderer
from .render.pdf import guide_pdf
from .render.profiles import PrintProfile
from .speech.clips import ClipStats
from .speech.narrate import narrate_guide
from .settings import load_settings
from .speech.narration import Pacing


@dataclass(frozen=True)
class BuildRequest:
    """What to build; an empty tuple means "all"."""

    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    rate: int = LISTENING_RATE_WPM
    profile: PrintProfile = PrintProfile()
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
    fallbacks: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)
    held_back: dict[str, tuple[Problem, ...]] = field(default_factory=dict)
    unreadable: list[PublisherError] = field(default_factory=list)  # sources that could not be read


# --- what to build ------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The jobs of a build, and per language the units left in English."""

    jobs: list[Job]
    fallbacks: dict[str, tuple[Sentence, ...]]
    held_back: dict[str, tuple[Problem, ...]]
    unreadable: list[PublisherError] = field(default_factory=list)


def requested_languages(project: Project, asked: tuple[str, ...]) -> list[str]:
    """The languages to build: those asked for (each must be shipped), or all shipped."""
    shipped = shipped_languages(project)
    chosen = []
    for code in asked:
        try:
            lang = language_code(code)
        except PublisherError as error:
            raise PublisherError(f"{error.message}; this project ships {', '.join(shipped)}") from None
        if lang not in shipped:
            raise PublisherError(f"no catalogue for locale '{code}': this project ships {', '.join(shipped)} "
                                 f"(start one with `publisher init {lang}`)")
        chosen.append(lang)
    return list(dict.fromkeys(chosen)) or shipped


def plan(project: Project, request: BuildRequest) -> Plan:
    """One job per output file (narration, the longest, first), each guide localized."""
    for fmt in request.formats:
        if fmt not in FORMATS:
            raise PublisherError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")
    languages = requested_languages(project, request.locales)
    load_settings(project)  # a mistake in publisher.toml stops the build before any job starts
    formats = list(dict.fromkeys(request.formats)) or list(FORMATS)
    loaded = plain_guides(project, request.guides)
    guides = loaded.guides
    names = names_of(project)
    jobs, fallbacks, held_back = [], {}, {}
    for lang in languages:
        shipped = catalog_for_build(project, lang, names) if lang != SOURCE_LANGUAGE else None
        held_back[lang] = shipped.held_back if shipped else ()
        editions = [localize(guide, shipped.catalog if shipped else None, lang) for guide in guides]
        fallbacks[lang] = tuple(unit for edition in editions for unit in edition.fallbacks)
        jobs += [Job(edition.guide, fmt, project.output / lang / output_name(edition.guide.slug, fmt, request))
                 for edition in editions for fmt in formats]
    return Plan(sorted(jobs, key=lambda job: job.format != "mp3"), fallbacks, held_back, loaded.failures)


def output_name(slug: str, fmt: str, request: BuildRequest) -> str:
    """The file a job writes: "<slug>.<format>", the PDF of a print profile
    other than the default named after it ("<slug>-24pt-letter.pdf")."""
    return f"{slug}{request.profile.file_suffix if fmt == 'pdf' else ''}.{fmt}"


# --- doing it ----------------------------------------------------------------------


def build(project: Project, request: BuildRequest, progress: Callable[[str], None] = print) -> BuildSummary:
    """Run every planned job, reporting each as it finishes."""
    started = time.monotonic()
    the_plan = plan(project, request)
    jobs = the_plan.jobs
    for error in the_plan.unreadable:
        progress(f"SKIPPED a guide: {error}")
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
    return BuildSummary(results, failures, time.monotonic() - started, the_plan.fallbacks, the_plan.held_back,
                        the_plan.unreadable)


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
        renderer = _renderer(project.templates, translations)
        pdf = guide_pdf(lambda contents: renderer.render(guide, "print", audio=f"{guide.slug}.mp3",
                                                         profile=request.profile, contents=contents),
                        project.templates)
        write_atomic(job.target, pdf)
        return JobResult(job, time.monotonic() - started)
    narration = narrate_guide(guide, job.target, locales_dir=project.locales, cache_dir=project.cache / "clips",
                              pacing=Pacing(rate=request.rate), gettext=translations.gettext,
                              artist=load_settings(project).publisher_name)
    seconds = narration.recording.seconds
    note = (f"{int(seconds // 60)}:{int(seconds % 60):02d} of audio, {len(narration.recording.chapters)} "
            f"chapters and tracks, {narration.clips.synthesized} clips spoken, {narration.clips.reused} reused"
            + (f", {narration.failed_attempts} retried" if narration.failed_attempts else ""))
    return JobResult(job, time.monotonic() - started, note, narration.clips)


@lru_cache(maxsize=None)
def _translations(project: Project, lang: str) -> gettext.NullTranslations:
    """The catalogue's words for the templates, in a worker process."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return CatalogTranslations(catalog_for_build(project, lang, names_of(project)).catalog)


@lru_cache(maxsize=None)
def _renderer(templates: Path, translations: gettext.NullTranslations) -> PageRenderer:
    return PageRenderer(templates, translations)
