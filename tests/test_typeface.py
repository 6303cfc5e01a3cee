"""The large-print typeface keeps apart the characters low-vision readers
confuse: I l 1, 0 O, 3 8 (as Atkinson Hyperlegible was designed to).

Each glyph is drawn from the font file, scaled to fill the same square (so
width alone does not tell two glyphs apart), and two glyphs count as
distinct if they have a different number of enclosed holes (a slashed zero
against an O) or overlap by less than 70%. Noto Sans, a good face but not
one made for low vision, is the control: its 0 and O are the same oval.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw
from scipy import ndimage

from conftest import REPO

FONTS = REPO / "templates" / "fonts" / "atkinson-hyperlegible"
CONFUSABLE = [("I", "l"), ("I", "1"), ("l", "1"), ("0", "O"), ("3", "8")]
NOTO_SANS = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
SIZE = 120


class OutlinePen(BasePen):
    """Collects a glyph's contours as polygons (curves flattened)."""

    def __init__(self, glyph_set):
        super().__init__(glyph_set)
        self.contours: list[list[tuple[float, float]]] = []

    def _moveTo(self, point):
        self.contours.append([point])

    def _lineTo(self, point):
        self.contours[-1].append(point)

    def _curveToOne(self, p1, p2, p3):
        p0 = np.array(self.contours[-1][-1])
        for t in np.linspace(0, 1, 12)[1:]:
            self.contours[-1].append(tuple((1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * np.array(p1)
                                           + 3 * (1 - t) * t ** 2 * np.array(p2) + t ** 3 * np.array(p3)))

    def _qCurveToOne(self, p1, p2):
        p0 = np.array(self.contours[-1][-1])
        for t in np.linspace(0, 1, 12)[1:]:
            self.contours[-1].append(tuple((1 - t) ** 2 * p0 + 2 * (1 - t) * t * np.array(p1) + t ** 2 * np.array(p2)))


def glyph_image(font: TTFont, char: str) -> np.ndarray:
    """The glyph filled (even-odd) in a SIZE x SIZE square it fills."""
    glyph_set = font.getGlyphSet()
    pen = OutlinePen(glyph_set)
    glyph_set[font.getBestCmap()[ord(char)]].draw(pen)
    points = np.concatenate([np.array(contour) for contour in pen.contours])
    low, high = points.min(axis=0), points.max(axis=0)
    image = np.zeros((SIZE, SIZE), bool)
    for contour in pen.contours:
        scaled = (np.array(contour) - low) / np.maximum(high - low, 1) * (SIZE - 1)
        mask = Image.new("1", (SIZE, SIZE), 0)
        ImageDraw.Draw(mask).polygon([(x, SIZE - 1 - y) for x, y in scaled], fill=1)
        image ^= np.array(mask)
    return image


def holes(image: np.ndarray) -> int:
    labels, count = ndimage.label(~image)
    outside = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])))
    return len(set(range(1, count + 1)) - outside)


def distinct(font: TTFont, a: str, b: str) -> bool:
    first, second = glyph_image(font, a), glyph_image(font, b)
    overlap = (first & second).sum() / (first | second).sum()
    return holes(first) != holes(second) or overlap < 0.7


@pytest.mark.parametrize("weight", [400, 700])
@pytest.mark.parametrize("a,b", CONFUSABLE)
def test_the_print_face_keeps_confusable_characters_apart(weight, a, b):
    font = TTFont(FONTS / f"atkinson-hyperlegible-latin-{weight}-normal.woff2")
    assert distinct(font, a, b)


def test_the_check_catches_a_face_whose_zero_is_an_o():
    font = TTFont(NOTO_SANS)
    assert not distinct(font, "0", "O")
    assert distinct(font, "3", "8")


def test_the_stylesheet_uses_the_face_with_no_italic():
    css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    assert css.count("font-style: normal") == css.count("@font-face") == 4
    assert "italic" not in css.replace("no italics", "")
