"""Load the guides in `sources/` into `SourceGuide`s.

Two shapes are accepted:

* plain text (`.txt`): the first line is the title, then paragraphs, one per
  line or wrapped over several lines;
* Markdown (`.md`): optional front matter (`title`, `language`) between
  `---` lines, a `# Title` if the front matter has none, `##` headings,
  paragraphs and lists.

A guide's slug is its file's stem. Paragraphs broken by stray blank lines are
repaired (see `repair`). Anything malformed raises `PublisherError` naming
the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from markdown_it import MarkdownIt

from .errors import PublisherError
from .model import SourceBlock, SourceGuide
from .repair import HEADING_WORDS, ends_paragraph, is_heading, is_line_list, is_title, item_runs, merge_broken
from .source_files import SOURCE_SUFFIXES, discover  # noqa: F401  (where guides are found)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_KEYS = {"title", "language", "keep"}
MAX_FRONT_MATTER = 4000  # characters: 'title:' and 'language:' fit many times over
DEFAULT_LANGUAGE = "en"


def load_source(path: Path) -> SourceGuide:
    """Read one guide file into a SourceGuide, repairing broken paragraphs."""
    slug = path.stem
    if not SLUG.match(slug):
        raise PublisherError(f"file name '{path.name}' is not a slug: use lowercase letters, digits and "
                             f"hyphens, e.g. '{_suggest_slug(slug)}{path.suffix}'", path)
    text = _read_text(path)
    if path.suffix == ".md":
        return _load_markdown(path, slug, text)
    return _load_plain_text(path, slug, text)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PublisherError(f"not UTF-8 text (byte 0x{data[error.start]:02X}); save the file as UTF-8",
                             path, line) from None
    if "\x00" in text:
        raise PublisherError("binary data, not text", path, text[: text.index("\x00")].count("\n") + 1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, in any script


def _require_words(path: Path, blocks, title_line: int) -> None:
    """Refuse a guide whose text has no words (only numbers and symbols):
    there is nothing to make plain, translate or read aloud."""
    texts = [(block.line, text) for block in blocks if block.kind in ("paragraph", "list")
             for text in ((block.text,) if block.kind == "paragraph" else block.items)]
    if not texts:
        raise PublisherError("the guide has a title but no text", path, title_line)
    if not any(_WORD.search(text) for _, text in texts):
        raise PublisherError("the guide has no sentences: its text is only numbers and symbols", path, texts[0][0])


def _clean(text: str) -> str:
    return " ".join(text.split())


# --- plain text -------------------------------------------------------------


def _load_plain_text(path: Path, slug: str, text: str) -> SourceGuide:
    lines = [(number, _clean(line)) for number, line in enumerate(text.split("\n"), start=1)]
    if not any(line for _, line in lines):
        raise PublisherError("empty guide: the first line must be the title, then paragraphs", path, 1)
    title_line, title = next((number, line) for number, line in lines if line)
    chunks = _chunks([(number, line) for number, line in lines if number > title_line])
    if not chunks:
        raise PublisherError("the guide has a title but no text", path, title_line)
    blocks: list[SourceBlock] = []
    run: list[tuple[int, str]] = []  # lines of paragraphs, merged where a blank line broke one
    for chunk in chunks + [[]]:
        if chunk and not is_line_list([line for _, line in chunk]):
            run.extend(chunk)
            continue
        paragraphs = item_runs(merge_broken(run, DEFAULT_LANGUAGE))
        following = [text if isinstance(text, str) else text[0] for _, text in paragraphs[1:]] + [
            chunk[0][1] if chunk else ""]
        blocks += [SourceBlock("list", line, items=paragraph) if not isinstance(paragraph, str) else
                   SourceBlock("heading" if is_heading(paragraph, after) else "paragraph", line, text=paragraph)
                   for (line, paragraph), after in zip(paragraphs, following)]
        run = []
        if chunk:
            blocks.append(SourceBlock("list", chunk[0][0], items=tuple(line for _, line in chunk)))
    _require_words(path, blocks, title_line)
    return SourceGuide(slug=slug, path=path, title=title, lang=DEFAULT_LANGUAGE, blocks=tuple(blocks))


def _chunks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of (line number, text) not broken by a blank line."""
    chunks: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line:
            chunks[-1].append((number, line))
        elif chunks[-1]:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


# --- Markdown -----------------------------------------------------------------


def _load_markdown(path: Path, slug: str, text: str) -> SourceGuide:
    meta, body, offset = _split_front_matter(path, text)
    lang = _language(path, meta.get("language", DEFAULT_LANGUAGE))
    heading_title, blocks = _markdown_blocks(path, body, offset)
    title = _clean(str(meta.get("title") or "")) or heading_title
    if not title:
        raise PublisherError("no title: add 'title:' front matter or start with a '# Title' line",
                             path, offset + 1)
    if heading_title and heading_title != title:
        blocks.insert(0, SourceBlock("heading", offset + 1, text=heading_title))
    blocks = _repair_paragraph_runs(blocks, lang)
    _require_words(path, blocks, offset + 1)
    keep = tuple(" ".join(word.split()) for word in meta.get("keep", ()))
    return SourceGuide(slug=slug, path=path, title=title, lang=lang, blocks=tuple(blocks), keep=keep)


