"""The web page and the large-print document (publisher.render)."""

import gettext
import io
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from conftest import REPO
from publisher.errors import PublisherError
from publisher.model import BulletList, Guide, Paragraph, Section, Sentence
from publisher.render.page import PageRenderer, _css_content, css_string
from publisher.render.pdf import ProjectOnlyFetcher, guide_pdf, pdf_bytes
from publisher.render.profiles import PrintProfile

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
    html = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide("ar", "en"), "screen")
    page = outline(html)
    assert page.tags[0][1] == {"lang": "ar", "dir": "rtl"}
    assert [attrs for tag, attrs in page.tags if "lang" in attrs][1:] == [{"lang": "en", "dir": "ltr"}]
    assert '<span lang="en" dir="ltr"><span id="u-what-is.2">Second.</span></span>' in html


def test_english_runs_in_a_right_to_left_page_are_one_element_each():
    def s(id_, lang):
        return Sentence(id_, f"Sentence {id_}.", lang)
    mixed = Paragraph((s("p.1", "ar"), s("p.2", "en"), s("p.3", "en"), s("p.4", "ar"), s("p.5", "en")))
    english = Paragraph((s("q.1", "en"), s("q.2", "en")))
    page = Guide(slug="demo", title=s("title", "en"), lang="ar", summary=(s("k.1", "ar"),), sections=(
        Section("a", s("a.heading", "en"), (mixed, english, BulletList((s("l.1", "en"), s("l.2", "ar"))))),))
    html = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(page, "screen")
    ltr = ' lang="en" dir="ltr"'
    assert f'<h1 id="top"{ltr}><span id="u-title">' in html
    assert f'<h2 id="a"{ltr}><span id="u-a.heading">' in html
    assert (f'<p><span id="u-p.1">Sentence p.1.</span> <span{ltr}><span id="u-p.2">Sentence p.2.</span> '
            f'<span id="u-p.3">Sentence p.3.</span></span> <span id="u-p.4">Sentence p.4.</span> '
            f'<span{ltr}><span id="u-p.5">Sentence p.5.</span></span></p>') in html
    assert f'<p{ltr}><span id="u-q.1">Sentence q.1.</span> <span id="u-q.2">Sentence q.2.</span></p>' in html
    assert f'<li{ltr}><span id="u-l.1">' in html and '<li><span id="u-l.2">' in html


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


@pytest.mark.parametrize("body,heading,title", [(16, 21, 28), (18, 24, 32), (24, 30, 40)])
def test_print_profiles_scale_every_text_together(body, heading, title):
    css = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(guide(), "print", profile=PrintProfile(body))
    assert re.search(rf"html \{{[^}}]*font-size: {body}pt", css)
    assert re.search(rf"@bottom-center \{{[^}}]*font-size: {body}pt", css)  # page numbers too
    assert re.search(rf"h1 \{{ font-size: {title}pt", css) and re.search(rf"h2 \{{ font-size: {heading}pt", css)
    assert re.search(rf"h3 \{{ font-size: {(body + heading) // 2}pt; font-weight: bold", css)  # subheadings
    assert not re.findall(r"font-size: (?!\d+pt)", css)  # no relative size could shrink a text
    assert "hyphens: manual" in css and "line-height: 1.5" in css and not re.search(r"line-height: 1\.[0-4]", css)
    assert "font-style: italic" not in css and "text-align: justify" not in css and "uppercase" not in css
    assert "size: A4;" in css and "background: #fff;" in css


def test_paper_and_tint_and_the_file_they_name():
    css = PageRenderer(TEMPLATES, gettext.NullTranslations()).render(
        guide(), "print", profile=PrintProfile(24, "letter", tint=True))
    assert "size: letter;" in css and "background: #fdf6e3;" in css
    assert PrintProfile().file_suffix == ""
    assert PrintProfile(24, "letter", True).file_suffix == "-24pt-letter-cream"
    assert PrintProfile(16).file_suffix == "-16pt"
    with pytest.raises(ValueError):
        PrintProfile(12)


def test_the_printed_cover_names_the_language_and_points_to_the_audio():
    page = PageRenderer(TEMPLATES, gettext.NullTranslations())
    cover = outline(page.render(guide("es"), "print", audio="demo.mp3"))
    text = " ".join("".join(cover.text).split())
    assert "Español" in text and "How to use this guide:" in text and "ask for the audio version, demo.mp3," in text
    assert not [tag for tag, _ in cover.tags if tag in ("audio", "script")]
    screen = outline(page.render(guide("es"), "screen", audio="demo.mp3"))
    assert ("track", {"kind": "metadata", "src": "demo.vtt", "default": None}) in screen.tags


def pdf_text(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text
    return " ".join(extract_text(io.BytesIO(pdf)).split())


def test_only_a_guide_longer_than_four_pages_gets_a_contents_list():
    renderer = PageRenderer(TEMPLATES, gettext.NullTranslations())
    short = guide()
    sections = tuple(Section(f"part-{n}", Sentence(f"part-{n}.heading", f"Part {n}?", "en"), tuple(
        Paragraph(tuple(Sentence(f"part-{n}.{k}.{j}", "A sentence long enough to fill a line or so.", "en")
                        for j in range(6))) for k in range(4))) for n in range(4))
    long = replace(short, sections=sections)
    short_pdf = guide_pdf(lambda contents: renderer.render(short, "print", contents=contents), TEMPLATES)
    long_pdf = guide_pdf(lambda contents: renderer.render(long, "print", contents=contents), TEMPLATES)
    assert "Contents" not in pdf_text(short_pdf)
    assert "Contents Key points Part 0? Part 1? Part 2? Part 3?" in pdf_text(long_pdf)


def test_a_fallback_sentence_is_tagged_with_its_language_in_the_pdf():
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    def languages(pdf: bytes) -> list[bytes]:
        found, stack = [], [resolve1(PDFDocument(PDFParser(io.BytesIO(pdf))).catalog["StructTreeRoot"])]
        while stack:
            node = resolve1(stack.pop())
            if isinstance(node, list):
                stack += node
            elif isinstance(node, dict):
                if "Lang" in node:
                    found.append(resolve1(node["Lang"]))
                if "K" in node:
                    stack.append(node["K"])
        return found

    renderer = PageRenderer(TEMPLATES, gettext.NullTranslations())
    assert languages(pdf_bytes(renderer.render(guide("es", "en"), "print"), TEMPLATES)) == [b"en"]
    assert languages(pdf_bytes(renderer.render(guide("es"), "print"), TEMPLATES)) == []


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


def test_arabic_tanween_inside_lam_alef_prints_as_valid_pdf_ua(tmp_path):
    import page as pdf_validator

    arabic = replace(guide("ar"), summary=(Sentence("key-points.1", "اقرأ النقاط الأساسية أولًا، مثلًا.", "ar"),))
    path = tmp_path / "ar.pdf"
    path.write_bytes(pdf_bytes(PageRenderer(TEMPLATES, gettext.NullTranslations()).render(arabic, "print"), TEMPLATES))
    report = pdf_validator.validate_pdf(str(path), profile="ua1")
    assert report.is_compliant, [(failure.rule_id, failure.message) for failure in report.failures]
    assert pdf_text(path.read_bytes()).count("\u064b") == 2  # the tanween is still there, on the alef
