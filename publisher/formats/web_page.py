"""The web page: one accessible HTML file per guide, with the narration's
player and follow-along highlight, and the typeface files beside it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import write_atomic
from . import JobInput, Made, OutputFormat
from .narration import FORMAT as NARRATION

if TYPE_CHECKING:
    from ..i18n.localize import CatalogTranslations
    from ..render.page import PageRenderer


def make(job: JobInput) -> Made:
    """Render the guide's page, and place the fonts it names beside it."""
    from ..render.fonts import place_fonts

    page = renderer(job.project.templates, job.translations)
    write_atomic(job.target, page.render(job.guide, "screen", audio=NARRATION.file_name(job.guide.slug)))
    return Made((job.target, *place_fonts(job.project.templates, job.target.parent)))


def check(path: Path) -> list[str]:
    """A whole page: it ends with its closing tag."""
    return [] if path.read_text(encoding="utf-8").rstrip().endswith("</html>") else ["the page is cut short"]


def renderer(templates: Path, translations: CatalogTranslations) -> PageRenderer:
    """The page renderer for `templates` (made once per worker), now using `translations`."""
    page = _renderer(templates)
    page.use_translations(translations)
    return page


@cache
def _renderer(templates: Path) -> PageRenderer:
    import gettext

    from ..render.page import PageRenderer

    return PageRenderer(templates, gettext.NullTranslations())


FORMAT = OutputFormat(
    name="html",
    summary="web page with the narration's player and a follow-along highlight",
    suffix=".html",
    make=make,
    check=check,
    templates=("guide.html.j2", "units.html.j2", "screen.css", "follow-along.js", "fonts"),
    packages=("Jinja2", "MarkupSafe", "Babel"),
)
