"""The real site, built once by `rightskit build`: pages, JSON, PDFs, privacy, caching."""
from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from conftest import REPO, check, rightskit
from pdfread import layout_text

SITE_HOST = urlsplit("https://rights-at-home.example.org/").netloc


def html(built: Path, url: str) -> str:
    """A built page, with glossary <abbr> wrappers removed so text can be matched."""
    text = (built / "site" / url / "index.html").read_text(encoding="utf-8")
    return re.sub(r"</?abbr[^>]*>", "", text)


def data(built: Path, name: str) -> list[dict]:
    return json.loads((built / "site" / "data" / name).read_text(encoding="utf-8"))


# --- generated pages --------------------------------------------------------------------

def test_instrument_page_has_status_panel_and_article_anchors(built):
    page = html(built, "standards/icescr")
    assert "Signed, not ratified" in page
    assert "5 October 1977" in page and "16 December 1966" in page and "3 January 1976" in page
    assert 'id="article-11"' in page and 'id="article-2-1"' in page
    # "Cited in" under article 11 names the housing hub, which cites it
    article = page[page.index('id="article-11"'):]
    article = article[: article.index('id="article-12"')]
    assert "Cited in" in article and "../../rights/housing/" in article


def test_edit_link_of_a_generated_page_points_at_its_yaml(built):
    page = html(built, "standards/icescr")
    assert re.search(r'href="https://[^"]*/edit/main/standards/instruments/icescr\.yml"', page)
    assert "/../" not in re.search(r'href="([^"]*/edit/[^"]*)"', page).group(1)


def test_instruments_index_is_filterable_by_kind_and_status(built):
    page = html(built, "standards")
    assert 'data-filter-columns="Kind,US status"' in page
    for short in ("UDHR", "ICESCR", "ICCPR", "ILO C087"):
        assert f">{short}</a>" in page


def test_general_comment_group_page(built):
    page = html(built, "standards/general-comments/cescr")
    for number in (3, 4, 7, 12, 13, 14, 15, 18, 19, 20, 23, 24):
        assert f'id="gc-{number}"' in page


def test_mechanisms_index_and_generated_mechanism_page(built):
    index = html(built, "mechanisms")
    assert "Universal Periodic Review" in index or "UPR" in index
    page = html(built, "mechanisms/cedaw-committee")  # no guide: generated from the YAML
    assert "Can groups in the US use it?" in page and "Cited in" in page


def test_hub_has_intro_then_generated_lists(built):
    page = html(built, "rights/housing")
    for anchor in ('id="standards"', 'id="mechanisms"', 'id="modules"', 'id="workshops"'):
        assert anchor in page
    assert page.index('id="standards"') > page.index("md-content")
    assert "../../workshops/housing-human-right/" in page


def test_tags_page_lists_issue_areas(built):
    page = html(built, "tags")
    for tag in ("Housing", "Health", "Education", "Work with dignity"):
        assert tag in page


def test_cross_reference_renders_as_link_with_title(built):
    page = html(built, "rights/housing")
    assert re.search(r'<a href="../../standards/icescr/#article-11" title="[^"]+">ICESCR article 11</a>', page)


def test_facilitator_notes_are_collapsible_on_the_site(built):
    page = html(built, "activities/housing-line")
    assert '<details class="facilitator">' in page
    assert "<summary>For facilitators</summary>" in page


def test_workshop_page(built):
    page = html(built, "workshops/housing-human-right")
    assert "18:00" in page  # clock times from the start time
    for paper in ("letter", "a4"):
        for kind in ("guide", "packet"):
            link = f"../../pdf/housing-human-right-{kind}-{paper}.pdf"
            assert f'href="{link}"' in page
            assert (built / "site" / "pdf" / f"housing-human-right-{kind}-{paper}.pdf").is_file()


def test_every_pdf_link_on_the_site_resolves(built):
    site = built / "site"
    for file in site.rglob("*.html"):
        for href in re.findall(r'href="([^"#:]+\.pdf)"', file.read_text(encoding="utf-8")):
            assert (file.parent / href).resolve().is_file(), (file, href)


