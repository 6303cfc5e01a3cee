"""Read what the build made, with tools independent of the code that made it:
pdfminer for PDF text and sizes, page-validation for PDF/UA-1, ffmpeg for MP3
decoding, mutagen for ID3 frames, the standard HTML parser for pages."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from functools import wraps
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
from mutagen.id3 import ID3
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTRect, LTTextContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser


def read_once(function):
    """Cache what a reader finds in a file until the file changes (parsing a
    PDF takes a second). `reader.read_in_pool(paths, pool)` reads many files
    at once in a process pool and keeps what it found."""
    found: dict[tuple[Path, int, int], object] = {}

    def key(path) -> tuple[Path, int, int]:
        status = Path(path).stat()
        return Path(path), status.st_mtime_ns, status.st_size

    @wraps(function)
    def reader(path: Path):
        if key(path) not in found:
            found[key(path)] = function(Path(path))
        return found[key(path)]

    def read_in_pool(paths, pool) -> None:
        paths = [Path(path) for path in paths if key(path) not in found]
        for path, result in zip(paths, pool.map(reader, paths)):  # by name: the reader, not `function`
            found[key(path)] = result

    reader.read_in_pool = read_in_pool
    return reader


# --- PDF ---------------------------------------------------------------------------


@dataclass
class PdfFacts:
    lang: str
    title: str
    smallest_size: float
    fonts: set[str]
    text: str
    pages: int


@read_once
def pdf_ua_failures(path: Path) -> list[tuple[str, str]]:
    """The PDF/UA-1 rules `path` breaks, by page-validation: (rule, message); none if it complies."""
    import page as pdf_validator

    report = pdf_validator.validate_pdf(str(path), profile="ua1")
    if report.is_compliant:
        return []
    return [(failure.rule_id, failure.message) for failure in report.failures] or [("?", "not compliant")]


@dataclass
class Line:
    """One line of text on a PDF page, in points from the bottom left."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # the largest character on the line
    bold: bool


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    boxes: list[tuple[float, float, float, float]]  # drawn rectangles smaller than the page: x0, y0, x1, y1


def pdf_facts(path: Path) -> PdfFacts:
    """The document's language, title, smallest text, fonts, text and page count."""
    return pdf_layout(path)[0]


def pdf_pages(path: Path) -> list[Page]:
    """Every page's lines of text, top to bottom."""
    return pdf_layout(path)[1]


@read_once
def pdf_layout(path: Path) -> tuple[PdfFacts, list[Page]]:
    """What pdfminer finds in `path`: its facts and its pages, from one parse
    (a second or more a PDF; `pdf_facts` and `pdf_pages` read it from here)."""
    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        lang = _pdf_string(document.catalog.get("Lang"))
        info = document.info[0] if document.info else {}
        title = _pdf_string(info.get("Title"))
    sizes, fonts, texts, pages = [], set(), [], []
    for layout in extract_pages(str(path)):
        lines, boxes = [], []
        for element in layout:
            if isinstance(element, LTRect) and element.width < layout.width - 1:
                boxes.append(element.bbox)
            if not isinstance(element, LTTextContainer):
                continue
            texts.append(element.get_text())
            for line in element:
                chars = [char for char in getattr(line, "_objs", []) if isinstance(char, LTChar)]
                inked = [char for char in chars if char.get_text().strip()]
                sizes += [char.size for char in inked]
                fonts |= {char.fontname.split("+")[-1] for char in inked}
                if not chars or not line.get_text().strip():
                    continue
                bold = all("bold" in char.fontname.lower() for char in inked)
                lines.append(Line(" ".join(line.get_text().split()), line.x0, line.x1, line.y0, line.y1,
                                  max(char.size for char in chars), bold))
        lines.sort(key=lambda line: (-round(line.y1), line.x0))
        pages.append(Page(layout.width, layout.height, lines, boxes))
    facts = PdfFacts(lang, title, min(sizes), fonts, " ".join(" ".join(texts).split()), len(pages))
    return facts, pages


