"""Read-along EPUB 3: the guide's text in large print with its narration as
a media overlay, so a reading app highlights each sentence as it is spoken.

    output/<lang>/<slug>.epub
        mimetype, META-INF/container.xml
        EPUB/package.opf     what the book is, with accessibility metadata
        EPUB/guide.xhtml     the guide (every spoken unit has an id)
        EPUB/nav.xhtml       the contents (role doc-toc)
        EPUB/guide.smil      one <par> per spoken unit, timed from the real clips
        EPUB/audio/<slug>.mp3, EPUB/css/ebook.css, EPUB/fonts/*.woff2

The audio is the guide's whole MP3, so the overlay's clip times are the
times of the WebVTT transcript.
"""

from __future__ import annotations

import datetime
import uuid
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..atomic import write_atomic
from ..plurals import count
from . import JobInput, Made, OutputFormat
from .narration import spoken
from .web_page import renderer

PACKAGE = "EPUB/package.opf"
CONTENT, NAV, OVERLAY, STYLESHEET = "guide.xhtml", "nav.xhtml", "guide.smil", "css/ebook.css"


def make(job: JobInput) -> Made:
    """Speak the guide (or take its clips from the cache) and pack the EPUB."""
    from ..render.ebook import pack_epub
    from ..render.fonts import font_files
    from ..render.page import clock

    narration = spoken(job)
    guide, gettext = job.guide, job.translations.gettext
    page = renderer(job.project.templates, job.translations)
    audio = f"audio/{guide.slug}.mp3"
    fonts = [path for path in font_files(job.project.templates) if path.suffix == ".woff2"]
    font_names = [f"fonts/{path.name}" for path in fonts]
    today = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    package = page.render_file(
        "ebook/package.opf.j2", guide, identifier=book_identifier(job.publisher_name, guide.slug, guide.lang),
        publisher=job.publisher_name, date=today.date().isoformat(),
        modified=today.isoformat().replace("+00:00", "Z"), duration=clock(narration.mastered.seconds),
        summary=gettext("This guide is in large print, with headings and a table of contents to move "
                        "around. A computer voice reads the whole guide aloud, and each sentence is "
                        "highlighted as it is read. The text alone or the audio alone gives the whole guide."),
        content=CONTENT, overlay=OVERLAY, audio=audio, stylesheet=STYLESHEET, fonts=font_names)
    files = {
        PACKAGE: package,
        f"EPUB/{CONTENT}": page.render_file("ebook/content.xhtml.j2", guide, flavour="epub", stylesheet=STYLESHEET),
        f"EPUB/{NAV}": page.render_file("ebook/nav.xhtml.j2", guide, content=CONTENT, stylesheet=STYLESHEET),
        f"EPUB/{OVERLAY}": page.render_file("ebook/overlay.smil.j2", guide, content=CONTENT, audio=f"{audio}",
                                            clips=narration.placed),
        f"EPUB/{audio}": narration.mastered.whole,
        f"EPUB/{STYLESHEET}": page.source("ebook/ebook.css"),
        **{f"EPUB/{name}": path.read_bytes() for name, path in zip(font_names, fonts)},
    }
    write_atomic(job.target, pack_epub(PACKAGE, files))
    return Made((job.target,), f"{count(len(narration.placed), 'sentence')} read along", narration.clips)


def book_identifier(publisher: str, slug: str, lang: str) -> str:
    """The same UUID for the same guide, language and publisher, build after build."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'publisher:{publisher}/{lang}/{slug}')}"


def check(path: Path) -> list[str]:
    """The container's first entry is its stored mimetype, every XML file
    parses, and every file the package lists is in the book."""
    problems = []
    with zipfile.ZipFile(path) as book:
        first = book.infolist()[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
            problems.append("the first entry is not the stored mimetype")
        names = set(book.namelist())
        for name in names:
            if name.endswith((".xml", ".opf", ".xhtml", ".smil")):
                try:
                    ElementTree.fromstring(book.read(name))
                except ElementTree.ParseError as error:
                    problems.append(f"{name}: {error}")
        if not problems:
            package = ElementTree.fromstring(book.read(PACKAGE))
            for item in package.iter("{http://www.idpf.org/2007/opf}item"):
                if f"EPUB/{item.get('href')}" not in names:
                    problems.append(f"the package lists {item.get('href')}, which is not in the book")
    return problems


FORMAT = OutputFormat(
    name="epub",
    summary="read-along EPUB 3: large print, with the narration as a media overlay",
    suffix=".epub",
    make=make,
    check=check,
    templates=("ebook/content.xhtml.j2", "ebook/nav.xhtml.j2", "ebook/package.opf.j2", "ebook/overlay.smil.j2",
               "ebook/ebook.css", "units.html.j2", "fonts"),
    packages=("Jinja2", "MarkupSafe", "Babel", "pyttsx3", "lameenc", "numpy", "miniaudio"),
    speaks=True,
)