# --- open data export ---------------------------------------------------------------

def test_instruments_json_schema(built):
    items = data(built, "instruments.json")
    assert isinstance(items, list) and items
    icescr = next(i for i in items if i["id"] == "icescr")
    assert icescr["short_title"] == "ICESCR"
    assert icescr["adopted"] == "1966-12-16" and icescr["in_force"] == "1976-01-03"
    assert icescr["us"] == {"signed": "1977-10-05", "ratified": None, "status": "signed, not ratified"}
    assert icescr["monitoring_body"] == "cescr"
    assert icescr["url"] == "standards/icescr/"
    article = next(a for a in icescr["articles"] if a["number"] == "11")
    assert set(article) >= {"number", "title", "summary", "issue_areas", "url"}
    assert article["url"] == "standards/icescr/#article-11"
    statuses = {i["us"]["status"] for i in items}
    assert statuses <= {"ratified", "signed, not ratified", "not signed", "not ratified", "not applicable",
                        "applied by the IACHR to OAS members, the US included"}
    udhr = next(i for i in items if i["id"] == "udhr")
    assert udhr["us"]["status"] == "not applicable"
    for item in items:
        for key in ("id", "short_title", "title", "kind", "adopted", "in_force", "us", "monitoring_body",
                    "official_text", "url", "articles"):
            assert key in item, (item["id"], key)


def test_other_json_exports(built):
    comments = data(built, "general-comments.json")
    gc4 = next(g for g in comments if g["id"] == "cescr-gc-4")
    assert gc4["body"] == "cescr" and gc4["number"] == 4 and gc4["year"] == 1991
    assert gc4["interprets"] == ["icescr/11"] and gc4["url"] == "standards/general-comments/cescr/#gc-4"
    mechanisms = data(built, "mechanisms.json")
    upr = next(x for x in mechanisms if x["id"] == "upr")
    assert set(upr) >= {"id", "name", "kind", "us_access", "url"} and upr["url"] == "mechanisms/upr/"
    modules = data(built, "modules.json")
    hub = next(x for x in modules if x["url"] == "rights/housing/")
    assert hub["type"] == "issue area" and "housing" in hub["issue_areas"]
    assert "icescr/11" in hub["standards"]


def test_every_json_url_is_a_page_of_the_site(built):
    site = built / "site"
    for name in ("instruments.json", "general-comments.json", "mechanisms.json", "modules.json", "workshops.json"):
        for item in data(built, name):
            urls = [item["url"]] + [a["url"] for a in item.get("articles", [])]
            for url in urls:
                page, _, anchor = url.partition("#")
                file = site / page / "index.html"
                assert file.is_file(), (name, url)
                if anchor:
                    assert f'id="{anchor}"' in file.read_text(encoding="utf-8"), (name, url)


# --- privacy ----------------------------------------------------------------------------

