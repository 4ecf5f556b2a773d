"""Submission templates: Markdown pages, Letter and A4 PDFs, linked from their guides; the
pathways export and the deep links on the built site."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO

TEMPLATES = ["special-rapporteur-communication", "urgent-appeal", "upr-submission", "shadow-report",
             "iachr-hearing-request", "iachr-petition-checklist", "documentation-intake", "informed-consent"]
# Each guide, and the templates it must link to.
GUIDES = {
    "mechanisms/special-procedures": ["special-rapporteur-communication", "urgent-appeal"],
    "mechanisms/upr": ["upr-submission"],
    "mechanisms/human-rights-committee": ["shadow-report"],
    "mechanisms/cerd": ["shadow-report"],
    "mechanisms/committee-against-torture": ["shadow-report"],
    "mechanisms/iachr": ["iachr-petition-checklist", "iachr-hearing-request", "urgent-appeal"],
    "mechanisms/local-commissions": ["documentation-intake", "informed-consent"],
    "toolkits/documentation": ["documentation-intake", "informed-consent"],
}
SIZES = {"letter": (612, 792), "a4": (595, 842)}  # points


def links(html: str, here: str) -> set[str]:
    """Every relative link of a page, as a site-root path."""
    out = set()
    for href in re.findall(r'href="([^"#:]+)[^"]*"', html):
        path = posixpath.normpath(posixpath.join(here, href))
        out.add(path + "/" if href.endswith("/") else path)
    return out


def page(built: Path, url: str) -> str:
    return (built / "site" / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_page_and_pdfs_in_both_sizes(built, name):
    html = page(built, f"toolkits/templates/{name}")
    assert html.count("<h2") >= 3
    assert "Why:" in html or "<em>Why:</em>" in html  # every template explains its sections
    for paper, (width, height) in SIZES.items():
        pdf = built / "site" / "pdf" / f"toolkits-templates-{name}-handout-{paper}.pdf"
        assert pdf.exists(), pdf
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (width, height)
        assert f'pdf/toolkits-templates-{name}-handout-{paper}.pdf"' in html


@pytest.mark.parametrize("guide", list(GUIDES))
def test_guides_link_to_their_templates(built, guide):
    targets = links(page(built, guide), guide + "/")
    for name in GUIDES[guide]:
        assert f"toolkits/templates/{name}/" in targets, (guide, name)
    assert "mechanisms/finder/" in targets


def test_every_template_is_used_by_a_pathway():
    from conftest import check

    site = check(REPO).site
    used = {t.target for p in site.pathways.values() for t in p.templates}
    assert {f"toolkits/templates/{n}.md" for n in TEMPLATES} - used == set()


def test_pathways_json_is_published(built):
    data = json.loads((built / "site" / "data" / "pathways.json").read_text(encoding="utf-8"))
    assert len(data) == 12
    petition = next(p for p in data if p["id"] == "iachr-petition")
    assert petition["conditions"]["remedies"] == ["exhausted-recent"]
    assert all((built / "site" / p["url"].split("#")[0] / "index.html").exists() for p in data)
    for p in data:
        for t in p["templates"]:
            assert (built / "site" / t["url"] / "index.html").exists(), t


def test_deep_links_on_instrument_article_and_mechanism_pages(built):
    tb = "https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/Countries.aspx?CountryCode=USA&amp;Lang=EN"
    icerd = page(built, "standards/icerd")
    assert 'id="find-recommendations"' in icerd and tb in icerd and 'href="https://uhri.ohchr.org/en/"' in icerd
    article = icerd[icerd.index('id="article-5"'):]
    assert "search for &#39;ICERD article 5&#39;" in article[:3000] or "search for 'ICERD article 5'" in article[:3000]
    assert "www.oas.org/en/iachr/media_center/PReleases/2020/132.asp" in page(built, "mechanisms/iachr")
    assert tb in page(built, "mechanisms/cerd")
    assert "uhri.ohchr.org" in page(built, "mechanisms/special-procedures")
    assert 'id="find-recommendations"' not in page(built, "mechanisms/local-commissions")
    # no request to those sites: they appear only as links, never as a resource the page loads
    for html in (icerd, page(built, "mechanisms/cerd")):
        assert not re.search(r'<(script|img|iframe|link)[^>]+(uhri|tbinternet|oas\.org)', html)
