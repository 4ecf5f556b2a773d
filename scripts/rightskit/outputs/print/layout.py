"""Page layout that holds: lay a document out, look at the pages, and try another spacing when
the result breaks a rule of print (a last page with a line or two, a heading at a page's foot,
a table that starts with one lonely row). Content is never dropped; only spacing changes.

Works on WeasyPrint's laid-out boxes, so it needs no PDF parsing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HEADINGS = {"h1", "h2", "h3", "h4"}
MIN_LAST_PAGE_LINES = 6
# A page before the last must be filled at least this far down its body area: a near-empty page in
# the middle of a document reads as the end of it. A page that a forced break ends (a form on its
# own sheet, a card to a page) may be shorter.
MIN_FILL = 1 / 3
# Spacing classes set on <html>, tried in order until a layout passes (print.css defines them).
# Tighter spacing pulls a short last page back; looser spacing pushes more onto it. The last one
# starts a form that is handed in on a front page, at the cost of a blank page before it.
# "flow" lets modules and reference sections run on instead of each starting a page: tried when a
# short module would leave a near-empty page.
VARIANTS = ("", "tight", "loose", "flow", "flow loose", "flow tight", "tighter", "looser", "form-on-front")
# Classes in the templates: a form people hand in, and a page only they should keep.
HANDED_IN, PRIVATE = "handed-in", "private"
PRIVACY = "shares a sheet"  # in the problem's words: a layout with it is never chosen over one without
ONE_PAGE = "data-one-page"  # the mark of a sheet that must fit on one page (templates/handouts/_sheet_base)
# The mark of a document of one card to a page (wall cards), whose pages are short by design.
ONE_PER_PAGE = "data-one-per-page"


@dataclass
class PageFacts:
    lines: int  # text lines in the page's body, one per distinct baseline
    heading_at_foot: bool  # the last text on the page belongs to a heading
    lonely_row: bool  # a table starts on this page with one row and goes on on the next
    fill: float = 1.0  # how far down the body area the last line of text reaches, 0 to 1


def _walk(box, tag: str | None, out: list) -> None:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return  # running heads and feet are not the page's text
    element_tag = getattr(box, "element_tag", None)
    if isinstance(box, boxes.BlockLevelBox) and element_tag:
        tag = element_tag
    if isinstance(box, boxes.LineBox):
        if any(isinstance(t, boxes.TextBox) and t.text.strip() for t in box.descendants()):
            out.append((round(box.position_y + box.height, 1), tag))
        return
    for child in getattr(box, "children", []):
        _walk(child, tag, out)


def _table_rows(page) -> dict:
    """Body rows of each table element laid out on a page, and whether the table starts low
    on the page (in its bottom 40 %), where a single row looks stranded."""
    from weasyprint.formatting_structure import boxes

    out: dict = {}
    for table in (b for b in page._page_box.descendants() if isinstance(b, boxes.TableBox)):
        rows = [row for group in table.children if isinstance(group, boxes.TableRowGroupBox)
                and not group.is_header for row in group.children]
        count, low = out.get(table.element, (0, False))
        out[table.element] = (count + len(rows), low or table.position_y > 0.6 * page.height)
    return out


def page_facts(page, next_page=None) -> PageFacts:
    lines: list[tuple[float, str | None]] = []
    _walk(page._page_box, None, lines)
    baselines = {y for y, _ in lines}
    last_tag = max(lines, key=lambda item: item[0])[1] if lines else None
    lonely = False
    if next_page is not None:
        later = _table_rows(next_page)
        lonely = any(count == 1 and low and element in later for element, (count, low) in _table_rows(page).items())
    return PageFacts(len(baselines), last_tag in HEADINGS, lonely, _fill(page, max(baselines, default=None)))


def _fill(page, bottom: float | None) -> float:
    box = page._page_box
    top, height = box.content_box_y(), box.height
    if bottom is None or height <= 0:
        return 0.0
    return max(0.0, min(1.0, (bottom - top) / height))


# What starts a page on purpose, leaving the page before it short: a form on its own sheet, a
# page only its owner keeps, a sign or a sheet of cut-out cards.
OWN_PAGE = {HANDED_IN, PRIVATE, "sign", "card-set", "wall-chart", "flip-chart"}


def starts_with_own_page(page) -> bool:
    """Whether the page begins with an element that always starts a page of its own (OWN_PAGE)."""
    from weasyprint.formatting_structure import boxes

    for box in page._page_box.descendants():
        if isinstance(box, boxes.BlockBox) and getattr(box, "element_tag", None) not in (None, "html", "body"):
            element = getattr(box, "element", None)
            classes = set((element.get("class") or "").split()) if element is not None else set()
            if classes & OWN_PAGE:
                return True
            if box.element_tag not in ("div", "section"):
                return False
    return False


def pages_with_class(document, name: str) -> set[int]:
    """The page numbers (from 1) on which an element of class `name` has a box."""
    found = set()
    for number, page in enumerate(document.pages, start=1):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and name in (element.get("class") or "").split():
                found.add(number)
                break
    return found


def sheet_problems(document) -> list[str]:
    """Printed on both sides, a page shares its sheet with the next (odd page) or the previous (even
    page): a form that is handed in must not take a private page away with it."""
    private = pages_with_class(document, PRIVATE)
    out = []
    for number in sorted(pages_with_class(document, HANDED_IN)):
        mate = number + 1 if number % 2 else number - 1
        if mate in private:
            out.append(f"page {number}, a form to hand in, {PRIVACY} with page {mate}, which is private")
    return out


def problems(document, one_page: bool = False, short_pages: bool = False) -> list[str]:
    """What is wrong with a laid-out document, in words; empty when the layout holds. A `one_page`
    document (a sheet marked `data-one-page`) must also fit on one page; a document of `short_pages`
    (one card to a page) may end on a page of a few lines."""
    pages = document.pages
    out = [f"a one-page sheet runs to {len(pages)} pages"] if one_page and len(pages) > 1 else []
    out += sheet_problems(document)
    for number, page in enumerate(pages, start=1):
        facts = page_facts(page, pages[number] if number < len(pages) else None)
        if number < len(pages) and facts.heading_at_foot:
            out.append(f"page {number} ends with a heading")
        if facts.lonely_row:
            out.append(f"page {number} starts a table with a single row")
        if (number < len(pages) and facts.fill < MIN_FILL and not short_pages
                and not starts_with_own_page(pages[number])):
            out.append(f"page {number} is {facts.fill:.0%} full")
        # A last page of few lines is near-empty only if they stay near its top: a form's last open
        # questions, with their writing space between them, fill the page (as the tests read it).
        if (number == len(pages) and number > 1 and facts.lines < MIN_LAST_PAGE_LINES and facts.fill < MIN_FILL
                and not short_pages):
            out.append(f"last page has {facts.lines} lines")
    return out


# A page budget (a packet's length limit, set on <html>): a layout over it is a problem, so that a
# spacing that keeps the document within it is chosen; the spacing that sets the type below body
# size ("tighter") is never the way to meet it.
MAX_PAGES = re.compile(r'<html [^>]*data-max-pages="(\d+)"')
SMALLER_TYPE = "tighter"


def budget_problems(document, budget: int | None, variant: str) -> list[str]:
    if budget is None:
        return []
    out = [f"{len(document.pages)} pages, over {budget}"] if len(document.pages) > budget else []
    return out + (["type below body size to meet a page budget"] if SMALLER_TYPE in variant.split() else [])


def with_variant(html: str, variant: str) -> str:
    if not variant:
        return html
    return html.replace("<html ", f'<html class="{variant}" ', 1)


def fit(html: str, render):
    """The first variant whose layout passes every rule; else the one with the fewest problems
    (the plain one on a tie). `render(html)` lays a document out (weasyprint's HTML(...).render)."""
    best, fewest = None, None
    one_page = ONE_PAGE in html
    match = MAX_PAGES.search(html)
    budget = int(match.group(1)) if match else None
    variants = list(VARIANTS)
    while variants:
        variant = variants.pop(0)
        document = render(with_variant(html, variant))
        over = budget_problems(document, budget, variant)
        found = problems(document, one_page, ONE_PER_PAGE in html) + over
        if not found:
            return document
        if not variant and found == over:
            # Only the page budget is broken: looser spacing or a page skipped for a form can only
            # add pages, so only the spacings that may save one are worth a layout.
            variants = [v for v in variants if not {"loose", "looser", "form-on-front"} & set(v.split())]
        score = (any(PRIVACY in problem for problem in found), len(found))
        if fewest is None or score < fewest:
            best, fewest = document, score
    return best
