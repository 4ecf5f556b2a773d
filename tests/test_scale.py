"""Structural properties behind the build's speed at scale (never timings: see `make bench-scale`)."""
from __future__ import annotations

from pathlib import Path

from conftest import check
from rightskit.render import Renderer


def _add_term(root: Path, term: str, expansion: str) -> None:
    glossary = root / "standards" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + f"- term: {term}\n  expansion: {expansion}\n  definition: Test definition.\n",
                        encoding="utf-8")


def test_glossary_definitions_are_per_page(mini):
    _add_term(mini, "AAAQ", "Availability, accessibility, acceptability and quality")
    page = mini / "docs" / "activities" / "line.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCheck the AAAQ of each home.\n", encoding="utf-8")
    site = check(mini).site
    renderer = Renderer(site)
    line = renderer.page_markdown(site.modules["activities/line.md"], site.modules["activities/line.md"].body)
    assert "*[AAAQ]: Availability" in line
    assert "*[UPR]:" not in line  # a term the page does not use is not defined on it
    upr = site.modules["mechanisms/upr.md"]
    text = renderer.page_markdown(upr, upr.body)
    assert "*[UPR]: Universal Periodic Review" in text and "*[AAAQ]:" not in text
    # a word that merely contains a term is not a use of it
    assert renderer.abbreviations("UPRISING and AAAQs") == ""
    assert "*[UPR]:" in renderer.abbreviations("the UPR.")
