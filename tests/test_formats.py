"""The format registry: one module per format, and the order jobs run in."""

from __future__ import annotations

import time

import publisher.build as build_module
from publisher.build import BuildRequest, build, plan
from publisher.formats import FORMAT_NAMES, REGISTRY, Made, OutputFormat
from publisher.project import Project
from publisher.render.profiles import PrintProfile


def test_every_format_names_its_own_file_a_summary_a_maker_and_a_check():
    assert set(FORMAT_NAMES) >= {"html", "pdf", "mp3", "epub", "daisy", "brf"}
    names = [fmt.file_name("guide", PrintProfile()) for fmt in REGISTRY.values()]
    assert len(set(names)) == len(names), names  # no two formats write the same file
    for fmt in REGISTRY.values():
        assert fmt.summary and callable(fmt.make) and callable(fmt.check), fmt.name
        assert fmt.make.__module__ == fmt.check.__module__, fmt.name  # one module per format
        assert fmt.make.__module__.startswith("publisher.formats."), fmt.name
    big = PrintProfile(24, "letter", True)
    assert REGISTRY["pdf"].file_name("guide", big) == f"guide{big.file_suffix}.pdf"
    assert REGISTRY["epub"].file_name("guide", big) == "guide.epub"  # not shaped by the print profile


def test_the_command_line_offers_every_format(project_dir):
    from click.testing import CliRunner

    from publisher.cli import main

    result = CliRunner().invoke(main, ["build", "--help"])
    for name in REGISTRY:
        assert name in result.output
    result = CliRunner().invoke(main, ["--project", str(project_dir), "build", "-f", "nope"])
    assert result.exit_code != 0 and "nope" in result.output


def test_narrated_formats_wait_for_the_guides_first_narration(project_dir):
    project = Project(project_dir)
    everything = plan(project, BuildRequest(locales=("en",)))
    by_target = {job.target: job for job in everything.jobs}
    for job in everything.jobs:
        if REGISTRY[job.format].speaks and job.format != "mp3":
            lead = by_target[job.after]
            assert (lead.format, lead.guide.slug, lead.guide.lang) == ("mp3", job.guide.slug, job.guide.lang)
        else:
            assert job.after is None, job
    order = [job.format for job in everything.jobs]
    assert order.index("mp3") == 0 and max(i for i, f in enumerate(order) if f == "mp3") < order.index("epub")
    without_mp3 = plan(project, BuildRequest(locales=("en",), formats=("daisy", "epub")))
    for job in without_mp3.jobs:  # the EPUB narrates first; the talking book waits for it
        assert job.after == (None if job.format == "epub" else job.target.with_name(f"{job.guide.slug}.epub"))


def _timed(name: str, *, speaks: bool) -> OutputFormat:
    def make(job) -> Made:
        started = time.time()
        time.sleep(0.4 if name == "lead" else 0.05)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        job.target.write_text(f"{started} {time.time()}")
        return Made((job.target,))

    return OutputFormat(name=name, summary=name, suffix=f".{name}", make=make, check=lambda path: [], speaks=speaks)


def test_a_waiting_job_starts_only_when_the_job_it_waits_for_has_finished(project_dir, monkeypatch):
    formats = {name: _timed(name, speaks=name != "other") for name in ("lead", "follower", "other")}
    monkeypatch.setattr(build_module, "REGISTRY", formats)
    monkeypatch.setattr(build_module, "FORMAT_NAMES", tuple(formats))
    monkeypatch.setattr(build_module, "job_fingerprint", lambda *args: "fake")
    summary = build(Project(project_dir), BuildRequest(locales=("en",), guides=("als-causes-overview",), jobs=2),
                    progress=lambda line: None)
    assert not summary.failures and len(summary.results) == 3
    times = {result.job.format: [float(t) for t in result.job.target.read_text().split()] for result in summary.results}
    assert times["follower"][0] >= times["lead"][1]  # started after the lead ended
    assert times["other"][0] < times["lead"][1]  # a job that does not narrate ran beside it
