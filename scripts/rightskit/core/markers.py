"""Dated markers in prose: `[[as-of:YYYY-MM-DD]]` and `[[upcoming:YYYY-MM-DD]]`.

`as-of` records the day a time-sensitive statement was last verified; `upcoming` a future date
the statement depends on. Both render as visible text, so readers can judge a fact's age, and
both are found by the freshness check, so maintainers learn when one has aged.
Nothing here knows about files or MkDocs.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rightskit.core import xref
KINDS = ("as-of", "upcoming")
# Anything that starts like a marker, so a malformed date is reported rather than read as an id.
MARKER = re.compile(r"\[\[(as-of|upcoming):([^\[\]]*)\]\]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Marker:
    kind: str  # "as-of" or "upcoming"
    date: dt.date | None  # None when the text after the colon is not a valid date
    text: str  # what was written after the colon
    line: int  # 1-based line within the scanned text


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def find(text: str) -> list[Marker]:
    """Every marker outside code, with its line."""
    return [Marker(match.group(1), parse_date(match.group(2)), match.group(2), number)
            for part, number in xref.prose_with(text, "[[") for match in MARKER.finditer(part)]


def human(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def words(kind: str, value: dt.date, lang: str = "en") -> str:
    if lang == "es":  # the Spanish edition (languages.py): "al 25 de noviembre de 2026"
        from rightskit.core.languages import human_date

        return f"al {human_date(value, 'es')}" if kind == "as-of" else f"previsto para el {human_date(value, 'es')}"
    return f"as of {human(value)}" if kind == "as-of" else f"expected {human(value)}"


def render(text: str, html: bool = True, lang: str = "en") -> str:
    """Replace each marker by its words, in a styled span when `html` (Markdown allows inline HTML)."""

    def replace(match: re.Match) -> str:
        value = parse_date(match.group(2))
        if value is None:  # the check reports it; show what was written rather than hide it
            return match.group(2)
        label = words(match.group(1), value, lang)
        if not html:
            return f"({label})"
        return (f'<span class="rk-date rk-{match.group(1)}">'
                f'<time datetime="{value.isoformat()}">({label})</time></span>')

    return xref.outside_code(text, lambda part, number: MARKER.sub(replace, part))


def render_body(page: str, lang: str = "en") -> str:
    """`render` for a whole Markdown page, leaving its front matter as written: a marker there
    (say, in a description) becomes plain words, never HTML inside a meta tag."""
    match = re.match(r"---\n.*?\n---\n", page, re.S)
    if not match:
        return render(page, lang=lang)
    return render(page[: match.end()], html=False, lang=lang) + render(page[match.end():], lang=lang)
