"""The text Pagefind indexes of a record (inside data-pagefind-body, outside ignored elements), and
its long words, which the typo-correction list counts (vocabulary.py)."""
from __future__ import annotations

from html.parser import HTMLParser

from rightskit.core import htmltext
from rightskit.core.words import words

# Parts of a page that are not its content: permalink signs, the edit button, tags, and the
# lists of links that generated pages carry (they are marked data-pagefind-ignore in templates).
EXCLUDE = (".headerlink", ".md-content__button", ".md-tags", ".md-source-file", ".rk-search-skip")


class Text(HTMLParser):
    """The indexed text of a record: inside data-pagefind-body, outside ignored elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the body
        self.skip = 0  # depth at which an ignored element opened (0: not skipping)
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            classes = set((attrs.get("class") or "").split())
            ignored = "data-pagefind-ignore" in attrs or tag in ("nav", "footer", "script", "style", "form")
            if not self.skip and (ignored or classes & {s[1:] for s in EXCLUDE}):
                self.skip = self.depth
        elif "data-pagefind-body" in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        if self.skip == self.depth:
            self.skip = 0
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.chunks.append(data)


def indexed_text(record_html: str) -> str:
    parser = Text()
    parser.feed(record_html)
    return " ".join(parser.chunks)


def long_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) >= 4)


def piece_words(document_head: str, piece: str) -> frozenset[str] | None:
    """The long words of the indexed text of `piece`, a part of a record's body that more HTML
    follows (the additions only the index needs), as `long_words(indexed_text(record))` counts
    them; None when that cannot be told from the piece alone.

    The words of a record are those of its pieces together when the parser leaves each piece as
    it entered it: inside the body, not in an ignored element, no tag or script left open. Then
    the text that follows makes chunks of its own (joined by a space, which no word crosses)."""
    parser = Text()
    parser.feed(document_head + piece)
    if "<" in parser.rawdata or parser.cdata_elem is not None:
        return None  # a tag, comment or script left open: what follows would be read into it
    parser.feed("<br>")  # a void element: flushes pending text as the next tag would, changes nothing else
    if parser.depth < 1 or parser.skip or parser.rawdata:
        return None
    return long_words(" ".join(parser.chunks))


class _Both(HTMLParser):
    """One reading of a piece for two readers: `indexed` (Text, from the document's head on) and
    `plain` (htmltext's reader, from the piece on). Neither is fed: they get this parser's events."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.indexed, self.plain = Text(), htmltext.TextReader()
        self.reading_plain = False

    def handle_starttag(self, tag, attrs):
        self.indexed.handle_starttag(tag, attrs)
        if self.reading_plain:
            self.plain.handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.indexed.handle_startendtag(tag, attrs)
        if self.reading_plain:
            self.plain.handle_startendtag(tag, attrs)

    def handle_endtag(self, tag):
        self.indexed.handle_endtag(tag)
        if self.reading_plain:
            self.plain.handle_endtag(tag)

    def handle_data(self, data):
        self.indexed.handle_data(data)
        if self.reading_plain:
            self.plain.handle_data(data)


def text_and_piece_words(document_head: str, piece: str) -> tuple[str, frozenset[str] | None]:
    """`htmltext.words(piece)` and `piece_words(document_head, piece)` from one reading of the
    piece instead of two (the search facts read every page's body this way). Where the two
    readings could differ at the piece's end (a tag or script left open), each is made on its own."""
    parser = _Both()
    parser.feed(document_head)
    if parser.rawdata or parser.cdata_elem is not None:  # the head left text pending: not ours
        return htmltext.words(piece), piece_words(document_head, piece)
    parser.reading_plain = True
    parser.feed(piece)
    if "<" in parser.rawdata or parser.cdata_elem is not None:
        return htmltext.words(piece), None  # as piece_words finds, for the same reason
    # `text` closes its parser where this one reads "<br>": the same pending text is let out, and
    # the break's space goes with the rest of the outer whitespace
    parser.feed("<br>")
    indexed = parser.indexed
    if indexed.depth < 1 or indexed.skip or parser.rawdata:
        return htmltext.words(piece), None
    return " ".join("".join(parser.plain.chunks).split()), long_words(" ".join(indexed.chunks))
