"""Print a rendered page to a large-print PDF/UA-1 file with WeasyPrint.

WeasyPrint reads only the project's own templates folder (stylesheets and
fonts): any other URL, local or remote, stops the rendering with an error.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ..errors import PublisherError

PDF_VARIANT = "pdf/ua-1"


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


def pdf_bytes(html: str, templates: Path) -> bytes:
    """The PDF/UA-1 document for `html`, whose relative URLs point into `templates`."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = ProjectOnlyFetcher(templates)
    try:
        document = HTML(string=html, base_url=str(templates.resolve()) + "/", url_fetcher=fetcher)
        return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    except FatalURLFetchingError as error:
        raise PublisherError(f"PDF rendering stopped: {error.__cause__ or error}") from None
