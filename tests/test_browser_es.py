"""The Spanish edition in a real browser: each translated page type (and a fallback) passes axe,
requests nothing from another host and does not scroll sideways at 390 px; the language switcher
round-trips; an untranslated page shows its notice."""
from __future__ import annotations

import pytest

from test_browser import WCAG, browser, foreign, server  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser

# One Spanish page of each type: translated hand-written pages, generated pages, and a fallback.
PAGES = {
    "home": "es/",
    "issue-area hub": "es/rights/housing/",
    "mechanism guide": "es/mechanisms/upr/",
    "framework": "es/frameworks/principles/",
    "activity": "es/activities/housing-line/",
    "instrument": "es/standards/icescr/",
    "instruments index": "es/standards/",
    "General Comments": "es/standards/general-comments/cescr/",
    "mechanisms index": "es/mechanisms/",
    "generated mechanism page": "es/mechanisms/cedaw-committee/",
    "workshop": "es/workshops/housing-human-right/",
    "workshops index": "es/workshops/",
    "glossary": "es/glossary/",
    "translations status": "es/about/translations/",
    "untranslated fallback": "es/about/data/",
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_spanish_page_is_accessible_private_and_fits_a_phone(browser, server, kind):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(server + PAGES[kind], wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "es"
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, f"{kind}:\n{results.generate_report()}"
        assert foreign(requested) == []
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{kind} scrolls sideways by {overflow} px at 390 px"
    finally:
        context.close()


def switch_to(page, language: str) -> None:
    """Use Material's language selector the way a reader does: open it, pick the language."""
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header .md-select__link[hreflang="{language}"]').first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("english", ["", "rights/housing/", "mechanisms/upr/", "activities/housing-line/",
                                     "standards/icescr/", "workshops/housing-human-right/", "glossary/",
                                     "about/data/"])
def test_language_switcher_round_trips(browser, server, english):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server + english, wait_until="networkidle")
        switch_to(page, "es")
        assert page.url == server + "es/" + english
        assert page.evaluate("document.documentElement.lang") == "es"
        switch_to(page, "en")
        assert page.url == server + english
        assert page.evaluate("document.documentElement.lang") == "en"
    finally:
        context.close()


def test_untranslated_page_shows_spanish_notice_and_english_text(browser, server):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server + "es/about/data/", wait_until="networkidle")
        notice = page.locator(".admonition.warning").first
        assert notice.is_visible()
        assert "Esta página aún no está traducida" in notice.inner_text()
        assert page.evaluate("getComputedStyle(document.querySelector('.admonition.warning')).display") != "none"
        assert page.locator('article [lang="en"] h1').first.inner_text().startswith("Open data")
        # the interface around it is Spanish
        assert page.evaluate("document.documentElement.lang") == "es"
        assert page.locator(".md-tabs").inner_text().count("Talleres") == 1
    finally:
        context.close()