def visual_lines(page: Page) -> list[Line]:
    """The page's lines with the pieces on one baseline joined (start-to-end order is not kept for Arabic)."""
    merged: list[Line] = []
    for line in page.lines:
        if merged and same_baseline(merged[-1], line):
            last = merged[-1]
            merged[-1] = Line(f"{last.text} {line.text}", min(last.x0, line.x0), max(last.x1, line.x1),
                              min(last.y0, line.y0), max(last.y1, line.y1), max(last.size, line.size),
                              last.bold and line.bold)
        else:
            merged.append(line)
    return merged


def same_baseline(a: Line, b: Line) -> bool:
    """Whether two pieces of text share a line: they overlap for most of the shorter one's height."""
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.6 * min(a.y1 - a.y0, b.y1 - b.y0)


def lone_first_words(path: Path) -> list[str]:
    """Body lines of the PDF that hold one word alone while the next line
    goes on with the same sentence: the first word of a paragraph (or of a
    sentence) pushed onto a line of its own ("If", then "walking is getting
    harder ..."). The next line is the same paragraph's when it follows at
    the body's line height (a new paragraph or list item starts at least
    half a line lower); bold lines (headings, words to know) are left out."""
    found = []
    for number, page in enumerate(pdf_pages(path), start=1):
        lines = visual_lines(page)
        for line, after in zip(lines, lines[1:]):
            words = line.text.split()
            if len(words) != 1 or line.bold or words[0][-1] in ".!?:;؟":
                continue
            gap = line.y0 - after.y0  # baseline to baseline, near enough
            if abs(after.size - line.size) < 0.5 and gap < 1.75 * line.size:
                found.append(f"page {number}: {words[0]!r} alone, then {after.text[:40]!r}")
    return found


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    """The bookmarks: (level, title) in order."""
    with path.open("rb") as handle:
        return [(level, title) for level, title, *_ in PDFDocument(PDFParser(handle)).get_outlines()]


def pdf_catalog_entry(path: Path, key: str):
    from pdfminer.pdftypes import resolve1

    with path.open("rb") as handle:
        return resolve1(PDFDocument(PDFParser(handle)).catalog.get(key))


def _pdf_string(value) -> str:
    value = getattr(value, "resolve", lambda: value)()
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be")
        return value.decode("latin-1")
    return str(value or "")


# --- MP3 ---------------------------------------------------------------------------


def decode_mp3(path: Path) -> tuple[np.ndarray, int]:
    """Decoded mono samples in [-1, 1] and the sample rate (ffmpeg)."""
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                            "stream=sample_rate,channels,bit_rate", "-of", "csv=p=0", str(path)],
                           capture_output=True, text=True, check=True).stdout.strip()
    rate = int(probe.split(",")[0])
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768, rate


def mp3_stream(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                          "stream=codec_name,sample_rate,channels,bit_rate", "-of", "default=nw=1", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in out.split())


def ffprobe_chapters(path: Path) -> list[tuple[float, str]]:
    """(start in seconds, title) of each chapter, in the order ffprobe lists them."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return [(float(c["start_time"]), c.get("tags", {}).get("title", "")) for c in json.loads(out)["chapters"]]


@dataclass
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float


@read_once
def ebur128(path: Path) -> Loudness:
    """Integrated loudness and true peak, from ffmpeg's EBU R128 meter (a few
    seconds a guide: its true-peak meter oversamples four times)."""
    log = subprocess.run(["ffmpeg", "-nostats", "-hide_banner", "-i", str(path), "-filter_complex",
                          "ebur128=peak=true", "-f", "null", "-"], capture_output=True, text=True, check=True).stderr
    summary = log[log.rindex("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary).group(1)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1)
    return Loudness(float(integrated), float(peak))


def duration_seconds(path: Path) -> float:
    """The length of a decoded audio file (ffprobe)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                          str(path)], capture_output=True, text=True, check=True).stdout
    return float(out.strip())


