"""Which translations may reach a handout.

A language's catalogue is read only if it is a valid .po file (otherwise the
build stops with file:line, before any output is touched). A translated
message that fails a check (a number or a medicine name differs from the
source...) is left out, so its unit falls back to English, and the problem is
reported: a wrong number must never be printed or spoken.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog

from ..project import Project
from .catalogs import catalog_path, read_catalog
from .checks import Names, Problem, load_names, message_problems, validate_file


@dataclass(frozen=True)
class ShippedCatalog:
    """A catalogue cleared for a handout, and what was held back from it."""

    lang: str
    catalog: Catalog
    held_back: tuple[Problem, ...]


def names_of(project: Project) -> Names:
    return load_names(project.locales / "do-not-translate.toml")


def catalog_for_build(project: Project, lang: str, names: Names) -> ShippedCatalog:
    """The catalogue of `lang` with every failing message emptied."""
    path = catalog_path(project, lang)
    syntax = validate_file(path)
    if syntax:
        raise syntax[0].error()
    catalog = read_catalog(path)
    held_back = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        problems = message_problems(message, catalog.num_plurals, lang, names)
        if problems:
            held_back += [Problem(path, message.lineno, problem) for problem in problems]
            message.string = "" if isinstance(message.string, str) else tuple("" for _ in message.string)
    return ShippedCatalog(lang, catalog, tuple(held_back))
