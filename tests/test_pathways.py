"""Action pathways (standards/pathways.yml): validation with file:line findings, the matching rules
shared by the listing and finder.js, the JSON export, and the deep-link URL patterns."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO, check
from rightskit.pages import deeplinks
from rightskit.outputs import export
from rightskit.content import pathways
from rightskit.pages.finder import export as finder_export
from rightskit.pages.render import Renderer

FIXTURE = Path(__file__).parent / "fixtures" / "pathways" / "pathways.yml"
FILE = "standards/pathways.yml"


@pytest.fixture
def project(mini: Path) -> Path:
    shutil.copy(FIXTURE, mini / FILE)
    return mini


def messages(root: Path) -> list[str]:
    return [str(f) for f in check(root).findings]


def line_of(root: Path, text: str, after: str = "") -> int:
    lines = (root / FILE).read_text().split("\n")
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and text in line) + 1


def edit(root: Path, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after the line containing `after`); return its line."""
    line = line_of(root, old, after)
    lines = (root / FILE).read_text().split("\n")
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    (root / FILE).write_text("\n".join(lines))
    return line


def test_valid_pathways_load_without_findings(project):
    loaded = check(project)
    assert [str(f) for f in loaded.findings] == []
    assert list(loaded.site.pathways) == ["upr-report", "housing-appeal"]
    upr = loaded.site.pathways["upr-report"]
    assert upr.window == "review cycle" and upr.conditions["harm"] == ["ongoing", "past"]
    assert str(upr.reviewed) == "2026-11-01" and str(upr.as_of) == "2025-11-07"


def test_no_pathways_file_means_no_finder_page(mini):
    loaded = check(mini)
    assert loaded.site.pathways == {}
    assert all(p.path != pathways.FINDER_PAGE for p in Renderer(loaded.site).pages())


def test_unknown_mechanism(project):
    edit(project, "mechanism: upr", "mechanism: uppr")
    assert f"{FILE}:2: unknown mechanism 'uppr' (did you mean 'upr'?)" in messages(project)


def test_unknown_issue_area_in_conditions(project):
    line = edit(project, "issue_area: [housing]", "issue_area: [hosuing]")
    assert f"{FILE}:{line}: unknown issue area 'hosuing' (did you mean 'housing'?)" in messages(project)


def test_unknown_answer_and_unknown_condition(project):
    harm = edit(project, "harm: [urgent]", "harm: [urgnet]")
    key = edit(project, "wants: [protection]", "want: [protection]", after="housing-appeal")
    found = messages(project)
    assert f"{FILE}:{harm}: unknown answer to 'harm' 'urgnet' (did you mean 'urgent'?)" in found
    assert f"{FILE}:{key}: unknown condition 'want' (did you mean 'wants'?)" in found


def test_unknown_standard_and_template(project):
    line = edit(project, "standards: [icescr/11]", "standards: [icescr/111]")
    guide = edit(project, "guide: mechanisms/upr.md", "guide: mechanisms/upr.md\n  templates: [toolkits/nope.md]")
    found = messages(project)
    assert f"{FILE}:{line + 1}: unknown standard 'icescr/111' (did you mean 'icescr/11'?)" in found
    assert any(m.startswith(f"{FILE}:{guide + 1}: template 'toolkits/nope.md' does not exist") for m in found), found


def _add_case(root: Path) -> None:
    (root / "docs" / "cases").mkdir()
    text = (root / "docs" / "rights" / "housing.md").read_text()
    (root / "docs" / "cases" / "tenants.md").write_text(text.replace("type: issue area", "type: case", 1))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - rights/housing.md\n", "  - rights/housing.md\n  - cases/tenants.md\n", 1))


def test_case_studies_are_checked_at_their_line(project):
    line = edit(project, "guide: mechanisms/upr.md",
                "guide: mechanisms/upr.md\n  cases: [cases/nope.md, rights/housing.md]") + 1
    found = messages(project)
    assert any(m.startswith(f"{FILE}:{line}: case study 'cases/nope.md' does not exist under docs/") for m in found), found
    assert f"{FILE}:{line}: 'rights/housing.md' is not a case study (its type is 'issue area') (list it under templates: if it " \
           "is a template, or give the page type: case)" in found


