"""What the printed kit contains: complete participant packets and facilitator guides, large print."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pdfread import all_text
from rightskit.load import Project, load_site


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
        assert "Words used in this packet" in text
        for term in ("ICESCR (International Covenant on Economic, Social and Cultural Rights)",
                     "CESCR (Committee on Economic, Social and Cultural Rights)"):
            assert term in text
        before, glossary = text.split("Words used in this packet", 1)
        unused = [t.term for t in site.glossary if re.search(rf"(?<![\w-]){re.escape(t.term)} \(", glossary)
                  and not re.search(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", before)]
        assert not unused, f"glossary lists terms the packet never uses: {unused}"
        assert "ICESCR article 11: Adequate standard of living" in text
        assert "☐ Yes ☐ No ☐ Not sure" in text  # the checklist is fillable
        assert "My next step" in text and "Contacts and referrals" in text and "Legal aid" in text
        assert "Evaluation form" in text and "☐ Not yet ☐ A little ☐ Mostly ☐ Fully" in text
        assert "Name the seven elements of adequate housing" in text  # rated against the objectives


def test_every_packet_has_its_commitments_and_evaluation(built, site):
    for workshop in site.workshops.values():
        text = text_of(built, f"{workshop.id}-packet-letter.pdf")
        assert "Which commitments apply in the US?" in text and "Evaluation form" in text, workshop.id
        assert "For facilitators" not in text
