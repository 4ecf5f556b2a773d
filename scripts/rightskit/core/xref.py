"""The `[[id]]` cross-reference syntax, and scanning Markdown outside code.

`[[icescr/11]]` or `[[icescr/11|own words]]` (`\\|` inside tables). Finding references and
expanding them share one scanner, so what is checked is exactly what is rendered.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

# [[as-of:…]] and [[upcoming:…]] are dated markers (see markers.py), not references.
XREF = re.compile(r"\[\[(?!as-of:|upcoming:)([^\[\]|\\]+?)(?:\\?\|([^\[\]]+?))?\]\]")
_MARKER = re.compile(r"\[\[((?:as-of|upcoming):[^\[\]]*)\]\]")  # checked in markers.py/freshness.py
# Inline links and images: [text](target "title"); the target is group 1.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


@dataclass
class Found:
    target: str
    text: str | None
    line: int  # 1-based line within the scanned text


def _outside_code(markdown: str, handle_line: Callable[[str, int], str]) -> str:
    """Apply `handle_line` to the prose parts of each line, leaving code untouched."""
    out = []
    fence = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        if not fence and "`" not in line and "~" not in line:  # most lines: no code at all
            out.append(handle_line(line, number))
            continue
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1) == fence:
                fence = None
            out.append(line)
            continue
        if marker:
            fence = marker.group(1)
            out.append(line)
            continue
        pieces, last = [], 0
        for span in _CODE_SPAN.finditer(line):
            pieces.append(handle_line(line[last:span.start()], number))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(handle_line(line[last:], number))
        out.append("".join(pieces))
    return "\n".join(out)


outside_code = _outside_code  # public: markers.py scans prose the same way


@functools.lru_cache(maxsize=8192)
def _prose(markdown: str) -> tuple[tuple[str, int], ...]:
    """The prose parts of each line, with their line numbers: the same parts `_outside_code` hands
    to its handler. `rightskit check` scans each body five ways (references, links, brackets,
    markers); splitting it once instead of five times is most of what makes check fast at scale."""
    parts: list[tuple[str, int]] = []
    _outside_code(markdown, lambda text, number: parts.append((text, number)) or text)
    return tuple(parts)


@functools.lru_cache(maxsize=8192)
def _scan(markdown: str, needle: str) -> tuple[tuple[str, int], ...]:
    """The prose parts holding `needle` (a substring every match must contain)."""
    if needle not in markdown:
        return ()
    return tuple((text, number) for text, number in _prose(markdown) if needle in text)


def find_refs(markdown: str) -> list[Found]:
    return [Found(match.group(1).strip(), match.group(2), number)
            for text, number in _scan(markdown, "[[") for match in XREF.finditer(text)]


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def find_links(markdown: str) -> list[Found]:
    """Relative links to other files (not web addresses, not in-page anchors)."""
    return [found for found in find_all_links(markdown)
            if not (_SCHEME.match(found.target) or found.target.startswith(("#", "/")))]


def find_all_links(markdown: str) -> list[Found]:
    """Every inline link target outside code, web addresses and in-page anchors included."""
    return [Found(target, None, number) for target, number in _link_targets(markdown)]


@functools.lru_cache(maxsize=8192)
def _link_targets(markdown: str) -> tuple[tuple[str, int], ...]:
    return tuple((match.group(1), number) for text, number in _scan(markdown, "](") for match in LINK.finditer(text))


def find_brackets(markdown: str) -> list[Found]:
    """Each `[[` outside code that does not start a well-formed reference (unclosed or empty)."""
    found: list[Found] = []
    for text, number in _scan(markdown, "[["):
        start = 0
        while (at := text.find("[[", start)) >= 0:
            match = XREF.match(text, at) or _MARKER.match(text, at)
            if match and match.group(1).strip():
                start = match.end()
                continue
            shown = re.match(r"\[\[[^\[\]\s]*\]{0,2}", text[at:]).group(0)
            found.append(Found(shown, None, number))
            start = at + 2
    return found


prose_with = _scan  # public: markers.py scans prose the same way


def expand(markdown: str, render: Callable[[str, str | None], str]) -> str:
    """Replace each reference by what `render(target, text)` returns."""

    def replace(text: str, number: int) -> str:
        return XREF.sub(lambda m: render(m.group(1).strip(), m.group(2)), text)

    return _outside_code(markdown, replace)


def expand_links(markdown: str, replace: Callable[[re.Match], str]) -> str:
    """Rewrite inline links outside code with `replace(match)`; group 1 is the target."""
    return _outside_code(markdown, lambda text, number: LINK.sub(replace, text))
