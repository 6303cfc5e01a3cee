"""Choices and defaults shared by the command line and the build (kept light:
the command line reads them before any heavy library is imported)."""

FORMATS = ("html", "pdf", "mp3")
SOURCE_LANGUAGE = "en"
LISTENING_RATE_WPM = 145
