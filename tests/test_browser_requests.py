"""No page load asks the server for something that is not there: Material's language-selector code
fetches `sitemap.xml` relative to each `<link rel="alternate">` and to the edition's base, so wrong
alternates or a missing per-language sitemap show up as 404s on every page."""
from __future__ import annotations

import pytest

from test_browser import browser, server  # noqa: F401 - shared fixtures (tests/browsing.py on main)

PAGES = ("", "mechanisms/upr/", "rights/housing/", "es/", "es/mechanisms/upr/", "es/rights/housing/",
         "es/contribute/")  # the last one is an untranslated fallback


@pytest.mark.parametrize("url", PAGES)
def test_page_load_makes_no_failing_request(browser, server, url):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.goto(server + url, wait_until="networkidle")
    context.close()
    assert failed == [], url
