"""What the printed kit needs from the data: a suggested script for every short talk on an agenda
(an agenda item that presents a page rather than running an activity)."""
from __future__ import annotations

from rightskit.core import model as m
from rightskit.core.findings import Finding


def check(site: m.Site) -> list[Finding]:
    out = []
    for workshop in site.workshops.values():
        for item in workshop.agenda:
            module = site.module(item.module) if item.module else None
            if module is not None and module.type != "activity" and not item.script:
                out.append(Finding(workshop.source.path, item.line,
                                   f"the short talk on '{item.module}' has no suggested script",
                                   "add 'script:' with what a facilitator could say, one paragraph a line"))
    return out
