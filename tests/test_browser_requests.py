"""No page load asks the server for something that is not there: Material's language-selector code
fetches `sitemap.xml` beside each `<link rel="alternate">` and at the edition's base, so per-page
alternates or a missing per-language sitemap showed up as 404s on every page (see sitemaps.py)."""
from __future__ import annotations

import pytest

PAGES = ("", "mechanisms/upr/", "rights/housing/", "es/", "es/mechanisms/upr/", "es/rights/housing/",
         "es/contribute/")  # the last one is an untranslated fallback


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_page_load_makes_no_failing_request(page, server, url):
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.goto(server + url, wait_until="networkidle")
    assert failed == [], url


def test_each_language_root_has_its_sitemap_of_its_own_pages(built):
    site = built / "site"
    spanish = (site / "es" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/es/rights/housing/</loc>" in spanish and spanish.count("<url>") > 50
    assert "<loc>" in spanish and all("/es/" in loc for loc in spanish.split("<loc>")[1:])
    page = (site / "es" / "mechanisms" / "upr" / "index.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    assert 'hreflang="en"' not in head  # no per-page alternates for the theme to misread as roots
    assert 'hreflang="en" class="md-select__link"' in page  # the switcher still links the same page
