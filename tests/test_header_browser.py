"""The header on a phone and a tablet (issue 21), in both languages: the site's name shows whole,
and the search box, focused, stays inside the screen without making the page scroll sideways."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 768)
HOMES = {"en": "", "es": "es/"}

# The site's name in the header (Material's first header topic), and whether it shows whole:
# not cut off by an ellipsis, on one line or on two.
TITLE = """() => {
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const box = name.getBoundingClientRect();
  return {text: name.textContent.trim(), width: box.width, left: box.left, right: box.right,
          clipped: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1};
}"""
LAYOUT = """() => {
  const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
          input: box('#rk-search-input'), form: box('.rk-search__form'),
          focused: document.activeElement && document.activeElement.id};
}"""


def inside(box: dict, width: int) -> bool:
    return box["left"] >= 0 and box["right"] <= width and box["width"] > 0


@pytest.mark.parametrize("language", list(HOMES))
@pytest.mark.parametrize("width", WIDTHS)
def test_header_fits_with_the_search_box_focused(browser, server, language, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(server + HOMES[language], wait_until="load")
        title = page.evaluate(TITLE)
        assert title["text"] == "Rights at Home"
        assert not title["clipped"], f"{language} at {width} px: the site's name is cut off ({title})"
        assert title["width"] >= 60 and 0 <= title["left"] and title["right"] <= width, title

        page.click("#rk-search-input")  # a tap, where a phone reader would put it
        page.wait_for_timeout(300)  # the box's width is animated
        layout = page.evaluate(LAYOUT)
        assert layout["focused"] == "rk-search-input"
        assert layout["scrollWidth"] <= layout["innerWidth"], f"{language} at {width} px scrolls sideways: {layout}"
        assert inside(layout["input"], width), f"{language} at {width} px: the search box leaves the screen: {layout}"
        # room to read what one types, and the clear button (inside the field) on screen
        assert layout["input"]["width"] >= min(200, width * 0.6), layout

        page.keyboard.type("housing")
        page.wait_for_selector(".rk-search__results li", timeout=15_000)
        page.keyboard.press("ArrowDown")  # into the results: the box stays open where it was
        assert page.evaluate("document.activeElement.classList.contains('rk-search__link')")
        layout = page.evaluate(LAYOUT)
        assert layout["scrollWidth"] <= layout["innerWidth"] and inside(layout["input"], width), layout
        assert layout["input"]["width"] >= min(200, width * 0.6), layout
    finally:
        context.close()
