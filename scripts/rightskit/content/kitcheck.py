"""What the printed kit needs from the data: a suggested script for every short talk on an agenda
(an agenda item that presents a page rather than running an activity), and the training toolkit's
passage on hard moments, which every facilitator guide prints."""
from __future__ import annotations

import re

from rightskit.core import languages
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
            if module is not None and item.packet:
                out += packet_findings(workshop, item, module)
    return out + hard_moments_findings(site)


def headings(body: str) -> list[str]:
    """A page's ## headings, in order."""
    return [match.group(1).strip() for match in re.finditer(r"^## (.+)$", body, re.M)]


# What `packet:` calls the text before a page's first ## heading. The packet always prints it, so
# naming it alone prints nothing else: a talk whose sections participants do not use in the room.
OPENING = "Opening"


# What `packet:` calls an activity's key points, which are not a section of its page: an activity's
# packet prints its handout, and its key points only when `packet:` names none or names them.
KEY_POINTS = "Key points"


def packet_findings(workshop: m.Workshop, item: m.AgendaItem, module: m.Module) -> list[Finding]:
    """`packet:` names sections of the item's page by their headings, "Opening", or for an activity
    with key points "Key points": each must be one of them."""
    found = headings(module.body) + ([KEY_POINTS] if module.key_points else [])
    if OPENING in item.packet and len(item.packet) > 1:
        return [Finding(workshop.source.path, item.line, f"'packet:' names '{OPENING}' and sections: the opening is "
                        "always printed", f"name '{OPENING}' alone to print only the opening, or only sections")]
    found_or_opening = found + [OPENING]
    return [Finding(workshop.source.path, item.line, f"'packet:' names the section '{name}', which '{item.module}' "
                    "does not have", "use one of its ## headings: " + "; ".join(found))
            for name in item.packet if name not in found_or_opening]


TRAINING_TOOLKIT = "toolkits/training.md"
# Every facilitator guide prints this passage of the training toolkit in its appendix, found by its
# heading; a translation's heading is the heading's entry in the strings catalog of its language.
HARD_MOMENTS = "When things get hard"


def section(body: str, heading: str, level: int = 2) -> str:
    """The text under a Markdown heading of `level`, up to the next heading of that level or higher."""
    hashes = "#" * level
    match = re.search(rf"^{hashes} {re.escape(heading)}\s*$(.*?)(?=^#{{1,{level}}} |\Z)", body, re.M | re.S)
    return match.group(1).strip() if match else ""


def hard_moments_findings(site: m.Site) -> list[Finding]:
    toolkit = site.modules.get(TRAINING_TOOLKIT)
    if toolkit is None:
        return []
    out = []
    pages = [(languages.DEFAULT, toolkit.source.path, toolkit.body)]
    for lang, edition in sorted(site.translations.items()):
        page = edition.pages.get(TRAINING_TOOLKIT)
        if page is not None:
            pages.append((lang, page.source.path, page.body))
    for lang, path, body in pages:
        _ = languages.strings(lang)
        heading = _(HARD_MOMENTS) if _.has(HARD_MOMENTS) else HARD_MOMENTS
        if not section(body, heading, level=3):
            out.append(Finding(path, 1, f"no '### {heading}' section, which every facilitator guide prints",
                               "keep the heading as it is, or change HARD_MOMENTS in content/kitcheck.py and "
                               "its entry in templates/strings/kit.*.yml with it"))
    return out
