"""Build the handouts: every requested guide x language x format into output/.

Read top to bottom as data flows: load the sources, make them plain, plan one
job per output file, skip the jobs whose inputs did not change since they
last ran (build_record.py), run the others (in parallel worker processes),
summarise. Each job writes its files atomically; a failed job leaves the
previous output in place and is reported at the end, after the other jobs
have finished. The libraries that write the files (WeasyPrint, the speech
stack) are imported only by the jobs that use them, so a build with nothing
to do is quick.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .atomic import write_atomic
from .build_record import forget, is_up_to_date, write_record
from .defaults import FORMATS, LISTENING_RATE_WPM, SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .guides import plain_guides
from .i18n.catalogs import language_code, shipped_languages
from .i18n.checks import Problem
from .i18n.localize import CatalogTranslations, localize
from .i18n.shipping import ClearedMessages, cleared_messages
from .job_inputs import job_fingerprint
from .model import Guide, Sentence
from .project import Project
from .render.profiles import PrintProfile
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .speech.clips import ClipStats  # the speech stack loads only in jobs that speak


@dataclass(frozen=True)
class BuildRequest:
    """What to build; an empty tuple means "all". `force` rebuilds files that are up to date."""

    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    rate: int = LISTENING_RATE_WPM
    profile: PrintProfile = PrintProfile()
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False


@dataclass(frozen=True)
class Job:
    """One output file to make, and the fingerprint of what it is made from."""

    guide: Guide
    format: str
    target: Path
    fingerprint: str = ""


@dataclass(frozen=True)
class JobResult:
    """What a job wrote, how long it took, and a short note on it."""

    job: Job
    seconds: float
    note: str = ""
    clips: ClipStats | None = None
    outputs: tuple[Path, ...] = ()  # every file the job wrote, `job.target` first
    messages: dict[str, str] = field(default_factory=dict)  # catalogue words looked up -> what they said


@dataclass
class BuildSummary:
    """The outcome of a build."""

    results: list[JobResult]
    failures: list[tuple[Job, PublisherError]]
    seconds: float
    fallbacks: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)
    held_back: dict[str, tuple[Problem, ...]] = field(default_factory=dict)
    unreadable: list[PublisherError] = field(default_factory=list)  # sources that could not be read
    up_to_date: list[Job] = field(default_factory=list)  # skipped: made from the same inputs


# --- what to build ------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The jobs of a build, per language the units left in English and the
    translations that may be used."""

    jobs: list[Job]
    fallbacks: dict[str, tuple[Sentence, ...]]
    held_back: dict[str, tuple[Problem, ...]]
    unreadable: list[PublisherError] = field(default_factory=list)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)


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
    settings = load_settings(project)  # a mistake in publisher.toml stops the build before any job starts
    formats = list(dict.fromkeys(request.formats)) or list(FORMATS)
    loaded = plain_guides(project, request.guides, request.jobs)
    jobs, fallbacks, held_back, messages = [], {}, {}, {}
    for lang in languages:
        cleared = cleared_messages(project, lang) if lang != SOURCE_LANGUAGE else ClearedMessages({}, ())
        held_back[lang], messages[lang] = cleared.held_back, cleared.messages
        editions = [localize(guide, messages[lang], lang) for guide in loaded.guides]
        fallbacks[lang] = tuple(unit for edition in editions for unit in edition.fallbacks)
        jobs += [Job(edition.guide, fmt, project.output / lang / output_name(edition.guide.slug, fmt, request),
                     job_fingerprint(project, edition.guide, fmt, _shaping(fmt, request, settings)))
                 for edition in editions for fmt in formats]
    return Plan(sorted(jobs, key=lambda job: job.format != "mp3"), fallbacks, held_back, loaded.failures, messages)


def output_name(slug: str, fmt: str, request: BuildRequest) -> str:
    """The file a job writes: "<slug>.<format>", the PDF of a print profile
    other than the default named after it ("<slug>-24pt-letter.pdf")."""
    return f"{slug}{request.profile.file_suffix if fmt == 'pdf' else ''}.{fmt}"


def _shaping(fmt: str, request: BuildRequest, settings: Settings) -> dict:
    """The build's choices that shape a file of `fmt`."""
    shaping = {"publisher": settings.publisher_name}
    if fmt == "pdf":
        shaping["profile"] = repr(request.profile)
    if fmt == "mp3":
        shaping["rate"] = request.rate
    return shaping


# --- doing it ----------------------------------------------------------------------


