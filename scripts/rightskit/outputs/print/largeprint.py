"""Large print laid out for its size, not the regular layout enlarged (issue 20): at 18 pt a table of
three columns wraps every few words and runs one row to a page, and a page of numbered web
addresses is a page nobody reads. So a handout's tables flow as blocks, one per row, each cell
under its column's name, and links print as their words alone; the cover and every page's foot
still give the document's own address.

Both work on the HTML with a parser (html.parser), rewriting only what they change.
"""
from __future__ import annotations

import html as htmlmod
from html.parser import HTMLParser

from rightskit.core import htmltext


def _start(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    rendered = "".join(f' {name}' if value is None else f' {name}="{htmlmod.escape(value)}"' for name, value in attrs)
    return f"<{tag}{rendered}>"


class _Rewriter(HTMLParser):
    """Copies HTML through as written; subclasses intercept the elements they rewrite."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def emit(self, text: str) -> None:
        self.out.append(text)

    def handle_starttag(self, tag, attrs):
        self.emit(self.get_starttag_text() or _start(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.emit(self.get_starttag_text() or _start(tag, attrs))

    def handle_endtag(self, tag):
        self.emit(f"</{tag}>")

    def handle_data(self, data):
        self.emit(data)

    def handle_entityref(self, name):
        self.emit(f"&{name};")

    def handle_charref(self, name):
        self.emit(f"&#{name};")

    def handle_comment(self, data):
        self.emit(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.emit(f"<!{decl}>")

    def result(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)


class _TableFlow(_Rewriter):
    """Each plain table (one without a class: the Markdown tables of a page, not the kit's forms,
    which have their own large-print layout) becomes a list of blocks: one per body row, its first
    cell as the block's heading, every other cell after the name of its column."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # >0 inside a plain table being rewritten
        self.headers: list[str] = []
        self.row: list[str] = []  # the HTML of the current row's cells
        self.cell: list[str] | None = None
        self.in_head = False

    def emit(self, text: str) -> None:
        if self.depth and self.cell is not None:
            self.cell.append(text)
        elif not self.depth:
            self.out.append(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table" and not self.depth and not dict(attrs).get("class"):
            self.depth, self.headers = 1, []
            self.out.append('<div class="flow-table">')
            return
        if self.depth == 1 and self.cell is None:  # the table's own structure, not a cell's content
            if tag == "thead":
                self.in_head = True
            elif tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                self.cell = []
            return
        if self.depth and tag == "table":
            self.depth += 1  # a table inside a cell is copied as it is
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if not self.depth or (self.depth > 1 or (self.cell is not None and tag not in ("td", "th"))):
            if self.depth > 1 and tag == "table":
                self.depth -= 1
            return super().handle_endtag(tag)
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "tr" and self.depth == 1:
            if self.in_head:
                self.headers = [htmltext.words(cell) for cell in self.row]
            elif self.row:
                self.out.append(self._block(self.row))
        elif tag == "table":
            self.depth = 0
            self.out.append("</div>")

    def _block(self, cells: list[str]) -> str:
        parts = [f'<div class="flow-row"><p class="flow-head">{cells[0]}</p>']
        for number, cell in enumerate(cells[1:], start=1):
            if not htmltext.words(cell):
                continue
            label = self.headers[number] if number < len(self.headers) else ""
            parts.append(f'<p><span class="flow-label">{label}:</span> {cell}</p>' if label else f"<p>{cell}</p>")
        return "".join(parts) + "</div>"


def flow_tables(html: str) -> str:
    """Plain tables as blocks, one per row (see _TableFlow)."""
    return _TableFlow().result(html) if "<table" in html else html


class _Unlink(_Rewriter):
    """A link prints as its words; one whose words are its address, or an image (the cover's QR
    code), stays a link, since the address is printed there in full."""

    def __init__(self) -> None:
        super().__init__()
        self.link: list[str] | None = None
        self.start = ""

    def emit(self, text: str) -> None:
        (self.link if self.link is not None else self.out).append(text)

    def handle_starttag(self, tag, attrs):
        # Web addresses and, in the offline kit, the kit's files: every link but one within the page.
        if tag == "a" and self.link is None and (dict(attrs).get("href") or "#")[:1] != "#":
            self.link, self.start = [], self.get_starttag_text() or _start(tag, attrs)
            self.href = dict(attrs)["href"]
            return
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            inner, self.link = "".join(self.link), None
            keep = "<img" in inner or htmltext.words(inner).rstrip("/") == htmlmod.unescape(self.href).rstrip("/")
            self.out.append(f"{self.start}{inner}</a>" if keep else inner)
            return
        super().handle_endtag(tag)


def unlink(html: str) -> str:
    """Links as their words alone (see _Unlink): large print has no page of addresses."""
    body_start = html.find("<body")
    return html[:body_start] + _Unlink().result(html[body_start:])
