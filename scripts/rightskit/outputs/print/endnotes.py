"""Links on paper: every web link in a printed document gets a number, and the document ends
with the numbered list of full addresses, so a reader can type them."""
from __future__ import annotations

import html as htmlmod
import re

from rightskit.core import htmltext

_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)


def add_endnotes(html: str, heading: str = "Web addresses in this document") -> str:
    """Number each distinct address after its link text and list them before </body>.
    A link whose text already is its address needs no note."""
    numbers: dict[str, int] = {}

    def note(match: re.Match) -> str:
        url, text = match.group(1), match.group(3)
        plain = htmltext.text(text).strip()
        if plain.rstrip("/") == htmlmod.unescape(url).rstrip("/") or "<img" in text:
            return match.group(0)
        number = numbers.setdefault(url, len(numbers) + 1)
        return f'{match.group(0)}<sup class="endnote-ref">[{number}]</sup>'

    body_start = html.find("<body")
    head, body = html[:body_start], html[body_start:]
    body = _LINK.sub(note, body)
    if not numbers:
        return head + body
    items = "".join(f'<li><a href="{url}">{url}</a></li>' for url in numbers)
    notes = f'<section class="endnotes"><h2>{heading}</h2><ol>{items}</ol></section>\n'
    return head + body.replace("</body>", notes + "</body>", 1)
