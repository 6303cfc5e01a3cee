"""DAISY 2.02 talking book, for hardware players (Victor Reader Stream, the
NLS player) that move by section and by sentence.

    output/<lang>/<slug>-daisy.zip, holding the folder <slug>/ with
        ncc.html        what the book is, and a heading per part of the guide
        content.html    the guide's text (every spoken unit has an id)
        master.smil     the parts in reading order
        NN-<part>.smil  each unit of the part and the stretch of its MP3 that speaks it
        NN-<part>.mp3   the narration's section tracks

The clip times of a part are the WebVTT transcript's times less the start
of the part's track in the whole MP3.
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from ..atomic import write_atomic
from ..plurals import count
from . import JobInput, Made, OutputFormat
from .epub import book_identifier
from .narration import spoken
from .web_page import renderer

CONTENT, NCC, MASTER = "content.html", "ncc.html", "master.smil"
GENERATOR = "publisher"


def make(job: JobInput) -> Made:
    """Speak the guide (or take its clips from the cache) and pack the talking book."""
    from ..render.ebook import pack_zip

    narration = spoken(job)
    guide = job.guide
    page = renderer(job.project.templates, job.translations)
    identifier = book_identifier(job.publisher_name, guide.slug, guide.lang)
    common = {"identifier": identifier, "generator": GENERATOR}
    files: dict[str, bytes | str] = {CONTENT: page.render_file("ebook/content.xhtml.j2", guide, flavour="daisy",
                                                                stylesheet="")}
    parts, headings, elapsed = [], [], 0.0
    for number, (chapter, clips) in enumerate(narration.tracks(), start=1):
        name = f"{number:02d}-{chapter.id}"
        files[f"{name}.mp3"] = narration.mastered.tracks[number - 1]
        files[f"{name}.smil"] = page.render_file(
            "daisy/section.smil.j2", guide, title=chapter.title, elapsed=hms(elapsed), length=hms(chapter.end),
            seconds=chapter.end, clips=clips, content=CONTENT, audio=f"{name}.mp3", **common)
        parts.append({"smil": f"{name}.smil", "title": chapter.title})
        if number == 1:  # the title opens the first part
            headings.append({"smil": f"{name}.smil", "unit_id": clips[0].unit_id, "text": guide.title.text})
        heading = next((clip for clip in clips if clip.unit_id.endswith("heading")), clips[0])
        headings.append({"smil": f"{name}.smil", "unit_id": heading.unit_id, "text": chapter.title})
        elapsed += chapter.end
    total = hms(narration.mastered.seconds)
    files[MASTER] = page.render_file("daisy/master.smil.j2", guide, parts=parts, total_time=total, **common)
    size = sum(len(data) for data in files.values())
    files = {NCC: page.render_file(
        "daisy/ncc.html.j2", guide, headings=headings, total_time=total.split(".")[0], files=len(files) + 1,
        kbytes=round(size / 1024), publisher=job.publisher_name, date=datetime.date.today().isoformat(),
        narrator="espeak-ng computer voice (" + ", ".join(narration.voices) + ")", **common), **files}
    book = PurePosixPath(guide.slug)
    write_atomic(job.target, pack_zip({str(book / name): data for name, data in files.items()}))
    note = f"{count(len(parts), 'part')}, {count(len(narration.placed), 'sentence')}"
    return Made((job.target,), note, narration.clips)


def hms(seconds: float) -> str:
    """A DAISY clock value: "00:08:12.345"."""
    milliseconds = int(round(seconds * 1000))
    minutes, rest = divmod(milliseconds, 60_000)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def check(path: Path) -> list[str]:
    """The book's ncc.html parses, and every SMIL and MP3 its files point at is in the zip."""
    problems = []
    with zipfile.ZipFile(path) as book:
        names = set(book.namelist())
        nccs = [name for name in names if PurePosixPath(name).name == NCC]
        if len(nccs) != 1:
            return [f"{len(nccs)} ncc.html files (a talking book has one)"]
        folder = PurePosixPath(nccs[0]).parent
        for name in sorted(names):
            if name.endswith((".html", ".smil")):
                try:
                    document = ElementTree.fromstring(book.read(name))
                except ElementTree.ParseError as error:
                    problems.append(f"{name}: {error}")
                    continue
                for element in document.iter():
                    target = element.get("href") or element.get("src")
                    if target and str(folder / target.split("#")[0]) not in names:
                        problems.append(f"{name} points at {target}, which is not in the book")
    return problems


FORMAT = OutputFormat(
    name="daisy",
    summary="DAISY 2.02 talking book (zip) for players that move by section and sentence",
    suffix="-daisy.zip",
    make=make,
    check=check,
    templates=("daisy", "ebook/content.xhtml.j2", "units.html.j2"),
    packages=("Jinja2", "MarkupSafe", "Babel", "pyttsx3", "lameenc", "numpy", "miniaudio"),
    speaks=True,
)
