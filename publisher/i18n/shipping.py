"""Which translations may reach a handout.

A language's catalogue is read only if it is a valid .po file (otherwise the
build stops with file:line, before any output is touched). A translated
message that fails a check (a number or a medicine name differs from the
source...) is left out, so its unit falls back to English, and the problem is
reported: a wrong number must never be printed or spoken.

A build needs only the cleared translations and what was held back; those
are cached in .cache/catalogues under the fingerprint of the catalogue, the
names file and the checking code, so a rebuild does not read and check an
unchanged catalogue again.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog

from ..fingerprint import code_digest, digest, file_digest
from ..project import Project
from ..result_cache import ResultCache
from .catalogs import catalog_path, read_catalog
from .checks import NAMES_FILE, Names, Problem, load_names, message_problems, validate_file


@dataclass(frozen=True)
class ShippedCatalog:
    """A catalogue cleared for a handout, what was held back from it (the
    problems, and the msgids of the messages)."""

    lang: str
    catalog: Catalog
    held_back: tuple[Problem, ...]
    held_ids: frozenset[str] = frozenset()




@dataclass(frozen=True)
class ClearedMessages:
    """A language's translations that may reach a handout (msgid -> text),
    the problems of those held back and their msgids, and every msgid the
    catalogue has (translated or not), so a build can tell a message the
    catalogue lacks from one nobody translated yet."""

    messages: dict[str, str]
    held_back: tuple[Problem, ...]
    held_ids: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()

    def why_untranslated(self, msgid: str) -> str:
        """Why `msgid` is not in `messages`: "held back" (a check failed),
        "missing" (not in the catalogue: extract and update) or
        "untranslated" (no translation, or a fuzzy one)."""
        if msgid in self.held_ids:
            return "held back"
        return "untranslated" if msgid in self.known else "missing"


def names_of(project: Project) -> Names:
    return load_names(project.locales / NAMES_FILE)


def cleared_messages(project: Project, lang: str) -> ClearedMessages:
    """What `catalog_for_build` clears, from the cache when the catalogue,
    the names and the checks are as they were."""
    from .localize import shipped_messages

    path = catalog_path(project, lang)
    key = digest("catalogue", code_digest("i18n"), lang, str(path), file_digest(path),
                 file_digest(project.locales / NAMES_FILE))
    cache = ResultCache(project.cache / "catalogues")
    cleared = cache.get(key)
    if cleared is None:
        shipped = catalog_for_build(project, lang, names_of(project))
        known = frozenset(_msgid(message) for message in shipped.catalog if message.id)
        cleared = ClearedMessages(shipped_messages(shipped.catalog), shipped.held_back, shipped.held_ids, known)
        cache.put(key, cleared)
    return cleared


def catalog_for_build(project: Project, lang: str, names: Names) -> ShippedCatalog:
    """The catalogue of `lang` with every failing message emptied."""
    path = catalog_path(project, lang)
    syntax = validate_file(path)
    if syntax:
        raise syntax[0].error()
    catalog = read_catalog(path)
    held_back, held_ids = [], set()
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        problems = message_problems(message, catalog.num_plurals, lang, names)
        if problems:
            held_back += [Problem(path, message.lineno, problem) for problem in problems]
            held_ids.add(_msgid(message))
            message.string = "" if isinstance(message.string, str) else tuple("" for _ in message.string)
    return ShippedCatalog(lang, catalog, tuple(held_back), frozenset(held_ids))


def _msgid(message) -> str:
    """A message's msgid (a plural message's singular)."""
    return message.id if isinstance(message.id, str) else message.id[0]
