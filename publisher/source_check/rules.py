"""What the source check knows about a language, and which repairs the
authors refused: locales/<lang>/source-check.toml and source-repairs.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import ListOf, Number, Table, Text, load_data
from ..errors import PublisherError
from .findings import KindNames

CHECK_FILE = "source-check.toml"
REPAIRS_FILE = "source-repairs.toml"

# Every kind of finding the code makes; source-check.toml must name each one.
KINDS = ("run-in-heading", "repeated-heading", "repeated-section", "repeated-paragraph", "repeated-list",
         "web-only", "caption", "contact", "unmatched-bracket", "doubled-punctuation", "missing-space",
         "run-together", "misspelling", "words-run-together")

_PATTERNS = ListOf(Text(blank=False), what="a list of regular expressions")
_KIND = Table({"one": Text(blank=False), "many": Text(blank=False), "advice": Text(blank=False)},
              required=("one", "many", "advice"))
# locales/<lang>/source-check.toml
SHAPE = Table({"kind": Table({kind: _KIND for kind in KINDS}, required=KINDS),
               "web-only": Table({"patterns": _PATTERNS}, required=("patterns",)),
               "caption": Table({"max_words": Number(low=1, high=100), "starts": _PATTERNS, "anywhere": _PATTERNS},
                                required=("max_words", "starts", "anywhere")),
               "contact": Table({"street": _PATTERNS}, required=("street",)),
               "names": Table({"heads": ListOf(Text(blank=False))}, required=("heads",)),
               "apostrophes": Table(other=Text(blank=False), what="a table of words = the word with its apostrophe"),
               "words": Table({"known": ListOf(Text(blank=False))})},
              required=("kind", "web-only", "caption", "contact", "names"))
# locales/<lang>/source-repairs.toml: [[refuse]] guide = "slug", text = "as written", kind = "..." (optional)
REPAIRS_SHAPE = Table({"refuse": ListOf(Table({"guide": Text(blank=False), "text": Text(blank=False),
                                               "kind": Text(blank=False)}, required=("guide", "text")))})


@dataclass(frozen=True)
class Refusal:
    """A repair an author turned down: in guide `guide`, any repair of text
    containing `text` (of kind `kind`, when given)."""

    guide: str
    text: str
    kind: str = ""


@dataclass(frozen=True)
class CheckRules:
    """One language's source-check data."""

    lang: str
    names: dict[str, KindNames]
    web_only: re.Pattern  # every web-only pattern in one: text matches if any of them does
    web_only_patterns: tuple[re.Pattern, ...]  # each of them, in the order of the data file
    caption_starts: tuple[re.Pattern, ...]
    caption_anywhere: tuple[re.Pattern, ...]
    caption_words: int
    street: tuple[re.Pattern, ...]  # street addresses (phone, e-mail and web: contacts.py)
    name_heads: frozenset[str]
    refusals: tuple[Refusal, ...] = field(default=())
    apostrophes: dict[str, str] = field(default_factory=dict)  # "dont" -> "don't": a word that lost its apostrophe
    known_words: frozenset[str] = frozenset()  # no typos, though no dictionary lists them ("quitline")

    def web_only_match(self, text: str) -> re.Match | None:
        """Where `text` has web-only wording, if it has any (the first pattern
        that matches, in the data file's order). Remembered: several passes
        ask about the same paragraph, and a long one takes milliseconds."""
        return _first_match(self.web_only, self.web_only_patterns, text)

    def refused(self, guide: str, kind: str, text: str) -> bool:
        """Did the authors refuse the repair of kind `kind` of `text` in `guide`?"""
        flat = " ".join(text.split())
        return any(refusal.guide == guide and refusal.text in flat and refusal.kind in ("", kind)
                   for refusal in self.refusals)


def load_check_rules(language_dir: Path, lang: str) -> CheckRules:
    """Read source-check.toml (required) and source-repairs.toml (optional) of a language."""
    path = language_dir / CHECK_FILE
    data = load_data(path, SHAPE)
    caption = data["caption"]
    return CheckRules(
        lang=lang,
        names={kind: KindNames(table["one"], table["many"], table["advice"]) for kind, table in data["kind"].items()},
        web_only=_any_of(_compiled(path, data["web-only"]["patterns"])),
        web_only_patterns=_compiled(path, data["web-only"]["patterns"]),
        caption_starts=_compiled(path, caption["starts"], anchored=True),
        caption_anywhere=_compiled(path, caption["anywhere"]),
        caption_words=int(caption["max_words"]),
        street=_compiled(path, data["contact"]["street"]),
        name_heads=frozenset(word.lower() for word in data["names"]["heads"]),
        refusals=_refusals(language_dir / REPAIRS_FILE),
        apostrophes={word.lower(): whole for word, whole in data.get("apostrophes", {}).items()},
        known_words=frozenset(word.lower() for word in data.get("words", {}).get("known", ())))


def _refusals(path: Path) -> tuple[Refusal, ...]:
    if not path.exists():
        return ()
    return tuple(Refusal(table["guide"], " ".join(table["text"].split()), table.get("kind", ""))
                 for table in load_data(path, REPAIRS_SHAPE).get("refuse", []))


def _compiled(path: Path, patterns: list[str], anchored: bool = False) -> tuple[re.Pattern, ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(("(?:" + pattern + ")") if anchored else pattern, re.IGNORECASE))
        except re.error as error:
            line = _line_of(path, pattern)
            raise PublisherError(f"not a valid pattern ({error.msg}): {pattern}", path, line) from None
    return tuple(compiled)


@lru_cache(maxsize=4096)
def _first_match(any_of: re.Pattern, patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    if not any_of.search(text):
        return None
    return next(match for pattern in patterns if (match := pattern.search(text)))


def _any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """One pattern that matches where any of `patterns` does (one search, not one per pattern)."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns) or r"(?!)", re.IGNORECASE)


def _line_of(path: Path, text: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line.replace("\\\\", "\\"):
            return number
    return None
