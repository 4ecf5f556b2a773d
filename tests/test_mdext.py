"""The site's Markdown syntax as Python-Markdown extensions (issue 24): the same page through
`markdown.markdown` and the extensions, without MkDocs, as through the MkDocs plugin."""
from __future__ import annotations

import types

import markdown
import pytest
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.config import load_config

from conftest import check
from rightskit.content.i18n import translations
from rightskit.pages import mdbrackets, render
from rightskit.pages.mdext import (FIRST_MENTION, FacilitatorExtension, FirstMentionExtension, GlossaryExtension,
                                   References, ReferencesExtension)

# The mini fixture's own extensions (its mkdocs.yml), and abbr for the glossary's definitions.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.superfences"]
# What the plugin's build converts with: it adds the first-mention trim (GlossaryExtension brings its own).
BUILD_EXTENSIONS = EXTENSIONS + [FIRST_MENTION]

TEXT = """# Home

The right to housing: [[icescr/11]], and [[cescr-gc-4|the housing comment]] explains it.

The [[upr]] reviews every state [[as-of:2026-01-15]]; the next review is [[upcoming:2027-05-05]].

| Standard | Why |
|---|---|
| [[icescr/11\\|Article 11]] | [[icescr]] |

Written as code, a reference stays as it is: `[[icescr/11]]`.

```
[[cescr-gc-4]]
```

An unknown [[no-such-record]] shows its words.

??? facilitator
    Ask who has heard of the [[upr]].

- A list item

    !!! facilitator "Old label"
        Nested note.
"""


@pytest.fixture
def plugin(mini):
    """The rightskit MkDocs plugin, configured for the mini project as `mkdocs build` would."""
    config = load_config(str(mini / "mkdocs.yml"))
    plugin = config.plugins["rightskit"]
    plugin.config["page_cache"] = False  # the page cache would only hand back the same text
    return plugin, plugin.on_config(config)


def plugin_markdown(plugin, text: str, path: str) -> str:
    plugin, config = plugin
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri=path), meta={}, edit_url=None)
    return plugin.on_page_markdown(text, page=page, config=config, files=None)


def extensions(site, page: str, lang: str = "en") -> list:
    return [ReferencesExtension(site=site, page=page, lang=lang),
            FacilitatorExtension(label="For facilitators" if lang == "en" else "Para quienes facilitan"),
            GlossaryExtension(site=site)]


def test_extensions_give_the_page_the_plugin_gives(plugin):
    site = plugin[0].renderer.site
    by_plugin = markdown.markdown(plugin_markdown(plugin, TEXT, "index.md"), extensions=BUILD_EXTENSIONS)
    by_extensions = markdown.markdown(TEXT, extensions=EXTENSIONS + extensions(site, "index.md"))
    assert by_extensions == by_plugin
    # and the page is what the syntax promises, not merely the same mistake twice
    assert ('<a href="standards/icescr.md#article-11" title="Adequate standard of living">ICESCR article 11</a>'
            in by_extensions)
    assert '<a href="standards/general-comments/cescr.md#gc-4"' in by_extensions
    assert '<time datetime="2026-01-15">(as of 15 January 2026)</time>' in by_extensions
    assert '<time datetime="2027-05-05">(expected 5 May 2027)</time>' in by_extensions
    assert ">Article 11</a></td>" in by_extensions  # the escaped bar of a table cell
    assert "<code>[[icescr/11]]</code>" in by_extensions and "[[cescr-gc-4]]\n</code>" in by_extensions
    assert "An unknown no-such-record shows its words." in by_extensions
    assert by_extensions.count('<summary>For facilitators</summary>') == 2  # both folded, relabelled
    assert '<p class="admonition-title">Old label</p>' not in by_extensions
    assert '<abbr title="Universal Periodic Review: Test definition.">UPR</abbr>' in by_extensions
    assert "[[" not in by_extensions.replace("<code>[[icescr/11]]</code>", "").replace("[[cescr-gc-4]]\n</code>", "")


def test_links_are_relative_to_the_page(mini):
    site = check(mini).site
    page = "rights/housing.md"
    text = "See [[icescr/11]] and [[cescr-gc-4|the comment]] on [[as-of:2026-01-15]]."
    html = markdown.markdown(text, extensions=["attr_list", ReferencesExtension(site=site, page=page)])
    assert html == markdown.markdown(render.Renderer(site).expand(page, text), extensions=["attr_list"])
    assert 'href="../standards/icescr.md#article-11"' in html
    # One Markdown instance for several pages, as an engine may keep: the page is set before each.
    extension = ReferencesExtension(site=site, page="index.md")
    md = markdown.Markdown(extensions=["attr_list", extension])
    assert 'href="standards/icescr.md#article-11"' in md.convert("[[icescr/11]]")
    extension.for_page(page)
    md.reset()
    assert 'href="../standards/icescr.md#article-11"' in md.convert("[[icescr/11]]")


