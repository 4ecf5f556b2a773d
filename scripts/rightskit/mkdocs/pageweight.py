"""Fewer bytes per page where nobody reads them: the indentation of the navigation.

Material writes the navigation with the indentation of its templates, one element a line; in a
section of 50 pages that whitespace is about 40% of the navigation's bytes, on every page. A run of
whitespace that holds a line break is shown exactly as a single one (there is no preformatted text
in a navigation), so each such run becomes one line break, and the page looks and reads the same.
"""
from __future__ import annotations

import re

_NAV_TAG = re.compile(r"<(/?)nav\b")
# A run of whitespace with a line break in it, unless it is the line break alone: what changes.
# The same runs as "[ \t\r\n]*\n[ \t\r\n]*" finds (a run starts where the same whitespace does and
# ends where it ends), without matching every line break of a navigation already compacted.
_INDENT = re.compile(r"[ \t\r]+\n[ \t\r\n]*|\n[ \t\r\n]+")


def compact(text: str) -> str:
    """`text`, all of it inside a navigation, with its whitespace reduced as above: the navigation
    rendered once for a section (navcache.py) is compacted once, not again on each of its pages."""
    return _INDENT.sub("\n", text)


def compact_navigation(page_html: str) -> str:
    """The page with the whitespace inside each outermost <nav> element reduced (see above)."""
    out, depth, start, copied = [], 0, 0, 0
    for tag in _NAV_TAG.finditer(page_html):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                end = page_html.index(">", tag.end()) + 1
                out.append(page_html[copied:start])
                out.append(compact(page_html[start:end]))
                copied = end
    out.append(page_html[copied:])
    return "".join(out)
