"""Every page type in a real browser (Debian's Chromium through Playwright): accessibility
with axe (WCAG 2.1 A and AA), no request to any other host, search, filters and printing."""
from __future__ import annotations

import pytest

from browsing import WCAG, foreign

pytestmark = pytest.mark.browser

# One page of each type the site has.
PAGES = {
    "home": "",
    "issue-area hub": "rights/housing/",
    "instrument": "standards/icescr/",
    "instruments index": "standards/",
    "General Comments": "standards/general-comments/cescr/",
    "General Comments index": "standards/general-comments/",
    "mechanisms index": "mechanisms/",
    "mechanism guide": "mechanisms/upr/",
    "generated mechanism page": "mechanisms/cedaw-committee/",
    "toolkit": "toolkits/documentation/",
    "activity": "activities/housing-line/",
    "explainer": "frameworks/principles/",
    "workshop": "workshops/housing-human-right/",
    "workshops index": "workshops/",
    "glossary": "glossary/",
    "tags": "tags/",
    "open data": "about/data/",
    "contributor guide": "contribute/",
    "wide tables": "about/benchmarks/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_page_is_accessible_and_private(browser, server, kind, scheme):
    from axe_playwright_python.sync_playwright import Axe

    # A fresh context per scheme: Material remembers the palette it chose in local storage.
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(server + PAGES[kind], wait_until="networkidle")
        assert page.title(), kind
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == {"light": "default", "dark": "slate"}[scheme]
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, f"{kind} ({scheme}):\n{results.generate_report()}"
        assert foreign(requested) == []
    finally:
        context.close()


# Each scrolling table wrapper: whether it scrolls, its tab stop, role and name, and how far it
# is scrolled.
WRAPPERS = """() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(w => ({
  scrolls: w.scrollWidth > w.clientWidth + 1, tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'),
  name: w.getAttribute('aria-label'), left: w.scrollLeft}))"""


def test_wide_tables_scroll_from_the_keyboard(browser, server):
    """A table wider than a phone's screen scrolls in its wrapper: Tab reaches the wrapper, which
    is named by the heading above the table, and the arrow keys scroll it. On a wide screen the
    same tables fit, and their wrappers are no tab stops."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + "about/benchmarks/", wait_until="networkidle")
        # the wrappers are looked at once Material has made them, which on a busy machine can be
        # after the page's network is idle
        page.wait_for_function(f"() => ({WRAPPERS})().every(w => !w.scrolls || w.tabindex === '0')", timeout=10_000)
        wrappers = page.evaluate(WRAPPERS)
        scrolling = [w for w in wrappers if w["scrolls"]]
        assert scrolling, wrappers
        assert all(w["tabindex"] == "0" and w["role"] == "region" and w["name"] for w in scrolling), wrappers
        assert all(w["tabindex"] is None for w in wrappers if not w["scrolls"]), wrappers
        headings = page.eval_on_selector_all("article h2, article h3", "hs => hs.map(h => h.textContent.replace('\u00b6', '').trim())")
        assert {w["name"] for w in scrolling} <= set(headings) | {page.title()}, (scrolling, headings)

        first = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
        first.focus()
        assert page.evaluate("document.activeElement.classList.contains('md-typeset__scrollwrap')")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)

        page.set_viewport_size({"width": 1920, "height": 1000})
        page.wait_for_timeout(500)  # the wrappers are looked at again once resizing stops
        wide = page.evaluate(WRAPPERS)
        assert all(w["tabindex"] is None for w in wide if not w["scrolls"]), wide
        assert sum(w["tabindex"] == "0" for w in wide) < len(scrolling), wide
    finally:
        context.close()


def test_a_table_wrapped_after_the_page_loaded_scrolls_from_the_keyboard_too(browser, server):
    """Material can wrap a page's tables after filter.js has first looked (a busy phone, a slow
    script): a wrapper that appears later is made a tab stop as it appears, not at the next resize."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + "about/benchmarks/", wait_until="networkidle")
        page.evaluate("""() => {
            const wrap = document.createElement('div');
            wrap.className = 'md-typeset__scrollwrap rk-late';
            wrap.innerHTML = '<div class="md-typeset__table"><table><tr>' + '<td>wide column</td>'.repeat(40) + '</tr></table></div>';
            document.querySelector('.md-content article').append(wrap);
        }""")
        page.wait_for_function("() => document.querySelector('.rk-late').getAttribute('tabindex') === '0'", timeout=10_000)
        assert page.evaluate("document.querySelector('.rk-late').getAttribute('role')") == "region"
    finally:
        context.close()


def test_search_finds_the_housing_hub(page, server):
    page.goto(server, wait_until="networkidle")
    page.keyboard.press("/")
    field = page.locator("#rk-search-input")
    field.press_sequentially("adequate housing", delay=30)
    titles = page.locator(".rk-search__results .rk-search__title")
    titles.first.wait_for(timeout=10_000)
    found = [t.strip() for t in titles.all_inner_texts()]
    assert any("housing" in t.lower() for t in found[:5]), found
    assert foreign(page.requested) == []


def test_search_results_are_accessible(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("#rk-search-input").press_sequentially("health", delay=30)
    page.locator(".rk-search__results > li").first.wait_for(timeout=10_000)
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


def test_instruments_filter(page, server):
    page.goto(server + "standards/", wait_until="networkidle")
    rows = page.locator(".rk-filterable tbody tr")
    total = rows.count()
    page.get_by_label("US status").select_option("Ratified")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all("Ratified" in r.inner_text() for r in visible)
    assert f"Showing {len(visible)} of {total}." in page.locator(".rk-filter-status").inner_text()


def test_workshops_filter_by_length(page, server):
    page.goto(server + "workshops/", wait_until="networkidle")
    page.get_by_label("Length").select_option("Full day (over 4 hours)")
    visible = [r.inner_text() for r in page.locator(".rk-filterable tbody tr").all() if r.is_visible()]
    assert visible and all("Full day" in text for text in visible)


def test_printing_hides_chrome_and_shows_link_targets(page, server):
    page.goto(server + "rights/housing/", wait_until="networkidle")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".rk-search", ".md-tabs"):
        hidden = page.eval_on_selector_all(selector, "els => els.every(e => getComputedStyle(e).display === 'none')")
        assert hidden, selector
    target = page.eval_on_selector(".md-content a[data-print-href]", "a => getComputedStyle(a, '::after').content")
    assert "http://127.0.0.1" in target
    pdf = page.pdf(format="Letter")
    assert pdf[:4] == b"%PDF"
