"""The language marks and the theme's fixes as a pass over built pages: one reading with a parser,
no MkDocs object (issue 24, item 4). Small pages in Material's markup; no build."""
from __future__ import annotations

from rightskit.mkdocs import langmarks, thememarkup
from rightskit.mkdocs.htmlscan import Chunks, Scan

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


def _tags(scan: Scan) -> list[tuple]:
    return [(t.kind, t.start, t.end, t.name, t.attrs, t.text) for t in scan.tags]


def _section_page(active: int, extra: str = "") -> str:
    """A page of a section of five entries, the `active` one current, as Material writes them."""
    entries = "".join(
        f'<li class="md-nav__item{" md-nav__item--active" if n == active else ""}">\n'
        f'  <a href="../module-{n}/" class="md-nav__link">Module {n} &amp; more</a>\n</li>\n' for n in range(5))
    return ('<!doctype html><html><head><title>Module</title></head><body><ul class="md-tabs__list">'
            '<li class="md-tabs__item"><a href="../../">Home</a></li><li class="md-tabs__item"><a href="../">Scale</a></li>'
            f'</ul><nav class="md-nav"><ul class="md-nav__list">{entries}</ul></nav>{extra}'
            f'<div class="md-content"><article><p>Body of module {active}.</p></article></div></body></html>')


def test_pieces_read_before_give_the_tags_of_a_whole_reading():
    """The pages of a section share their navigation's entries: with a build's memo of pieces, each
    entry is read once, and every page's tags (start and end tags, where each starts and ends) are
    those of reading the page whole, before the article and through the whole page."""
    chunks = Chunks()
    for active in range(5):
        page = _section_page(active)
        for stop, ends in ((thememarkup.content_start(page), False), (None, True)):
            assert _tags(Scan(page, stop=stop, ends=ends, chunks=chunks)) == _tags(Scan(page, stop=stop, ends=ends))
    # each entry once as current and once not (the first and last pieces of a page are never kept)
    assert 0 < len(chunks.known) <= 2 * 2 * 5 + 2 * 2
    assert all(found is not None for found in chunks.known.values())


def test_only_pieces_that_come_again_are_kept():
    """The tags that name one page (its title, its address) are pieces of their own, read once and
    not kept: the memo holds what several pages share."""
    chunks = Chunks()
    for active in range(5):
        page = _section_page(active).replace("<title>Module</title>",
                                             f'<title>Module</title><link rel="canonical" href="/m{active}/">'
                                             '<meta name="generator" content="x">')
        assert _tags(Scan(page, chunks=chunks)) == _tags(Scan(page))
    kept = [piece for _, piece in chunks.known]
    assert any('<meta name="generator"' in piece for piece in kept)  # on every page: kept
    assert not any("canonical" in piece for piece in kept)  # one page's own: read, not kept


def test_an_entry_written_inside_a_comment_or_a_script_makes_the_page_be_read_whole():
    """Pieces are cut where the text of an entry's start appears; where that is not between tags
    (inside a comment, a script, an attribute), the piece before the cut leaves the parser
    unfinished, and the page is read whole: the same tags either way."""
    for extra in ('<!-- <li class="md-nav__item"> -->', '<script>let s = \'<li class="md-nav__item">\';</script>',
                  '<p title=\'<li class="md-nav__item">\'>x</p>'):
        page = _section_page(2, extra + '<ul><li class="md-nav__item">x</li></ul>')
        chunks = Chunks()
        assert _tags(Scan(page, chunks=chunks)) == _tags(Scan(page)), extra


def test_the_built_site_reads_the_same_in_pieces(built):
    """Every 7th page of the real site, in both editions: the reading the build makes with its memo
    of pieces (one per language, as there) gives the tags of reading each page whole."""
    site = built / "site"
    for pages in (sorted(p for p in site.rglob("index.html") if "es" not in p.relative_to(site).parts[:1]),
                  sorted((site / "es").rglob("index.html"))):
        chunks = Chunks()
        for path in pages[::7]:
            page = path.read_text(encoding="utf-8")
            stop = thememarkup.content_start(page)
            assert _tags(Scan(page, stop=stop, ends=False, chunks=chunks)) == _tags(Scan(page, stop=stop, ends=False)), path
            assert _tags(Scan(page, chunks=chunks)) == _tags(Scan(page)), path
        assert chunks.known
