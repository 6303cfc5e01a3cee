"""A heading inside a section (model.Subheading: a pasted page's run-in
heading the source check split off) in every edition: an h3 on the web page
and in the EPUB, a cell-5 heading in braille, a unit of its own to
translate and to speak, never rewritten."""

import gettext

from conftest import REPO
from publisher.braille.edition import Transcriber, guide_blocks
from publisher.i18n.localize import localize
from publisher.model import Guide, Paragraph, Section, Sentence, SourceBlock, SourceGuide, Subheading
from publisher.plain import engine
from publisher.render.page import PageRenderer
from publisher.speech.narration import Pacing, narration_script
from test_braille import english

TEMPLATES = REPO / "templates"


def guide() -> Guide:
    def s(id_, text):
        return Sentence(id_, text, "en")
    return Guide("demo", s("title", "Bronchitis"), "en", (s("key-points.1", "Most people get better."),), (
        Section("causes", s("causes.heading", "What causes bronchitis?"), (
            Subheading(s("causes.1", "Acute Bronchitis")),
            Paragraph((s("causes.2", "Viruses cause most cases."),)),
        )),))


def test_a_subheading_is_an_h3_inside_its_section_on_the_page_in_print_and_in_the_ebook():
    renderer = PageRenderer(TEMPLATES, gettext.NullTranslations())
    for medium in ("screen", "print"):
        html = renderer.render(guide(), medium)
        assert '<h3><span id="u-causes.1">Acute Bronchitis</span></h3>' in html
        assert html.index("What causes bronchitis?") < html.index("Acute Bronchitis") < html.index("Viruses cause")


def test_a_subheading_is_a_cell_5_heading_in_braille():
    blocks = guide_blocks(guide(), english(), Transcriber(REPO / "locales"))
    cells = [block for block in blocks if block.first == 5 and block.runover == 5]
    assert len(cells) == 1 and cells[0].blank_before and cells[0].keep_with_next


def test_a_subheading_is_translated_and_spoken_as_a_unit():
    spanish = localize(guide(), {"Acute Bronchitis": "Bronquitis aguda"}, "es")
    block = spanish.guide.sections[0].blocks[0]
    assert isinstance(block, Subheading) and block.subheading.text == "Bronquitis aguda"
    chapters = narration_script(guide(), lambda text: text, Pacing())
    said = [utterance.text for chapter in chapters for utterance in chapter.utterances]
    assert said.index("Acute Bronchitis") < said.index("Viruses cause most cases.")


def test_the_engine_prints_a_subheading_as_written():
    rules = engine.load_rules(REPO / "locales" / "en", "en")
    source = SourceGuide("demo", REPO / "sources" / "demo.md", "Bronchitis", "en", (
        SourceBlock("heading", 1, text="What causes bronchitis?"),
        SourceBlock("subheading", 3, text="Acute Bronchitis Caused by Viruses"),
        SourceBlock("paragraph", 3, text="Viruses cause most cases of acute bronchitis.")))
    result = engine.plain_result(source, rules)
    first = result.guide.sections[0].blocks[0]
    assert first == Subheading(Sentence("what-causes-bronchitis.1", "Acute Bronchitis Caused by Viruses", "en",
                                        "sources/demo.md:3"))
    assert [rewrite.source for rewrite in result.rewrites] == ["Viruses cause most cases of acute bronchitis."]
