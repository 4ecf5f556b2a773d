"""The finder's order and its data, on the real content: routes ranked by fit (a ratified treaty that
protects the people named first), the articles cited for the issue area chosen, the American
Declaration's US status, the small data file the page loads, and the rights hubs' one mechanisms
section with the finder pre-filled."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from conftest import REPO, check
from rightskit.content.i18n import translations
from rightskit.core import languages
from rightskit.outputs import export
from rightskit.pages import finder
from rightskit.pages.render import Renderer, append_to_section


@pytest.fixture(scope="module")
def site():
    return check(REPO).site


def order(site, **answers) -> list[str]:
    answers = {k: v if isinstance(v, list) else [v] for k, v in answers.items()}
    return [f.pathway.id for f in finder.rank(site, answers) if f.matches]


# --- ranking -------------------------------------------------------------------------------

def test_racial_discrimination_in_housing_puts_the_cerd_route_first(site):
    ranked = finder.rank(site, {"issue_area": ["housing"], "affected": ["racial"], "harm": ["ongoing"],
                                "wants": ["visibility"]})
    fitting = [f for f in ranked if f.matches]
    assert fitting[0].pathway.id == "shadow-cerd"
    assert fitting[0].treaties == ["icerd"]  # the reason it leads: a treaty the US ratified
    assert site.instruments["icerd"].us_ratified is not None
    # a route that applies no ratified treaty protecting the group comes after every one that does
    without = [n for n, f in enumerate(fitting) if not f.treaties]
    assert all(not f.treaties for f in fitting[without[0]:])
    # routes that fit come before every route that does not
    assert [f.matches for f in ranked] == sorted((f.matches for f in ranked), reverse=True)


def test_order_follows_the_answers_not_the_file(site):
    file_order = list(site.pathways)
    assert file_order.index("shadow-cerd") > file_order.index("sp-communication")  # the file puts it later
    urgent = order(site, issue_area="housing", harm="urgent", wants="protection", affected="community")
    assert set(urgent[:2]) == {"sp-urgent-appeal", "iachr-precautionary"}
    detention = order(site, harm="ongoing", affected="detention", wants="visibility")
    assert detention[0] == "shadow-cat"  # CAT: ratified by the US, protects people in detention
    children = order(site, harm="past", affected="children-exploitation", wants="recommendation")
    assert children[0] == "shadow-crc-op"  # matches three answers; no route applies a ratified treaty here
    assert [f.treaties for f in finder.rank(site, {"affected": ["children-exploitation"]})] == [[]] * len(site.pathways)


def test_more_matching_answers_rank_higher_and_ties_keep_the_file_order(site):
    ranked = [f for f in finder.rank(site, {"harm": ["ongoing"], "wants": ["visibility"]}) if f.matches]
    scores = [f.score for f in ranked]
    assert scores == sorted(scores, reverse=True)
    for a, b in zip(ranked, ranked[1:]):
        if a.score == b.score:
            assert list(site.pathways).index(a.pathway.id) < list(site.pathways).index(b.pathway.id)


# --- articles and status for the issue area --------------------------------------------------

def test_articles_follow_the_issue_area(site):
    sp = site.pathways["sp-communication"]
    assert "udhr/23" in [r.target for r in sp.standards]  # the route cites the article on work …
    housing = finder.route_standards(site, sp, "housing")
    assert "udhr/23" not in housing and "udhr/25" in housing  # … but not for a housing problem
    work = finder.route_standards(site, sp, "work")
    assert "udhr/23" in work and "udhr/25" not in work
    education = finder.route_standards(site, sp, "education")
    assert "udhr/26" in education  # the route's declaration, on education
    for area in site.issue_areas:
        for ident in finder.route_standards(site, sp, area):
            target = site.target(ident)
            assert not getattr(target, "issue_areas", None) or area in target.issue_areas, (area, ident)
    assert finder.route_standards(site, sp) == [r.target for r in sp.standards]  # no area: its own list


def test_american_declaration_status_says_the_iachr_applies_it(site):
    declaration = site.instruments["american-declaration"]
    assert declaration.us_status == "applied by the IACHR to OAS members, the US included"
    assert "including the US" in declaration.us_notes  # what its page says, from the same record
    assert site.instruments["udhr"].us_status == "not applicable"
    entry = finder.standard_entry(site, "american-declaration/XI")
    assert entry["us_status"] == declaration.us_status
    es = languages.strings("es")
    assert es(declaration.us_status) == "aplicada por la CIDH a los miembros de la OEA, incluido EE.\u00a0UU."


# --- the data the finder page loads ----------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
def test_finder_data_is_small_and_complete(site, lang, tmp_path):
    export.write_json(site, tmp_path)
    raw = (tmp_path / finder.data_path(lang)).read_bytes()
    size = len(gzip.compress(raw))
    assert size < 50_000, size  # the budget for what the page fetches on load
    full = sum(len(gzip.compress((tmp_path / "data" / n).read_bytes())) for n in ("pathways.json", "instruments.json"))
    assert size < full / 3, (size, full)  # far less than the two files it replaces
    data = json.loads(raw)
    assert data["lang"] == lang and [r["id"] for r in data["routes"]] == list(site.pathways)
    for route in data["routes"]:
        assert set(route["standards"]) == {"any", *site.issue_areas}
        for ids in route["standards"].values():
            assert all(i in data["standards"] for i in ids)
        assert all(i in data["instruments"] for i in route["instruments"])
    assert data["instruments"]["icerd"]["ratified"] == "1994-10-21"
    assert data["instruments"]["american-declaration"]["status"] == site.instruments["american-declaration"].us_status
    for area, entries in data["area_articles"].items():
        for inst, articles in entries:
            assert inst in data["instruments"] and all(a in data["standards"] for a in articles)
    if lang == "es":
        cerd = next(r for r in data["routes"] if r["id"] == "shadow-cerd")
        assert cerd["url"].startswith("es/") and cerd["name"] != site.pathways["shadow-cerd"].name
        assert data["standards"]["icescr/11"]["label"] == "PIDESC, artículo 11"


def test_finder_page_has_its_form_in_the_html_and_loads_only_its_data(site):
    page = next(p for p in Renderer(site).pages() if p.path == "mechanisms/finder.md")
    form = re.search(r"<form [^>]*>", page.content).group(0)
    assert " hidden" not in form
    assert 'data-finder="../../data/finder.en.json"' in form
    assert "pathways.json" not in form and "instruments.json" not in form
    status = re.search(r'<p id="rk-finder-status"[^>]*>(.*?)</p>', page.content).group(1)
    assert status == f"Answer any question to see which of the {len(site.pathways)} routes fit."


# --- the rights hubs ---------------------------------------------------------------------------

def hub(site, area: str, lang: str = "en") -> str:
    local = translations.localize(site, lang)
    source = f"rights/{area}.md" if lang == "en" else f"rights/{area}.es.md"
    renderer = Renderer(local, lang=lang) if lang != "en" else Renderer(site)
    return renderer.page_markdown(site.modules[f"rights/{area}.md"], (REPO / "docs" / source).read_text())


@pytest.mark.parametrize("lang,heading", [("en", "## Mechanisms to use"), ("es", "## Mecanismos que puede usar")])
def test_each_hub_has_one_mechanisms_section_with_the_finder(site, lang, heading):
    lists = {}
    for area in site.issue_areas:
        text = hub(site, area, lang)
        assert text.count(heading) == 1, area
        section = text.split(heading)[1].split("\n## ")[0]
        assert f"mechanisms/finder.md?issue_area={area})" in section, area
        lists[area] = re.findall(r"\]\(\.\./mechanisms/([\w-]+)\.md\)", section)
    assert len({tuple(v) for v in lists.values()}) == len(lists)  # not the same list on every hub


def test_housing_hub_lists_its_own_mechanisms_first(site):
    section = hub(site, "housing").split("## Mechanisms to use")[1].split("\n## ")[0]
    generated = section[section.index("rk-hub-mechanisms"):]
    named = re.findall(r"\]\(\.\./mechanisms/([\w-]+)\.md\)", generated)
    assert named[0] == "sr-housing"  # the hub's first choice
    assert "sr-health" not in named and "sr-education" not in named and "ilo-supervision" not in named
    assert len(named) < 19


def test_append_to_section():
    text = "# T\n\n## Mechanisms to use\n\nProse.\n\n```\n## not a heading\n```\n\n## Next\n\nMore."
    out, placed = append_to_section(text, "Mechanisms to use", "BLOCK")
    assert placed and out.index("BLOCK") < out.index("## Next") and out.index("## not a heading") < out.index("BLOCK")
    out, placed = append_to_section("# T\n\n## Mechanisms to use { #m }\n\nLast.", "mechanisms to use", "B")
    assert placed and out.endswith("Last.\n\nB\n")
    assert append_to_section("# T\n\n## Other\n", "Mechanisms to use", "B") == ("# T\n\n## Other\n", False)


def test_mechanisms_index_and_home_link_the_finder(site):
    for lang in ("en", "es"):
        local = translations.localize(site, lang)
        renderer = Renderer(local, lang=lang) if lang != "en" else Renderer(site)
        index = next(p for p in renderer.pages() if p.path == "mechanisms/index.md")
        assert "](finder.md)" in index.content, lang
    for name in ("index.md", "index.es.md"):
        home = (REPO / "docs" / name).read_text()
        assert "](mechanisms/finder.md)" in home and "](mechanisms/finder.md?issue_area=housing)" in home


def test_a_hub_without_its_own_mechanisms_section_gets_one(mini):
    small = check(mini).site
    module = small.modules["rights/housing.md"]
    text = Renderer(small).page_markdown(module, (mini / "docs" / "rights" / "housing.md").read_text())
    assert text.count("## Mechanisms to use") == 1
    section = text.split("## Mechanisms to use")[1].split("\n## ")[0]
    assert 'id="mechanisms"' in section and "](../mechanisms/index.md)" in section
