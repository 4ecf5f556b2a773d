"""Print layout, read back from every built PDF: checkboxes, last pages, headings, the cover,
metadata and doubled words."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfread import BOTTOM, MM, all_text, body_lines, layout_text, page_sizes, words
from rightskit.project import Project, load_site

MIN_LAST_PAGE_LINES = 6
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "section", "tr", "ul", "ol", "table", "title",
              "dt", "dd", "summary", "details", "blockquote"}


@pytest.fixture(scope="module")
def pdfs(built) -> list[Path]:
    found = sorted((built / "site" / "pdf").glob("*.pdf"))
    assert len(found) >= 64
    return found


@pytest.fixture(scope="module")
def lines(pdfs) -> dict[str, list[list[str]]]:
    return {p.name: body_lines(p) for p in pdfs}


@pytest.fixture(scope="module")
def documents(built) -> dict[str, str]:
    """The HTML each PDF was rendered from, by file name."""
    from rightskit.outputs.print.pdf import Printer

    site = load_site(Project(built)).site
    return {Path(d.name).name: d.html for d in Printer(site, "https://example.invalid/").documents()}


def test_every_checkbox_prints_on_its_items_line(lines):
    boxes = 0
    for name, pages in lines.items():
        for number, page in enumerate(pages, start=1):
            for line in page:
                for match in re.finditer("[☐☒]", line):
                    boxes += 1
                    rest = line[match.end():]
                    assert re.match(r"\s*\S", rest), f"{name} p{number}: a box without its text: {line!r}"
    assert boxes > 50  # the toolkits' checklists and the worksheets are really there


def for_the_wall(name: str) -> bool:
    """Wall cards and flip-chart templates: read from across a room, so no header or footer."""
    return "-wall-" in name or "-flipcharts-" in name


def test_no_document_ends_with_a_near_empty_page(lines, pdfs):
    pdfs_by_name = {p.name: p for p in pdfs}
    # Wall cards and flip charts are one card or chart to a page: their pages are short by design.
    short = [f"{name}: last page {len(pages)} has {len(pages[-1])} lines"
             for name, pages in lines.items()
             if len(pages) > 1 and len(pages[-1]) < MIN_LAST_PAGE_LINES and not for_the_wall(name)
             and not reaches_past_a_third(pdfs_by_name[name])]
    assert not short, "\n".join(short)


def reaches_past_a_third(path: Path) -> bool:
    """Whether the last page's body text (header and footer aside) runs below the top third: a form's
    last questions with their writing space between them fill the page with few lines of text."""
    page = PdfReader(path).pages[-1]
    height = float(page.mediabox.height)
    heights = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            heights.append(tm[5] * cm[3] + cm[5] if cm[3] else tm[5])

    page.extract_text(visitor_text=visit)
    body = [y for y in heights if 0.1 * height < y < 0.93 * height]
    return bool(body) and min(body) < height * 2 / 3


class _Text(HTMLParser):
    """Text of an HTML document split into blocks, with the headings listed apart."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = [""]
        self.headings: list[str] = []
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title", "head"):
            self._skip += 1
        if tag in BLOCK_TAGS or tag == "br":
            self.blocks.append("")
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("style", "title", "head"):
            self._skip -= 1
        if tag in BLOCK_TAGS:
            self.blocks.append("")
        if tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.blocks[-1] += data
        if self._heading is not None:
            self._heading.append(data)


def _parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_no_heading_ends_a_page(lines, documents):
    stranded = []
    for name, pages in lines.items():
        headings = [h for h in _parsed(documents[name]).headings if len(h) > 3]
        for number, page in enumerate(pages[:-1], start=1):
            # The page's last one to three lines, joined, being a whole heading (it may wrap);
            # a table cell that happens to end like a heading is not one.
            tails = {" ".join(" ".join(page[-k:]).split()) for k in (1, 2, 3) if len(page) >= k}
            for heading in headings:
                if heading in tails:
                    stranded.append(f"{name} p{number}: ends with the heading {heading!r}")
    assert not stranded, "\n".join(stranded)


DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b")
DOUBLED_ON_A_LINE = re.compile(r"\b([A-Za-z]+) \1\b")  # wider gaps are table columns side by side


def test_no_doubled_word_in_any_printed_text(lines, documents):
    doubled = []
    for name, html in documents.items():
        for block in _parsed(html).blocks:
            doubled += [f"{name}: {m.group(0)!r} in {' '.join(block.split())[:90]!r}" for m in DOUBLED.finditer(block)]
    for name, pages in lines.items():
        for page in pages:
            doubled += [f"{name}: {m.group(0)!r} in {line!r}" for line in page for m in DOUBLED_ON_A_LINE.finditer(line)]
    assert not doubled, "\n".join(doubled)