def test_case_studies_are_listed_on_the_finder_and_in_the_json(project):
    _add_case(project)
    edit(project, "guide: mechanisms/upr.md", "guide: mechanisms/upr.md\n  cases: [cases/tenants.md]")
    loaded = check(project)
    assert not [f for f in loaded.findings if "tenants" in str(f) or FILE in f.path], loaded.findings
    assert [c.target for c in loaded.site.pathways["upr-report"].cases] == ["cases/tenants.md"]
    finder = next(p for p in Renderer(loaded.site).pages() if p.path == pathways.FINDER_PAGE)
    title = loaded.site.modules["cases/tenants.md"].title
    assert f"**Case studies:** [{title}](../cases/tenants.md)." in finder.content
    route = next(r for r in finder_export(loaded.site) if r["id"] == "upr-report")
    assert route["cases"] == [{"title": title, "url": "cases/tenants/"}]


def test_bad_url(project):
    line = edit(project, "official_page: https://www.ohchr.org/en/hr-bodies/upr/upr-home", "official_page: www.ohchr.org")
    assert (f"{FILE}:{line}: 'official_page' is not a web address: 'www.ohchr.org' "
            "(write a full https:// address)") in messages(project)


def test_calendar_window_needs_a_calendar_link(project):
    edit(project, "  calendar: https://www.ohchr.org/en/hr-bodies/upr/upr-main", "")
    assert (f"{FILE}:2: a pathway whose window is 'review cycle' needs 'calendar:' "
            "(link the official calendar; never write the date itself)") in messages(project)


def test_missing_fields_and_bad_outcome(project):
    edit(project, "  who: Anyone.", "")
    line = edit(project, "outcomes: [protection]", "outcomes: [protection, fame]")
    found = messages(project)
    start = line_of(project, "- id: housing-appeal")
    assert f"{FILE}:{start}: missing required field 'who' in pathway" in found
    assert any(m.startswith(f"{FILE}:{line}: 'fame' is not an allowed value of 'outcomes'") for m in found), found


def test_duplicate_id(project):
    edit(project, "- id: housing-appeal", "- id: upr-report")
    line = [i for i, text in enumerate((project / FILE).read_text().split("\n"), 1) if text == "- id: upr-report"][1]
    assert f"{FILE}:{line}: duplicate pathway id 'upr-report' (already used at {FILE}:2)" in messages(project)


def test_bad_and_future_dates(project):
    bad = edit(project, "reviewed: 2026-11-01", "reviewed: 2026-13-01")
    future = edit(project, "as_of: 2025-11-07", "as_of: 2999-01-01")
    found = messages(project)
    assert f"{FILE}:{bad}: 'reviewed' is not a valid date: '2026-13-01' (write dates as YYYY-MM-DD)" in found
    assert any(m.startswith(f"{FILE}:{future}: 'as_of' is in the future") for m in found), found


def test_every_problem_in_one_run(project):
    edit(project, "mechanism: upr", "mechanism: nope")
    edit(project, "issue_area: [housing]", "issue_area: [nope]")
    edit(project, "official_page: https://www.ohchr.org/en/hr-bodies/upr/upr-home", "official_page: ftp://x")
    assert len(messages(project)) == 3


# --- matching ------------------------------------------------------------------------------

def test_evaluate_matches_and_explains(project):
    site = check(project).site
    appeal = site.pathways["housing-appeal"]
    ok, reasons = pathways.evaluate(site, appeal, {"issue_area": ["housing"], "harm": ["urgent"],
                                                   "affected": ["racial"], "wants": ["protection", "visibility"]})
    assert ok
    by_question = {r.question: r for r in reasons}
    assert by_question["harm"].ok is True and "You chose: Urgent" in by_question["harm"].text
    assert by_question["remedies"].ok is None  # unanswered never rules a route out
    assert "You chose: People treated differently because of race" in by_question["affected"].text


