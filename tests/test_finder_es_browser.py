"""The Spanish mechanism finder (/es/mechanisms/finder/) in a real browser: the same answers give
the same routes as on the English page, with reasons, labels, statuses and dates in Spanish, links
into the Spanish edition, and axe finds nothing."""
from __future__ import annotations

import re

import pytest

from browsing import WCAG, foreign
from rightskit.pages import finder
from rightskit.core import languages
from rightskit.content import pathways
from test_finder_browser import ALL, FINDER, SCENARIOS, answer, shown

pytestmark = pytest.mark.browser

ES_FINDER = "es/" + FINDER


def english_sentences() -> list[str]:
    """What finder.js and the form write in English, cut at placeholders, in pieces that are sentences."""
    en = languages.strings("en")
    keys = list(finder.SCRIPT_STRINGS.values())
    for q in (pathways.HARM, pathways.AFFECTED, pathways.REMEDIES, pathways.WANTS):
        keys += [q.legend] + [o.label for o in q.options]
    pieces = []
    for key in keys:
        pieces += [p.strip() for p in re.split(r"\{\w+\}", en(key)) if len(p.strip()) >= 12]
    return pieces


def routes_for(page, url: str, answers: dict) -> tuple[set[str], dict[str, str]]:
    page.goto(url, wait_until="networkidle")
    answer(page, answers)
    return shown(page)


# Scenario 4 (tenants steered away because of race) names a ratified treaty, so the standards list
# shows a status and a ratification date; scenario 1 (an imminent demolition) rules most routes out.
@pytest.mark.parametrize("index", [0, 3], ids=["demolition", "racial-steering"])
def test_spanish_finder_matches_english_with_spanish_reasons(page, server, index):
    story, answers, fit, _ = SCENARIOS[index]
    english_fits, _nots = routes_for(page, server + FINDER, answers)
    assert english_fits == fit
    # start from the English page, then open the Spanish one (a different page, so the URL changes)
    fits, nots = routes_for(page, server + ES_FINDER, answers)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert fits == english_fits, story
    assert set(nots) == ALL - fit

    results = page.locator("#rk-finder-results").inner_text()
    status = page.locator("#rk-finder-status").inner_text()
    assert status == f"{len(fit)} de {len(ALL)} vías sirven para sus respuestas; {len(ALL) - len(fit)} no sirven."
    for sentence in english_sentences():
        assert sentence not in results and sentence not in status, sentence
    for card in page.locator(".rk-route").all():
        assert "Usted eligió:" in card.locator(".rk-why").inner_text()
        assert "Cuándo:" in card.inner_text()
        details = card.get_by_role("link", name="Todos los detalles")
        assert details.count() == 1
        assert "es/mechanisms/finder/#pathway-" in details.get_attribute("href")  # stays in the Spanish edition
    assert all("Requiere:" in text for text in nots.values())
    # route names and notes come from the Spanish data, not the English
    assert "Llamamiento urgente a una Relatoría Especial" in results or index != 0
    assert foreign(page.requested) == []

    if index == 3:
        standards = page.locator(".rk-standards").inner_text()
        assert "Convención Internacional sobre la Eliminación de todas las Formas de Discriminación Racial" in standards
        assert "Situación en EE.\u00a0UU.: ratificado, el 21 de octubre de 1994." in standards
        assert "PIDESC (situación en EE.\u00a0UU.: firmado, no ratificado)" in standards
        assert "artículo 11" in standards


def test_spanish_finder_accessible_with_results_shown(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + ES_FINDER + "?issue_area=housing&harm=ongoing&affected=racial&wants=recommendation",
              wait_until="networkidle")
    assert len(shown(page)[0]) > 0 and page.locator(".rk-route-no").count() > 0
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("#rk-finder fieldset > legend").first.inner_text() == "¿De qué tema se trata?"
    assert page.get_by_role("button", name="Mostrar vías").count() == 1
