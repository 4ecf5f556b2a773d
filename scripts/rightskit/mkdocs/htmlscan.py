"""One reading of a built page with the standard library's HTML parser, shared by the passes that
change a few of its tags (thememarkup.py, langmarks.py): each tag with where it starts and ends in
the text, and the changes to splice in there, so everything else stays byte for byte as the theme
wrote it. Reading a page costs more than the changes (a few ms for Material's 35 KB), so a page is
read once for all the passes that run on it. No MkDocs object is needed.

Most of a page's tags are its navigation, and a navigation entry is written the same on every page
of its section (its links are relative to the page's folder; see navcache.py). So, given a
`Chunks` memo kept for a build, a page is read in pieces cut where an entry starts (and in its head
and header, see `ENTRY`), and a piece read before is not read again: its tags are taken from the
memo, moved to where the piece now is.
This is the same reading as the whole page's: the parser keeps nothing from one piece to the next
but text it has not finished (a tag, a comment, an unclosed character reference) and whether it is
inside a script or style; a piece that leaves either behind makes the page be read whole instead.
tests/test_langmarks.py compares both readings on built pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(slots=True)
class Tag:
    kind: str  # "start" or "end" (text, comments and the rest are not kept: see `between`)
    start: int
    end: int
    name: str
    attrs: tuple = ()
    text: str = ""  # a start tag as written


class _Parser(HTMLParser):
    def __init__(self, html: str, lines: list[int], tags: list[Tag], ends: bool):
        super().__init__(convert_charrefs=True)  # character references need no events: fewer calls
        self.html, self.lines, self.tags = html, lines, tags
        if not ends:
            self.handle_endtag = _ignore

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        start, text = self.lines[line - 1] + column, self.get_starttag_text()
        self.tags.append(Tag("start", start, start + len(text), tag, tuple(attrs), text))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        line, column = self.getpos()
        start = self.lines[line - 1] + column
        self.tags.append(Tag("end", start, self.html.find(">", start) + 1, tag))


def _ignore(tag):
    pass


def _read(html: str, ends: bool, close: bool) -> tuple[list[Tag], bool]:
    """The tags of `html`, and whether the parser was left with nothing pending (see the module's doc)."""
    lines = [0]
    at = html.find("\n")
    while at >= 0:
        lines.append(at + 1)
        at = html.find("\n", at + 1)
    tags: list[Tag] = []
    parser = _Parser(html, lines, tags, ends)
    parser.feed(html)
    if close:
        parser.close()
        return tags, True
    return tags, not parser.rawdata and parser.cdata_elem is None


# Where a page is cut into pieces: where a navigation entry or a tab starts, as Material's partials
# (nav-item.html, tabs-item.html) write them, and before the head's links, metadata and scripts and
# the header's links and labels, so that the few tags that name the page (its title, its address,
# its language versions) are pieces of their own and the rest of the head is read once a build.
# Found as text; a cut that falls where the parser is not between tags is caught by the reading
# itself (see the module's doc).
ENTRY = re.compile(r'<li class="md-(?:nav|tabs)__item|<(?:link|meta|title|script|header|label|a) ')


class Chunks:
    """Tags of the pieces of pages read so far in a build, by the piece's text (see the module's doc)."""

    def __init__(self):
        self.known: dict[tuple[bool, str], list[Tag] | None] = {}
        # Pieces read once so far, by hash: a piece is kept only when it comes again, so the many
        # that name one page (its title, its links) do not fill the memo.
        self.seen: set[int] = set()

    def read(self, html: str, stop: int, ends: bool) -> list[Tag] | None:
        """The tags of html[:stop], or None where a piece cannot be read on its own."""
        tags: list[Tag] = []
        start = 0
        while start < stop:
            cut = ENTRY.search(html, start + 1, stop)
            end = stop if cut is None else cut.start()
            piece = html[start:end]
            if start == 0 or end == stop:  # the page's own head and title, or its contents: read once
                found, clean = _read(piece, ends, close=end == stop)
            else:
                key = (ends, piece)
                if key in self.known:
                    found = self.known[key]
                    clean = found is not None
                else:
                    found, clean = _read(piece, ends, close=False)
                    if hash(key) in self.seen:
                        self.known[key] = found if clean else None
                    else:
                        self.seen.add(hash(key))
            if not clean:
                return None
            tags += [Tag(t.kind, t.start + start, t.end + start, t.name, t.attrs, t.text) for t in found] if start else found
            start = end
        return tags


class Scan:
    """The tags of `html` up to `stop` (the whole page by default; without end tags if not
    `ends`), and the changes to make."""

    def __init__(self, html: str, stop: int | None = None, ends: bool = True, chunks: Chunks | None = None):
        self.html = html
        self.stop = len(html) if stop is None else stop
        pieces = chunks.read(html, self.stop, ends) if chunks is not None else None
        self.tags: list[Tag] = pieces if pieces is not None else _read(html[:self.stop], ends, close=True)[0]
        self.edits: list[tuple[int, int, str]] = []  # (start, end, new text): end == start inserts

    # --- finding tags ---
    def between(self, first: Tag, second: Tag) -> str:
        return self.html[first.end:second.start]

    def next_tag(self, index: int) -> int | None:
        """The tag after tag `index`, if only whitespace stands between them."""
        following = index + 1
        if following < len(self.tags) and self.between(self.tags[index], self.tags[following]).strip() == "":
            return following
        return None

    def closing(self, index: int, name: str) -> int | None:
        """The first end tag `name` after tag `index`."""
        for at in range(index + 1, len(self.tags)):
            tag = self.tags[at]
            if tag.kind == "end" and tag.name == name:
                return at
        return None

    # --- changing them ---
    def insert(self, at: int, text: str) -> None:
        self.edits.append((at, at, text))

    def add_attribute(self, tag: Tag, after: str, attribute: str) -> None:
        """` attribute` written right after attribute `after` (its value quoted with ") of `tag`."""
        value = dict(tag.attrs)[after]
        at = tag.start + tag.text.find(f'{after}="{value}"') + len(after) + len(value) + 3
        self.insert(at, f" {attribute}")

    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, text))

    def overlapping(self) -> bool:
        """Whether two changes touch the same text (an insert inside a replaced stretch)."""
        edits = sorted(self.edits, key=lambda e: (e[0], e[1]))
        return any(b[0] < a[1] for a, b in zip(edits, edits[1:]))

    def result(self) -> str:
        out, copied = [], 0
        for start, end, text in sorted(self.edits, key=lambda e: e[0]):  # stable: inserts in the order made
            out += [self.html[copied:start], text]
            copied = end
        out.append(self.html[copied:])
        return "".join(out)


def is_start(tag: Tag, name: str, *attrs: tuple[str, str]) -> bool:
    """Whether `tag` is a start tag `name` whose first attributes are `attrs` (a value ending in
    "*" matches any value starting with what comes before it)."""
    if tag.kind != "start" or tag.name != name or len(tag.attrs) < len(attrs):
        return False
    for (key, value), (want_key, want) in zip(tag.attrs, attrs):
        if key != want_key or value is None:
            return False
        if not (value.startswith(want[:-1]) if want.endswith("*") else value == want):
            return False
    return True
