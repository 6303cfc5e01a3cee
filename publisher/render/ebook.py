"""Pack an EPUB 3: the files of a book into its ZIP container (OCF).

The `mimetype` entry comes first, stored uncompressed, as reading systems
and EPUBCheck require; `META-INF/container.xml` points at the package
document. Entries carry a fixed date, so the same book packs to the same
bytes. The MP3 is stored (it does not compress), the rest deflated.
"""

from __future__ import annotations

import io
import zipfile

MIMETYPE = "application/epub+zip"
FIXED_DATE = (2000, 1, 1, 0, 0, 0)
CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles>
<rootfile full-path="{package}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def pack_epub(package_path: str, files: dict[str, bytes | str]) -> bytes:
    """The EPUB file holding `files` (path in the book -> content), whose
    package document is `package_path`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        _add(book, "mimetype", MIMETYPE, zipfile.ZIP_STORED)
        _add(book, "META-INF/container.xml", CONTAINER.format(package=package_path), zipfile.ZIP_DEFLATED)
        for name, data in files.items():
            compression = zipfile.ZIP_STORED if name.endswith((".mp3", ".woff2")) else zipfile.ZIP_DEFLATED
            _add(book, name, data, compression)
    return buffer.getvalue()


def pack_zip(files: dict[str, bytes | str]) -> bytes:
    """A plain ZIP archive of `files` (path -> content), with fixed dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            _add(archive, name, data, zipfile.ZIP_STORED if name.endswith(".mp3") else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes | str, compression: int) -> None:
    entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    entry.compress_type = compression
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data.encode("utf-8") if isinstance(data, str) else data)
