"""The shipped knowledge base: internally consistent, complete, and every page cited."""
from __future__ import annotations

import re

from conftest import REPO, check
from rightskit.core import model as m

SITE = check(REPO)


def test_shipped_content_has_no_findings():
    # Warnings (e.g. agenda timing) are the content editors' call; errors would stop the build.
    assert [str(f) for f in SITE.findings if f.is_error] == []


def test_dates_are_consistent():
    for inst in SITE.site.instruments.values():
        if inst.us_signed and inst.us_ratified:
            assert inst.us_signed <= inst.us_ratified, inst.id
        if inst.adopted and inst.in_force:
            assert inst.adopted <= inst.in_force, inst.id
        if inst.adopted and inst.us_signed:
            assert inst.adopted <= inst.us_signed, inst.id
        if not inst.binding:
            assert inst.us_signed is None and inst.us_ratified is None, inst.id
            # The IACHR holds every OAS member, the US included, to the American Declaration.
            expected = m.APPLIED_BY_IACHR if inst.id == "american-declaration" else "not applicable"
            assert inst.us_status == expected, inst.id


def test_general_comment_years_rise_with_their_numbers():
    comments = sorted((g for g in SITE.site.general_comments.values() if g.body == "cescr"), key=lambda g: g.number)
    years = [g.year for g in comments]
    assert years == sorted(years)


def test_us_status_of_the_core_treaties():
    """Cross-checked against the UN Treaty Collection: ratified ICCPR, ICERD and CAT; signed the rest."""
    status = {i.id: i.us_status for i in SITE.site.instruments.values()}
    assert {k: status[k] for k in ("iccpr", "icerd", "cat")} == dict.fromkeys(("iccpr", "icerd", "cat"), "ratified")
    signed_only = ("icescr", "cedaw", "crc", "crpd", "american-convention")
    assert {k: status[k] for k in signed_only} == dict.fromkeys(signed_only, "signed, not ratified")
    ilo = {k: v for k, v in status.items() if k.startswith("ilo-")}
    assert {k for k, v in ilo.items() if v == "ratified"} == {"ilo-c105", "ilo-c182"}
    # ILO conventions are never signed: the others are "not ratified", never "not signed".
    assert {v for k, v in ilo.items() if k not in ("ilo-c105", "ilo-c182")} == {"not ratified"}


def test_every_instrument_and_general_comment_named_in_the_knowledge_base_issue_exists():
    instruments = {"udhr", "icescr", "iccpr", "icerd", "cedaw", "crc", "crpd", "cat", "american-declaration",
                   "american-convention", "hrd-declaration", "ungp", "eviction-guidelines"}
    instruments |= {f"ilo-c{n}" for n in ("029", "087", "098", "100", "105", "111", "138", "155", "182", "187")}
    assert instruments <= set(SITE.site.instruments)
    comments = {f"cescr-gc-{n}" for n in (3, 4, 7, 12, 13, 14, 15, 18, 19, 20, 23, 24)}
    assert comments <= set(SITE.site.general_comments)
    icescr = {a.number for a in SITE.site.instruments["icescr"].articles}
    assert {"1", "2(1)", "2(2)", "2(3)"} | {str(n) for n in range(3, 16)} <= icescr
    iccpr = {a.number for a in SITE.site.instruments["iccpr"].articles}
    assert {"2", "3", "14", "19", "21", "22", "25", "26"} <= iccpr


def test_no_instrument_or_mechanism_is_left_uncited():
    cited = SITE.site.citations()
    assert [i for i in SITE.site.instruments if not cited.get(i)] == []
    assert [m for m in SITE.site.mechanisms if not cited.get(m)] == []


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def test_knowledge_base_size_and_substance():
    modules = [m for m in SITE.site.modules.values() if m.is_module]
    assert len(modules) >= 45
    for module in modules:
        if module.type in ("issue area", "mechanism guide", "toolkit"):
            short_hub = module.type == "issue area" and module.path in (
                "rights/social-security.md", "rights/food.md", "rights/water.md")
            assert words(module.body) >= (300 if short_hub else 400), module.path
    activities = [m for m in modules if m.type == "activity"]
    assert len(activities) >= 12
    template = ["Overview", "Preparation", "Steps", "Debriefing questions", "Facilitator tips",
                "Follow-up and action ideas"]
    for activity in activities:
        headings = re.findall(r"^## (.+?)\s*$", activity.body, re.M)
        assert [h for h in headings if h in template] == template, activity.path


def test_every_mechanism_guide_cites_its_mechanism():
    for mech in SITE.site.mechanisms.values():
        if mech.guide:
            assert mech.id in SITE.site.modules[mech.guide].cited(), mech.id


def test_parts_of_a_set_of_principles_are_principles_not_articles():
    from rightskit.content.i18n import translations
    from rightskit.pages.render import Renderer

    site = check(REPO).site
    principles = [i for i in site.instruments.values() if i.kind == "principles" and i.articles]
    assert principles  # the UN Guiding Principles on Business and Human Rights
    for inst in principles:
        part = inst.articles[0]
        assert Renderer(site).label(part).endswith(f" principle {part.number}")
        spanish = translations.localize(site, "es")
        assert Renderer(spanish, lang="es").label(spanish.target(part.id)).endswith(f", principio {part.number}")
        page = next(p for p in Renderer(site).pages() if p.path == f"standards/{inst.id}.md").content
        assert f"### Principle {part.number}: " in page and "### Article" not in page
    icescr = site.instruments["icescr"]
    assert Renderer(site).label(icescr.articles[0]).endswith(f" article {icescr.articles[0].number}")