def _split_front_matter(path: Path, text: str) -> tuple[dict, str, int]:
    """(front matter, Markdown body, number of lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 0
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            break
    else:
        raise PublisherError("front matter is not closed: add a '---' line after it", path, 1)
    front = "\n".join(lines[1:end])
    if len(front) > MAX_FRONT_MATTER:
        raise PublisherError(f"front matter is too long ({len(front):,} characters; a guide needs only "
                             f"'title:' and 'language:')", path, 2)
    try:
        meta = yaml.load(front, Loader=_NoAliasLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise PublisherError(f"front matter: {problem}", path, (mark.line + 2) if mark else 2) from None
    if not isinstance(meta, dict):
        raise PublisherError("front matter must be 'key: value' lines (title, language)", path, 2)
    unknown = sorted(set(meta) - FRONT_MATTER_KEYS)
    if unknown:
        key_line = next((n for n, l in enumerate(lines[1:end], start=2) if l.startswith(str(unknown[0]))), 2)
        raise PublisherError(f"unknown front matter key '{unknown[0]}' (known: title, language, keep)", path, key_line)
    for key, value in meta.items():
        key_line = next((n for n, text in enumerate(lines[1:end], start=2) if text.startswith(str(key))), 2)
        if key == "keep":
            if not (isinstance(value, list) and value and all(isinstance(word, str) and word.strip()
                                                               for word in value)):
                raise PublisherError(f"front matter 'keep' must be a list of words to keep as written, "
                                     f"e.g. keep: [assessment] (got {_yaml_kind(value)})", path, key_line)
        elif not isinstance(value, str):
            raise PublisherError(f"front matter '{key}' must be text (got {_yaml_kind(value)})", path, key_line)
    return meta, "\n".join(lines[end + 1:]), end + 1


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases (`*name`): a guide's front matter
    never needs them, and nested aliases expand without bound."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter", mark)
        return super().compose_node(parent, index)


def _yaml_kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false", type(None): "nothing"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def _language(path: Path, value: object) -> str:
    code = str(value).strip()
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise PublisherError(f"unknown language '{code}' in front matter (use a code like 'en' or 'es')",
                             path, 1) from None
    return code.replace("-", "_")


_UNSUPPORTED = {
    "fence": "code blocks", "code_block": "code blocks", "html_block": "HTML",
    "table_open": "tables", "image": "images (describe the picture in words)",
}


def _markdown_blocks(path: Path, body: str, offset: int) -> tuple[str, list[SourceBlock]]:
    """(the text of a leading '# Title' or "", the blocks after it)."""
    # Indented text is a paste's leading spaces, not code: read as paragraphs (fenced code is refused).
    tokens = MarkdownIt("commonmark").enable("table").disable("code").parse(body)
    title = ""
    blocks: list[SourceBlock] = []
    list_depth = 0
    items: list[str] = []
    list_line = 0
    for index, token in enumerate(tokens):
        line = offset + (token.map[0] + 1 if token.map else 1)
        if token.type in _UNSUPPORTED:
            raise PublisherError(f"{_UNSUPPORTED[token.type]} are not supported in guides", path, line)
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                items, list_line = [], line
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0 and items:
                blocks.append(SourceBlock("list", list_line, items=tuple(items)))
        elif token.type == "heading_open":
            text = _inline_text(path, tokens[index + 1], line)
            if token.tag == "h1" and not blocks and not title:
                title = text
            else:
                blocks.append(SourceBlock("heading", line, text=text))
        elif token.type == "paragraph_open":
            text = _inline_text(path, tokens[index + 1], line)
            lines = _inline_lines(tokens[index + 1])
            if list_depth:
                items.append(text)
            elif is_line_list(lines):  # items one per line, with no list marks
                blocks.append(SourceBlock("list", line, items=tuple(lines)))
            elif _ends_on_title(lines):  # "... in other resources." / "How to Contact the Branch at CDC"
                blocks.append(SourceBlock("paragraph", line, text=_clean(" ".join(lines[:-1]))))
                blocks.append(SourceBlock("paragraph", offset + token.map[1], text=lines[-1]))
            elif text:
                blocks.append(SourceBlock("paragraph", line, text=text))
    return title, blocks


def _ends_on_title(lines: list[str]) -> bool:
    """Does a paragraph end on a line of its own in title case, after a line
    that ends a sentence? That line is the heading of the text below it,
    written with no blank line above it."""
    return (len(lines) >= 2 and ends_paragraph(lines[-2]) and is_title(lines[-1])
            and len(lines[-1].split()) <= HEADING_WORDS and not ends_paragraph(lines[-1]))


def _inline_text(path: Path, inline, line: int) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in _UNSUPPORTED:
            raise PublisherError(f"{_UNSUPPORTED[child.type]} are not supported in guides", path, line)
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return _clean("".join(parts))


def _inline_lines(inline) -> list[str]:
    """The lines of a paragraph as written (split where the source broke the line)."""
    lines = [""]
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline"):
            lines[-1] += child.content
    return [_clean(line) for line in lines if _clean(line)]


def _repair_paragraph_runs(blocks: list[SourceBlock], lang: str) -> list[SourceBlock]:
    """Merge runs of consecutive paragraphs split by stray blank lines."""
    repaired: list[SourceBlock] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        repaired.extend(SourceBlock("paragraph", line, text=text) if isinstance(text, str) else
                        SourceBlock("list", line, items=text) for line, text in item_runs(merge_broken(run, lang)))
        run.clear()

    for block in blocks:
        if block.kind == "paragraph":
            run.append((block.line, block.text))
        else:
            flush()
            repaired.append(block)
    flush()
    return repaired


def _suggest_slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "guide"
