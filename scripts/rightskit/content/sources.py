"""Every module ends with a `## Sources` list of links to the official texts it relies on.

Readers can check each claim against the original, and maintainers know where to look when
they review a page. Spanish pages use `## Fuentes`.
"""
from __future__ import annotations

import re

from rightskit.content import pagecheck
from rightskit.core import model as m
from rightskit.core.findings import Finding

HEADINGS = ("Sources", "Fuentes")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_WEB_LINK = re.compile(r"\]\(\s*<?https?://", re.I)


def _sections(body: str) -> list[tuple[str, int, list[str]]]:
    """(heading, line, lines below it) for each level-2 heading outside fenced code."""
    sections: list[tuple[str, int, list[str]]] = []
    fence = None
    for number, line in enumerate(body.split("\n"), start=1):
        marker = _FENCE.match(line)
        if fence or marker:
            if marker and (fence is None or marker.group(1) == fence):
                fence = None if fence else marker.group(1)
            if sections:
                sections[-1][2].append(line)
            continue
        match = _HEADING.match(line)
        if match:
            sections.append((match.group(1), number, []))
        elif sections:
            sections[-1][2].append(line)
    return sections


def check(site: m.Site) -> list[Finding]:
    out = []
    for module in site.modules.values():
        if not module.is_module or pagecheck.unclosed_fence(module.body):
            continue  # an unclosed code block hides the sections below it: pagecheck reports that cause
        path = module.source.path
        sections = _sections(module.body)
        found = [s for s in sections if s[0] in HEADINGS]
        if not found:
            out.append(Finding(path, module.body_line, "this module has no '## Sources' section",
                               "end it with '## Sources' and a list of links to the official texts "
                               "and pages it relies on (OHCHR, UN Treaty Collection, ILO NORMLEX, OAS)"))
            continue
        heading, line, below = found[-1]
        where = module.body_line + line - 1
        if sections[-1][0] not in HEADINGS:
            out.append(Finding(path, where, f"'## {heading}' must be the last section of the module",
                               f"move '## {sections[-1][0]}' above it"))
        # A scaffolded "TODO" list is already reported as a placeholder warning by `rightskit new`'s check.
        if not any(_WEB_LINK.search(text) for text in below) and not any("TODO" in text for text in below):
            out.append(Finding(path, where, f"'## {heading}' lists no web links",
                               "add links to the official texts, e.g. - [ICESCR](https://www.ohchr.org/...)"))
    return out
