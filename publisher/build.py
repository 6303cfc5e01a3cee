"""Build the handouts: every requested guide x language x format into output/.

Read top to bottom as data flows: load the sources, make them plain, plan one
job per output file, skip the jobs whose inputs did not change since they
last ran (build_record.py), run the others (in parallel worker processes),
summarise. Each job writes its files atomically; a failed job leaves the
previous output, and its record, in place and is reported at the end, after
the other jobs have finished. (A job killed half-way has changed some of
its files, so their record no longer matches them and the job runs again.)
One build of a project runs at a time, and leaves no temporary file
(workspace.py). The libraries that write the files (WeasyPrint, the speech
stack) are imported only by the jobs that use them, so a build with nothing
to do is quick.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .build_record import is_up_to_date, write_record
from .datafiles import check_build_data
from .defaults import LISTENING_RATE_WPM, SOURCE_LANGUAGE
from .errors import PublisherError, display_path, os_error
from .formats import FORMAT_NAMES, REGISTRY, JobInput
from .guides import plain_guides
from .i18n.catalogs import language_code, shipped_languages
from .i18n.checks import Problem
from .i18n.localize import CatalogTranslations, localize
from .i18n.shipping import ClearedMessages, cleared_messages
from .job_inputs import job_fingerprint
from .model import Guide, Sentence
from .plurals import count
from .project import Project
from .render.profiles import PrintProfile
from .settings import Settings, load_settings
from .workspace import one_build_at_a_time

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
    allow_partial: bool = False  # build editions under the translation threshold too


@dataclass(frozen=True)
class Job:
    """One output file to make, and the fingerprint of what it is made from."""

    guide: Guide
    format: str
    target: Path
    fingerprint: str = ""
    after: Path | None = None  # the job (by target) that narrates this guide first, if this one waits for it


@dataclass(frozen=True)
class JobResult:
    """What a job wrote, how long it took, and a short note on it."""

    job: Job
    seconds: float
    note: str = ""
    clips: ClipStats | None = None
    outputs: tuple[Path, ...] = ()  # every file the job wrote, `job.target` first
    messages: dict[str, str] = field(default_factory=dict)  # catalogue words looked up -> what they said


@dataclass(frozen=True)
class Unpublished:
    """A guide's edition in a language that is not built: too little of it
    is translated. `missing`: some of its messages are not in the catalogue
    at all (extract and update would add them). `older`: its files an
    earlier build wrote, still in output/ (left as they are, not removed)."""

    slug: str
    percent: float
    missing: bool
    older: tuple[Path, ...] = ()


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
    why_untranslated: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> msgid -> why
    unpublished: dict[str, list[Unpublished]] = field(default_factory=dict)
    threshold: float = 0
    source_checks: tuple[str, ...] = ()  # one line per guide with findings for a person (see plan)


# --- what to build ------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The jobs of a build; per language the units left in English (and why
    each message was), the translations that may be used and the editions
    not published because too little of them is translated."""

    jobs: list[Job]
    fallbacks: dict[str, tuple[Sentence, ...]]
    held_back: dict[str, tuple[Problem, ...]]
    unreadable: list[PublisherError] = field(default_factory=list)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    why_untranslated: dict[str, dict[str, str]] = field(default_factory=dict)
    unpublished: dict[str, list[Unpublished]] = field(default_factory=dict)
    threshold: float = 0
    source_checks: tuple[str, ...] = ()


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
    """One job per output file, each guide localized; in the registry's order
    (the narration, the longest, first), a narrated format after the guide's
    first narrating job, so its clips are spoken once. A guide's edition in
    another language is planned only when at least the threshold share of
    its messages is translated (publisher.toml), or `allow_partial`."""
    for fmt in request.formats:
        if fmt not in REGISTRY:
            raise PublisherError(f"unknown format '{fmt}' (formats: {', '.join(FORMAT_NAMES)})")
    languages = requested_languages(project, request.locales)
    settings = load_settings(project)  # a mistake in publisher.toml stops the build before any job starts
    formats = [REGISTRY[name] for name in FORMAT_NAMES if name in request.formats or not request.formats]
    check_build_data(project, languages, speaking=any(fmt.speaks for fmt in formats))  # so do mistakes in them
    loaded = plain_guides(project, request.guides, request.jobs)
    jobs, fallbacks, held_back, messages, why, unpublished = [], {}, {}, {}, {}, {}
    for lang in languages:
        cleared = cleared_messages(project, lang) if lang != SOURCE_LANGUAGE else ClearedMessages({}, ())
        held_back[lang], messages[lang] = cleared.held_back, cleared.messages
        editions = [localize(guide, messages[lang], lang) for guide in loaded.guides]
        why[lang] = {msgid: cleared.why_untranslated(msgid) for edition in editions for msgid in edition.untranslated}
        if not request.allow_partial:
            unpublished[lang] = [Unpublished(edition.guide.slug, edition.percent,
                                             any(why[lang][msgid] == "missing" for msgid in edition.untranslated),
                                             _written_before(project, lang, edition.guide.slug, formats,
                                                             request.profile))
                                 for edition in editions if edition.percent < settings.translation_threshold]
            editions = [edition for edition in editions if edition.percent >= settings.translation_threshold]
        if editions:
            fallbacks[lang] = tuple(unit for edition in editions for unit in edition.fallbacks)
        for edition in editions:
            lead = None
            for fmt in formats:
                target = project.output / lang / fmt.file_name(edition.guide.slug, request.profile)
                jobs.append(Job(edition.guide, fmt.name, target,
                                job_fingerprint(project, edition.guide, fmt.name, _shaping(fmt, request, settings)),
                                after=lead if fmt.speaks else None))
                if fmt.speaks and lead is None:
                    lead = target
    order = {name: index for index, name in enumerate(FORMAT_NAMES)}
    return Plan(sorted(jobs, key=lambda job: order[job.format]), fallbacks, held_back, loaded.failures, messages,
                why, {lang: guides for lang, guides in unpublished.items() if guides}, settings.translation_threshold,
                _source_checks(project, loaded.results))


