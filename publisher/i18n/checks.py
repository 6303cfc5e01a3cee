"""Checks that keep a translation safe for medical text.

A catalogue must be a valid .po file (GNU `msgfmt --check`, which reports
file:line for unterminated strings, bad escapes, duplicate messages, wrong
plural counts and bad encodings), and each translated message must keep its
source's numbers, gene names, medicine names (locales/do-not-translate.toml),
placeholders and markup, and have as many plural forms as the language has.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message

from ..datafiles import find_line, load_toml
from ..errors import PublisherError, display_path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a catalogue, at a line."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}"

    def error(self) -> PublisherError:
        return PublisherError(self.message, self.path, self.line)


@dataclass(frozen=True)
class Names:
    """Names every translation must keep: gene names as they are, medicines in
    each language's spelling of their international name."""

    keep: tuple[str, ...]
    medicines: dict[str, dict[str, str]]

    def required(self, source: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
        """(name in the source, the forms a `lang` translation may use) for each
        name that `source` holds."""
        wanted = []
        for name in self.keep:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source):
                wanted.append((name, (name,)))
        for medicine, spellings in self.medicines.items():
            if re.search(rf"\b{re.escape(medicine)}\b", source, re.IGNORECASE):
                wanted.append((medicine, (spellings.get(lang, medicine), medicine)))
        return wanted


NAMES_FILE = "do-not-translate.toml"  # in locales/
NAMES_PATH = f"locales/{NAMES_FILE}"


def load_names(path: Path) -> Names:
    """Read locales/do-not-translate.toml: `keep`, names kept as written, and
    [medicines.<name>] tables of language = that language's spelling."""
    from ..datafiles import ListOf, Table, Text, check

    names = ListOf(Text(blank=False), what="a list of names")
    spellings = Table(other=Text(blank=False, what="the medicine's name in that language, as text"),
                      what="a table of language = spelling")
    data = load_toml(path)
    check(data, Table({"keep": names, "medicines": Table(other=spellings)}), path)
    return Names(tuple(data.get("keep", ())), {name: dict(table) for name, table in data.get("medicines", {}).items()})


# --- the file itself -------------------------------------------------------------------------

_MSGFMT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<message>.+)$")