class RenderingContext(Extension):
    """What Zensical adds to each page's Markdown (zensical/extensions/context.py): a do-nothing
    preprocessor named "rendering_context" that holds the page."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def extendMarkdown(self, md):
        context = Preprocessor(md)
        context.run = lambda lines: lines
        context.page = types.SimpleNamespace(path=self.path, url="", meta={})
        md.preprocessors.register(context, "rendering_context", 0)


def test_page_from_zensicals_rendering_context(mini):
    site = check(mini).site
    html = markdown.markdown("[[icescr/11]]", extensions=[RenderingContext("rights/housing.md"), "attr_list",
                                                          ReferencesExtension(site=site)])
    assert 'href="../standards/icescr.md#article-11"' in html
    with pytest.raises(ValueError, match="which page is being converted"):
        markdown.markdown("[[icescr/11]]", extensions=[ReferencesExtension(site=site)])


def test_spanish_edition_through_the_extension(mini):
    site = translations.localize(check(mini).site, "es")
    text = "Vea [[icescr/11]], [[as-of:2026-01-15]]."
    expected = render.Renderer(site, lang="es").expand("index.md", text)
    assert ReferencesExtension(site=site, lang="es", page="index.md").expand(text) == expected
    assert "al 15 de enero de 2026" in expected
    assert References(site, "es").expand("index.md", text) == expected


def test_extension_without_a_site_says_so():
    with pytest.raises(ValueError, match="needs the site model"):
        ReferencesExtension(page="index.md")


def test_python_markdown_finds_the_extension_by_name(mini):
    site = check(mini).site
    html = markdown.markdown("[[icescr]]", extensions=["rightskit.pages.mdext", "attr_list"],
                             extension_configs={"rightskit.pages.mdext": {"site": site, "page": "index.md"}})
    assert 'href="standards/icescr.md"' in html


def test_each_glossary_term_is_marked_once_a_page():
    text = ("The UPR and the CERD.\n\n- **UPR** again\n- the *UPR* in a list, and CERD\n\n"
            "| UPR | CERD |\n|---|---|\n| x | y |\n\n*[UPR]: Universal Periodic Review\n*[CERD]: Committee\n")
    html = markdown.markdown(text, extensions=["abbr", "tables", FirstMentionExtension()])
    assert html.count("<abbr") == 2
    assert html.index('<abbr title="Universal Periodic Review">UPR</abbr>') < html.index("<strong>UPR</strong>")
    assert '<abbr title="Committee">CERD</abbr>.' in html  # the first of each, with the text after it kept
    # the later mentions keep their words, in place
    assert "<li><strong>UPR</strong> again</li>" in html and "and CERD</li>" in html
    assert "<th>UPR</th>" in html and "<th>CERD</th>" in html
    # without the trim, every mention is marked: the test would fail if the trim did nothing
    assert markdown.markdown(text, extensions=["abbr", "tables"]).count("<abbr") == 7
    # a glossary's entries keep their marks, though the term came earlier in the page
    glossary = "The UPR.\n\nUPR\n:   The review.\n\n*[UPR]: Universal Periodic Review\n"
    html = markdown.markdown(glossary, extensions=["abbr", "def_list", FirstMentionExtension()])
    assert html.count("<abbr") == 2 and '<dt><abbr title="Universal Periodic Review">UPR</abbr></dt>' in html


def test_the_build_trims_repeated_definitions(plugin):
    """The plugin adds the trim to the project's Markdown extensions."""
    _, config = plugin
    assert FIRST_MENTION in config.markdown_extensions


def test_the_build_finds_link_brackets_the_cheaper_way(plugin):
    _, config = plugin
    assert mdbrackets.NAME in config.markdown_extensions


def test_spanish_general_comment_after_la_is_lower_case(mini):
    """The style sheet's rule: "la observación general n.º 4" in a sentence, a capital only where the
    name starts a title or an entry (a table cell, a list of sources)."""
    site = translations.localize(check(mini).site, "es")
    refs = References(site, "es")
    said = refs.expand("index.md", "Vea la [[cescr-gc-4]]. La [[cescr-gc-4]] lo explica.\n\n| [[cescr-gc-4]] |")
    assert said.count("[observación general n.º 4") == 2 and said.count("[Observación general n.º 4") == 1, said
    assert "[Observación general n.º 4" in refs.expand("index.md", "- [[cescr-gc-4]]")
    english = References(check(mini).site).expand("index.md", "See la [[cescr-gc-4]].")
    assert "observación" not in english


def test_a_page_keeps_the_terms_the_abbr_extension_would_mark():
    """`used_terms` looks for each term from its first occurrence on: the same terms as searching
    the whole text, on random texts with terms at and inside word boundaries."""
    import random
    import re

    from rightskit.core import model as m
    from rightskit.pages.mdext import used_terms

    terms = [m.GlossaryTerm(term=t, definition="d", expansion="", source=None) for t in ("ILO", "EE. UU.", "due diligence", "C105", "_x", ".NET")]
    pieces = ["ILO", "ILOs", "xILO", "EE. UU.", "EE. UU.x", "due diligence", "undue diligence", "C105", "C1050",
              "_x", "a_x", ".NET", "a.NET", " ", "\n", ", ", "é", "ILO_"]
    rng = random.Random(24)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        expected = [t for t in terms if re.search(rf"\b{re.escape(t.term)}\b", text)]
        assert used_terms(terms, text) == expected, repr(text)
