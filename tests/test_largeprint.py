"""Large print laid out for its size (issue 20): Markdown tables flow as blocks, links print as their
words with no page of addresses, and a packet's page budget steers the layout chooser."""
from __future__ import annotations

from types import SimpleNamespace

from rightskit.core import htmltext
from rightskit.outputs.print import layout
from rightskit.outputs.print.largeprint import flow_tables, unlink

TABLE = ("<p>Before</p><table><thead><tr><th>Route</th><th>What it covers</th><th>When</th></tr></thead>"
         "<tbody><tr><td><strong>UPR</strong></td><td>All rights &amp; more</td><td></td></tr>"
         "<tr><td>IACHR</td><td>The American Declaration</td><td>At any time</td></tr></tbody></table><p>After</p>")


def test_a_markdown_table_becomes_one_block_a_row_with_its_column_names():
    html = flow_tables(TABLE)
    assert "<table" not in html and html.startswith("<p>Before</p>") and html.endswith("<p>After</p>")
    assert html.count('class="flow-row"') == 2
    assert ('<p class="flow-head"><strong>UPR</strong></p><p><span class="flow-label">What it covers:</span> '
            "All rights &amp; more</p></div>") in html  # an empty cell prints nothing, not a bare label
    assert '<span class="flow-label">When:</span> At any time' in html


def test_a_table_with_a_class_is_a_form_and_keeps_its_own_layout():
    form = '<table class="rating"><tbody><tr><td>I can</td><td class="answers">☐ Yes</td></tr></tbody></table>'
    assert flow_tables(form) == form
    nested = TABLE.replace("At any time", form)
    assert form in flow_tables(nested) and flow_tables(nested).count("<table") == 1


def test_links_print_as_their_words_unless_the_words_are_the_address():
    html = ('<html><head><title>t</title></head><body><p>See <a href="https://ohchr.test/upr">the UPR page</a>, '
            '<a href="https://kit.test/w/">https://kit.test/w/</a>, <a href="https://kit.test/w/"><img src="data:x"></a>'
            ' and <a href="rights-at-home/x.html">a kit file</a> or <a href="#top">the top</a>.</p></body></html>')
    out = unlink(html)
    assert "See the UPR page," in out and "ohchr.test" not in out and "a kit file" in out and "x.html" not in out
    assert '<a href="https://kit.test/w/">https://kit.test/w/</a>' in out  # the address printed in full
    assert '<a href="https://kit.test/w/"><img src="data:x"></a>' in out  # the cover's QR code
    assert '<a href="#top">the top</a>' in out
    assert htmltext.words(out) == htmltext.words(html)


def test_a_page_budget_is_a_problem_and_smaller_type_never_meets_it():
    pages = SimpleNamespace(pages=[object()] * 9)
    assert layout.budget_problems(pages, 8, "") == ["9 pages, over 8"]
    assert layout.budget_problems(pages, 10, "tight") == []
    assert layout.budget_problems(pages, 10, "tighter") == ["type below body size to meet a page budget"]
    assert layout.budget_problems(pages, None, "tighter") == []
    assert layout.MAX_PAGES.search('<html lang="en" data-max-pages="8">').group(1) == "8"
