"""Braille editions: guides transcribed with liblouis and laid out in pages.

    codes.py       which liblouis table each language is written with (locales/<lang>/braille.toml)
    transcribe.py  text to braille cells, and back, with liblouis
    brf.py         North American braille ASCII: cells, lines and pages of a BRF file, and its checks
    pages.py       blocks of braille laid out in numbered 40-cell, 25-line pages
    edition.py     a guide in reading order, as a BRF file
"""