def test_cover_caption_stays_inside_its_box_in_both_sizes(pdfs):
    covers = [p for p in pdfs if re.search(r"-(guide|packet)-(letter|a4)\.pdf$", p.name)]
    assert {p.name.rsplit("-", 1)[1] for p in covers} == {"letter.pdf", "a4.pdf"}
    for path in covers:
        width, height = page_sizes(path)[0]
        inner_right = width - 18 * MM - 8  # page margin, then the box's 8 pt padding
        page = words(path, 1)
        start = next(w for w in page if w.text == "This")
        # The caption ends with the address; a packet's cover page goes on with its agenda.
        end = next(w for w in page if w.y0 >= start.y0 - 1 and w.text.startswith("https://"))
        caption = [w for w in page if start.y0 - 1 <= w.y0 <= end.y0 + 1 and w.y0 < height - BOTTOM]
        assert len(caption) > 8
        outside = [w.text for w in caption if w.x1 > inner_right + 0.5]
        assert not outside, f"{path.name}: caption runs into the box's border: {outside}"


def test_metadata_is_complete_and_not_cut_at_a_quote(pdfs, documents):
    for path in pdfs:
        info = PdfReader(path).metadata
        for key in ("/Title", "/Author", "/Subject", "/Keywords", "/CreationDate"):
            assert info.get(key), f"{path.name}: no {key}"
        subject = str(info["/Subject"])
        assert subject.rstrip().endswith((".", "!", "?")), f"{path.name}: Subject cut off: {subject!r}"
        if "-guide-" in path.name or "-packet-" in path.name:
            title = str(info["/Title"]).split(":")[0]
            assert title in subject, f"{path.name}: {subject!r} lacks the workshop title"


def test_every_page_of_every_pdf_carries_version_date_license_and_address(pdfs, built):
    from rightskit.core import edition as ed
    version = ed.version()
    for path in pdfs:
        if for_the_wall(path.name):
            continue  # wall cards and flip charts carry nothing but the card or chart (test_print_sheets.py)
        pages = all_text(path).split("\f")[:-1]
        for number, page in enumerate(pages, start=1):
            assert f"Version {version} ·" in page and "CC BY 4.0" in page, f"{path.name} p{number}: no edition line"
            assert "https://" in page, f"{path.name} p{number}: no address"
    footer = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert f"Version {version}, built" in footer and "CC BY 4.0" in footer


def _link_targets(path: Path) -> set[str]:
    targets = set()
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and action.get("/URI"):
                targets.add(str(action["/URI"]))
    return targets


def test_every_link_address_is_printed_in_full(pdfs):
    checked = 0
    for path in pdfs:
        # Long addresses wrap across lines; -layout keeps a hyphen at a line's end, as printed.
        text = "".join(layout_text(path).split())
        targets = _link_targets(path)
        missing = [url for url in targets if url not in text]
        assert not missing, f"{path.name}: addresses not printed: {missing[:5]}"
        checked += len(targets)
    assert checked > 300


def test_endnotes_number_each_address_once_and_skip_bare_addresses():
    from rightskit.outputs.print.endnotes import add_endnotes

    html = ('<html><body><p><a href="https://a.test/x">A</a>, <a href="https://b.test/">B</a>, '
            '<a href="https://a.test/x">again</a>, <a href="https://c.test/">https://c.test/</a></p></body></html>')
    out = add_endnotes(html)
    assert out.count('[1]</sup>') == 2 and out.count('[2]</sup>') == 1 and "[3]" not in out
    assert '<ol><li><a href="https://a.test/x">https://a.test/x</a></li><li><a href="https://b.test/">' in out


def test_a_last_page_with_one_line_at_the_top_is_near_empty_and_a_spread_out_form_is_not(tmp_path):
    from weasyprint import HTML

    short, form = tmp_path / "short.pdf", tmp_path / "form.pdf"
    HTML(string='<p>first</p><p style="break-before: page">only a line at the top</p>').write_pdf(short)
    HTML(string='<p>first</p><p style="break-before: page">A question?</p>'
                '<p style="margin-top: 400pt">Another, below its writing space?</p>').write_pdf(form)
    assert not reaches_past_a_third(short) and reaches_past_a_third(form)