def test_evaluate_rules_out_with_the_reason(project):
    site = check(project).site
    upr = site.pathways["upr-report"]
    ok, reasons = pathways.evaluate(site, upr, {"harm": ["urgent"]})
    assert not ok
    assert reasons[0].ok is False
    assert "It needs: Ongoing: it is happening now and keeps happening or Past" in reasons[0].text
    assert reasons[0].text.endswith("Not for urgent cases.")


def test_listing_without_javascript_shows_every_pathway_and_its_conditions(project):
    site = check(project).site
    page = next(p for p in Renderer(site).pages() if p.path == pathways.FINDER_PAGE)
    for p in site.pathways.values():
        assert f"### {p.name} {{ #pathway-{p.id} .rk-pathway }}" in page.content
    assert "Which issue area? Housing." in page.content
    assert "(as of 7 November 2025)" in page.content and "[[as-of" not in page.content
    assert "[Official calendar](https://www.ohchr.org/en/hr-bodies/upr/upr-main)" in page.content
    assert "ICESCR article 11" in page.content and "US status: signed, not ratified" in page.content
    # the form is in the HTML, visible before finder.js runs, so nothing shifts when it does
    assert '<form id="rk-finder" class="rk-finder" data-finder=' in page.content


def test_export(project):
    site = check(project).site
    data = {p["id"]: p for p in export.EXPORTS["pathways.json"](site)}
    upr = data["upr-report"]
    assert upr["url"] == "mechanisms/finder/#pathway-upr-report"
    assert upr["guide"] == "mechanisms/upr/"
    assert upr["standards"] == [{"id": "icescr/11", "label": "ICESCR article 11",
                                 "url": "standards/icescr/#article-11", "us_status": "signed, not ratified"}]
    assert upr["window_note"].endswith("(as of 7 November 2025).")
    assert data["housing-appeal"]["conditions"]["affected"] == ["community", "racial"]


def test_real_pathways_cover_every_route_in_the_issue():
    site = check(REPO).site
    mechanisms = {p.mechanism for p in site.pathways.values()}
    assert {"special-procedures", "upr", "ccpr", "cerd", "cat-committee", "crc-committee", "iachr",
            "local-commissions", "human-rights-cities"} <= mechanisms
    iachr = {p.id for p in site.pathways.values() if p.mechanism == "iachr"}
    assert iachr == {"iachr-petition", "iachr-precautionary", "iachr-hearing"}
    for p in site.pathways.values():
        assert p.reviewed is not None, p.id
        if p.window != "any time":
            assert p.calendar.startswith("https://"), p.id


# --- deep links ----------------------------------------------------------------------------

def test_treaty_body_country_url_pattern():
    url = deeplinks.treaty_body_country()
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "tbinternet.ohchr.org")
    assert parts.path == "/_layouts/15/TreatyBodyExternal/Countries.aspx"
    assert parse_qs(parts.query) == {"CountryCode": ["USA"], "Lang": ["EN"]}
    assert deeplinks.treaty_body_country("MEX", "SP").endswith("CountryCode=MEX&Lang=SP")


def test_deep_links_per_page_type():
    site = check(REPO).site
    hosts = lambda links: [urlsplit(d.url).netloc for d in links]
    assert hosts(deeplinks.links_for(site, site.instruments["icerd"])) == ["uhri.ohchr.org", "tbinternet.ohchr.org"]
    # not ratified: the US sends no reports, so only the index
    assert hosts(deeplinks.links_for(site, site.instruments["icescr"])) == ["uhri.ohchr.org"]
    assert hosts(deeplinks.links_for(site, site.instruments["american-declaration"])) == ["www.oas.org"]
    assert deeplinks.links_for(site, site.instruments["ilo-c087"]) == []
    article = deeplinks.links_for(site, site.article("icescr/11"))
    assert "'ICESCR article 11'" in article[0].hint
    assert hosts(deeplinks.links_for(site, site.mechanisms["cerd"])) == ["uhri.ohchr.org", "tbinternet.ohchr.org"]
    assert hosts(deeplinks.links_for(site, site.mechanisms["iachr"])) == ["www.oas.org"]
    assert deeplinks.links_for(site, site.mechanisms["local-commissions"]) == []
    for link in deeplinks.links_for(site, site.mechanisms["upr"]):
        assert link.url.startswith("https://") and link.hint
