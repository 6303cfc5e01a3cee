"""The guides of a project in their source language, made plain.

Each source in sources/ is loaded, repaired and run through the
plain-language engine. A plain guide that lost a drug name, gene name or
number of its source stops the build (the fidelity check).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .defaults import SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .model import Guide
from .plain import PlainResult, PlainRules, load_rules, plain_result
from .project import Project
from .sources import discover, load_source


def load_guides(project: Project, slugs: tuple[str, ...] = ()) -> list[Guide]:
    """The plain-language source-language Guides (all, or those named).

    A guide whose plain version lost a drug name, gene name or number of its
    source stops the build (the fidelity check)."""
    guides = []
    for result, _ in plain_results(project, slugs):
        if result.lost:
            raise PublisherError(f"the plain-language guide lost {', '.join(result.lost)} of the source (fix "
                                 f"locales/{result.guide.lang}/lexicon.toml, terms.toml or overrides.toml)",
                                 _source_path(project, result.guide.slug))
        guides.append(result.guide)
    return guides


def plain_results(project: Project, slugs: tuple[str, ...] = ()) -> list[tuple[PlainResult, frozenset[str]]]:
    """Each chosen source made plain, with the kept terms of its language."""
    paths = discover(project.sources)
    known = {path.stem: path for path in paths}
    for slug in slugs:
        if slug not in known:
            names = ", ".join(known) or "none"
            raise PublisherError(f"no guide '{slug}' in {display_path(project.sources)}/ (guides: {names})")
    chosen = [known[slug] for slug in dict.fromkeys(slugs)] if slugs else paths
    if not chosen:
        raise PublisherError(f"no guides in {display_path(project.sources)}/: add .txt or .md files")
    results = []
    for path in chosen:
        source = load_source(path)
        if source.lang != SOURCE_LANGUAGE:
            raise PublisherError(f"guides must be written in '{SOURCE_LANGUAGE}' (this one says "
                                 f"'{source.lang}')", path, 1)
        rules = _rules(project.language_data(source.lang), source.lang)
        known = frozenset(form.lower() for form in rules.terms.forms)
        results.append((plain_result(source, rules), known))
    return results


def _source_path(project: Project, slug: str) -> Path:
    return next(path for path in discover(project.sources) if path.stem == slug)




@lru_cache(maxsize=None)
def _rules(language_dir: Path, lang: str) -> PlainRules:
    return load_rules(language_dir, lang)