def build(project: Project, request: BuildRequest, progress: Callable[[str], None] = print) -> BuildSummary:
    """Run every planned job that is not up to date, reporting each as it finishes."""
    started = time.monotonic()
    the_plan = plan(project, request)
    for error in the_plan.unreadable:
        progress(f"SKIPPED a guide: {error}")
    jobs: list[Job] = []
    current: list[Job] = []  # up to date: skipped
    for job in the_plan.jobs:
        fresh = not request.force and is_up_to_date(job.target, job.fingerprint, the_plan.messages[job.guide.lang])
        (current if fresh else jobs).append(job)
    if current:
        progress(f"{_files(len(current))} up to date (made from the same inputs; --force rebuilds them)")
    results: list[JobResult] = []
    failures: list[tuple[Job, PublisherError]] = []
    width = len(str(len(jobs)))

    def finished(job: Job, outcome: JobResult | PublisherError) -> None:
        done = len(results) + len(failures) + 1
        prefix = f"[{done:>{width}}/{len(jobs)}]"
        if isinstance(outcome, PublisherError):
            failures.append((job, outcome))
            progress(f"{prefix} FAILED {display_path(job.target)}: {outcome}")
            return
        write_record(job.target, job.fingerprint, outcome.messages, list(outcome.outputs))
        results.append(outcome)
        note = f", {outcome.note}" if outcome.note else ""
        progress(f"{prefix} {display_path(job.target)} ({outcome.seconds:.1f} s{note})")

    if jobs:
        workers = max(1, min(request.jobs, len(jobs)))
        progress(f"Building {_files(len(jobs))} with {workers} worker{'s' if workers > 1 else ''}...")
        for job in jobs:
            forget(job.target)
        if workers == 1:
            _use_messages(the_plan.messages)
            for job in jobs:
                finished(job, _run_captured(project.root, job, request))
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=workers, initializer=_use_messages,
                                     initargs=(the_plan.messages,)) as pool:
                futures = {pool.submit(_run_captured, project.root, job, request): job for job in jobs}
                for future in as_completed(futures):
                    finished(futures[future], future.result())
    return BuildSummary(results, failures, time.monotonic() - started, the_plan.fallbacks, the_plan.held_back,
                        the_plan.unreadable, current)


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


# --- in a worker process --------------------------------------------------------------

_MESSAGES: dict[str, dict[str, str]] = {}  # per language, the checked translations (set once per worker)


def _use_messages(messages: dict[str, dict[str, str]]) -> None:
    _MESSAGES.clear()
    _MESSAGES.update(messages)


def _run_captured(root: Path, job: Job, request: BuildRequest) -> JobResult | PublisherError:
    """Run a job; a PublisherError is returned (not raised) so the others go on."""
    try:
        return run_job(Project(root), job, request, _MESSAGES.get(job.guide.lang, {}))
    except PublisherError as error:
        return error


def run_job(project: Project, job: Job, request: BuildRequest, messages: dict[str, str]) -> JobResult:
    """Make one output file (and, for narration, its transcript and tracks);
    `messages` are the cleared translations of the guide's language, for
    the template's own words. Depends on nothing but its arguments and the
    project's files, so any worker that sees the project can run it."""
    started = time.monotonic()
    guide = job.guide
    translations = CatalogTranslations(messages)
    if job.format in ("html", "pdf"):
        renderer = _renderer(project.templates)
        renderer.use_translations(translations)
        if job.format == "html":
            data = renderer.render(guide, "screen", audio=f"{guide.slug}.mp3")
        else:
            from .render.pdf import guide_pdf

            data = guide_pdf(lambda contents: renderer.render(guide, "print", audio=f"{guide.slug}.mp3",
                                                              profile=request.profile, contents=contents),
                             project.templates)
        write_atomic(job.target, data)
        return JobResult(job, time.monotonic() - started, outputs=(job.target,), messages=translations.used)
    from .speech.narrate import narrate_guide
    from .speech.narration import Pacing

    narration = narrate_guide(guide, job.target, locales_dir=project.locales, cache_dir=project.cache,
                              pacing=Pacing(rate=request.rate), gettext=translations.gettext,
                              artist=load_settings(project).publisher_name)
    seconds = narration.recording.seconds
    note = (f"{int(seconds // 60)}:{int(seconds % 60):02d} of audio, {len(narration.recording.chapters)} "
            f"chapters and tracks, {narration.clips.synthesized} clips spoken, {narration.clips.reused} reused"
            + (f", {narration.clips.retried} retried" if narration.clips.retried else ""))
    return JobResult(job, time.monotonic() - started, note, narration.clips, narration.outputs,
                     translations.used)


@lru_cache(maxsize=None)
def _renderer(templates: Path):
    import gettext

    from .render.page import PageRenderer

    return PageRenderer(templates, gettext.NullTranslations())