def validate_file(path: Path) -> list[Problem]:
    """Syntax problems of a .po file, as GNU msgfmt --check reports them."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    result = subprocess.run([msgfmt, "--check", "--output-file", os.devnull, str(path)], capture_output=True,
                            text=True, env={**os.environ, "LC_ALL": "C"}, errors="replace")
    if result.returncode == 0:
        return []
    found = [(int(match["line"]), match["message"]) for match in map(_MSGFMT_LINE.match, result.stderr.splitlines())
             if match and not match["message"].startswith("warning:")]
    problems = []
    while found:
        line, message = found.pop(0)
        if message.endswith("...") and found and found[0][1].startswith("..."):
            # msgfmt splits some reports over two lines ("duplicate message definition..."
            # at one line, "...this is the location of the first definition" at another).
            other_line, other = found.pop(0)
            if "first definition" in other:
                message = f"{message.rstrip('.')} (first defined at line {other_line})"
            else:
                message = f"{message.rstrip('.')}, {other.lstrip('.')}"
                line = max(line, other_line)
        if message == "end-of-line within string":
            line -= 1  # msgfmt counts the line break it stopped at
        problems.append(Problem(path, line, message.rstrip(".")))
    return problems or [Problem(path, None, result.stderr.strip().splitlines()[-1])]


# --- each message ------------------------------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w])")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%(?:\([a-z_]+\))?[sdif]")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")
# A name starts a word, or follows a one-letter Arabic proclitic written onto it
# ("وFUS" is "and FUS", "بريلوزول" is "with riluzole").
_NAME_START = r"(?:(?<![\w-])|(?<=(?<![\w-])[وفبلك]))"


def numbers(text: str, names: Names) -> list[str]:
    """The numbers of a text, in any digits, names like SOD1 left out."""
    text = text.translate(_DIGITS)
    for name in names.keep:
        text = text.replace(name, " ")
    return sorted(number.replace(",", ".") for number in _NUMBER.findall(text))


def message_problems(message: Message, num_plurals: int, lang: str, names: Names) -> list[str]:
    """What is wrong with one translated message (empty for an untranslated one)."""
    sources = [message.id] if isinstance(message.id, str) else list(message.id)
    translations = [message.string] if isinstance(message.string, str) else list(message.string)
    if not any(translations):
        return []
    problems = []
    if message.pluralizable and len(translations) != num_plurals:
        problems.append(f"has {len(translations)} plural forms, the language has {num_plurals}")
    source, shown = sources[0], f"'{_short(sources[0])}'"
    for translation in translations:
        if not translation:
            continue
        if numbers(source, names) != numbers(translation, names):
            problems.append(f"numbers differ from the source ({', '.join(numbers(source, names)) or 'none'} vs "
                            f"{', '.join(numbers(translation, names)) or 'none'}) in {shown}")
        for name, forms in names.required(source, lang):
            if not any(re.search(rf"{_NAME_START}{re.escape(form)}(?![\w-])", translation, re.IGNORECASE)
                       for form in forms):
                problems.append(f"'{name}' is missing (write {' or '.join(dict.fromkeys(forms))}"
                                f"{_spelling_hint(name, lang, names)}) in {shown}")
        if Counter(_PLACEHOLDER.findall(source)) != Counter(_PLACEHOLDER.findall(translation)):
            problems.append(f"placeholders differ from the source ({' '.join(_PLACEHOLDER.findall(source))}) "
                            f"in {shown}")
        elif (broken := _format_problem(source, translation)) is not None:
            problems.append(f"not a valid format string ({broken}) in {shown}")
        if Counter(_MARKUP.findall(source)) != Counter(_MARKUP.findall(translation)):
            problems.append(f"markup differs from the source in {shown}")
    return problems


def _spelling_hint(name: str, lang: str, names: Names) -> str:
    """For a medicine whose spelling in `lang` is not listed yet: where to list it."""
    if name not in names.medicines or lang in names.medicines[name]:
        return ""
    return (f"; if {lang} spells it another way, add that spelling to {NAMES_PATH} under "
            f"[medicines.{name}]: {lang} = \"...\"")


def _format_problem(source: str, translation: str) -> str | None:
    """Why `translation` cannot be filled in as the code fills `source` (with
    str.format, when the source has {name} placeholders), whatever its flags say."""
    fields = re.findall(r"\{([a-z_]+)\}", source)
    if not fields:
        return None
    try:
        translation.format(**{name: "" for name in fields})
    except (ValueError, KeyError, IndexError) as error:
        return str(error).strip("'")
    return None


def check_catalog(path: Path, catalog: Catalog, lang: str, names: Names) -> list[Problem]:
    """Every problem of a catalogue: file syntax first, then each translated,
    non-fuzzy message (fuzzy ones never reach a handout), including the
    language's typography when its folder has a typography.toml (a problem
    `publisher check` reports, but no reason to hold a translation back from
    a build)."""
    problems = validate_file(path)
    if problems:
        return problems
    typography = typography_of(path)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        problems += [Problem(path, message.lineno, text)
                     for text in message_problems(message, catalog.num_plurals, lang, names)]
        if typography is not None:
            problems += [Problem(path, message.lineno, text) for text in typography_problems(message, typography, lang)]
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- typography --------------------------------------------------------------------------------

TYPOGRAPHY_FILE = "typography.toml"


@dataclass(frozen=True)
class Typography:
    """Where a language puts a no-break space (locales/<lang>/typography.toml):
    before some marks and after others (French: before : ; ? ! », after «)."""

    spaces: str  # the characters that count as a no-break space
    before: str
    after: str
    together: str = ""  # marks that may follow one another with no space ("?!")


def typography_of(catalog: Path) -> Typography | None:
    """The typography rules of a catalogue's language (locales/<lang>/LC_MESSAGES/
    messages.po reads locales/<lang>/typography.toml), or None if it has none."""
    if catalog.parent.name != "LC_MESSAGES":
        return None
    path = catalog.parent.parent / TYPOGRAPHY_FILE
    return load_typography(path) if path.exists() else None


def load_typography(path: Path) -> Typography:
    """Read a typography.toml: a [no-break-space] table of lists of single
    characters, `spaces` (those that count), `before`, `after`, `together`."""
    table = load_toml(path).get("no-break-space")
    if not isinstance(table, dict):
        raise PublisherError("a [no-break-space] table is needed", path)
    found = {}
    for key in ("spaces", "before", "after", "together"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(mark, str) and len(mark) == 1 for mark in value):
            raise PublisherError(f"[no-break-space] '{key}' must be a list of single characters", path,
                                 find_line(path, key))
        found[key] = "".join(value)
    if not found["spaces"]:
        raise PublisherError("[no-break-space] 'spaces' must name at least one space", path, find_line(path, "spaces"))
    return Typography(found["spaces"], found["before"], found["after"], found["together"])


# Where the rule does not apply: web and mail addresses, placeholders ({title},
# %(file)s), markup, and a mark between digits (10:30, 1:2).
_NOT_PROSE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|\{[^{}]*\}|%\([^)]*\)[a-z]|</?[a-zA-Z][^>]*>"
                        r"|(?<=\d)[:.,](?=\d)", re.IGNORECASE)


def typography_problems(message: Message, rules: Typography, lang: str) -> list[str]:
    """One problem, at most, for a translated message whose marks lack the
    no-break space the language's typography puts before or after them: an
    ordinary space there, or none. A mark that opens or ends the text needs
    none on that side, nor one that follows another of `together` ("?!")."""
    translations = [message.string] if isinstance(message.string, str) else list(message.string)
    wrong: dict[str, None] = {}
    for translation in filter(None, translations):
        text = _NOT_PROSE.sub(lambda match: "x" * len(match.group()), translation)
        for index, char in enumerate(text):
            sides = ([("before", index - 1)] if char in rules.before else []) + \
                    ([("after", index + 1)] if char in rules.after else [])
            for side, at in sides:
                if not 0 <= at < len(text) or text[at] in rules.spaces:
                    continue
                if side == "before" and char in rules.together and text[at] in rules.together:
                    continue
                found = "an ordinary space" if text[at].isspace() else "no space"
                wrong[f"{side} '{char}' ({found})"] = None
    if not wrong:
        return []
    source = message.id if isinstance(message.id, str) else message.id[0]
    return [f"{Locale.parse(lang).english_name} typography: a no-break space is needed {', '.join(wrong)} "
            f"in '{_short(source)}'"]
