"""Read the project's TOML data files (lexicons, topics, pronunciation), with
errors that name the file and line.

Each data file has a declarative shape (a `Table` of its keys), written next
to the loader that reads it; `load_data(path, SHAPE)` parses the file and
checks it against that shape, so a wrong type, a missing or unknown key, a
number out of range or a template with a placeholder the code does not fill
is one `file:line: ...` error naming the key:

    locales/en/terms.toml:12: [[term]] 3: 'glossary' must be text
    locales/es/speech.toml:4: 'rate_factor' must be a number from 0.5 to 3 (it is 0)
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter
from typing import Any, Union

from .errors import PublisherError

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def load_toml(path: Path) -> dict:
    """Parse a TOML file; a syntax error becomes `file:line: message`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PublisherError("data file is missing", path) from None
    except UnicodeDecodeError:
        raise PublisherError("not UTF-8 text", path) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _AT_LINE.search(str(error))
        message = _AT_LINE.sub("", str(error)).strip()
        raise PublisherError(f"not valid TOML: {message}", path, int(match.group(1)) if match else None) from None


def load_data(path: Path, shape: "Table") -> dict:
    """Parse the TOML file `path` and check it against `shape` (see `check`)."""
    data = load_toml(path)
    check(data, shape, path)
    return data


