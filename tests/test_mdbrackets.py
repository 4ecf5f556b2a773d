"""The link processors' cheaper bracket search (pages/mdbrackets.py, issue 24): the same closing
bracket as Python-Markdown's own for every text, the same HTML for every page of the project, and
the build uses it."""
from __future__ import annotations

import random
from pathlib import Path

import markdown
from markdown import inlinepatterns as upstream

from rightskit.pages import mdbrackets

ROOT = Path(__file__).resolve().parents[1]
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tasklist"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("[[]]ab (x)") for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_closing_bracket_is_upstreams_for_every_position():
    """Texts with nested, unclosed and stray brackets, each position asked in turn, and the same
    processor asked about several texts one after the other (upstream keeps a table per text)."""
    ours, theirs = mdbrackets.Link(upstream.LINK_RE), upstream.LinkInlineProcessor(upstream.LINK_RE)
    checked = unclosed = 0
    for text in _texts(24, 400):
        for index in range(len(text) + 1):
            expected = theirs.getText(text, index)
            assert ours.getText(text, index) == expected, (text, index)
            checked += 1
            unclosed += not expected[2]
    assert checked > 5000 and 0 < unclosed < checked  # both outcomes were exercised


def test_every_page_of_the_project_converts_the_same():
    plain = markdown.Markdown(extensions=EXTENSIONS)
    faster = markdown.Markdown(extensions=EXTENSIONS + [mdbrackets.NAME])
    assert isinstance(faster.inlinePatterns["link"], mdbrackets.Link)
    assert [p.name for p in faster.inlinePatterns._priority] == [p.name for p in plain.inlinePatterns._priority]
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert faster.reset().convert(text) == plain.reset().convert(text), page


def test_a_subclass_from_another_extension_is_left_alone():
    class Custom(upstream.LinkInlineProcessor):
        pass

    md = markdown.Markdown()
    md.inlinePatterns.register(Custom(upstream.LINK_RE, md), "link", 160)
    mdbrackets.BracketsExtension().extendMarkdown(md)
    assert type(md.inlinePatterns["link"]) is Custom
    assert type(md.inlinePatterns["image_link"]) is mdbrackets.Image

