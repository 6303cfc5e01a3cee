"""Mark passages in another language in the PDF's tags.

WeasyPrint 70 writes the document's language (/Lang in the catalogue) but
not the language of an element with its own `lang` attribute, so a screen
reader would read an untranslated English fallback sentence in an Arabic
guide with the Arabic voice (PDF/UA-1 7.2, ISO 32000 14.9.2). Importing this
module wraps WeasyPrint's tag-tree builder so that each structure element
made for an HTML element with a `lang` attribute carries it as /Lang.
Checked against WeasyPrint 70.0 (pinned); remove when WeasyPrint does it.
"""

from __future__ import annotations

import pydyf
from weasyprint.pdf import tags

_build_box_tree = tags._build_box_tree


def _build_box_tree_with_languages(box, parent, pdf, *args):
    element = getattr(box, "element", None)
    lang = None
    if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
        lang = element.get("lang")
    for structure in _build_box_tree(box, parent, pdf, *args):
        if lang and "Lang" not in structure:
            structure["Lang"] = pydyf.String(lang)
        yield structure


if getattr(tags._build_box_tree, "__name__", "") != _build_box_tree_with_languages.__name__:
    tags._build_box_tree = _build_box_tree_with_languages
