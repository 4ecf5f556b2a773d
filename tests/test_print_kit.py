"""What the printed kit contains: complete participant packets and facilitator guides, large print."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pdfread import all_text
from rightskit.outputs.print import packet
from rightskit.project import Project, load_site


def text_of(built: Path, name: str) -> str:
    return " ".join(all_text(built / "site" / "pdf" / name).split())


@pytest.fixture(scope="module")
def site(built):
    return load_site(Project(built)).site


def test_housing_packet_has_us_commitments_glossary_articles_worksheets_and_forms(built, site):
    for paper in ("letter", "a4"):
        text = text_of(built, f"housing-human-right-packet-{paper}.pdf")
        assert "Which commitments apply in the US?" in text
        # Treaty status comes from the data, with the exact dates.
        assert "ICERD" in text and "Ratified by the US on 21 October 1994" in text
        assert "ICESCR" in text and "Signed by the US on 5 October 1977; not ratified" in text
        # Glossary: the terms the packet uses, spelled out; not the ones it never uses.
        assert "Words used in this workshop" in text
        for term in ("CESCR (Committee on Economic, Social and Cultural Rights)", "ratification", "security of tenure"):
            assert term in text
        before, glossary = text.split("Words used in this workshop", 1)
        said = before + " ".join(packet.module_prose(site, mod) for mod in packet.agenda_modules(
            site, site.workshops["housing-human-right"]))
        unused = [t.term for t in site.glossary if re.search(rf"(?<![\w-]){re.escape(t.term)} \(", glossary)
                  and not re.search(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", said)]
        assert not unused, f"glossary lists terms neither the packet nor its modules use: {unused}"
        assert "ICESCR article 11: Adequate standard of living" in text
        assert "☐ Yes ☐ No ☐ Not sure" in text  # the checklist is fillable
        assert "My next step" in text and "Contacts and referrals" in text and "Legal aid" in text
        # the scale prints two options to a line, so the extracted text has them apart
        assert "Evaluation form" in text and all(f"☐ {o}" in text for o in ("Not yet", "A little", "Mostly", "Fully"))
        assert "I can name the seven elements of an adequate home" in text  # rated against the objectives


def test_every_packet_has_its_commitments_and_evaluation(built, site):
    for workshop in site.workshops.values():
        text = text_of(built, f"{workshop.id}-packet-letter.pdf")
        assert "Which commitments apply in the US?" in text and "Evaluation form" in text, workshop.id
        assert "For facilitators" not in text


def in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether `wanted` appears within `words` in its order (other words may come between)."""
    rest = iter(words)
    return all(any(word == have for have in rest) for word in wanted)


def test_housing_guide_has_cut_out_cards_signs_wall_chart_scripts_and_forms(built, site):
    text = text_of(built, "housing-human-right-guide-letter.pdf")
    line = site.modules["activities/housing-line.md"]
    assert "Printable materials" in text
    # Every card of the housing line's sets is printed, from the activity's data. Cards stand side
    # by side in a grid, so the text reads their lines in turn: each card's words are there in order.
    words = text.split()
    for card_set in line.cards:
        for card in card_set.items:
            assert " ".join(card.title.split()) in text
            assert in_order(card.text.split(), words), card.title
    assert "Story cards" in text and "Element cards" in text and "Scoring wall chart" in text
    assert "Suggested script: The human right to adequate housing" in text or "Suggested script:" in text
    assert "Sign-in sheet: Housing is a human right" in text
    assert "Please do not write your home address or unit number." in text
    sign_in = text.split("Sign-in sheet: Housing is a human right", 1)[1].split("Registration and access needs")[0]
    assert "Address" not in sign_in and "Unit" not in sign_in
    assert "Registration and access needs" in text and "Sign language interpretation" in text
    # Activity facts: level, key points and the online or hybrid variation.
    assert "Introductory level" in text and "Key points" in text and "Online or hybrid" in text
    assert " ".join(line.online.split()) in text


def test_upr_role_cards_and_card_sort_cards_are_separate_cut_out_cards(built, site):
    text = text_of(built, "taking-it-global-guide-a4.pdf")
    for role in ("US delegation", "Stakeholder coalition", "Reviewing state", "Chair"):
        assert role in text
    assert "Role cards (Mock Universal Periodic Review of the United States)" in text
    sort = next(w for w in site.workshops.values()
                if any(i.module == "activities/respect-protect-fulfil" for i in w.agenda))
    text = text_of(built, f"{sort.id}-guide-letter.pdf")
    assert "Scenario cards" in text and "Card 12" in text and "FULFILL" in text


def test_every_short_talk_has_its_script_in_the_guide(built, site):
    for workshop in site.workshops.values():
        text = text_of(built, f"{workshop.id}-guide-letter.pdf")
        for item in workshop.agenda:
            if item.script:
                first = " ".join(item.script.split("\n")[0].split())
                assert first[:60] in text, (workshop.id, item.module)


def _body_font_size(path: Path) -> float:
    """The font size that carries the most characters in a document (its body text)."""
    from collections import Counter

    from pypdf import PdfReader

    sizes: Counter = Counter()
    for page in PdfReader(path).pages[1:4]:
        def visit(text, cm, tm, font, size):
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            if text.strip():
                sizes[round(size * scale, 1)] += len(text.strip())
        page.extract_text(visitor_text=visit)
    return sizes.most_common(1)[0][0]


def test_large_print_packets_and_handouts_exist_in_letter_with_18_pt_text(built, site):
    from pdfread import page_sizes

    names = [f"{w.id}-packet" for w in site.workshops.values()]
    names += [m.id.replace("/", "-") + "-handout" for m in site.modules.values() if m.handout]
    for name in names:
        large = built / "site" / "pdf" / f"{name}-large-print.pdf"
        assert large.is_file(), large.name
        assert page_sizes(large)[0] == (612, 792)  # US Letter
    housing = built / "site" / "pdf" / "housing-human-right-packet-large-print.pdf"
    assert _body_font_size(housing) >= 18
    assert _body_font_size(built / "site" / "pdf" / "housing-human-right-packet-letter.pdf") < 12
    # Large print's face is Liberation Sans (print-large.css), which a bare machine has only once
    # scripts/install-system-deps.sh installs it: without it, the pages fall back to wider DejaVu.
    fonts = subprocess.run(["pdffonts", str(housing)], capture_output=True, text=True, check=True).stdout
    assert "Liberation-Sans" in fonts, fonts
    page = (built / "site" / "workshops" / "housing-human-right" / "index.html").read_text(encoding="utf-8")
    assert "housing-human-right-packet-large-print.pdf" in page
