"""The guides of a project in their source language, made plain.

Each source in sources/ is loaded, repaired and run through the
plain-language engine. The engine never fails a guide for its own mistakes
(a rewrite that cannot prove itself is replaced by the source sentence), so
a guide fails only when its source cannot be read, and then only that guide:
the others are made as usual and the failure is reported with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .defaults import SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .model import Guide
from .plain import PlainResult, PlainRules, load_rules, plain_result
from .project import Project
from .sources import discover, load_source


@dataclass(frozen=True)
class PlainGuides:
    """The guides made plain, with the kept terms of their language, and the
    sources that could not be read (one error each)."""

    results: list[tuple[PlainResult, frozenset[str]]] = field(default_factory=list)
    failures: list[PublisherError] = field(default_factory=list)

    @property
    def guides(self) -> list[Guide]:
        return [result.guide for result, _ in self.results]


def load_guides(project: Project, slugs: tuple[str, ...] = ()) -> list[Guide]:
    """The plain-language Guides (all, or those named); any unreadable source is an error."""
    loaded = plain_guides(project, slugs)
    if loaded.failures:
        raise loaded.failures[0]
    return loaded.guides


def plain_results(project: Project, slugs: tuple[str, ...] = ()) -> list[tuple[PlainResult, frozenset[str]]]:
    """Each chosen source made plain, with the kept terms of its language; any
    unreadable source is an error."""
    loaded = plain_guides(project, slugs)
    if loaded.failures:
        raise loaded.failures[0]
    return loaded.results


def plain_guides(project: Project, slugs: tuple[str, ...] = ()) -> PlainGuides:
    """Each chosen source made plain; a source that cannot be read is listed
    as a failure and the others go on."""
    loaded = PlainGuides()
    for path in choose_sources(project, slugs):
        try:
            source = load_source(path)
            if source.lang != SOURCE_LANGUAGE:
                raise PublisherError(f"guides must be written in '{SOURCE_LANGUAGE}' (this one says "
                                     f"'{source.lang}')", path, 1)
        except PublisherError as error:
            loaded.failures.append(error)
            continue
        rules = _rules(project.language_data(source.lang), source.lang)  # a bad data file stops everything
        known = frozenset(word for form in rules.terms.forms for word in [form.lower(), *form.lower().split()])
        loaded.results.append((plain_result(source, rules), known))
    return loaded


def choose_sources(project: Project, slugs: tuple[str, ...] = ()) -> list[Path]:
    """The source files of the guides named (all if none); an unknown name is an error."""
    paths = discover(project.sources)
    known = {path.stem: path for path in paths}
    for slug in slugs:
        if slug not in known:
            names = ", ".join(known) or "none"
            raise PublisherError(f"no guide '{slug}' in {display_path(project.sources)}/ (guides: {names})")
    chosen = [known[slug] for slug in dict.fromkeys(slugs)] if slugs else paths
    if not chosen:
        raise PublisherError(f"no guides in {display_path(project.sources)}/: add .txt or .md files")
    return chosen


@lru_cache(maxsize=None)
def _rules(language_dir: Path, lang: str) -> PlainRules:
    return load_rules(language_dir, lang)
