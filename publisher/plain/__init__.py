"""The plain-language engine: SourceGuide -> Guide.

`make_plain(source, rules)` reads top to bottom: find what the guide is
about, group its paragraphs into sections with question headings, rewrite
each source sentence as plain sentences (or take the editor's override),
explain each kept medical term at its first use, turn long enumerations into
lists, cut paragraphs short, then pick the key points and gather the words to
know. Everything the engine knows about a language is data in
locales/<lang>/ (topics, lexicon, terms, overrides), read by `load_rules`.
"""

from __future__ import annotations

from .result import EDITOR, PlainResult, Rewrite

# The files of locales/<lang>/ the engine reads (a change to any of them makes guides plain again).
RULE_FILES = ("topics.toml", "terms.toml", "glossary.toml", "definitions.toml", "lexicon.toml", "overrides.toml",
              "fixed-names.toml", "plain-off.toml", "source-check.toml", "source-repairs.toml")

# The engine loads the parser and word lists: it is imported only when used,
# so reading a cached result stays quick.
_ENGINE = ("PlainRules", "load_rules", "make_plain", "plain_result")

__all__ = ["EDITOR", "PlainResult", "Rewrite", "RULE_FILES", *_ENGINE]


def __getattr__(name: str):
    if name in _ENGINE:
        from . import engine
        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
