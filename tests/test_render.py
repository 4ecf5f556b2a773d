"""Cross-references, facilitator notes and generated pages, without MkDocs."""
from __future__ import annotations

import pytest

from conftest import check
from rightskit.core import paths
from rightskit.pages import facilitator, htmlmarks, render
from rightskit.core import xref
@pytest.mark.smoke
def test_xref_renders_link_with_title_and_label(mini):
    site = check(mini).site
    out = render.Renderer(site).expand("rights/housing.md", "See [[icescr/11]] and [[cescr-gc-4|the comment]].")
    assert '[ICESCR article 11](../standards/icescr.md#article-11){ title="Adequate standard of living" }' in out
    assert "[the comment](../standards/general-comments/cescr.md#gc-4)" in out


def test_xref_inside_code_is_left_alone():
    text = "Write `[[icescr/11]]` like this.\n\n```\n[[upr]]\n```\n"
    assert xref.find_refs(text) == []
    assert xref.expand(text, lambda target, words: "X") == text


def test_inline_reference_counts_as_a_citation(mini):
    site = check(mini).site
    citing = site.citations()
    assert site.modules["rights/housing.md"] in citing["cescr-gc-4"]  # cited only in the text
    assert site.modules["rights/housing.md"] in citing["icescr"]  # an article counts for its instrument
    assert site.workshops["housing"] in citing["icescr/11"]  # through the modules on its agenda


FACILITATED = """Intro.

!!! facilitator
    Secret one.

    Secret two.

After.

- item

    ??? facilitator "Custom"
        Nested secret.

End.
"""


def test_strip_facilitator_notes_removes_every_block():
    out = facilitator.strip_facilitator_notes(FACILITATED)
    assert "Secret" not in out and "Nested secret" not in out
    assert "Intro." in out and "After." in out and "End." in out and "- item" in out


def test_facilitator_notes_show_collapsed_on_the_site():
    out = facilitator.show_facilitator_notes(FACILITATED)
    assert out.count('??? facilitator "For facilitators"') == 2
    assert "Secret one." in out


def test_handout_section_of_an_activity(mini):
    from rightskit.outputs.print.pdf import handout_section

    module = check(mini).site.modules["activities/line.md"]
    assert handout_section(module.body) == "The seven elements, for participants."


def test_urls_follow_directory_urls():
    assert paths.url_of("index.md") == ""
    assert paths.url_of("standards/index.md") == "standards/"
    assert paths.url_of("standards/icescr.md", "article-11") == "standards/icescr/#article-11"


@pytest.mark.smoke
def test_generated_pages_are_complete(mini):
    site = check(mini).site
    pages = {p.path: p for p in render.Renderer(site).pages()}
    assert set(pages) == paths.generated_pages(site)
    icescr = pages["standards/icescr.md"].content
    assert "{ #article-11 }" in icescr and "{ #article-2-1 }" in icescr
    assert "| US status | **Signed, not ratified** |" in icescr
    assert "| US signature | 5 October 1977 |" in icescr
    assert "    - [Housing](../rights/housing.md)" in icescr  # "Cited in" under article 11
    assert pages["standards/icescr.md"].source == "standards/instruments/icescr.yml"
    assert "mechanisms/cescr.md" in pages  # no guide, so a page is generated
    assert "mechanisms/upr.md" not in pages  # it has a hand-written guide


def test_checklist_boxes_get_the_item_text_as_their_name():
    html = ('<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled/><span class="task-list-indicator"></span></label> '
            '<strong>Who</strong> is "coming"?<ul><li>nested</li></ul></li></ul>')
    out = htmlmarks.label_checkboxes(html)
    assert '<input type="checkbox" disabled aria-label="Who is &quot;coming&quot;?"/>' in out
    assert out.count("aria-label") == 1
