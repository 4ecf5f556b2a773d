"""The text of HTML as a reader sees it, read with a parser (html.parser) rather than patterns:
entities decoded, tags gone, the contents of <head>, <script> and <style> left out.

A space stands where a block ends or a line breaks ("<p>a</p><p>b</p>" reads "a b"), and nothing
where an inline element does ("un<em>fair</em>" reads "unfair"). Whitespace is otherwise kept as
written: `" ".join(text(html).split())` gives one space between words.
"""
from __future__ import annotations

from html.parser import HTMLParser

SKIPPED = frozenset({"head", "script", "style", "template"})
# Elements that start a new line or box on the page: words either side of them are apart.
BREAKS = frozenset("""address article aside blockquote br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary
    table tbody td tfoot th thead tr ul""".split())


class TextReader(HTMLParser):
    """The parser behind `text`; its handlers may also be driven by another parser's reading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping: list[str] = []  # the skipped elements open around the current point

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping.append(tag)
        elif tag in BREAKS and not self.skipping:
            self.chunks.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BREAKS and not self.skipping:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            if tag in self.skipping:  # a stray end tag closes nothing
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif tag in BREAKS and not self.skipping:
            self.chunks.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.chunks.append(data)


def text(fragment: str) -> str:
    """The readable text of an HTML document or fragment (see the module's docstring)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment  # no markup (most headings): nothing to parse
    parser = TextReader()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.chunks)


def words(fragment: str) -> str:
    """The text with one space between words and none at either end."""
    return " ".join(text(fragment).split())
