"""Choices and defaults shared by the command line and the build (kept light:
the command line reads them before any heavy library is imported)."""

SOURCE_LANGUAGE = "en"
LISTENING_RATE_WPM = 145
PRINT_SIZES = (16, 18, 24)
DEFAULT_PRINT_SIZE = 18
PAPERS = ("a4", "letter")
DEFAULT_PAPER = "a4"
# A printed guide gets its contents list (with page numbers) when it is longer than this.
CONTENTS_AFTER_PAGES = 4
