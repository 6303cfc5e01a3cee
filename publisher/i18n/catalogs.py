"""gettext catalogues with Babel: extract the template, start a language,
merge a new template into every language, read and write them.

One message per unit of a plain guide (sentence, list item, heading,
glossary text), located as `guide/section` and with the section heading as
an extracted comment for context, plus the words of the templates and code
("Contents", "Page {page} of {pages}").

Babel's own round trip drops header fields it does not know (Poedit's
`X-Generator`, say) and writes the header comment twice, so catalogues are
read with a `Catalog` that keeps the translator's header exactly as it was,
and written with that header followed by Babel's output for the messages.
"""

from __future__ import annotations

import codecs
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import PoFileError, PoFileParser, normalize, write_po

from ..atomic import write_atomic
from ..defaults import SOURCE_LANGUAGE
from ..errors import PublisherError
from ..model import Guide
from ..project import Project

DOMAIN = "messages"
PROJECT = "publisher"
WIDTH = 76
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
TEMPLATE_COMMENT = ("# The words of the publisher health guides, to translate.\n"
                    "# Made by `publisher extract`; start a language with `publisher init LANG`.\n"
                    "# Keep every number, gene name and medicine name (see do-not-translate.toml).")


class KeptHeaderCatalog(Catalog):
    """A Babel Catalog that remembers the header and header comment it was read
    with, so writing it back changes nothing the translator wrote."""

    raw_header: list[tuple[str, str]] | None = None
    raw_header_comment: str | None = None

    def __setitem__(self, id, message: Message) -> None:
        if not id and message.string and self.raw_header is None:
            self.raw_header = [tuple(part.strip() for part in line.split(":", 1))
                               for line in message.string.splitlines() if ":" in line]
            self.raw_header_comment = "\n".join(message.user_comments) or None
        super().__setitem__(id, message)


# --- reading and writing ------------------------------------------------------------------


def catalog_path(project: Project, lang: str) -> Path:
    return project.locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path(project: Project) -> Path:
    return project.locales / f"{DOMAIN}.pot"


def read_catalog(path: Path) -> KeptHeaderCatalog:
    """Read a .po or .pot file (a file:line error if Babel cannot, or if its
    bytes are not in the charset its header declares)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PublisherError("catalogue is missing", path) from None
    check_charset(path, data)
    catalog = KeptHeaderCatalog()
    try:
        PoFileParser(catalog, abort_invalid=True).parse(io.BytesIO(data))
    except PoFileError as error:
        raise PublisherError(f"not a valid .po file: {error}", path, getattr(error, "lineno", None)) from None
    return catalog


_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([^"\\\s;]+)', re.MULTILINE | re.IGNORECASE)


def check_charset(path: Path, data: bytes) -> None:
    """Refuse a catalogue whose declared charset is unknown, or that its bytes
    contradict: not valid in the charset, or UTF-8 text declared as another
    charset (Babel would print "GuÃ­a" for "Guía")."""
    match = _CHARSET.search(data)
    declared = match.group(1).decode("ascii", errors="replace") if match else "utf-8"
    line = _line_of(data, match.start()) if match else None
    try:
        encoding = codecs.lookup(declared).name
    except LookupError:
        raise PublisherError(f"unknown charset '{declared}' in the Content-Type header: write charset=UTF-8",
                             path, line) from None
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        raise PublisherError(f"not valid {declared} text (byte 0x{data[error.start]:02X}); save the file as "
                             f"{declared}", path, _line_of(data, error.start)) from None
    if encoding != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return
        raise PublisherError(f"the header says charset={declared} but the file is written in UTF-8: "
                             f"write charset=UTF-8", path, line)


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write a catalogue atomically, keeping the header it was read with.

    Babel's `#|` previous-msgid comments are not written: Babel 2.18 wraps a
    long one across lines without quotes, which msgfmt then rejects, and does
    not read them back. `update` puts the old English in a comment instead."""
    body = io.BytesIO()
    write_po(body, catalog, width=WIDTH, omit_header=True, include_previous=False, sort_output=False)
    write_atomic(path, _header(catalog) + body.getvalue().decode("utf-8"))


