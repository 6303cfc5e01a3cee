"""The `publisher` command line (Click): one command, one function."""

from __future__ import annotations

import sys
import traceback

import click

from .defaults import FORMATS, LISTENING_RATE_WPM
from .errors import PublisherError, display_path
from .project import Project


class PublisherGroup(click.Group):
    """Reports every error as one line: `publisher: file:line: problem`."""

    def main(self, args=None, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in args
        try:
            return super().main(args=args, standalone_mode=False, **kwargs)
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
        except Exception as error:  # a bug, not a user error
            if debug:
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (run with --debug for details)", 2)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


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
    large-print PDF, a narrated MP3 with one chapter per section, and an
    accessible web page, in output/<language>/<guide>.{pdf,mp3,html}.

    Start with `publisher build`.
    """
    ctx.obj = project_dir


@main.command("build")
@click.option("--locale", "-l", "locales", multiple=True, metavar="LANG",
              help="Build only this language (repeatable). Default: every shipped language.")
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Build only this format (repeatable). Default: pdf, mp3 and html.")
@click.option("--guide", "-g", "guides", multiple=True, metavar="SLUG",
              help="Build only this guide, named by its file name without extension (repeatable).")
@click.option("--rate", type=click.IntRange(80, 300), default=LISTENING_RATE_WPM, show_default=True,
              help="Narration speed in words per minute.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Files to build at once. Default: one per CPU core.")
@click.pass_obj
def build_command(project_dir: str, locales, formats, guides, rate: int, jobs: int | None) -> None:
    """Build handouts into output/.

    \b
    Examples:
      publisher build                        everything
      publisher build -l es -f pdf           Spanish PDFs only
      publisher build -g als-causes-overview one guide, every language and format
    """
    from .build import BuildRequest, build  # heavy (WeasyPrint, NumPy): only when building

    project = Project.at(project_dir)
    request = BuildRequest(locales=locales, formats=formats, guides=guides, rate=rate,
                           **({"jobs": jobs} if jobs else {}))
    summary = build(project, request, progress=click.echo)
    kinds: dict[str, int] = {}
    for result in summary.results:
        kinds[result.job.format] = kinds.get(result.job.format, 0) + 1
    spoken = sum(r.clips.synthesized for r in summary.results if r.clips)
    reused = sum(r.clips.reused for r in summary.results if r.clips)
    counts = ", ".join(f"{count} {fmt.upper()}" for fmt, count in sorted(kinds.items()))
    click.echo(f"Wrote {_count(len(summary.results), 'file')} in {summary.seconds:.1f} s ({counts or 'none'}) "
               f"to {display_path(project.output)}/" + (f"; speech clips: {spoken} spoken, {reused} reused"
                                                        if spoken or reused else ""))
    if summary.failures:
        raise PublisherError(f"{len(summary.failures)} of {len(summary.failures) + len(summary.results)} "
                             f"files failed (see above)")


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
    from .build import plain_results  # heavy: only when reporting
    from .plain.report import format_report, guide_report

    project = Project.at(project_dir)
    for index, (result, known) in enumerate(plain_results(project, guides)):
        click.echo(("\n" if index else "") + format_report(guide_report(result, known)))
