"""Facilitator blocks (`??? facilitator`) in module bodies: shown folded on the site, printed in
the facilitator guide, left out of participant handouts."""
from __future__ import annotations

import re




# The exact marker (the admonition's first class is 'facilitator'; Python-Markdown allows no space).
_FACILITATOR = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*facilitator(?![\w-])[^\n]*$')


# Anything that looks meant for facilitators: participant copies leave these out too, even though
# `rightskit check` rejects all but the exact marker (belt and braces: a note must never leak).
_FACILITATOR_LIKE = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[^\n]*facilit[^\n]*$', re.I)


def _width(text: str) -> int:
    return len(text[: len(text) - len(text.lstrip())].expandtabs(4))


def _facilitator_blocks(markdown: str, pattern: re.Pattern = _FACILITATOR):
    """Yield (start, end) line ranges of facilitator blocks: the marker line and its indented body."""
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        match = pattern.match(lines[i])
        if not match:
            i += 1
            continue
        indent = len(match.group("indent").expandtabs(4))
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or _width(lines[end]) > indent):
            end += 1
        while end > i + 1 and not lines[end - 1].strip():
            end -= 1
        yield i, end
        i = end


def _relabel_facilitator_notes(markdown: str, marker: str, label: str = "For facilitators") -> str:
    lines = markdown.split("\n")
    for start, _ in _facilitator_blocks(markdown):
        indent = _FACILITATOR.match(lines[start]).group("indent")
        lines[start] = f'{indent}{marker} facilitator "{label}"'
    return "\n".join(lines)


def show_facilitator_notes(markdown: str, label: str = "For facilitators") -> str:
    """On the site, a facilitator block is a collapsed, clearly labelled details block."""
    return _relabel_facilitator_notes(markdown, "???", label)


def print_facilitator_notes(markdown: str, label: str = "For facilitators") -> str:
    """Facilitator guides print the notes open, labelled, never collapsed."""
    return _relabel_facilitator_notes(markdown, "!!!", label)


def strip_facilitator_notes(markdown: str) -> str:
    """Participant copies leave facilitator blocks out entirely."""
    lines = markdown.split("\n")
    for start, end in reversed(list(_facilitator_blocks(markdown, _FACILITATOR_LIKE))):
        del lines[start:end]
    return "\n".join(lines)