def _header(catalog: Catalog) -> str:
    raw = getattr(catalog, "raw_header", None)
    if raw:
        created = catalog.creation_date.strftime("%Y-%m-%d %H:%M%z") if catalog.creation_date else None
        fields = [(name, created if name.lower() == "pot-creation-date" and created else value)
                  for name, value in raw]
        comment = getattr(catalog, "raw_header_comment", None)
    else:
        fields = [(name, value.strip()) for name, value in catalog.mime_headers if name != "Generated-By"]
        comment = catalog.header_comment
    lines = ([f"{line}" if line.startswith("#") else f"# {line}" for line in comment.splitlines()]
             if comment else [])
    if getattr(catalog, "fuzzy", False) and not raw:
        lines.append("#, fuzzy")
    text = "".join(f"{name}: {value}\n" for name, value in fields)
    lines += ['msgid ""', f"msgstr {normalize(text, width=WIDTH)}"]
    return "\n".join(lines) + "\n\n"


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


# --- languages ------------------------------------------------------------------------------


def language_code(code: str) -> str:
    """A gettext language code ("es", "pt_BR") for what the user typed, or a clear error.

    "pt-BR" is accepted as "pt_BR" (gettext folders use underscores)."""
    cleaned = code.strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", cleaned):
        raise PublisherError(f"'{code}' is not a language code (use one like 'es', 'fr' or 'pt_BR')")
    cleaned = cleaned.replace("-", "_")
    try:
        locale = Locale.parse(cleaned)
    except (ValueError, UnknownLocaleError):
        raise PublisherError(f"unknown language '{code}' (use a code like 'es', 'fr' or 'pt_BR')") from None
    return str(locale)


