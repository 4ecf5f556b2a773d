"""Issue 19's measure of the Spanish edition: the share of pages for readers translated (the
contributors' pages under contribute/ left out) and the share of English words in article bodies
under /es/, computed on a built site; `about/translations/` shows the page count in both languages.
The real site's figures are checked in test_spanish_site.py (its `built` site)."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import check, rightskit
from rightskit.content.i18n import translations
from rightskit.devtools.coverage import body_words, edition_coverage
from rightskit.pages.render import Renderer


def _page(body: str) -> str:
    # as Material writes a page: navigation and footer outside the article, which is not counted
    return (f'<html lang="es"><body><nav>Inicio Home Next page</nav>'
            f'<article class="md-content__inner md-typeset">{body}</article><footer>Siguiente</footer></body></html>')


def test_words_inside_lang_en_count_as_english_and_code_is_left_out():
    html = _page('<h1>Vivienda</h1><p>El derecho a la vivienda <span lang="en">Adequate standard of living</span>'
                 '</p><div lang="en"><p>A whole <em>English</em> body <span lang="es">en español</span></p></div>'
                 '<script>var words = "not counted";</script><p>PIDESC, artículo 11</p>')
    # Spanish: Vivienda, El derecho a la vivienda (5), en español (2), PIDESC artículo (2) = 10
    # English: Adequate standard of living (4), A whole English body (4) = 8
    assert body_words(html, "es") == (18, 8)
    assert body_words("<p>no article here</p>", "es") == (0, 0)


def _write(site: Path, url: str, body: str) -> None:
    target = site / url / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_page(body), encoding="utf-8")


def test_coverage_of_a_small_built_edition(tmp_path):
    site = tmp_path / "site"
    fallback = '<div lang="en">\n<h1>Food</h1><p>The right to food in English words here.</p></div>'
    _write(site, "es/rights/housing", "<h1>Vivienda</h1><p>Un texto en español con pocas palabras.</p>")
    _write(site, "es/rights/food", fallback)
    _write(site, "es/contribute/style", fallback)  # a contributors' page: counted in neither measure
    _write(site, "es/standards/icescr", '<h1>PIDESC</h1><p>Artículo 11: <span lang="en">Adequate living</span></p>')
    _write(site, "rights/food", "<h1>Food</h1><p>English edition: never counted for Spanish.</p>")
    found = edition_coverage(site, "es", ["rights/housing.md", "rights/food.md", "contribute/style.md"])
    assert (found.translated, found.readers, found.untranslated) == (1, 2, ["rights/food.md"])
    # housing 8 Spanish; food 9 English; icescr 2 Spanish + 2 English
    assert (found.words, found.english_words) == (21, 11)
    assert found.mostly_english == ["es/rights/food/index.html"]
    assert f"{found.pages_percent:.1f}" == "50.0" and f"{found.english_percent:.1f}" == "52.4"
    print(found.summary())


def test_translations_page_gives_the_reader_page_count_in_both_languages(mini):
    result = rightskit("new", "translation", "docs/rights/housing.md", cwd=mini)
    assert result.returncode == 0, result.stderr
    contribute = mini / "docs" / "contribute"
    contribute.mkdir()
    (contribute / "style.md").write_text("---\ntitle: Style\ntype: page\nsummary: For contributors.\n---\nText.\n",
                                         encoding="utf-8")
    site = check(mini).site
    pages = translations.status(site, "es")
    readers = [p for p in pages if not p.path.startswith("contribute/")]
    assert len(readers) == len(pages) - 1
    coverage = translations.reader_coverage(pages)
    assert (coverage.translated, coverage.total) == (1, len(readers))
    english = next(p for p in Renderer(site).pages() if p.path == "about/translations.md").content
    spanish = next(p for p in Renderer(translations.localize(site, "es"), lang="es").pages()
                   if p.path == "about/translations.md").content
    expected = (str(coverage.translated), str(coverage.total), str(coverage.percent))
    shown_en = re.search(r"Pages for readers \(all but the contributors' pages under contribute/\): "
                         r"(\d+) of (\d+) have a translation \((\d+)%\)", english)
    shown_es = re.search(r"Páginas para lectores \(todas salvo las de contribute/, para quienes colaboran\): "
                         r"(\d+) de (\d+) tienen traducción \((\d+)\u00a0%\)", spanish)
    assert shown_en and shown_en.groups() == expected, english
    assert shown_es and shown_es.groups() == expected, spanish


def test_percent_is_rounded_down():
    assert translations.Coverage(72, 73).percent == 98
    assert translations.Coverage(0, 0).percent == 100
