"""Markers of English text not yet translated: `rightskit new translation` puts one before every
paragraph, list, heading and note of the copied English, and `rightskit check` warns at each marker
left (so `check --strict`, as CI runs it, fails until the translation is done)."""
from __future__ import annotations

import re
from typing import Iterable

from rightskit.content.pagecheck import prose_lines
from rightskit.core import model as m
from rightskit.core.findings import WARNING, Finding

MARKER = "<!-- TODO: translate -->"
_FENCE = re.compile(r"^\s*(```|~~~)")


def mark(body: str) -> str:
    """The body with MARKER on its own line before each block of text, indented as the block so
    that a note inside a facilitator block or a list item stays inside it. Code is left alone."""
    out: list[str] = []
    fence = None
    blank_before = True
    for line in body.split("\n"):
        opener = _FENCE.match(line)
        if fence or opener:
            if opener:
                fence = None if fence == opener.group(1) else (fence or opener.group(1))
            out.append(line)
            blank_before = False
            continue
        if line.strip() and blank_before:
            out.append(line[: len(line) - len(line.lstrip())] + MARKER)
        out.append(line)
        blank_before = not line.strip()
    return "\n".join(out)


def check(pages: Iterable[m.Module]) -> list[Finding]:
    """A warning at each marker left in a translated page."""
    out = []
    for page in pages:
        if MARKER not in page.body:
            continue
        offset = page.body_line - 1
        for number, text in prose_lines(page.body):
            if text.strip() == MARKER:
                out.append(Finding(page.source.path, number + offset, "the text below this marker is not "
                                   "translated yet", f"translate it, then delete the line '{MARKER}'", WARNING))
    return out