class _Resources(HTMLParser):
    """Every address the browser would load by itself (not links the reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon", "dns-prefetch",
                                                  "modulepreload") and attrs.get("href"):
            self.urls.append(attrs["href"])


def test_no_page_loads_anything_from_another_host(built):
    offenders = []
    for file in (built / "site").rglob("*.html"):
        parser = _Resources()
        parser.feed(file.read_text(encoding="utf-8"))
        for url in parser.urls:
            host = urlsplit(url).netloc
            if host and host != SITE_HOST:
                offenders.append((file.name, url))
    assert offenders == []
    css = "".join(p.read_text(encoding="utf-8") for p in (built / "site").rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


# --- PDFs -------------------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    return layout_text(path)


def workshops():
    return sorted(check(REPO).site.workshops.values(), key=lambda w: w.id)


@pytest.mark.parametrize("paper,size", [("letter", (612, 792)), ("a4", (595, 842))])
def test_every_workshop_has_both_pdfs_in_both_sizes(built, paper, size):
    for workshop in workshops():
        for kind in ("guide", "packet"):
            reader = PdfReader(built / "site" / "pdf" / f"{workshop.id}-{kind}-{paper}.pdf")
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
            assert reader.metadata.title.startswith(workshop.title)


def test_guide_has_agenda_and_every_module_title(built):
    site = check(REPO).site
    for workshop in workshops():
        text = " ".join(pdf_text(built / "site" / "pdf" / f"{workshop.id}-guide-letter.pdf").split())
        assert "Agenda" in text and workshop.start.strftime("%H:%M") in text
        for module_id in workshop.module_ids():
            title = " ".join(site.module(module_id).title.split())
            assert title in text, (workshop.id, title)


def test_participant_packet_has_no_facilitator_notes(built):
    site = check(REPO).site
    for workshop in workshops():
        text = " ".join(pdf_text(built / "site" / "pdf" / f"{workshop.id}-packet-a4.pdf").split())
        assert "Agenda" in text
        assert "For facilitators" not in text
        for item in workshop.agenda:
            if item.notes:
                assert " ".join(item.notes.split())[:60] not in text
        guide = " ".join(pdf_text(built / "site" / "pdf" / f"{workshop.id}-guide-a4.pdf").split())
        assert "For facilitators" in guide or not any(
            "facilitator" in site.module(m).body for m in workshop.module_ids())


def test_handout_pdfs_exist_for_every_module_marked_handout(built):
    site = check(REPO).site
    for module in site.modules.values():
        if module.handout:
            for paper in ("letter", "a4"):
                path = built / "site" / "pdf" / f"{module.id.replace('/', '-')}-handout-{paper}.pdf"
                reader = PdfReader(path)
                assert reader.metadata.title == module.title
                assert "For facilitators" not in pdf_text(path)


def test_pdf_language_links_and_fonts(built):
    path = built / "site" / "pdf" / "housing-human-right-guide-letter.pdf"
    reader = PdfReader(path)
    assert reader.trailer["/Root"].get("/Lang") == "en"
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])
             if a.get_object().get("/A", {}).get("/URI")]
    assert "https://rights-at-home.example.org/workshops/housing-human-right/" in links
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)  # the "emb" column


def test_second_build_with_nothing_changed_renders_no_pdf(mini):
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true"), encoding="utf-8")
    report = mini / ".cache" / "rightskit" / "last-pdf-build.txt"
    result = rightskit("build", cwd=mini)
    assert result.returncode == 0, result.stderr
    assert ": 0 rendered," not in report.read_text().splitlines()[0]  # the first build did render them
    assert list((mini / "site" / "pdf").glob("*.pdf"))
    result = rightskit("build", cwd=mini)
    assert result.returncode == 0, result.stderr
    first_line = report.read_text().splitlines()[0]
    assert ": 0 rendered," in first_line, first_line
    assert len(report.read_text().splitlines()) == 1  # no document named as rendered


def test_plain_mkdocs_build_strict_works_through_the_plugin(mini, tmp_path):
    """`mkdocs build --strict` (no rightskit CLI) runs the plugin, with link and anchor validation."""
    import sys

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=mini, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "standards" / "icescr" / "index.html").is_file()
    assert json.loads((tmp_path / "out" / "data" / "instruments.json").read_text())[0]["id"] == "icescr"
    # the same validation as `rightskit check` stops plain MkDocs too
    (mini / "docs" / "rights" / "housing.md").write_text(
        (mini / "docs" / "rights" / "housing.md").read_text().replace("[[upr]]", "[[uppr]]"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out2")],
                            cwd=mini, capture_output=True, text=True)
    assert result.returncode != 0
    assert "docs/rights/housing.md:12: unknown reference [[uppr]] (did you mean 'upr'?)" in result.stderr


def test_glossary_terms_show_their_definition_on_hover(built):
    raw = (built / "site" / "mechanisms" / "upr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Universal Periodic Review: [^"]+">UPR</abbr>', raw)
    glossary = html(built, "glossary")
    assert "UPR (Universal Periodic Review)" in glossary
