"""The language marks and the theme's fixes as a pass over built pages: one reading with a parser,
no MkDocs object (issue 24, item 4). Small pages in Material's markup; no build."""
from __future__ import annotations

from rightskit.mkdocs import langmarks, thememarkup
from rightskit.mkdocs.htmlscan import Scan

ENGLISH = frozenset({"es/contribute/"})


def _page(body: str, label: str = '<label class="md-nav__link md-nav__link--active" for="__toc">Aquí</label>') -> str:
    return ("<!doctype html><html lang=\"es\"><head><title>Contributing</title></head><body>"
            '<div class="md-header__topic" data-md-component="header-topic">\n  <span class="md-ellipsis">\n'
            "Contributing</span></div>"
            '<nav class="md-nav" aria-label="Navegación"><ul>'
            '<li><a href="../contribute/" class="md-nav__link">Contributing</a></li>'
            '<li><a href="../rights/housing/" class="md-nav__link">Vivienda</a></li>'
            f"<li>{label}</li></ul></nav>"
            '<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">'
            f"{body}</article></div>"
            '<footer><a href="../contribute/" class="md-footer__link md-footer__link--next" '
            'aria-label="Siguiente: Contributing"><div class="md-footer__title"><span class="md-footer__direction">'
            'Siguiente</span><div class="md-ellipsis">Contributing</div></div></a></footer></body></html>')


def test_a_folder_of_built_pages_is_marked_without_mkdocs(tmp_path):
    """What the plugin does per page, over a site folder another engine wrote: the Spanish page
    links to a page shown in English (navigation, footer, body), and an English page is marked whole."""
    translated = tmp_path / "es" / "about" / "index.html"
    english = tmp_path / "es" / "contribute" / "index.html"
    for path in (translated, english):
        path.parent.mkdir(parents=True)
    body = ('<p>See <a href="../contribute/" title="how &gt; why > what">how to help</a>, '
            '<a href="../rights/housing/">Vivienda</a> and <a href="https://example.org/contribute/">this</a>.</p>')
    translated.write_text(_page(body), encoding="utf-8")
    english.write_text(_page('<div lang="en">\n<h1 id="contributing">Contributing</h1><p>Text.</p></div>'),
                       encoding="utf-8")
    assert langmarks.mark_built_pages(tmp_path, "es", ENGLISH, "en inglés") == 2

    about = translated.read_text(encoding="utf-8")
    # a `>` inside an attribute is part of the value to a parser: the mark goes on the real end of the tag
    assert ('<a href="../contribute/" title="how &gt; why > what" hreflang="en">how to help</a> '
            '<span class="rk-in-english">(en inglés)</span>, ') in about
    assert about.count("rk-in-english") == 1  # not the translated page, not the outside link
    assert '<a href="../contribute/" class="md-nav__link" lang="en">' in about
    assert '<a href="../rights/housing/" class="md-nav__link">' in about
    assert '<div class="md-ellipsis" lang="en">Contributing</div>' in about
    assert "<title>Contributing</title>" in about  # its own title is Spanish (here, as written)

    contribute = english.read_text(encoding="utf-8")
    assert '<title lang="en">' in contribute
    assert '<nav class="md-nav" lang="en" aria-label="Navegación">' in contribute
    assert '<span class="md-ellipsis" lang="en">\nContributing</span>' in contribute
    assert 'for="__toc" lang="en">' in contribute
    assert "rk-in-english" not in contribute  # its own text is English already


def test_marks_and_the_themes_fixes_share_one_reading_and_agree_with_one_after_the_other():
    """thememarkup.tidy with the marks reads the page once; where both change one tag (the active
    entry's label, `for` a table of contents this page does not have) the result is still that of
    marking first and tidying after."""
    fallback = _page('<div lang="en">\n<h1 id="contributing">Contributing</h1></div>')
    plain = _page('<p><a href="../contribute/">help</a></p>')
    for html, url in ((fallback, "es/contribute/"), (plain, "es/about/")):
        def marks(scan: Scan, url=url) -> None:
            langmarks.mark(scan, url, ENGLISH, "en inglés")

        once = thememarkup.tidy(html, marks)
        assert once == thememarkup.tidy(langmarks.mark_english(html, url, ENGLISH, "en inglés"))
    assert '<label class="md-nav__link md-nav__link--active" lang="en">' in thememarkup.tidy(
        fallback, lambda scan: langmarks.mark(scan, "es/contribute/", ENGLISH, "en inglés"))
