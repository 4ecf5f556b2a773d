"""Rights hubs of a readable length on a desktop (issue 21): the housing hub was 10,760 px tall at
1280 px wide, two thirds of it the generated lists after the hub's own text. Each list is now a
closed <details> whose summary names it and counts its pages; nothing is left out of the page."""
from __future__ import annotations

import re

import pytest

from conftest import REPO, check

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
# The tallest hub is about 6,900 px with its lists closed (the Spanish housing and the work hubs);
# with them open, hubs measured 6,660 to 12,550 px. The bound leaves room for the hubs' own text
# to grow, and fails if the lists are spread out again.
MAX_HEIGHT = 8_000

LISTS = """() => [...document.querySelectorAll('.rk-generated details.rk-group')].map(d => ({
  summary: d.querySelector('summary').textContent.trim(),
  open: d.open,
  items: d.querySelectorAll(':scope > ul > li').length,
  more: d.querySelectorAll('a.rk-more').length,
  hidden: [...d.querySelectorAll(':scope > ul a')].every(a => !a.checkVisibility()),
}))"""


@pytest.fixture(scope="module")
def hubs() -> list[str]:
    return sorted(area.hub for area in check(REPO).site.issue_areas.values())


def address(hub: str) -> str:
    return hub.removesuffix(".md") + "/"


@pytest.mark.parametrize("edition", ["", "es/"])
def test_hubs_are_shorter_than_the_bound_with_every_list_closed(browser, server, hubs, edition):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        for hub in hubs:
            page.goto(server + edition + address(hub), wait_until="load")
            height = page.evaluate("document.documentElement.scrollHeight")
            assert height <= MAX_HEIGHT, (hub, edition, height)
            lists = page.evaluate(LISTS)
            assert len(lists) >= 2, (hub, lists)  # the standards and at least one kind of page
            for group in lists:
                count = int(re.search(r"\((\d+)\)$", group["summary"]).group(1))
                assert not group["open"] and group["hidden"], (hub, group)
                # the count is the whole list's: all of it here, or the first items and a link to the rest
                assert group["items"] == count or (group["items"] < count and group["more"] == 1), (hub, group)
    finally:
        context.close()


def test_a_list_opens_with_its_summary_and_shows_its_pages(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(server + address("rights/housing.md"), wait_until="load")
        groups = page.locator(".rk-generated details.rk-group")
        before = page.evaluate("document.documentElement.scrollHeight")
        for index in range(groups.count()):
            summary = groups.nth(index).locator("summary")
            summary.focus()
            page.keyboard.press("Enter")  # by keyboard, as a summary must open
            assert groups.nth(index).evaluate("d => d.open")
            assert groups.nth(index).locator(":scope > ul a").first.is_visible()
        assert page.evaluate("document.documentElement.scrollHeight") > before + 2_000
    finally:
        context.close()