def shipped_languages(project: Project) -> list[str]:
    """The source language, then every language with a catalogue; a catalogue
    in a folder that is not named by a language code is an error."""
    translated = sorted(path.parent.parent.name for path in project.locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    for lang in translated:
        try:
            known = language_code(lang) == lang
        except PublisherError:
            known = False
        if not known:
            raise PublisherError(f"'{lang}' is not a language code: name the folder after its language, like "
                                 f"'es' or 'pt_BR'", project.locales / lang)
    return [SOURCE_LANGUAGE] + [lang for lang in translated if lang != SOURCE_LANGUAGE]


# --- extract, init, update --------------------------------------------------------------------


def extract(guides: Iterable[Guide], project: Project, code_dir: Path) -> Catalog:
    """The template: every unit of the guides, then the templates' and code's words."""
    catalog = Catalog(project=PROJECT, version="1", charset="utf-8", fuzzy=False, copyright_holder="",
                      header_comment=TEMPLATE_COMMENT, msgid_bugs_address="",
                      creation_date=datetime.datetime.now(datetime.timezone.utc))
    for guide in guides:
        _add(catalog, guide.title.text, f"{guide.slug}", "Title of the guide")
        for point in guide.summary:
            _add(catalog, point.text, f"{guide.slug}/key-points", "A key point, at the top of the guide")
        for section in guide.sections:
            _add(catalog, section.heading.text, f"{guide.slug}/{section.id}", "Heading of a section")
            for unit in section.units():
                _add(catalog, unit.text, f"{guide.slug}/{section.id}", f"Section: {section.heading.text}")
        for entry in guide.glossary:
            _add(catalog, entry.term.text, f"{guide.slug}/words-to-know", "A term in 'Words to know'")
            _add(catalog, entry.explanation.text, f"{guide.slug}/words-to-know",
                 f"Explains '{entry.term.text}' in 'Words to know'")
    sources = ((project.templates, "**.j2", "jinja2.ext:babel_extract"), (code_dir, "**.py", "python"))
    for root, pattern, method in sources:
        for filename, lineno, message, comments, _ in extract_from_dir(
                root, method_map=[(pattern, method)], keywords={"_": None, "gettext": None, "ngettext": (1, 2)},
                comment_tags=("Translators:",)):
            if isinstance(message, tuple):
                continue  # plural messages: none yet
            _add(catalog, message, f"{root.name}/{filename}", " ".join(comments) or None, lineno=lineno)
    return catalog


def _add(catalog: Catalog, text: str, location: str, comment: str | None, lineno: int | None = None) -> None:
    flags = {"python-brace-format"} if _PLACEHOLDER.search(text) else set()
    existing = catalog.get(text)
    if existing is not None:
        existing.locations = list(dict.fromkeys([*existing.locations, (location, lineno)]))
        if comment and comment not in existing.auto_comments:
            existing.auto_comments = [*existing.auto_comments, comment]
        return
    catalog.add(text, locations=[(location, lineno)], auto_comments=[comment] if comment else [], flags=flags)


def new_catalog(template: Catalog, lang: str) -> Catalog:
    """A fresh catalogue for `lang` with every message of the template, untranslated.

    Its Plural-Forms is Babel's, except for the languages where Babel 2.18's
    table differs from the form that GNU gettext documents (manual, "Plural
    forms") and CLDR agrees with: there the GNU form is written, since msgfmt,
    Poedit and Weblate number the forms that way. Arabic is the one that
    matters: Babel swaps forms 4 and 5 (CLDR "many", 11-99, and "other",
    100-102...), so a translator filling the fifth slot for "11 files" would be
    shown it for "100 files". The table is tested against CLDR."""
    gnu_plural_forms = {
        "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
              "n%100>=11 ? 4 : 5);",
        "hu": "nplurals=2; plural=(n != 1);",  # Babel: one form only
        "tr": "nplurals=2; plural=(n != 1);",  # Babel: one form only
    }
    name = Locale.parse(lang).english_name
    catalog = Catalog(locale=lang, project=PROJECT, version="1", charset="utf-8", fuzzy=False, copyright_holder="",
                      header_comment=f"# {name} translation of the publisher health guides.\n"
                                     f"# Keep every number, gene name and medicine name (see do-not-translate.toml).",
                      msgid_bugs_address="", creation_date=template.creation_date,
                      revision_date=datetime.datetime.now(datetime.timezone.utc),
                      last_translator="publisher translators", language_team=f"{name} <>")
    plural_forms = gnu_plural_forms.get(lang) or gnu_plural_forms.get(Locale.parse(lang).language)
    if plural_forms:
        catalog.mime_headers = [("Plural-Forms", plural_forms)]  # sets num_plurals and plural_expr
    for message in template:
        if message.id:
            catalog.add(message.id, "" if isinstance(message.id, str) else ("",) * catalog.num_plurals,
                        locations=message.locations, auto_comments=message.auto_comments, flags=message.flags)
    return catalog


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass
class Merge:
    """What merging a template into a catalogue left for the translator."""

    new: list[Message] = field(default_factory=list)  # not there before (some pre-filled from a similar one)
    changed: list[Message] = field(default_factory=list)  # their English changed: fuzzy
    waiting: list[Message] = field(default_factory=list)  # still untranslated or fuzzy from before

    @property
    def needing(self) -> list[Message]:
        return self.new + self.changed + self.waiting


def update(catalog: KeptHeaderCatalog, template: Catalog) -> Merge:
    """Merge `template` into `catalog` (Babel's update: translations, comments
    and header kept; changed messages marked fuzzy, gone ones obsolete). A fuzzy
    match whose numbers differ from its new source gets a comment that says so
    plainly, since Babel's matching ignores numbers. A new message Babel
    pre-filled from a similar message still in use is said to be new, not
    changed. Returns what needs a translator."""
    before = {message.id for message in catalog if message.id}
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False, keep_user_comments=True)
    merge = Merge()
    for message in catalog:
        if not message.id:
            continue
        is_new, changed = message.id not in before, False
        if is_new and message.fuzzy and message.previous_id:
            previous = message.previous_id if isinstance(message.previous_id, str) else message.previous_id[0]
            if previous in template:
                notes = [f"NEW MESSAGE. The suggestion is the translation of a similar message: {previous}"]
            else:
                notes = [f"THE ENGLISH CHANGED. It was: {previous}"]
                is_new, changed = False, True
            before_numbers, after_numbers = _NUMBER.findall(previous), _NUMBER.findall(message.id)
            if before_numbers != after_numbers:
                notes.append(f"NUMBERS CHANGED from {', '.join(before_numbers) or 'none'} to "
                             f"{', '.join(after_numbers) or 'none'}: check every number before you clear the fuzzy flag")
            message.user_comments = [*message.user_comments, *(note for note in notes
                                                                if note not in message.user_comments)]
        if is_new:
            merge.new.append(message)
        elif changed:
            merge.changed.append(message)
        elif message.fuzzy or not message.string:
            merge.waiting.append(message)
    return merge


def template_or_error(project: Project) -> Catalog:
    path = template_path(project)
    if not path.exists():
        raise PublisherError("no template yet: run `publisher extract` first", path)
    return read_catalog(path)
