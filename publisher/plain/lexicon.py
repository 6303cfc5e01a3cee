"""Plain words for hard ones, from a per-language data file (lexicon.toml).

A lexicon is a table of phrase -> plainer phrase. All phrases are matched in
one pass, on whole words and ignoring capitals; where phrases overlap the
longest wins. Kept medical terms (terms.toml) are matched too, and left as
they are, so no lexicon entry can rewrite part of a term. "{subject}" on
either side stands for the condition the guide is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import find_line, load_toml
from ..errors import PublisherError


@dataclass(frozen=True)
class Lexicon:
    """Replacements and the kept terms they must not touch."""

    replacements: dict[str, str]
    kept: tuple[str, ...] = ()
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "pattern", _compile(self.replacements, self.kept))

    def for_subject(self, subject: str) -> "Lexicon":
        """The lexicon with "{subject}" filled in."""
        return Lexicon({_normal(key.replace("{subject}", subject)): value.replace("{subject}", subject)
                        for key, value in self.replacements.items()}, self.kept)

    def apply(self, text: str) -> str:
        """`text` with every lexicon phrase replaced (kept terms untouched)."""
        return self.pattern.sub(lambda match: self._replace(match, text), text)

    def _replace(self, match: re.Match, text: str) -> str:
        found = match.group(0)
        plain = self.replacements.get(_normal(found))
        if plain is None:  # a kept term
            return found
        at_start = not text[: match.start()].strip(" \"“‘'(")
        if at_start and plain[:1].islower() and found[:1].isupper():
            plain = plain[:1].upper() + plain[1:]
        return plain


def load_lexicon(path: Path, kept_forms: tuple[str, ...] = ()) -> Lexicon:
    """Read lexicon.toml; keys are stored lowercase."""
    data = load_toml(path)
    words = data.get("words")
    if not isinstance(words, dict):
        raise PublisherError("a lexicon needs a [words] table", path, 1)
    replacements = {}
    for key, value in words.items():
        if not isinstance(value, str):
            raise PublisherError(f"'{key}' must map to text", path, find_line(path, f'"{key}"'))
        replacements[_normal(key)] = value
    return Lexicon(replacements, tuple(kept_forms))


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _compile(replacements: dict[str, str], kept: tuple[str, ...]) -> re.Pattern:
    """One alternation of every phrase, longest first. Kept terms written with
    capitals ("ALS", "FUS") match only as written."""
    phrases = [(phrase, False) for phrase in replacements]
    phrases += [(form, form != form.lower()) for form in kept if _normal(form) not in replacements]
    phrases.sort(key=lambda item: len(item[0]), reverse=True)
    alternatives = "|".join(_phrase(phrase, case_sensitive) for phrase, case_sensitive in phrases)
    return re.compile(alternatives or r"(?!x)x")


def _phrase(phrase: str, case_sensitive: bool = False) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if not case_sensitive:
        body = f"(?i:{body})"
    start = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    end = r"(?![\w-])" if re.search(r"\w$", phrase) else ""
    return f"{start}{body}{end}"
