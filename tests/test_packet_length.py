"""A participant packet is short enough to hand out: at most eight pages in regular print (ten for a
workshop over three hours), and its large print at most twice its regular count (issue 20). Renders
only the packets of the three longest workshops, as the build renders them, and reads the page
counts back from the PDFs (pdfinfo); no site build."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from rightskit.outputs.print.pdf import Printer, render_pdf
from rightskit.project import Project, load_site

ROOT = Path(__file__).resolve().parents[1]
# The workshops whose packets ran over (13, 12 and 11 pages in Letter before issue 20's selection).
WORKSHOPS = ("intro-esc-rights", "participatory-documentation", "taking-it-global")
KINDS = ("packet-letter.pdf", "packet-large-print.pdf")


def regular_limit(total_minutes: int) -> int:
    return 10 if total_minutes > 180 else 8


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def site():
    return load_site(Project(ROOT)).site


@pytest.fixture(scope="module")
def counts(site, tmp_path_factory) -> dict[str, dict[str, int]]:
    out_dir = tmp_path_factory.mktemp("packets")
    printer = Printer(site, "https://kit.test/")
    counts = {}
    for w in WORKSHOPS:
        for doc in printer.workshop_documents(site.workshops[w]):
            name = Path(doc.name).name
            kind = next((k for k in KINDS if name.endswith(k)), None)
            if kind:
                render_pdf(doc.html, out_dir / name)
                counts.setdefault(w, {})[kind] = page_count(out_dir / name)
    return counts


def test_limits_follow_the_length_of_the_workshop():
    assert regular_limit(180) == 8 and regular_limit(181) == 10


# Still over (Letter / large print, 7 December 2026): taking-it-global 10 pages for a limit of 8,
# and 27 in large print; participatory-documentation 12 for 10, and over twice in large print;
# intro-esc-rights 20 in large print for 9 in Letter. Large print grew once the layout chooser could
# no longer set it at 10.2 pt (print-large.css): a large-print design (flowing lists) is still to do.
# Strict, so a fix that brings one within its limit fails here until its mark is removed.
OVER = {("taking-it-global", "regular"): "10 pages in Letter, limit 8",
        ("taking-it-global", "large"): "27 pages in large print, over twice 10",
        ("participatory-documentation", "regular"): "12 pages in Letter, limit 10",
        ("participatory-documentation", "large"): "large print over twice its 12 Letter pages",
        ("intro-esc-rights", "large"): "20 pages in large print, over twice 9"}


def _case(workshop: str, check: str):
    reason = OVER.get((workshop, check))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(workshop, check, marks=marks, id=f"{workshop}-{check}")


@pytest.mark.parametrize("workshop, check", [_case(w, c) for w in WORKSHOPS for c in ("regular", "large")])
def test_packet_fits_its_page_limits(site, counts, workshop, check):
    limit = regular_limit(site.workshops[workshop].total_minutes)
    letter, large = counts[workshop]["packet-letter.pdf"], counts[workshop]["packet-large-print.pdf"]
    if check == "regular":
        assert letter <= limit, f"{workshop}: {letter} pages in Letter, limit {limit}"
    else:
        assert large <= 2 * letter, f"{workshop}: {large} pages in large print, over twice {letter}"
