"""Links to official pages, in another language's edition: a link whose address has a translation in
standards/official-pages.yml (content/officialpages.py) leads to it, with `hreflang`.

Done on the HTML of each page, after Markdown: one place for links written in a page's Markdown and
links the templates write from the data (an instrument's official text, a mechanism's site)."""
from __future__ import annotations

import html as htmlmod
import re
from html.parser import HTMLParser
from typing import Mapping


class _Links(HTMLParser):
    """Where each <a href> with a listed address starts in the text, with its start tag as written;
    and the link's text where that text is the address itself, as tables of official pages show it."""

    def __init__(self, addresses: Mapping[str, str], lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses = addresses
        self.lang = lang
        self.found: list[tuple[int, int, str, str]] = []  # line, column, text as written, its replacement
        self.link: tuple[str, str] | None = None  # (old, new address) of the listed link being read

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        href = dict(attrs).get("href") or ""
        page, mark, anchor = href.partition("#")
        self.link = None
        if page in self.addresses:
            line, column = self.getpos()
            address = self.addresses[page] + mark + anchor
            tag_text = self.get_starttag_text()
            self.found.append((line, column, tag_text, _retarget(tag_text, address, self.lang)))
            self.link = (href, address)

    def handle_endtag(self, tag):
        if tag == "a":
            self.link = None

    def handle_data(self, data):
        if self.link and data.strip() == self.link[0]:
            line, column = self.getpos()
            self.found.append((line, column, data, data.replace(self.link[0], self.link[1])))


def localize(html: str, addresses: Mapping[str, str], lang: str) -> str:
    """`html` with each link to a listed English address (a '#part' kept) pointing at its `lang`
    address instead, marked `hreflang="lang"`, and showing that address where its text was the old
    one. Other links, and the rest of the text, are left as they are."""
    if not addresses or not _may_link(html, addresses):
        return html
    parser = _Links(addresses, lang)
    parser.feed(html)
    parser.close()
    if not parser.found:
        return html
    starts = [0]  # where each line begins: the parser counts lines by "\n" only
    for line in html.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out, done = [], 0
    for line, column, written, replacement in parser.found:
        at = starts[line - 1] + column
        if at < done or html[at:at + len(written)] != written:  # not where the parser says: leave it
            continue
        out.append(html[done:at])
        out.append(replacement)
        done = at + len(written)
    out.append(html[done:])
    return "".join(out)


# Every place an href attribute could be written, as the parser reads attributes (any case, "=" or
# more, spaces around): a superset of the links it would find, whatever the markup around them.
_HREF = re.compile(r'href\s*=+\s*(?:"([^"]*)"|.)', re.I | re.S)


def _may_link(html: str, addresses: Mapping[str, str]) -> bool:
    """False only where the parser would find no listed link: no href written in double quotes has
    a listed address (with its character references read), and none is written otherwise. Most
    pages link to no official page, and reading them whole was a tenth of a Spanish conversion."""
    for match in _HREF.finditer(html):
        value = match.group(1)
        if value is None or htmlmod.unescape(value).partition("#")[0] in addresses:
            return True
    return False


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
