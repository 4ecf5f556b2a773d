"""A participant packet is about its own workshop and written for participants: commitments,
articles and glossary from the agenda's modules, first-person objectives rated on fitting scales,
no source lists, and an evaluation form that never shares a sheet with a private page.
Reads the HTML the printer renders (no PDF), and lays out one tiny document for the sheet rule."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rightskit.content.i18n import translations
from rightskit.core import languages
from rightskit.outputs.print import layout, packet
from rightskit.outputs.print.pdf import Printer
from rightskit.project import Project, load_site

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    return load_site(Project(ROOT)).site


@pytest.fixture(scope="module")
def packets(site):
    printer = Printer(site, "https://kit.test/")
    return {w: next(d.html for d in printer.workshop_documents(site.workshops[w]) if d.name.endswith("packet-letter.pdf"))
            for w in ("housing-human-right", "dignity-at-work")}


def text(html: str) -> str:
    body = re.sub(r"<(style|head)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def section(html: str, name: str) -> str:
    match = re.search(rf'<section class="extra {name}[^"]*">(.*?)</section>', html, re.S)
    assert match, name
    return text(match.group(1))


def test_dignity_packet_carries_only_what_its_agenda_uses(packets):
    page = text(packets["dignity-at-work"])
    # Not the respect/protect/fulfil explainer, with its housing and health examples and sources.
    assert "Respect, protect, fulfill" not in page and "bulldozes" not in page and "Sources" not in page
    assert "Guidelines on Evictions" not in page and "Development-based Evictions" not in page
    assert "ICESCR article 11" not in page and "ICESCR article 12" not in page
    assert "11 (Adequate standard of living" not in page and "12 (The right to health" not in page
    # What its stories activity and the talk on work name in `standards:` is there.
    assert "ICESCR article 7: Just and favorable conditions of work" in page
    assert "ILO C087" in page and "ILO C105" in page


def test_a_handout_the_agenda_does_not_run_stays_in_the_guide_only(site):
    work = site.workshops["dignity-at-work"]
    assert "frameworks/obligations" in [ref.target for ref in work.handouts]  # listed, but not on the agenda
    docs = {d.name: d.html for d in Printer(site, "https://kit.test/").workshop_documents(work)}
    assert "Respect, protect, fulfill" in text(docs["pdf/dignity-at-work-guide-letter.pdf"])
    assert "Respect, protect, fulfill" not in text(docs["pdf/dignity-at-work-packet-letter.pdf"])


def test_ilo_conventions_are_ratified_or_not_and_the_1998_declaration_is_said(packets):
    commitments = section(packets["dignity-at-work"], "commitments")
    assert "Not signed" not in commitments
    assert commitments.count("Not ratified by the US.") == 8  # C029, C087, C098, C100, C111, C138, C155, C187
    assert "Ratified by the US on 25 September 1991" in commitments  # C105
    assert ("the ILO's 1998 Declaration on Fundamental Principles and Rights at Work expects every member, the US "
            "included, to respect freedom of association") in commitments


def test_guiding_principles_have_principles_not_articles(packets, site):
    # The dignity packet's pages cite no single principle: the set is listed as a whole.
    commitments = section(packets["dignity-at-work"], "commitments")
    assert "UN Guiding Principles on Business and Human Rights" in commitments
    assert "Article 1 (The state duty" not in commitments and "Principle 1 (" not in commitments
    # Where principles are cited, they are named as principles.
    printer = Printer(site, "https://kit.test/")
    ungp = site.instruments["ungp"]
    cited = [a for a in ungp.articles if a.number in ("1", "11")]
    row = packet.Commitment(ungp, packet.status_text(ungp), False, cited, "", "not a treaty")
    html = printer.env.get_template("handouts/_commitments.html.j2").render(
        commitments=[row], w=site.workshops["dignity-at-work"], site=site, _=printer._)
    assert "Principle 1 (The state duty to protect); 11 (The corporate responsibility to respect)" in text(html)
    assert "Article 1 (" not in text(html)


def test_an_agreement_named_whole_lists_the_articles_its_printed_pages_cite(site):
    work = site.workshops["taking-it-global"]
    modules = packet.agenda_modules(site, work)
    printer = Printer(site, "https://kit.test/")
    talks = packet.talk_sections(work)
    printed = {mod.id: t for mod in modules if mod.type != "activity"
               and (t := printer.talk_packet(mod, talks.get(mod.id, []))) is not None}
    found = {c.instrument.id: c for c in packet.us_commitments(site, modules, printed=printed)}
    # The packet prints the UPR page's opening only; of the UDHR, the printed pages cite article 25
    # (the shadow report lab), not the articles 22, 23 and 26 of the UPR section left out, nor every
    # UDHR article on the workshop's four issue areas.
    assert [a.number for a in found["udhr"].articles] == ["25"]
    # The ICESCR is named, but no printed page cites one of its articles: the treaty as a whole,
    # not the eleven articles on housing, health, work and education.
    assert "icescr" in found and found["icescr"].articles == []
    said = packet.refs_in_text(modules, printed)
    assert said >= {"udhr/25", "icescr"} and "udhr/22" not in said


def test_commitments_come_from_the_agenda_modules_standards(site):
    work = site.workshops["dignity-at-work"]
    found = {c.instrument.id: c for c in packet.us_commitments(site, packet.agenda_modules(site, work))}
    assert "eviction-guidelines" not in found  # only the explainer the agenda does not use names it
    assert found["ilo-c029"].group == "ilo not ratified" and found["ilo-c029"].note == ""
    assert found["ungp"].group == "not a treaty" and found["iccpr"].group == "ratified"
    assert [a.number for a in found["iccpr"].articles] == ["22", "26"]  # the cited ones, not every article
    order = [c.group for c in found.values()]
    assert order == sorted(order, key=packet.GROUPS.index)


def test_housing_glossary_has_the_words_its_modules_use_and_not_the_agreements_listed(packets, site):
    glossary = section(packets["housing-human-right"], "glossary")
    assert "ratification The formal act" in glossary
    assert "security of tenure Legal protection" in glossary  # from the talk's module, rights/housing
    # The commitments table spells out and explains each agreement: no glossary entry repeats it.
    assert "ICESCR (" not in glossary and "UDHR (" not in glossary
    # Mechanism jargon of the module's "Mechanisms to use" section is not in a packet about rights.
    assert "shadow report" not in glossary and "thematic hearing" not in glossary


def test_objectives_and_evaluation_are_first_person_with_fitting_scales(packets):
    html = packets["housing-human-right"]
    page = text(html)
    assert "By the end of this workshop" in page and "Participants can" not in page
    evaluation = section(html, "evaluation")
    assert ("I can name the seven elements of an adequate home and give an example of each from my community. "
            "☐ Not yet ☐ A little ☐ Mostly ☐ Fully") in evaluation
    assert "I leave with a next step for using the checklist in my own building. ☐ No ☐ Partly ☐ Yes" in evaluation
    assert ("The workshop was useful for my organizing. ☐ Not at all ☐ A little ☐ Somewhat ☐ Very") in evaluation
    assert "Each participant leaves" not in evaluation and "Not yet ☐ A little ☐ Mostly ☐ Fully" not in \
        evaluation.split("organizing.")[1]


def test_the_evaluation_form_comes_last_and_the_private_page_before_the_reference_pages(packets):
    html = packets["housing-human-right"]
    order = [html.index(f'class="extra {name}') for name in ("next-step", "commitments", "glossary", "evaluation")]
    assert order == sorted(order)
    assert 'class="extra next-step private"' in html and 'class="extra evaluation handed-in"' in html


def test_link_lists_leave_a_participant_copy_but_prose_with_citations_stays():
    markdown = ("Intro.\n\n## Rights\n\n- **Housing:** evictions ([[icescr/11]]).\n- Health ([[icescr/12]]).\n\n"
                "## Checklist\n\n- [ ] Do we have a lease?\n- [ ] Is there heat?\n\n"
                "## Activities to try\n\n- [The line](../activities/line.md): a movement activity.\n"
                "- [[upr|The UPR guide]]: how it works.\n\n"
                "## Sources\n\n- [ICESCR](https://example.test/icescr), OHCHR\n- [GC 4](https://example.test/gc4)\n")
    kept = packet.without_link_lists(markdown)
    assert "## Rights" in kept and "evictions" in kept and "## Checklist" in kept and "Is there heat?" in kept
    assert "Sources" not in kept and "example.test" not in kept and "Activities to try" not in kept


def _laid_out(pages: list[str]):
    from weasyprint import HTML

    body = "".join(f'<section class="{cls}" style="break-before: page">Page text.</section>' for cls in pages)
    return HTML(string=f"<html><body>{body}</body></html>").render()


def test_a_form_to_hand_in_never_shares_a_sheet_with_a_private_page():
    # Pages 1 and 2 are the two sides of one sheet: the form would take the private page with it.
    assert layout.sheet_problems(_laid_out(["private", "handed-in"])) == [
        "page 2, a form to hand in, shares a sheet with page 1, which is private"]
    assert layout.sheet_problems(_laid_out(["x", "private", "handed-in"])) == []  # pages 2 and 3: two sheets
    assert layout.sheet_problems(_laid_out(["handed-in", "private"])) == [
        "page 1, a form to hand in, shares a sheet with page 2, which is private"]


def test_fit_never_prefers_a_layout_that_gives_away_a_private_page():
    html = '<html lang="en"><body><section class="private">Mine.</section><section class="handed-in extra">Form.</section></body></html>'
    css = "<style>.handed-in { break-before: page; } html.form-on-front body .handed-in.extra { break-before: right; }</style>"
    from weasyprint import HTML

    document = layout.fit(html.replace("<body>", css + "<body>"), lambda t: HTML(string=t).render())
    assert layout.sheet_problems(document) == [] and len(document.pages) == 3  # a blank page before the form


def test_a_note_is_cut_after_its_first_sentence_not_inside_an_abbreviation():
    assert packet.first_sentence("The US is a party, so it is bound. It reports.") == "The US is a party, so it is bound."
    # The space in "EE. UU." is kept as typed; the Spanish page and PDF make it a no-break space.
    assert packet.first_sentence("EE. UU. es parte, así que lo obliga. Rinde informes.") == \
        "EE. UU. es parte, así que lo obliga."
    assert packet.first_sentence("Lo firmó EE. UU. Nunca lo ratificó.") == "Lo firmó EE. UU."


def test_a_ratified_treaty_says_who_reviews_the_us_and_a_signed_one_keeps_its_note(site):
    """The group's note says ratified treaties bind the US; each entry adds its monitoring body from the
    data, not the first sentence of its US notes, which said "is binding on it" once more."""
    work = site.workshops["taking-it-global"]
    found = {c.instrument.id: c for c in packet.us_commitments(site, packet.agenda_modules(site, work))}
    assert found["cat"].note == "The Committee against Torture reviews how the US applies it."
    assert found["icerd"].note == ("The Committee on the Elimination of Racial Discrimination reviews how the US "
                                   "applies it.")
    assert found["icescr"].note == packet.first_sentence(site.instruments["icescr"].us_notes)
    assert packet.review_note(site, site.instruments["udhr"]) == ""  # a declaration: no treaty body
    es = languages.strings("es")
    spanish = translations.localize(site, "es")
    assert packet.review_note(spanish, spanish.instruments["cat"], es) == \
        "El Comité contra la Tortura examina cómo cumple EE. UU. este acuerdo."


def test_contacts_print_unless_a_training_of_trainers_asks_for_no_personal_stories(site):
    printer = Printer(site, "https://kit.test/")

    def packet_text(w):
        return text(next(d.html for d in printer.workshop_documents(site.workshops[w])
                         if d.name.endswith("packet-letter.pdf")))

    # For organizers and trainers, no personal stories: the kit's referral sheet is enough.
    assert "trainers" in site.workshops["taking-it-global"].audience
    assert "Contacts and referrals" not in packet_text("taking-it-global")
    assert "My next step" in packet_text("taking-it-global")
    # For organizers and trainers, but its interview practice asks for a moment of their own lives.
    assert "Contacts and referrals" in packet_text("participatory-documentation")
    # Not a training of trainers.
    assert "Contacts and referrals" in packet_text("housing-human-right")
