"""Print a rendered page to a large-print PDF/UA-1 file with WeasyPrint.

WeasyPrint reads only the project's own templates folder (stylesheets and
fonts): any other URL, local or remote, stops the rendering with an error.
A guide gets its contents list only when it runs over CONTENTS_AFTER_PAGES
pages without one (a short handout needs none), so long guides are laid
out twice.

WeasyPrint 70 writes an empty ToUnicode entry (a PDF/UA-1 failure, and a
hole in the text a screen reader gets) for a mark inside the Arabic lam-alef
ligature (WeasyPrint #2841). The common case, tanween fath on a lam before
alef ("مثلًا"), is printed in the equally standard spelling with the tanween
on the alef ("مثلاً"): same word, same sound.

WeasyPrint copies a document's fonts into a `weasyprint-*` folder it makes
with tempfile, and removes it only when its font configuration is garbage
collected: a worker process that ends first leaves it behind (two per
parallel build, measured). So each document gets a temporary folder of its
own, inside the process's (a build's is .cache/tmp/, workspace.py), removed
as soon as the PDF is written.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ..defaults import CONTENTS_AFTER_PAGES
from ..errors import PublisherError
from ..workspace import temporary_folder
from . import pdf_languages  # noqa: F401  (marks passages in another language in the PDF's tags)

PDF_VARIANT = "pdf/ua-1"
_TANWEEN_INSIDE_LAM_ALEF = re.compile("\u0644\u064b\u0627")  # lam, fathatan, alef


class ProjectOnlyFetcher(URLFetcher):
    """A URL fetcher that serves files under `root` and refuses everything else."""

    def __init__(self, root: Path):
        super().__init__(allowed_protocols={"file"}, fail_on_errors=True)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        path = Path(unquote(parsed.path)).resolve()
        if parsed.scheme != "file" or not path.is_relative_to(self.root):
            raise PermissionError(f"refusing to load {url}: only files under {self.root} may be used")
        return super().fetch(url, headers)


def guide_pdf(page: Callable[[bool], str], templates: Path) -> bytes:
    """The PDF/UA-1 document of `page(with_contents)`, an HTML page whose
    relative URLs point into `templates`."""
    with _scratch_folder():
        document = layout(page(False), templates)
        if len(document.pages) > CONTENTS_AFTER_PAGES:
            document = layout(page(True), templates)
        return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)


def layout(html: str, templates: Path) -> Document:
    """The page laid out into printed pages."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    html = _TANWEEN_INSIDE_LAM_ALEF.sub("\u0644\u0627\u064b", html)
    try:
        return HTML(string=html, base_url=str(templates.resolve()) + "/",
                    url_fetcher=ProjectOnlyFetcher(templates)).render(pdf_variant=PDF_VARIANT)
    except FatalURLFetchingError as error:
        raise PublisherError(f"PDF rendering stopped: {error.__cause__ or error}") from None


def pdf_bytes(html: str, templates: Path) -> bytes:
    """The PDF/UA-1 document of one HTML page, as it is."""
    with _scratch_folder():
        return layout(html, templates).write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)


@contextmanager
def _scratch_folder() -> Iterator[None]:
    """Point tempfile (for WeasyPrint's font folders) at a new folder, and
    remove it afterwards. A job renders one document at a time per process."""
    folder = Path(tempfile.mkdtemp(prefix="weasyprint-"))
    try:
        with temporary_folder(folder):
            yield
    finally:
        shutil.rmtree(folder, ignore_errors=True)
