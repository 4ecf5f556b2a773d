"""Flip-chart templates for each chart a workshop asks for, and the packet's share of a short talk's
page (`packet:` on the agenda item)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from pdfread import page_sizes
from rightskit.content.i18n import translations
from rightskit.core import languages
from rightskit.outputs.print import kit, packet
from rightskit.outputs.print.pdf import Printer, render_pdf
from rightskit.project import Project, load_site


@pytest.fixture(scope="module")
def site():
    return load_site(Project(REPO)).site


def _charts(site, workshop: str, lang: str):
    localized = translations.localize(site, lang)
    w = localized.workshops[workshop]
    modules = [localized.module(item.module) for item in w.agenda if item.module]
    return kit.flip_charts(w, [x for x in modules if x], languages.strings(lang))


def test_each_chart_an_activity_or_the_agenda_asks_for_is_a_template(site):
    housing = {c.title: c.columns for c in _charts(site, "housing-human-right", "en")}
    assert housing["Our group agreements"] == []
    assert housing["Scoring wall chart"] == ["Secure tenure", "Services", "Affordability", "Habitability",
                                             "Accessibility", "Location", "Cultural adequacy"]
    dignity = {c.title: c.columns for c in _charts(site, "dignity-at-work", "en")}
    assert dignity["From shared threads to shared action"][1] == "Can one worker fix this alone?"


def test_flip_charts_are_in_spanish_where_the_workshop_is(site):
    for workshop in ("housing-human-right", "dignity-at-work"):
        charts = _charts(site, workshop, "es")
        assert charts[0].title == "Nuestros acuerdos de grupo"
        for chart in charts:
            assert not isinstance(chart.title, languages.Fallback), chart.title
            assert not any(isinstance(c, languages.Fallback) for c in chart.columns), chart.title
    dignity = {c.title: c.columns for c in _charts(site, "dignity-at-work", "es")}
    assert dignity["De los hilos comunes a la acción conjunta"][1] == "¿Puede una persona trabajadora arreglarlo sola?"


def test_flip_chart_pdf_is_one_chart_to_a_landscape_page_with_no_head_or_foot(site, tmp_path):
    localized = translations.localize(site, "es")
    printer = Printer(localized, "https://rights.example.test/", lang="es")
    w = localized.workshops["housing-human-right"]
    for paper in ("letter", "a4"):
        doc = next(d for d in printer.workshop_documents(w) if d.name.endswith(f"-flipcharts-{paper}.pdf"))
        target = tmp_path / Path(doc.name).name
        render_pdf(doc.html, target)
        charts = _charts(site, "housing-human-right", "es")
        sizes = page_sizes(target)
        assert len(sizes) == len(charts), paper
        assert all(width > height for width, height in sizes), paper
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        pages = text.split("\f")[:-1]
        for page, chart in zip(pages, charts):
            flat = " ".join(page.split())
            assert " ".join(chart.title.split()) in flat
            # A heading may wrap inside its cell: each of its words is on the page, and none is hyphenated.
            assert all(word in flat.split() for column in chart.columns for word in column.split()), (paper, chart.title)
            assert "rights.example.test" not in flat and "Versión" not in flat and "Página" not in flat


def test_a_talk_prints_the_sections_its_agenda_item_names_and_the_guide_keeps_the_page(site):
    w = site.workshops["taking-it-global"]
    talks = packet.talk_sections(w)
    assert talks["toolkits/transnational"] == ["Choose the right route", "Follow up at home"]
    docs = {Path(d.name).name: d.html for d in Printer(site, "https://rights.example.test/").workshop_documents(w)}
    packet_html, guide_html = docs["taking-it-global-packet-letter.pdf"], docs["taking-it-global-guide-letter.pdf"]
    assert "Choose the right route" in packet_html and "Follow up at home" in packet_html
    for left_out in ("Route 1: Shadow reports to treaty bodies", "Route 5: Special Rapporteurs"):
        assert left_out not in packet_html and left_out in guide_html
    # The opening paragraph of the page stays: it says what the routes are for.
    assert "International bodies cannot order a US city" in packet_html
    # A participant's copy names the site's pages without their addresses; the guide keeps them.
    import re

    site_links = set(re.findall(r'href="(https://rights\.example\.test/[^"]*)"', packet_html))
    assert site_links == {"https://rights.example.test/workshops/taking-it-global/"}
    assert any("/mechanisms/upr/" in link for link in re.findall(r'href="([^"]*)"', guide_html))
    assert "rk-unlinked" not in packet_html and "{ title=" not in packet_html


def test_a_talk_can_print_its_opening_alone_and_an_activity_leave_out_its_key_points(site):
    w = site.workshops["taking-it-global"]
    assert packet.talk_sections(w)["mechanisms/upr"] == ["Opening"]
    docs = {Path(d.name).name: d.html for d in Printer(site, "https://rights.example.test/").workshop_documents(w)}
    packet_html, guide_html = docs["taking-it-global-packet-letter.pdf"], docs["taking-it-global-guide-letter.pdf"]
    assert "The Universal Periodic Review is the one UN process" in packet_html
    for left_out in ("Where the US stands now", "Can groups in the US use it?"):
        assert left_out not in packet_html and left_out in guide_html
    # The mock review's packet: ["Handout"] prints its role cards, not its key points; the guide has both.
    simulation = site.modules["activities/upr-simulation.md"]
    assert "Stakeholder coalition" in packet_html and simulation.key_points[1] not in packet_html
    assert simulation.key_points[1] in guide_html
    assert packet.prints_key_points([]) and packet.prints_key_points(["Handout", "Key points"])
    assert not packet.prints_key_points(["Handout"])


def test_packet_opening_goes_alone(mini):
    curriculum = mini / "curricula" / "housing.yml"
    text = curriculum.read_text(encoding="utf-8")
    heading = next(line[3:].strip() for line in (mini / "docs" / "rights" / "housing.md").read_text(encoding="utf-8")
                   .splitlines() if line.startswith("## "))
    curriculum.write_text(text.replace("    script: A short talk on the right to housing.\n",
                                       "    script: A short talk on the right to housing.\n"
                                       f"    packet: [Opening, \"{heading}\"]\n"), encoding="utf-8")
    found = [f for f in load_site(Project(mini)).findings if "'Opening'" in f.message]
    assert len(found) == 1 and "always printed" in found[0].message
    curriculum.write_text(text.replace("    script: A short talk on the right to housing.\n",
                                       "    script: A short talk on the right to housing.\n    packet: [Opening]\n"),
                          encoding="utf-8")
    assert not [f for f in load_site(Project(mini)).findings if "packet:" in f.message]


def test_packet_names_an_unknown_section_as_a_finding(mini):
    from rightskit.cli.main import main

    curriculum = mini / "curricula" / "housing.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("    script: A short talk on the right to housing.\n",
                                       "    script: A short talk on the right to housing.\n"
                                       "    packet: [No such section]\n"), encoding="utf-8")
    result = load_site(Project(mini))
    found = [f for f in result.findings if "No such section" in f.message]
    assert len(found) == 1 and found[0].path == "curricula/housing.yml" and found[0].line > 1
    assert main(["-f", str(mini / "mkdocs.yml"), "check"]) == 1
