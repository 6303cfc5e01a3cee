"""publisher: health guides as plain-language, translated, large-print and narrated editions."""

__version__ = "0.1.0"
