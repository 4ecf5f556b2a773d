"""No English interface text on Spanish pages: every page under site/es/ is read as a listener would
hear it (visible text and spoken attributes, outside `lang="en"` parts and code), and runs of common
English function words are reported with the page. See english_text.py for the heuristic."""
from __future__ import annotations

from pathlib import Path

import pytest

from english_text import english_phrases

# Pages whose untranslated data other engineers are translating or marking lang="en" right now
# (issue 8). Remove an entry when its owner is done; the whole-page test below then covers it.
OWNED_ELSEWHERE = {
    "es/standards/general-comments/": "General Comment texts: engineer es-data",
    "es/workshops/": "workshop script/summary texts from curricula/: engineer es-data",
    "es/mechanisms/finder/": "the finder page and pathways: engineer es-finder",
}


# Pages es-ui has not finished (issue 8): English data the templates cannot yet tell from a translation.
NOT_DONE = {
    "es/standards/": "untranslated article titles of instruments (CRC, ICCPR, ILO, UNGP...) in the table of "
                     "contents: the instrument template does not yet know which articles are translated",
    "es/contribute/reference/": "generated field reference for contributors: English-only, body not marked lang=en",
    "es/contribute/workshops/": "its footer links to the English reference page above",
}


def spanish_pages(built: Path) -> list[tuple[str, str]]:
    site = built / "site"
    return [(p.relative_to(site).parent.as_posix() + "/", p.read_text(encoding="utf-8"))
            for p in sorted((site / "es").rglob("index.html"))]


def owned_elsewhere(url: str) -> bool:
    return any(url.startswith(prefix) for prefix in OWNED_ELSEWHERE)


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


def test_spanish_interface_has_no_english(built):
    """Header, navigation, footer and everything else outside the article, on every Spanish page."""
    found = {url: ph for url, html in spanish_pages(built) if not owned_elsewhere(url)
             and not any(url.startswith(prefix) for prefix in NOT_DONE)
             and (ph := english_phrases(html, frozenset({"article"})))}
    assert not found, report(found)


@pytest.mark.xfail(strict=True, reason="untranslated data of instruments (article titles/summaries beyond UDHR "
                   "and ICESCR), mechanisms and workshops is shown in listings without lang=\"en\"; "
                   "and some English headings in translated bodies; es-ui left this partly done")
def test_spanish_pages_have_no_unmarked_english(built):
    """The whole page, article included: untranslated data must be marked lang="en"."""
    found = {url: ph for url, html in spanish_pages(built)
             if not owned_elsewhere(url) and (ph := english_phrases(html))}
    assert not found, report(found)
