"""The finder up front and fast, in Chromium on a built site: no layout shift when it loads (also
pre-filled from a rights hub or a shared link), only its small data file fetched on load, routes in
the order rightskit.pages.finder.rank gives with the reasons shown, the articles of the issue area
chosen, and no outline around the results after "Show routes"."""
from __future__ import annotations

import pytest

from conftest import REPO, check
from rightskit.pages import finder
from test_finder_browser import FINDER, SCENARIOS, answer, shown

pytestmark = pytest.mark.browser

# Every layout shift the page makes without the reader's input, summed as Chromium reports them
# (the cumulative layout shift of web-vitals, without its session windows: an upper bound).
CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
PHONE = dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
DESKTOP = dict(viewport={"width": 1280, "height": 800})


@pytest.fixture(scope="module")
def site():
    return check(REPO).site


def layout_shift(browser, url: str, device: dict) -> tuple[float, list[str]]:
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        page.add_init_script(CLS_SCRIPT)
        page.goto(url, wait_until="networkidle")
        # what the page fetched, as the page itself records it
        page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('/data/finder.'))")
        page.wait_for_timeout(500)  # let the script finish whatever it does after the data arrives
        fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        return page.evaluate("window.__cls"), fetched
    finally:
        context.close()


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("query", ["", "?issue_area=housing",
                                   "?issue_area=housing&harm=ongoing&affected=racial&wants=visibility"],
                         ids=["empty", "from-a-hub", "shared-link"])
@pytest.mark.parametrize("edition", ["", "es/"])
def test_no_layout_shift_on_load(browser, server, device, query, edition):
    cls, requested = layout_shift(browser, server + edition + FINDER + query, device)
    assert cls < 0.05, cls
    data = [u for u in requested if "/data/" in u]
    lang = "es" if edition else "en"
    assert data == [server + f"data/finder.{lang}.json"]  # only the small file: not pathways.json or instruments.json


@pytest.mark.parametrize("edition,lang", [("", "en"), ("es/", "es")])
def test_hubs_open_the_finder_with_their_issue_area(page, server, edition, lang):
    for area in ("housing", "work"):
        page.goto(server + f"{edition}rights/{area}/", wait_until="networkidle")
        link = page.locator(f'a[href$="mechanisms/finder/?issue_area={area}"]')
        assert link.count() >= 1, area
        link.first.click()
        page.wait_for_url(f"**/{edition}mechanisms/finder/?issue_area={area}")
        assert page.locator("#rk-q-issue_area").input_value() == area
        assert page.evaluate("document.documentElement.lang") == lang
    for start in ("", "mechanisms/"):  # the home page's start boxes and the mechanisms index
        page.goto(server + edition + start, wait_until="networkidle")
        assert page.locator('.md-content a[href$="mechanisms/finder/"], .md-content a[href="finder/"]').count() >= 1, start


def test_routes_in_the_order_of_fit_with_the_reasons(page, server, site):
    page.goto(server + FINDER, wait_until="networkidle")
    answers = dict(issue_area="housing", harm="ongoing", affected=["racial"], wants=["visibility"])
    answer(page, answers)
    shown(page)
    order = page.eval_on_selector_all(".rk-route", "els => els.map(e => e.dataset.pathway)")
    assert order[0] == "shadow-cerd"
    expected = [f.pathway.id for f in finder.rank(site, {k: v if isinstance(v, list) else [v] for k, v in answers.items()})
                if f.matches]
    assert order == expected  # the script and the Python rule agree
    first = page.locator('.rk-route[data-pathway="shadow-cerd"] .rk-why').inner_text()
    assert ("It applies a treaty the US ratified that protects the people you named: International Convention "
            "on the Elimination of All Forms of Racial Discrimination, ratified on 21 October 1994.") in first
    assert "Ordered by fit" in page.locator("#rk-finder-results").inner_text()
    # the articles for housing, not the article on work the route also cites
    sp = page.locator('.rk-route[data-pathway="sp-communication"]').inner_text()
    assert "UDHR article 25" in sp and "UDHR article 23" not in sp


@pytest.mark.parametrize("index", [0, 1, 2, 3, 6, 7])
def test_script_order_matches_python_for_the_scenarios(page, server, site, index):
    story, answers, fit, _ = SCENARIOS[index]
    page.goto(server + FINDER, wait_until="networkidle")
    answer(page, answers)
    shown(page)
    order = page.eval_on_selector_all(".rk-route", "els => els.map(e => e.dataset.pathway)")
    listed = {k: v if isinstance(v, list) else [v] for k, v in answers.items()}
    assert order == [f.pathway.id for f in finder.rank(site, listed) if f.matches], story


def test_show_routes_focuses_the_heading_without_an_outline_around_the_results(page, server):
    page.goto(server + FINDER, wait_until="networkidle")
    page.locator("#rk-q-harm-urgent").check()
    page.get_by_role("button", name="Show routes").click()
    assert page.evaluate("document.activeElement.id") == "rk-finder-yes"
    outline = page.evaluate("getComputedStyle(document.getElementById('rk-finder-results')).outlineStyle")
    assert outline == "none"
    width = page.evaluate("getComputedStyle(document.getElementById('rk-finder-results')).outlineWidth")
    assert outline == "none" or width == "0px"
