"""Render a Guide through the Jinja2 templates into an HTML page.

The same template (`templates/guide.html.j2`) makes the web page (medium
"screen", with `screen.css`) and the large-print document WeasyPrint prints
(medium "print", with `large-print.css.j2`); both start with the @font-face
rules of the guide's typeface. Autoescape is on, so a source
sentence or a translation can never inject markup.
"""

from __future__ import annotations

import datetime
import gettext
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import languages
from ..model import Guide
from .fonts import FONT_CSS
from .profiles import PrintProfile

FONT_STACK = '"Atkinson Hyperlegible", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif'


class PageRenderer:
    """Renders guides through the project's templates, translating the
    template's own words ("Contents", "Page 1 of 3") with `translations`."""

    def __init__(self, templates: Path, translations: gettext.NullTranslations):
        self.env = Environment(loader=FileSystemLoader(templates),
                               autoescape=select_autoescape(["html", "html.j2", "xhtml.j2", "opf.j2", "smil.j2"]),
                               undefined=StrictUndefined, extensions=["jinja2.ext.i18n"])
        self.use_translations(translations)
        self.env.filters["lang_tag"] = languages.lang_tag
        self.env.filters["direction"] = languages.direction
        self.env.filters["clock"] = clock
        self.env.filters["language_runs"] = language_runs

    def use_translations(self, translations: gettext.NullTranslations) -> None:
        """Translate the template's words with `translations` from now on
        (the compiled templates are kept)."""
        self.translations = translations
        self.env.install_gettext_translations(translations, newstyle=True)

    def render(self, guide: Guide, medium: str, *, audio: str | None = None,
               profile: PrintProfile = PrintProfile(), contents: bool = True,
               date: datetime.date | None = None) -> str:
        """The guide as an HTML document for `medium` "screen" (web page) or
        "print" (PDF, with a cover; `contents` adds the contents list). `audio`
        names the guide's MP3: a player on the page, a pointer on the cover."""
        page = {
            "medium": medium,
            "lang_tag": languages.lang_tag(guide.lang),
            "direction": languages.direction(guide.lang),
            "language_name": languages.native_name(guide.lang),
            "css": Markup(self._print_css(profile, guide.lang) if medium == "print" else self._screen_css()),
            "audio": audio,
            "transcript": audio and str(Path(audio).with_suffix(".vtt")),
            "script": Markup(self._source("follow-along.js")) if medium == "screen" and audio else "",
            "contents": contents,
            "date": languages.long_date(date or datetime.date.today(), guide.lang),
        }
        return self.env.get_template("guide.html.j2").render(guide=guide, page=page)

    def render_file(self, name: str, guide: Guide, **context) -> str:
        """Another document of `guide` from templates/`name` (the ebook's and
        talking book's files), with the guide's language tag and direction."""
        return self.env.get_template(name).render(guide=guide, lang_tag=languages.lang_tag(guide.lang),
                                                  direction=languages.direction(guide.lang), **context)

    def source(self, name: str) -> str:
        """The text of templates/`name`, as it is (a stylesheet)."""
        return self._source(name)

    def _print_css(self, profile: PrintProfile, lang: str) -> str:
        style = languages.counter_style(lang)
        footer = _css_content(self.translations.gettext("Page {page} of {pages}"), style)
        return self.env.get_template("large-print.css.j2").render(
            profile=profile, font_stack=FONT_STACK, footer=footer, counter_style=style)

    def _screen_css(self) -> str:
        """screen.css after the typeface's @font-face rules (their URLs point
        into the fonts/ folder the web page job places beside the page)."""
        return f"{self._source(FONT_CSS)}\n{self._source('screen.css')}"

    def _source(self, name: str) -> str:
        return self.env.loader.get_source(self.env, name)[0]


def language_runs(sentences) -> list[list]:
    """`sentences` in runs of consecutive sentences of one language: an
    Arabic paragraph with two English fallbacks in a row is [[ar], [en, en]]."""
    runs: list[list] = []
    for sentence in sentences:
        if runs and runs[-1][0].lang == sentence.lang:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


def clock(seconds: float) -> str:
    """A SMIL clock value to the millisecond, rounded as the WebVTT cues are: "83.456s"."""
    return f"{int(round(seconds * 1000)) / 1000:.3f}s"


def _css_content(pattern: str, style: str = "decimal") -> str:
    """CSS `content` for a footer pattern: "Page {page} of {pages}" ->
    "Page " counter(page) " of " counter(pages). Text is quoted safely."""
    parts = []
    for piece in re.split(r"(\{pages?\})", pattern):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})" if style == "decimal" else f"counter({piece[1:-1]}, {style})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


def css_string(text: str) -> str:
    """`text` as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'
