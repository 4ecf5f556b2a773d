"""The layout rules on every page: checked as each document is laid out (layout.problems), and read
back from the PDFs of the mini project (one pdftotext call per PDF, split on form feeds)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rightskit.outputs.print import layout

ROWS = "".join(f"<p>Row {n} of a long list that runs on.</p>" for n in range(70))


def _render(body: str):
    from weasyprint import HTML

    return HTML(string=f"<html><body>{body}</body></html>").render()


def test_a_near_empty_page_mid_document_is_a_problem_but_not_before_a_forced_break():
    stranded = _render(f'<p>One line alone.</p><div style="break-inside: avoid"><p>Kept together.</p>'
                       f'{"<p>A line.</p>" * 30}</div>{ROWS}')
    assert len(stranded.pages) >= 3
    assert any(p.startswith("page 1 is ") and p.endswith("% full") for p in layout.problems(stranded))
    # The same short page ended on purpose, before a form on its own sheet, is no problem;
    # a page break alone (a module that starts a page) is no excuse.
    plain = _render(f'<p>One line alone.</p><section style="break-before: page">{ROWS}</section>')
    assert any(p.startswith("page 1 is ") for p in layout.problems(plain))
    forced = _render(f'<p>One line alone.</p><section class="handed-in" style="break-before: page">{ROWS}</section>')
    assert not any("% full" in p for p in layout.problems(forced))
    # Nor is a short last page a "% full" problem (the last-page rule counts its lines instead).
    assert not any("% full" in p for p in layout.problems(_render(f"{ROWS}<p>x</p>")))


def test_page_fill_measures_how_far_down_the_text_reaches():
    full = _render(ROWS)
    facts = layout.page_facts(full.pages[0], full.pages[1])
    assert facts.fill > 0.9
    short = _render("<p>One line.</p>")
    assert layout.page_facts(short.pages[0]).fill < 0.1


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's non-empty lines: one pdftotext call for the whole PDF, split on form feeds."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


@pytest.fixture(scope="module")
def mini_pdfs(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """The mini workshop's guide and packet (Letter and large print), rendered as the build renders them."""
    import shutil

    from conftest import MINI
    from rightskit.outputs.print.pdf import Printer, render_pdf
    from rightskit.project import Project, load_site

    root = tmp_path_factory.mktemp("mini") / "project"
    shutil.copytree(MINI, root)
    site = load_site(Project(root)).site
    wanted = ("housing-guide-letter.pdf", "housing-packet-letter.pdf", "housing-packet-large-print.pdf")
    out = {}
    for doc in Printer(site, "https://rights.example.test/").workshop_documents(site.workshops["housing"]):
        name = Path(doc.name).name
        if name in wanted:
            render_pdf(doc.html, root / name)
            out[name] = (root / name, doc.html)
    assert set(out) == set(wanted)
    return out


def test_every_page_but_the_last_is_at_least_a_third_full(mini_pdfs):
    for name, (pdf, _) in mini_pdfs.items():
        pages = _pages(pdf)
        fullest = max(len(page) for page in pages)
        for number, page in enumerate(pages[:-1], start=1):
            # A page a form starts on its own sheet ends the page before it on purpose.
            next_is_form = any("Evaluation form" in line or "My next step" in line for line in pages[number][:4])
            assert len(page) * 3 >= fullest or next_is_form, f"{name} p{number}: {len(page)} of {fullest} lines"


def test_no_page_ends_with_a_heading_and_the_form_has_its_own_sheet(mini_pdfs):
    from html.parser import HTMLParser

    class Headings(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found, self.open = [], None

        def handle_starttag(self, tag, attrs):
            if tag in layout.HEADINGS:
                self.open = []

        def handle_data(self, data):
            if self.open is not None:
                self.open.append(data)

        def handle_endtag(self, tag):
            if tag in layout.HEADINGS and self.open is not None:
                self.found.append(" ".join("".join(self.open).split()))
                self.open = None

    for name, (pdf, html) in mini_pdfs.items():
        parser = Headings()
        parser.feed(html)
        headings = {h for h in parser.found if len(h) > 3}
        pages = _pages(pdf)
        for number, page in enumerate(pages[:-1], start=1):
            body = [line for line in page if not line.startswith(("https://", "Page ", "Version "))]
            assert body and " ".join(body[-1].split()) not in headings, f"{name} p{number} ends with {body[-1]!r}"
        if "packet" in name:
            form = [n for n, page in enumerate(pages) if any("Evaluation form" in line for line in page)]
            assert len(form) == 1
            # Printed on both sides, the form's sheet holds nothing the participant keeps private.
            mate = form[0] + 1 if form[0] % 2 == 0 else form[0] - 1
            private = pages[mate] if mate < len(pages) else []
            assert not any("My next step" in line for line in private), name
