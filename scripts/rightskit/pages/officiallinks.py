"""Links to official pages, in another language's edition: a link whose address has a translation in
standards/official-pages.yml (content/officialpages.py) leads to it, with `hreflang`.

Done on the HTML of each page, after Markdown: one place for links written in a page's Markdown and
links the templates write from the data (an instrument's official text, a mechanism's site)."""
from __future__ import annotations

import html as htmlmod
from html.parser import HTMLParser
from typing import Mapping


class _Links(HTMLParser):
    """Where each <a href> with a listed address starts in the text, and its start tag as written."""

    def __init__(self, addresses: Mapping[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses = addresses
        self.found: list[tuple[int, int, str, str]] = []  # line, column, tag text, new address

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        values = dict(attrs)
        href = values.get("href") or ""
        page, mark, anchor = href.partition("#")
        if page in self.addresses:
            line, column = self.getpos()
            self.found.append((line, column, self.get_starttag_text(), self.addresses[page] + mark + anchor))


def localize(html: str, addresses: Mapping[str, str], lang: str) -> str:
    """`html` with each link to a listed English address (a '#part' kept) pointing at its `lang`
    address instead, marked `hreflang="lang"`. Other links, and the text, are left as they are."""
    if not addresses or "href" not in html:
        return html
    parser = _Links(addresses)
    parser.feed(html)
    parser.close()
    if not parser.found:
        return html
    starts = [0]  # where each line begins: the parser counts lines by "\n" only
    for line in html.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out, done = [], 0
    for line, column, tag, address in parser.found:
        at = starts[line - 1] + column
        if html[at:at + len(tag)] != tag:  # the parser's position is not where the tag is written: leave it
            continue
        out.append(html[done:at])
        out.append(_retarget(tag, address, lang))
        done = at + len(tag)
    out.append(html[done:])
    return "".join(out)


class _Href(HTMLParser):
    """The start tag again, as attribute (name, value) pairs in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs


def _retarget(tag: str, address: str, lang: str) -> str:
    parser = _Href()
    parser.feed(tag)
    parser.close()
    new = {"href": address, "hreflang": lang}  # the page it now leads to is in `lang`, whatever was said before
    attrs = [(name, new.get(name, value)) for name, value in parser.attrs]
    if "hreflang" not in dict(parser.attrs):
        attrs.append(("hreflang", lang))
    written = "".join(f" {name}" if value is None else f' {name}="{htmlmod.escape(value, quote=True)}"'
                      for name, value in attrs)
    return f"<a{written}{'/' if tag.endswith('/>') else ''}>"
