"""Loading guides from sources/ (publisher.sources)."""

from pathlib import Path

import pytest

from conftest import REPO, SEED_SLUGS
from publisher.errors import PublisherError
from publisher.sources import discover, load_source


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_seed_guides_load_with_titles_and_repaired_paragraphs():
    paths = discover(REPO / "sources")
    assert [path.stem for path in paths] == list(SEED_SLUGS)
    for path in paths:
        guide = load_source(path)
        assert guide.title.startswith("The ALS")
        assert guide.lang == "en"
        assert all(block.kind == "paragraph" and block.text for block in guide.blocks)
        text = " ".join(block.text for block in guide.blocks)
        for broken in ("known a s", "environment al", "known a\n", "  "):
            assert broken not in text
    causes = load_source(REPO / "sources" / "als-causes-overview.txt")
    assert "other environmental toxins" in " ".join(b.text for b in causes.blocks)
    # The paragraph broken by a blank line is one paragraph that keeps its first line.
    assert [block.line for block in causes.blocks] == [2, 3, 4, 5, 8, 9, 10]


def test_plain_text_wrapped_over_lines(tmp_path):
    path = write(tmp_path, "wrapped.txt", "A title\n\nThis paragraph is wrapped\nover two lines.\n\nA second one.\n")
    guide = load_source(path)
    assert guide.title == "A title"
    assert [(b.line, b.text) for b in guide.blocks] == [
        (3, "This paragraph is wrapped over two lines."), (6, "A second one.")]


def test_markdown_with_front_matter_headings_and_lists(tmp_path):
    path = write(tmp_path, "feeding-tubes.md", """---
title: Feeding tubes
language: en
---

Some people need help to eat.

## When is a tube used?

A tube helps when swallowing is
hard and **slow**.

- It gives food.
- It gives water
  and medicine.
""")
    guide = load_source(path)
    assert (guide.slug, guide.title, guide.lang) == ("feeding-tubes", "Feeding tubes", "en")
    assert [(b.kind, b.line) for b in guide.blocks] == [
        ("paragraph", 6), ("heading", 8), ("paragraph", 10), ("list", 13)]
    assert guide.blocks[2].text == "A tube helps when swallowing is hard and slow."
    assert guide.blocks[3].items == ("It gives food.", "It gives water and medicine.")


def test_markdown_title_from_first_heading(tmp_path):
    guide = load_source(write(tmp_path, "x.md", "# Breathing support\n\nText here.\n"))
    assert guide.title == "Breathing support"
    assert [b.kind for b in guide.blocks] == ["paragraph"]


def test_markdown_paragraph_broken_by_blank_line_is_repaired(tmp_path):
    guide = load_source(write(tmp_path, "x.md", "# T\n\nThis is known a\n\ns excitotoxicity.\n"))
    assert [b.text for b in guide.blocks] == ["This is known as excitotoxicity."]


@pytest.mark.parametrize("name, content, message, line", [
    ("empty.txt", "\n\n", "empty guide", 1),
    ("title-only.txt", "Just a title\n", "title but no text", 1),
    ("latin1.txt", b"Title\n\nCaf\xe9 au lait.\n", "not UTF-8", 3),
    ("binary.txt", b"Title\nA\x00B\n", "binary data", 2),
    ("open.md", "---\ntitle: x\nNo end\n", "front matter is not closed", 1),
    ("typo.md", "---\ntitle: x\nlangauge: en\n---\nText.\n", "unknown front matter key 'langauge'", 3),
    ("yaml.md", "---\ntitle: [unclosed\n---\nText.\n", "front matter", 2),
    ("lang.md", "---\ntitle: x\nlanguage: klingon\n---\nText.\n", "unknown language 'klingon'", 1),
    ("notitle.md", "Just text.\n", "no title", 1),
    ("table.md", "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "tables are not supported", 3),  # not pipes as text
    ("code.md", "# T\n\nText.\n\n```\ncode\n```\n", "code blocks are not supported", 5),
    ("Bad Name.txt", "T\n\nText.\n", "not a slug", None),
])
def test_bad_sources_name_file_and_line(tmp_path, name, content, message, line):
    path = write(tmp_path, name, content)
    with pytest.raises(PublisherError) as caught:
        load_source(path)
    error = caught.value
    assert message in str(error)
    assert Path(error.path).name == name
    assert error.line == line
    assert "\n" not in str(error)


def test_discover_rejects_other_files_and_duplicate_slugs(tmp_path):
    write(tmp_path, "guide.txt", "T\n\nText.\n")
    write(tmp_path, ".hidden", "ignored")
    assert [p.name for p in discover(tmp_path)] == ["guide.txt"]
    write(tmp_path, "guide.md", "# T\n\nText.\n")
    with pytest.raises(PublisherError, match="two sources for guide 'guide'"):
        discover(tmp_path)
    (tmp_path / "guide.md").unlink()
    write(tmp_path, "notes.docx", b"PK")
    with pytest.raises(PublisherError, match="not a guide: use .txt or .md"):
        discover(tmp_path)


def test_front_matter_lists_the_words_to_keep_as_written(tmp_path):
    guide = load_source(write(tmp_path, "chair.md", "---\ntitle: Chairs\nkeep: [assessment, wheelchair  user]\n---\n\n"
                                                     "An assessment finds the right chair.\n"))
    assert guide.keep == ("assessment", "wheelchair user")
    assert load_source(write(tmp_path, "plain.md", "# Chairs\n\nAn assessment finds the right chair.\n")).keep == ()


@pytest.mark.parametrize("value", ["assessment", "[]", "[1, 2]", "{a: b}"])
def test_words_to_keep_must_be_a_list_of_words(tmp_path, value):
    path = write(tmp_path, "chair.md", f"---\ntitle: Chairs\nkeep: {value}\n---\n\nAn assessment finds a chair.\n")
    with pytest.raises(PublisherError) as caught:
        load_source(path)
    assert caught.value.line == 3 and "'keep' must be a list of words" in caught.value.message