def _source_checks(project: Project, results) -> tuple[str, ...]:
    """"low-vision: 14 findings for a person to check (5 picture captions, ...;
    6 repaired): publisher review -g low-vision", for each guide with findings."""
    from .source_check import count_by_kind, load_check_rules

    names = load_check_rules(project.language_data(SOURCE_LANGUAGE), SOURCE_LANGUAGE).names
    lines = []
    for result, _ in results:
        shown = tuple(finding for finding in result.findings if finding.needs_person)
        if shown:
            slug = result.guide.slug
            lines.append(f"{slug}: {count(len(shown), 'finding')} for a person to check "
                         f"({count_by_kind(shown, names)}): publisher review -g {slug}")
    return tuple(lines)


def _written_before(project: Project, lang: str, slug: str, formats, profile: PrintProfile) -> tuple[Path, ...]:
    """The files of `formats` an earlier build wrote for a guide's edition in `lang`."""
    paths = (project.output / lang / fmt.file_name(slug, profile) for fmt in formats)
    return tuple(path for path in paths if path.exists())


def _shaping(fmt, request: BuildRequest, settings: Settings) -> dict:
    """The build's choices that shape a file of format `fmt`."""
    shaping = {"publisher": settings.publisher_name}
    if fmt.print_profile:
        shaping["profile"] = repr(request.profile)
    if fmt.speaks:
        shaping["rate"] = request.rate
    return shaping


# --- doing it ----------------------------------------------------------------------


def build(project: Project, request: BuildRequest, progress: Callable[[str], None] = print) -> BuildSummary:
    """Run every planned job that is not up to date, reporting each as it
    finishes; one build of a project at a time, leaving no temporary file."""
    with one_build_at_a_time(project, progress):
        return _build(project, request, progress)


def _build(project: Project, request: BuildRequest, progress: Callable[[str], None]) -> BuildSummary:
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
        progress(f"{count(len(current), 'edition')} up to date (made from the same inputs; --force rebuilds them)")
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
        progress(f"Building {count(len(jobs), 'edition')} with {count(workers, 'worker')}...")
        if workers == 1:
            _use_messages(the_plan.messages)
            for job in jobs:
                finished(job, _run_captured(project.root, job, request))
        else:
            _run_in_pool(project, jobs, request, the_plan.messages, workers, finished)
    return BuildSummary(results, failures, time.monotonic() - started, the_plan.fallbacks, the_plan.held_back,
                        the_plan.unreadable, current, the_plan.why_untranslated, the_plan.unpublished,
                        the_plan.threshold, the_plan.source_checks)


def _run_in_pool(project: Project, jobs: list[Job], request: BuildRequest, messages: dict[str, dict[str, str]],
                 workers: int, finished: Callable[[Job, JobResult | PublisherError], None]) -> None:
    """Run `jobs` in `workers` processes; a job that waits for another
    (`Job.after`) starts when that one has finished, well or not."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    pending = {job.target for job in jobs}
    waiting: dict[Path, list[Job]] = {}
    ready = []
    for job in jobs:
        if job.after in pending:
            waiting.setdefault(job.after, []).append(job)
        else:
            ready.append(job)
    with ProcessPoolExecutor(max_workers=workers, initializer=_use_messages, initargs=(messages,)) as pool:
        running = {pool.submit(_run_captured, project.root, job, request): job for job in ready}
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                job = running.pop(future)
                finished(job, future.result())
                for follower in waiting.pop(job.target, []):
                    running[pool.submit(_run_captured, project.root, follower, request)] = follower



# --- in a worker process --------------------------------------------------------------

_MESSAGES: dict[str, dict[str, str]] = {}  # per language, the checked translations (set once per worker)


def _use_messages(messages: dict[str, dict[str, str]]) -> None:
    _MESSAGES.clear()
    _MESSAGES.update(messages)


def _run_captured(root: Path, job: Job, request: BuildRequest) -> JobResult | PublisherError:
    """Run a job; a PublisherError is returned (not raised) so the others go on.
    A file or folder the system refuses (no permission, a full disk, a file
    where a folder should be) is such an error, naming the path."""
    try:
        return run_job(Project(root), job, request, _MESSAGES.get(job.guide.lang, {}))
    except PublisherError as error:
        return error
    except OSError as error:
        return os_error(error, job.target)


def run_job(project: Project, job: Job, request: BuildRequest, messages: dict[str, str]) -> JobResult:
    """Make one output file (with the files that go with it) and check it;
    `messages` are the cleared translations of the guide's language, for
    the template's own words. Depends on nothing but its arguments and the
    project's files, so any worker that sees the project can run it."""
    started = time.monotonic()
    fmt = REGISTRY[job.format]
    translations = CatalogTranslations(messages)
    made = fmt.make(JobInput(project, job.guide, job.target, request.rate, request.profile, translations,
                             load_settings(project).publisher_name))
    problems = fmt.check(job.target)
    if problems:
        raise PublisherError(f"{display_path(job.target)} was written but fails its check: {'; '.join(problems)}")
    return JobResult(job, time.monotonic() - started, made.note, made.clips, made.outputs, translations.used)
