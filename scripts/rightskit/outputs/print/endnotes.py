"""Links on paper: every web link in a printed document gets a number, and the document ends
with the numbered list of full addresses, so a reader can type them. In the offline kit the
links to the site are local files (`rights-at-home/…html`): they are numbered and listed the same
way, as text, since a PDF cannot open a file relative to where it was unzipped."""
from __future__ import annotations

import html as htmlmod
import re

from rightskit.core import htmltext

_WEB = r'https?://[^"]+'


def add_endnotes(html: str, heading: str = "Web addresses in this document", local: str = "") -> str:
    """Number each distinct address after its link text and list them before </body>.
    A link whose text already is its address needs no note. Links starting with `local` (a folder,
    'rights-at-home/') are files of the offline kit: numbered too, and printed as plain text."""
    numbers: dict[str, int] = {}
    target = _WEB + ("|" + re.escape(local) + '[^"]*' if local else "")
    pattern = re.compile(f'<a href="({target})"([^>]*)>(.*?)</a>', re.S)

    def note(match: re.Match) -> str:
        url, text = match.group(1), match.group(3)
        plain = htmltext.text(text).strip()
        whole = f'<span class="local-link">{text}</span>' if local and url.startswith(local) else match.group(0)
        if plain.rstrip("/") == htmlmod.unescape(url).rstrip("/") or "<img" in text:
            return whole
        number = numbers.setdefault(url, len(numbers) + 1)
        return f'{whole}<sup class="endnote-ref">[{number}]</sup>'

    body_start = html.find("<body")
    head, body = html[:body_start], html[body_start:]
    body = pattern.sub(note, body)
    if not numbers:
        return head + body
    items = "".join(f'<li>{url}</li>' if local and url.startswith(local) else f'<li><a href="{url}">{url}</a></li>'
                    for url in numbers)
    notes = f'<section class="endnotes"><h2>{heading}</h2><ol>{items}</ol></section>\n'
    return head + body.replace("</body>", notes + "</body>", 1)
