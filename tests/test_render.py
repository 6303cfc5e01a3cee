"""The web page and the large-print document (publisher.render)."""

import gettext
import re
from html.parser import HTMLParser

import pytest

from conftest import REPO
from publisher.errors import PublisherError
from publisher.model import BulletList, Guide, Paragraph, Section, Sentence
from publisher.render.page import PageRenderer, _css_content, css_string
from publisher.render.pdf import ProjectOnlyFetcher, pdf_bytes

TEMPLATES = REPO / "templates"


def guide(lang="en", fallback_lang=None) -> Guide:
    def s(id_, text, unit_lang=lang):
        return Sentence(id_, text, unit_lang)
    return Guide(
        slug="demo", title=s("title", "A <demo> guide & more"), lang=lang,
        summary=(s("key-points.1", "One key point."),),
        sections=(
            Section("what-is", s("what-is.heading", "What is it?"), (
                Paragraph((s("what-is.1", "First <script>alert(1)</script> sentence."),
                           s("what-is.2", "Second.", fallback_lang or lang))),
                BulletList((s("what-is.3", "An item."),)),
            )),
            Section("causes", s("causes.heading", "What causes it?"), (Paragraph((s("causes.1", "Genes."),)),)),
        ))


class Outline(HTMLParser):
    """Collects tags, their attributes and text from a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("medium", ["screen", "print"])
def test_page_is_accessible(medium):
    page = outline(PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide(), medium))
    tags = [tag for tag, _ in page.tags]
    html_attrs = page.tags[0][1]
    assert tags[0] == "html" and html_attrs == {"lang": "en", "dir": "ltr"}
    assert "title" in tags
    for landmark in ("header", "nav", "main"):
        assert landmark in tags
    headings = [tag for tag in tags if re.fullmatch(r"h\d", tag)]
    assert headings[0] == "h1" and set(headings[1:]) == {"h2"}
    ids = [attrs["id"] for tag, attrs in page.tags if tag == "span"]
    assert ids == ["u-title", "u-key-points.heading", "u-key-points.1", "u-what-is.heading", "u-what-is.1", "u-what-is.2",
                   "u-what-is.3", "u-causes.heading", "u-causes.1"]


def test_text_is_escaped_never_markup():
    html = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide(), "screen")
    assert "<script>alert" not in html
    assert "First &lt;script&gt;alert(1)&lt;/script&gt; sentence." in html
    assert "<title>A &lt;demo&gt; guide &amp; more</title>" in html


def test_fallback_units_are_marked_with_their_language():
    page = outline(PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide("ar", "en"), "screen"))
    assert page.tags[0][1] == {"lang": "ar", "dir": "rtl"}
    marked = {attrs["id"]: attrs for tag, attrs in page.tags if tag == "span" and "lang" in attrs}
    assert marked == {"u-what-is.2": {"id": "u-what-is.2", "lang": "en", "dir": "ltr"}}


def test_template_words_are_translated():
    class Shout(gettext.NullTranslations):
        def gettext(self, message):  # upper case, placeholders kept
            return re.sub(r"\{\w+\}|%\(\w+\)s|([^{%]+)",
                          lambda match: match.group(1).upper() if match.group(1) else match.group(), message)

    renderer = PageRenderer(TEMPLATES, Shout())
    page = renderer.render(guide(), "print")
    assert ">CONTENTS<" in page and ">KEY POINTS<" in page
    assert '"PAGE " counter(page) " OF " counter(pages)' in page


def test_footer_pattern_becomes_css_content():
    assert _css_content("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
    assert _css_content("{page} / {pages}") == 'counter(page) " / " counter(pages)'
    assert _css_content("صفحة {page} من {pages}") == '"صفحة " counter(page) " من " counter(pages)'
    assert css_string('say "hi" \\ bye') == '"say \\"hi\\" \\\\ bye"'


def test_large_print_stylesheet_sizes():
    css = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide(), "print")
    assert re.search(r"html \{[^}]*font-size: 18pt", css)
    assert re.search(r"@bottom-center \{[^}]*font-size: 18pt", css)
    assert "hyphens: manual" in css and "line-height: 1.5" in css
    assert "font-style: italic" not in css and "text-align: justify" not in css


def test_pdf_may_read_only_the_templates_folder(tmp_path):
    fetcher = ProjectOnlyFetcher(TEMPLATES)
    with pytest.raises(PermissionError):
        fetcher.fetch("file:///etc/hostname")
    with pytest.raises(PermissionError):
        fetcher.fetch(f"file://{TEMPLATES}/../pyproject.toml")
    with pytest.raises(PermissionError):
        fetcher.fetch("http://example.com/font.woff2")
    assert fetcher.fetch((TEMPLATES / "screen.css").as_uri()).read()
    html = '<html lang="en"><head><title>x</title><link rel="stylesheet" href="file:///etc/hostname"></head>' \
           '<body><p>x</p></body></html>'
    with pytest.raises(PublisherError, match="refusing to load file:///etc/hostname"):
        pdf_bytes(html, TEMPLATES)
