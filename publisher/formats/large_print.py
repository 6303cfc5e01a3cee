"""Large-print PDF (PDF/UA-1), laid out by WeasyPrint from the guide's page."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from . import JobInput, Made, OutputFormat
from .narration import FORMAT as NARRATION
from .web_page import renderer


def make(job: JobInput) -> Made:
    """Lay out the guide in the build's print profile and write the PDF."""
    from ..render.pdf import guide_pdf

    page = renderer(job.project.templates, job.translations)
    audio = NARRATION.file_name(job.guide.slug)
    data = guide_pdf(lambda contents: page.render(job.guide, "print", audio=audio, profile=job.profile,
                                                  contents=contents),
                     job.project.templates)
    write_atomic(job.target, data)
    return Made((job.target,))


def check(path: Path) -> list[str]:
    """A whole PDF file: its header, and its end-of-file mark."""
    data = path.read_bytes()
    problems = [] if data.startswith(b"%PDF-") else ["no PDF header"]
    if b"%%EOF" not in data[-1024:]:
        problems.append("no end-of-file mark")
    return problems


FORMAT = OutputFormat(
    name="pdf",
    summary="large-print PDF/UA (18 pt by default; --print-size, --paper, --paper-tint)",
    suffix=".pdf",
    make=make,
    check=check,
    templates=("guide.html.j2", "units.html.j2", "large-print.css.j2", "fonts"),
    packages=("Jinja2", "MarkupSafe", "Babel", "weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2"),
    print_profile=True,
)