@dataclass
class Chapter:
    element_id: str
    title: str
    start: float
    end: float


def id3_facts(path: Path) -> tuple[ID3, list[Chapter], list[str]]:
    """The tag, its chapters in time order, and the CTOC's child ids."""
    tags = ID3(path)
    chapters = sorted((Chapter(c.element_id, str(c.sub_frames.get("TIT2", "")), c.start_time / 1000,
                               c.end_time / 1000) for c in tags.getall("CHAP")), key=lambda c: c.start)
    tocs = tags.getall("CTOC")
    return tags, chapters, (list(tocs[0].child_element_ids) if tocs else [])


@dataclass
class Cue:
    id: str
    start: float
    end: float
    text: str


def read_webvtt(path: Path) -> list[Cue]:
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    assert blocks[0].strip() == "WEBVTT"
    cues = []
    for block in blocks[1:]:
        lines = block.strip().split("\n")
        if len(lines) < 3:
            continue
        start, end = (_seconds(part) for part in lines[1].split(" --> "))
        cues.append(Cue(lines[0], start, end, " ".join(lines[2:])))
    return cues


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.strip().split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def rms_dbfs(samples: np.ndarray) -> float:
    power = float(np.mean(samples.astype(np.float64) ** 2)) if samples.size else 0.0
    return 10 * np.log10(power) if power > 0 else -120.0


# --- HTML ----------------------------------------------------------------------------


class PageFacts(HTMLParser):
    """Tags in order, the text of every unit span, and the page text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.units: dict[str, str] = {}
        self.text_parts: list[str] = []
        self.prose_parts: list[tuple[int, bool, str]] = []  # (p/li element number, inside <main>, text)
        self.block_stack: list[int] = []
        self._blocks = 0
        self.open: list[str] = []
        self.h2: list[list] = []  # [id, text] of each second-level heading
        self._unit_stack: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.open.append(tag)
        if tag in ("p", "li"):
            self._blocks += 1
            self.block_stack.append(self._blocks)
        if tag == "h2":
            self.h2.append([attrs.get("id", ""), ""])
        if tag == "span":
            self._unit_stack.append(attrs.get("id"))
            if attrs.get("id"):
                self.units[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "span" and self._unit_stack:
            self._unit_stack.pop()
        if tag in ("p", "li") and self.block_stack:
            self.block_stack.pop()
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if self.open and self.open[-1] in ("style", "script", "title"):
            return
        if "h2" in self.open and self.h2:
            self.h2[-1][1] += data
        if self.block_stack:
            self.prose_parts.append((self.block_stack[-1], "main" in self.open, data))
        self.text_parts.append(data)
        if self._unit_stack and self._unit_stack[-1]:
            self.units[self._unit_stack[-1]] += data

    @property
    def text(self) -> str:
        return squash(" ".join(self.text_parts))

    def part_headings(self) -> list[str]:
        """The headings of the page's parts (key points, sections, words to know), not "Contents"."""
        return [squash(text) for id_, text in self.h2 if id_ != "contents-heading"]

    def prose(self, main_only: bool = True) -> list[str]:
        """The text of each paragraph and list item, in order (in <main> only, or anywhere)."""
        blocks: dict[int, list[str]] = {}
        for number, in_main, data in self.prose_parts:
            if in_main or not main_only:
                blocks.setdefault(number, []).append(data)
        return [squash("".join(parts)) for parts in blocks.values() if "".join(parts).strip()]

    def headings(self) -> list[str]:
        return [tag for tag, _ in self.tags if re.fullmatch(r"h[1-6]", tag)]


def page_facts(path: Path) -> PageFacts:
    facts = PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    return facts


def squash(text: str) -> str:
    """`text` with each run of white space as one space, as a browser shows
    it; a no-break space (French "SLA\u00a0?") is kept, not white space here."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def words(text: str) -> int:
    return len(text.split())