# --- shapes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A string. `placeholders`: it is a str.format template the code fills
    with these names (None: not a template, braces are plain text); `needs`:
    those it must use; `blank`: may it be empty or only spaces."""

    placeholders: tuple[str, ...] | None = None
    needs: tuple[str, ...] = ()
    blank: bool = True
    what: str = "text"


@dataclass(frozen=True)
class Number:
    """An integer or a float (not a boolean), from `low` to `high` when given."""

    low: float | None = None
    high: float | None = None

    @property
    def what(self) -> str:
        if self.low is not None and self.high is not None:
            return f"a number from {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"a number of at least {self.low:g}"
        if self.high is not None:
            return f"a number of at most {self.high:g}"
        return "a number"


@dataclass(frozen=True)
class Flag:
    """true or false."""

    what: str = "true or false"


@dataclass(frozen=True)
class ListOf:
    """An array of `item`s (of tables: `[[key]]` tables); `sizes`: the lengths allowed."""

    item: "Shape"
    least: int = 0
    sizes: tuple[int, ...] | None = None
    what: str | None = None


@dataclass(frozen=True)
class Table:
    """A table with the keys of `keys` (those in `required` must be there).
    Other keys must fit `other`, or are refused when `other` is None."""

    keys: dict[str, "Shape"] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    other: "Shape | None" = None
    least: int = 0  # keys, at least
    what: str = "a table"


@dataclass(frozen=True)
class OneOf:
    """A value that fits any of `shapes`."""

    shapes: tuple["Shape", ...]
    what: str


Shape = Union[Text, Number, Flag, ListOf, Table, OneOf]
# The Python types a value of each shape has (a OneOf names what went wrong in the one of its shapes of that type).
_KINDS = {Text: str, Number: (int, float), Flag: bool, ListOf: list, Table: dict, OneOf: ()}


class _Mismatch(Exception):
    def __init__(self, at: tuple, problem: str):
        super().__init__(problem)
        self.at = at
        self.problem = problem


def check(data: dict, shape: Table, path: Path) -> None:
    """Raise a PublisherError naming the key (its path in the file) and its
    line for the first place where `data`, read from `path`, does not fit
    `shape`."""
    try:
        _check(data, shape, ())
    except _Mismatch as mismatch:
        raise PublisherError(f"{key_name(mismatch.at)} {mismatch.problem}".strip(), path,
                             key_line(path, mismatch.at)) from None


def fail(path: Path, at: tuple, problem: str) -> PublisherError:
    """An error about the value at key path `at` of `path` (for checks a shape
    cannot state), named and placed as `check` does."""
    return PublisherError(f"{key_name(at)} {problem}".strip(), path, key_line(path, at))


def _check(value: Any, shape: Shape, at: tuple) -> None:
    if isinstance(shape, Text):
        if not isinstance(value, str):
            raise _Mismatch(at, f"must be {shape.what}")
        if not shape.blank and not value.strip():
            raise _Mismatch(at, "must not be empty")
        if shape.placeholders is not None:
            problem = _template_problem(value, shape.placeholders, shape.needs)
            if problem:
                raise _Mismatch(at, problem)
    elif isinstance(shape, Number):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Mismatch(at, f"must be {shape.what}")
        if (shape.low is not None and value < shape.low) or (shape.high is not None and value > shape.high):
            raise _Mismatch(at, f"must be {shape.what} (it is {value:g})")
    elif isinstance(shape, Flag):
        if not isinstance(value, bool):
            raise _Mismatch(at, f"must be {shape.what}")
    elif isinstance(shape, ListOf):
        tables = isinstance(shape.item, Table)
        what = shape.what or (f"[[{key_name(at, quoted=False)}]] tables" if tables else "a list")
        if not isinstance(value, list):
            raise _Mismatch(at, f"must be {what}")
        if len(value) < shape.least:
            raise _Mismatch(at, _too_few(shape.least, "items"))
        if shape.sizes is not None and len(value) not in shape.sizes:
            raise _Mismatch(at, f"must be {what}")
        for index, item in enumerate(value):
            if tables:
                _check(item, shape.item, at + (index,))
            else:
                try:
                    _check(item, shape.item, at)
                except _Mismatch as mismatch:  # the list is named, with the item's number
                    raise _Mismatch(at, f"item {index + 1} {mismatch.problem}") from None
    elif isinstance(shape, Table):
        if not isinstance(value, dict):
            raise _Mismatch(at, f"must be {shape.what}")
        unknown = [key for key in value if key not in shape.keys] if shape.other is None else []
        for key in shape.required:
            if key not in value:
                typo = difflib.get_close_matches(key, unknown, n=1)
                if typo:  # "glosary" for "glossary"
                    raise _Mismatch(at + (typo[0],), _unknown(typo[0], shape.keys))
                raise _Mismatch(at + (key,), "is missing")
        for key, inner in shape.keys.items():
            if key in value:
                _check(value[key], inner, at + (key,))
        for key, item in value.items():
            if key in shape.keys:
                continue
            if shape.other is None:
                raise _Mismatch(at + (key,), _unknown(key, shape.keys))
            _check(item, shape.other, at + (key,))
        if len(value) < shape.least:
            raise _Mismatch(at, _too_few(shape.least, "keys"))
    elif isinstance(shape, OneOf):
        mismatches = []
        for choice in shape.shapes:
            try:
                _check(value, choice, at)
                return
            except _Mismatch as mismatch:
                mismatches.append((choice, mismatch))
        same_kind = [mismatch for choice, mismatch in mismatches if isinstance(value, _KINDS[type(choice)])]
        if len(same_kind) == 1:  # a table for a table, with a wrong key in it: say which
            raise same_kind[0]
        raise _Mismatch(at, f"must be {shape.what}")
    else:  # pragma: no cover - a mistake in a shape
        raise TypeError(f"not a shape: {shape!r}")


def _too_few(least: int, things: str) -> str:
    return "must not be empty" if least == 1 else f"must have at least {least} {things}"


def _unknown(key: str, known: dict) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return f"is not a known key (did you mean '{close[0]}'?)"
    return f"is not a known key (known: {', '.join(known) or 'none'})"


def _template_problem(text: str, allowed: tuple[str, ...], needs: tuple[str, ...]) -> str | None:
    """What is wrong with `text` as a str.format template filled with `allowed`."""
    named = " ".join(f"{{{name}}}" for name in allowed) or "none"
    try:
        parts = list(Formatter().parse(text))
    except ValueError as error:
        brace = "}" if str(error).startswith("Single '}'") else "{"
        return f"has a stray '{brace}' (placeholders: {named}; write {{{{ or }}}} for a brace itself)"
    used = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if name not in allowed or spec or conversion:
            return f"has the placeholder {written}, which is not filled in (placeholders: {named})"
        used.append(name)
    missing = [name for name in needs if name not in used]
    if missing:
        return f"must use the placeholder {{{missing[0]}}}"
    return None


# --- naming and finding a key -----------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_ ,'-]+")


def key_name(at: tuple, quoted: bool = True) -> str:
    """How a message names the key at `at` (keys and array indices from the
    top of the file): 'voice', 'publisher.name', [[term]] 3: 'glossary'."""
    prefix, keys = [], []
    for part in at:
        if isinstance(part, int):
            prefix.append(f"[[{'.'.join(_key(key) for key in keys)}]] {part + 1}")
        else:
            keys.append(part)
    # arrays of tables nest ([[rule]] 2, [[rule.splits]] 1); the keys after the last index name the key in it
    last = max((index for index, part in enumerate(at) if isinstance(part, int)), default=-1)
    inner = ".".join(_key(part) for part in at[last + 1:])
    if not quoted:
        return ".".join(_key(part) for part in at if not isinstance(part, int))
    named = f"'{inner}'" if inner else ""
    return ": ".join(filter(None, [", ".join(prefix), named]))


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) and "." not in key else json.dumps(key, ensure_ascii=False)


def key_line(path: Path, at: tuple) -> int | None:
    """The line of `path` where the key at `at` is set (else its nearest table's)."""
    try:
        lines = key_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    at = tuple(at)
    while at:
        if at in lines:
            return lines[at]
        at = at[:-1]
    return None


_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY)


