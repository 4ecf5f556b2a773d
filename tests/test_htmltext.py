"""HTML to text with a parser (core/htmltext.py), the one helper the search records, the print
packet, endnotes, worksheets and checkbox labels use."""
from __future__ import annotations

from rightskit.core import htmltext


def test_blocks_are_apart_inline_elements_are_not():
    assert htmltext.words("<p>Housing</p><p>is a <em>right</em></p><ul><li>rent</li><li>repairs</li></ul>") \
        == "Housing is a right rent repairs"
    assert htmltext.words("un<em>fair</em> and line<br>break") == "unfair and line break"


def test_entities_are_decoded_and_head_script_and_style_are_left_out():
    page = ("<html><head><title>Not this</title><style>p{color:red}</style></head>"
            "<body><p>Rent &amp; repairs&nbsp;&#8212; &lt;now&gt;</p><script>if (a < b) {}</script></body></html>")
    assert htmltext.words(page) == "Rent & repairs — <now>"


def test_a_tag_inside_an_attribute_or_a_comment_is_not_text():
    assert htmltext.words('<a title="a > b" href="x">link</a><!-- <p>hidden</p> -->') == "link"


def test_text_keeps_whitespace_and_plain_text_passes_through():
    assert htmltext.text("  plain text  ") == "  plain text  "
    assert htmltext.text("<b>a</b>\n<b>b</b>") == "a\nb"


def test_a_checkbox_label_is_the_items_text_escaped_for_the_attribute():
    from rightskit.pages.htmlmarks import label_checkboxes

    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Ask <em>who</em> &amp; "why"</li>')
    assert 'aria-label="Ask who &amp; &quot;why&quot;"' in label_checkboxes(html)
