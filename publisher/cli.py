"""The `publisher` command line (Click): one command, one function.

Heavy libraries (WeasyPrint, NumPy, the plain-language engine) are imported
inside the commands that need them, so `--help` and the catalogue commands
start at once.
"""

from __future__ import annotations

import sys
import traceback

import click

from .defaults import (DEFAULT_PAPER, DEFAULT_PRINT_SIZE, LISTENING_RATE_WPM, PAPERS, PRINT_SIZES,
                       SOURCE_LANGUAGE)
from .errors import PublisherError, display_path, os_error
from .formats import FORMAT_NAMES, REGISTRY
from .plurals import count
from .project import Project


class PublisherGroup(click.Group):
    """Reports every error as one line: `publisher: file:line: problem`."""

    def main(self, args=None, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args
        try:
            result = super().main(args=args, standalone_mode=False, **kwargs)
            sys.exit(result if isinstance(result, int) else 0)  # Exit(1) comes back as a return value
        except click.exceptions.Abort:
            _fail("interrupted", 130)
        except click.exceptions.Exit as exit_:
            sys.exit(exit_.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except PublisherError as error:
            if debug:
                traceback.print_exc()
            _fail(str(error), 1)
        except OSError as error:  # a file or folder the system refused: name it
            if debug:
                traceback.print_exc()
            _fail(str(os_error(error)), 1)
        except Exception as error:  # a bug, not a user error
            if debug:
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (run with --debug for details)", 2)


def _fail(message: str, code: int) -> None:
    click.echo(f"publisher: {message}", err=True)
    sys.exit(code)


@click.group(cls=PublisherGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", "project_dir", type=click.Path(file_okay=False), default=".",
              help="The project folder (holds sources/, templates/, locales/). Default: here.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, project_dir: str, debug: bool) -> None:
    """Turn health guides into accessible editions.

    Each guide in sources/ becomes, for every language in locales/, a
    large-print PDF, a narrated MP3 with one chapter per section, an
    accessible web page, a read-along EPUB, a DAISY talking book and
    braille: output/<language>/<guide>.{pdf,mp3,html,epub,brf} and
    <guide>-daisy.zip (`publisher build --help` says more of each).

    \b
    Volunteers:   publisher build
    Editors:      publisher report, review
    Translators:  publisher extract, init, update, status, check
    """
    ctx.obj = project_dir


# --- handouts --------------------------------------------------------------------------------


@main.command("build")
@click.option("--locale", "-l", "locales", multiple=True, metavar="LANG",
              help="Build only this language (repeatable). Default: every shipped language.")
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(FORMAT_NAMES),
              help="Build only this format (repeatable). Default: all of them: "
                   + "; ".join(f"{fmt.name}, {fmt.summary}" for fmt in REGISTRY.values()) + ".")
@click.option("--guide", "-g", "guides", multiple=True, metavar="SLUG",
              help="Build only this guide, named by its file name without extension (repeatable).")
@click.option("--rate", type=click.IntRange(80, 300), default=LISTENING_RATE_WPM, show_default=True,
              help="Narration speed in words per minute.")
@click.option("--print-size", type=click.Choice([str(size) for size in PRINT_SIZES]),
              default=str(DEFAULT_PRINT_SIZE), show_default=True,
              help="Large-print body size in points: 16 (UKAAF minimum), 18 (APH and ACB), 24 (giant print).")
@click.option("--paper", type=click.Choice(PAPERS), default=DEFAULT_PAPER, show_default=True, help="Paper size.")
@click.option("--paper-tint", is_flag=True, help="Print on a cream page instead of white (less glare).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Files to build at once. Default: one per CPU core.")
@click.option("--force", is_flag=True, help="Rebuild every file, even those made from the same inputs.")
@click.option("--allow-partial", is_flag=True,
              help="Build a guide in a language even when less of it is translated than publisher.toml's "
                   "[translation] threshold (default 90%); the rest is printed and spoken in English.")
@click.pass_obj
def build_command(project_dir: str, locales, formats, guides, rate: int, print_size: str, paper: str,
                  paper_tint: bool, jobs: int | None, force: bool, allow_partial: bool) -> None:
    """Build handouts into output/.

    Only what changed is rebuilt: a file whose guide, translations,
    templates, settings and speech data are the same as when it was made
    (and that nobody touched since) is up to date and skipped.

    A guide is published in another language once at least 90% of its
    messages are translated (publisher.toml: [translation] threshold); until
    then the build says what to do and writes nothing for it. A sentence
    with no translation yet (or only a fuzzy one) is printed and spoken in
    English, marked as English; the summary counts them. A PDF in
    another print profile than 18 pt A4 white is named after it
    (<guide>-24pt-letter-cream.pdf), so no edition replaces another.

    \b
    Examples:
      publisher build                        everything
      publisher build -l es -f pdf           Spanish PDFs only
      publisher build -g als-causes-overview one guide, every language and format
      publisher build -f pdf --print-size 24 giant print, every guide
      publisher build --force                everything, even what is up to date
    """
    from .build import BuildRequest, build
    from .build_report import first_problem, summary_lines
    from .render.profiles import PrintProfile

    project = Project.at(project_dir)
    request = BuildRequest(locales=locales, formats=formats, guides=guides, rate=rate,
                           profile=PrintProfile(int(print_size), paper, paper_tint),
                           force=force, allow_partial=allow_partial, **({"jobs": jobs} if jobs else {}))
    summary = build(project, request, progress=click.echo)
    for line in summary_lines(summary, project.output):
        click.echo(line)
    problem = first_problem(summary)
    if problem:
        raise problem


@main.command("report")
@click.option("--guide", "-g", "guides", multiple=True, metavar="SLUG", help="Report only this guide (repeatable).")
@click.pass_obj
def report_command(project_dir: str, guides) -> None:
    """Show how readable each guide is, before and after plain language.

    Per guide and per section: Flesch-Kincaid grade, SMOG, average and
    longest sentence (in words), rare words left, the sentences that still
    miss the targets (grade 6, SMOG 8, 20 words) and how many sentences an
    editor overrode.
    """
    from .guides import plain_results
    from .plain.report import format_report, guide_report

    project = Project.at(project_dir)
    for index, (result, known) in enumerate(plain_results(project, guides)):
        click.echo(("\n" if index else "") + format_report(guide_report(result, known)))


@main.command("review")
@click.option("--guide", "-g", "guides", multiple=True, metavar="SLUG", help="Review only this guide (repeatable).")
@click.pass_obj
def review_command(project_dir: str, guides) -> None:
    """Write a review page per guide for an editor: output/review/<guide>.html.

    Each source sentence beside its plain version; the rewrites that failed
    a check and were replaced by a milder one or by the source as written,
    and why; sentences still over the targets; medical terms without an
    explanation; and where to write your own version of a sentence
    (locales/en/overrides.toml). The figures are those of `publisher report`.

    At the top, what the source check found, with line numbers: text
    flagged for a person (headings run into the text, repeats, captions,
    web-only instructions, contact details, typos) and the repairs it made,
    each with the locales/en/source-repairs.toml entry that refuses it.
    """
    from .workspace import one_build_at_a_time

    project = Project.at(project_dir)
    with one_build_at_a_time(project, click.echo):
        _review(project, guides)


def _review(project: Project, guides) -> None:
    """Write the review pages of `guides` (all if none)."""
    from .atomic import write_atomic
    from .guides import plain_results
    from .plain.report import guide_report
    from .render.fonts import place_fonts
    from .render.review import render_review
    from .source_check.rules import REPAIRS_FILE, load_check_rules

    for result, known in plain_results(project, guides):
        language_dir = project.language_data(result.guide.lang)
        overrides = display_path(language_dir / "overrides.toml")
        names = load_check_rules(language_dir, result.guide.lang).names
        source_file = result.guide.title.source.rsplit(":", 1)[0]
        target = project.output / "review" / f"{result.guide.slug}.html"
        write_atomic(target, render_review(result, guide_report(result, known), project.templates, overrides, names,
                                           source_file, display_path(language_dir / REPAIRS_FILE)))
        place_fonts(project.templates, target.parent)  # the typeface the page names
        click.echo(f"Wrote {display_path(target)}")


@main.command("voices")
@click.pass_obj
def voices_command(project_dir: str) -> None:
    """List the installed espeak-ng voices by language, and the voice each
    shipped language uses."""
    from .i18n.catalogs import shipped_languages
    from .speech.engine import SpeechEngine
    from .speech.voices import language_voice, voices_by_language

    project = Project.at(project_dir)
    with SpeechEngine() as engine:
        installed = engine.voices()
    click.echo("Shipped languages:")
    for lang in shipped_languages(project):
        try:
            voice = language_voice(lang, installed, project.language_data(lang))
            click.echo(f"  {lang:<6} {voice.id} (rate factor {voice.rate_factor:g})")
        except PublisherError as error:
            click.echo(f"  {lang:<6} NONE: {error}")
    click.echo("Installed voices:")
    for lang, voices in voices_by_language(installed).items():
        click.echo(f"  {lang:<6} " + ", ".join(voice["id"] for voice in voices))


# --- catalogues --------------------------------------------------------------------------------


@main.command("extract")
@click.pass_obj
def extract_command(project_dir: str) -> None:
    """Write locales/messages.pot: every sentence of the plain guides and the
    words of the templates, one message each."""
    from pathlib import Path

    from .guides import load_guides
    from .i18n.catalogs import extract, template_path, write_catalog

    project = Project.at(project_dir)
    catalog = extract(load_guides(project), project, Path(__file__).parent)
    write_catalog(catalog, project.writable(template_path(project)))
    click.echo(f"Wrote {display_path(template_path(project))}: {count(len(catalog), 'message')}")


@main.command("init")
@click.argument("lang")
@click.option("--force", is_flag=True, help="Start again even if the language has a catalogue (loses it).")
@click.pass_obj
def init_command(project_dir: str, lang: str, force: bool) -> None:
    """Start a language LANG (e.g. es, fr, ar, pt_BR): its catalogue from the
    template, and (where missing) a speech.toml naming the espeak-ng voice
    chosen for it and an empty pronunciation.toml; then print the next steps.
    A language is published guide by guide, once enough of a guide is
    translated (publisher.toml: [translation] threshold)."""
    from .i18n.catalogs import catalog_path, language_code, new_catalog, template_or_error, write_catalog
    from .i18n.new_language import chosen_voice, next_steps, write_language_files

    project = Project.at(project_dir)
    code = language_code(lang)
    if code != lang:
        click.echo(f"note: using the gettext code '{code}' for '{lang}'")
    path = catalog_path(project, code)
    if path.exists() and not force:
        raise PublisherError("a catalogue already exists: use `publisher update` to bring it up to date", path)
    catalog = new_catalog(template_or_error(project), code)
    voice = chosen_voice(code)  # before anything is written: a language no voice speaks stops here
    write_catalog(catalog, project.writable(path))
    click.echo(f"Wrote {display_path(path)}: {count(len(catalog), 'message')} to translate")
    for written in write_language_files(project, code, voice):
        click.echo(f"Wrote {display_path(written)}" + (f" (voice {voice})" if written.name == "speech.toml" else ""))
    click.echo(next_steps(project, code, display_path(path)))


@main.command("update")
@click.argument("langs", nargs=-1, metavar="[LANG]...")
@click.pass_obj
def update_command(project_dir: str, langs) -> None:
    """Merge the template into each catalogue (all, or those named).

    Translations, translator comments and headers are kept. A message whose
    English changed is marked fuzzy with its old text, and a comment says
    plainly when its numbers changed; fuzzy messages are printed in English
    until a translator checks them and clears the flag.
    """
    from .i18n.catalogs import (catalog_path, language_code, read_catalog, shipped_languages, template_or_error,
                                update, write_catalog)

    project = Project.at(project_dir)
    template = template_or_error(project)
    chosen = [language_code(lang) for lang in langs] or [lang for lang in shipped_languages(project)
                                                         if lang != SOURCE_LANGUAGE]
    for lang in chosen:
        path = catalog_path(project, lang)
        catalog = read_catalog(path)
        merge = update(catalog, template)
        write_catalog(catalog, project.writable(path))
        click.echo(f"{lang}: {count(len(merge.new), 'new message')}, "
                   f"{count(len(merge.changed), 'changed message')} marked fuzzy, "
                   f"{len(catalog.obsolete)} obsolete ({display_path(path)})")


@main.command("status")
@click.pass_obj
def status_command(project_dir: str) -> None:
    """Show, per language, how much of what the guides need is translated.

    A message the guides need that the catalogue does not have yet (a new
    or changed guide, before `publisher extract` and `publisher update`)
    counts as untranslated; a line under the table says so."""
    from pathlib import Path

    from .guides import plain_guides
    from .i18n.catalogs import catalog_path, extract, read_catalog, shipped_languages
    from .i18n.status import catalog_status

    project = Project.at(project_dir)
    loaded = plain_guides(project)
    for error in loaded.failures:
        click.echo(f"note: not counted: {error}")
    needed = [message.id for message in extract(loaded.guides, project, Path(__file__).parent) if message.id]
    click.echo(f"{'language':<10}{'translated':>12}{'fuzzy':>8}{'untranslated':>14}{'obsolete':>10}{'done':>8}")
    hints = []
    for lang in shipped_languages(project):
        if lang == SOURCE_LANGUAGE:
            continue
        counts = catalog_status(read_catalog(catalog_path(project, lang)), needed)
        click.echo(f"{lang:<10}{counts.translated:>12}{counts.fuzzy:>8}{counts.untranslated:>14}"
                   f"{counts.obsolete:>10}{counts.percent:>7}%")
        if counts.missing:
            hints.append(f"{lang}: {count(counts.missing, 'message')} the guides need "
                         f"{'is' if counts.missing == 1 else 'are'} not in the catalogue yet: "
                         f"run `publisher extract` and `publisher update {lang}`")
    for hint in hints:
        click.echo(hint)


@main.command("check")
@click.argument("langs", nargs=-1, metavar="[LANG]...")
@click.pass_obj
def check_command(project_dir: str, langs) -> None:
    """Check catalogues (all, or those named) for anything unsafe to print:
    invalid .po syntax, and translations whose numbers, gene or medicine
    names, placeholders, markup or plural forms differ from the source.
    Each problem is one `file:line: problem` line; exits 1 if there is any."""
    from .i18n.catalogs import catalog_path, language_code, read_catalog, shipped_languages
    from .i18n.checks import check_catalog, validate_file
    from .i18n.shipping import names_of

    project = Project.at(project_dir)
    names = names_of(project)
    chosen = [language_code(lang) for lang in langs] or [lang for lang in shipped_languages(project)
                                                         if lang != SOURCE_LANGUAGE]
    problems = []
    for lang in chosen:
        path = catalog_path(project, lang)
        if not path.exists():
            raise PublisherError(f"no catalogue for '{lang}' (start one with `publisher init {lang}`)", path)
        syntax = validate_file(path)
        found = syntax or check_catalog(path, read_catalog(path), lang, names)
        problems += found
        if not found:
            click.echo(f"{lang}: ok ({display_path(path)})")
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.exceptions.Exit(1)
