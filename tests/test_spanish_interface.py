"""No English interface text on Spanish pages: every page under site/es/ is read as a listener would
hear it (visible text and spoken attributes, outside `lang="en"` parts and code), and runs of common
English function words are reported with the page. See english_text.py for the heuristic."""
from __future__ import annotations

from pathlib import Path

from english_text import english_phrases


def spanish_pages(built: Path) -> list[tuple[str, str]]:
    site = built / "site"
    return [(p.relative_to(site).parent.as_posix() + "/", p.read_text(encoding="utf-8"))
            for p in sorted((site / "es").rglob("index.html"))]


def report(found: dict[str, list[str]]) -> str:
    return "English on Spanish pages:\n" + "\n".join(f"  /{url}: {'; '.join(ph[:5])}" for url, ph in found.items())


def test_heuristic_finds_english_and_spares_spanish_with_proper_names(built):
    english = (built / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert english_phrases(english) == []  # its <html lang="en"> marks it all as English
    # the same English page served as if it were Spanish is caught: the test can fail
    assert len(english_phrases(english.replace('<html lang="en"', '<html lang="es"', 1))) > 5
    assert english_phrases("<p>Read the notes for this page and the links.</p>")
    spanish = ("<p>Según Human Rights Watch y el proyecto Rights at Home, la vivienda es un derecho "
               "de todas las personas.</p><p lang=\"en\">The right to adequate housing</p>"
               "<pre>for x in the list</pre><code>see the page</code>")
    assert english_phrases(spanish) == []
    assert english_phrases('<a title="Open the page">Abrir</a>')  # spoken attributes count


def test_spanish_pages_have_no_unmarked_english(built):
    """Every page under /es/, whole: interface, generated lists and data, translated bodies. English that
    has no translation yet (an untranslated page, an article's summary, a workshop's materials) must
    be marked lang="en"."""
    found = {url: ph for url, html in spanish_pages(built) if (ph := english_phrases(html))}
    assert not found, report(found)
