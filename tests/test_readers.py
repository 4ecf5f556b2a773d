"""Readers' polish (issue 21): page titles that do not repeat the site's name, "Next" from the
home page, and dates in the language of the edition, on the mini project built in both languages
with the site's theme overrides, and on the real site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import bilingual
from rightskit.cli.main import main

MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(r'git-revision-date-localized-plugin-date" title="([^"]*)">([^<]*)<')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = bilingual(tmp_path_factory.mktemp("readers") / "project")
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--no-pdf"]) == 0
    return project / "site"


def title(page: Path) -> str:
    return re.search(r"<title[^>]*>([^<]*)</title>", page.read_text(encoding="utf-8")).group(1)


def test_home_pages_are_titled_with_the_site_name_once(site):
    assert title(site / "index.html") == "Test site"
    assert title(site / "es" / "index.html") == "Test site"
    # every other page: "<page> - <site>", as Material has it
    assert title(site / "rights" / "housing" / "index.html") == "Housing - Test site"
    assert title(site / "es" / "rights" / "housing" / "index.html") == "Housing - Test site"


def test_last_updated_dates_are_in_the_language_of_the_edition(site):
    """The Spanish pages here are all English text (fallbacks): their dates follow the edition,
    after the theme's "Última actualización", not the English file they were made from."""
    english = DATE.findall((site / "rights" / "housing" / "index.html").read_text(encoding="utf-8"))
    spanish = DATE.findall((site / "es" / "rights" / "housing" / "index.html").read_text(encoding="utf-8"))
    assert english and spanish
    assert all(re.match(rf"({MONTHS_EN}) \d{{1,2}}, \d{{4}}$", shown) for _, shown in english), english
    assert all(re.match(r"\d{1,2} de [a-z]+ de \d{4}$", shown) for _, shown in spanish), spanish
    assert not any(re.search(MONTHS_EN, stamp) for stamp, _ in spanish), spanish


# --- the real site --------------------------------------------------------------------------
def footer_next(page: str) -> str | None:
    match = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', page)
    return match.group(1) if match else None


@pytest.mark.parametrize("home", ["", "es/"])
def test_next_from_the_home_page_leads_to_the_first_right(built, home):
    page = (built / "site" / home / "index.html").read_text(encoding="utf-8")
    assert footer_next(page) == "rights/housing/"
    assert title(built / "site" / home / "index.html") == "Rights at Home"


def test_spanish_pages_show_no_english_dates(built):
    site = built / "site"
    english = {}
    for page in sorted((site / "es").rglob("index.html")):
        dates = [shown for _, shown in DATE.findall(page.read_text(encoding="utf-8"))]
        if any(re.search(MONTHS_EN, shown) for shown in dates):
            english[page.relative_to(site).as_posix()] = dates
    assert english == {}