def key_lines(text: str) -> dict[tuple, int]:
    """Where each key of a TOML text is set: key path (keys, with 0-based
    indices into arrays of tables) -> line number, tables at their header.
    Values on lines of their own inside a multi-line array or string are
    passed over; keys inside inline tables count as their table's line."""
    lines: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}  # array of tables (resolved path) -> index of its last table
    table: tuple = ()
    depth, open_string = 0, None
    for number, line in enumerate(text.splitlines(), start=1):
        start = 0
        if depth == 0 and open_string is None:
            header = _HEADER.match(line)
            assign = None if header else _ASSIGN.match(line)
            if header:
                keys = _split(header.group(2))
                table = _resolve(keys[:-1], counts)
                for end in range(1, len(table) + 1):
                    lines.setdefault(table[:end], number)
                table += (keys[-1],)
                if header.group(1) == "[[":
                    counts[table] = counts.get(table, -1) + 1
                    lines.setdefault(table, number)
                    table += (counts[table],)
                lines.setdefault(table, number)
                start = header.end()
            elif assign:
                keys = _split(assign.group(1))
                for end in range(1, len(keys) + 1):
                    lines.setdefault(table + tuple(keys[:end]), number)
                start = assign.end()
        depth, open_string = _scan(line, start, depth, open_string)
    return lines


def _split(dotted: str) -> list[str]:
    return [tomllib.loads(f"k = {part}")["k"] if part[0] in "\"'" else part for part in _PART.findall(dotted)]


def _resolve(keys: list[str], counts: dict[tuple, int]) -> tuple:
    """A header's parent keys, with the index of each array of tables among them."""
    resolved: tuple = ()
    for key in keys:
        resolved += (key,)
        if resolved in counts:
            resolved += (counts[resolved],)
    return resolved


def _scan(line: str, index: int, depth: int, open_string: str | None) -> tuple[int, str | None]:
    """Bracket depth and open multi-line string after `line`, from `index`."""
    while index < len(line):
        if open_string:
            if open_string == '"""' and line[index] == "\\":
                index += 2
                continue
            if line.startswith(open_string, index):
                index, open_string = index + 3, None
                continue
            index += 1
            continue
        char = line[index]
        if char == "#":
            break
        if line.startswith('"""', index) or line.startswith("'''", index):
            open_string, index = line[index: index + 3], index + 3
            continue
        if char in "\"'":
            index += 1
            while index < len(line) and line[index] != char:
                index += 2 if char == '"' and line[index] == "\\" else 1
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return depth, open_string


def find_line(path: Path, needle: str) -> int | None:
    """The first line of `path` that mentions `needle` (for messages about data files)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except OSError:
        pass
    return None


# --- every data file of a build, before its jobs start ----------------------------------------


def check_language_data(project, lang: str, installed: list[dict] | None = None) -> None:
    """Read the data files of `lang` that jobs read (locales/<lang>/speech.toml,
    pronunciation.toml, braille.toml) as they will, so that a mistake in one
    is a `file:line: ...` error before any job starts, not a failed job. A
    file that is absent is left to the job that needs it. `installed`: the
    espeak-ng voices (see `check_build_data`); given, the voice of `lang`
    must be one of them. (The plain-language rules, topics.toml to
    lexicon.toml, are read by `guides.plain_guides` in the plan itself.)"""
    from .braille.codes import FILE_NAME as BRAILLE_FILE, braille_code
    from .speech.pronunciation import load_pronunciation
    from .speech.voices import language_voice, speech_settings

    folder = project.language_data(lang)
    speech_settings(folder)
    load_pronunciation(folder / "pronunciation.toml")
    if installed is not None:
        language_voice(lang, installed, folder)
    if (folder / BRAILLE_FILE).exists():
        braille_code(folder, lang)


def check_build_data(project, languages, speaking: bool = False) -> None:
    """`check_language_data` for each of `languages` and the source language
    (its voice reads the English a translation falls back to). `speaking`: a
    format that narrates is being built, so each language's voice must be
    installed (the list of voices is asked of espeak-ng once per
    installation, and cached, as the narration does)."""
    from .defaults import SOURCE_LANGUAGE

    installed = None
    if speaking:
        from .speech.engine import SpeechEngine
        from .speech.narrate import installed_voices

        with SpeechEngine() as engine:
            installed = installed_voices(engine, project.cache / "voices")
    for lang in dict.fromkeys([SOURCE_LANGUAGE, *languages]):
        check_language_data(project, lang, installed)
