"""Checks on the shape of an activity: the sections of the activity template (`rightskit new
activity`), steps in the one timed format that is summed against `duration:`, and front matter
that reads but prints wrong (an empty objectives list, a reversed group size, materials run
together in one string)."""
from __future__ import annotations

import re

from rightskit.content.pagecheck import headings, prose_lines, unclosed_fence
from rightskit.core import model as m
from rightskit.core.findings import Finding
from rightskit.core.yamltext import LineMap

# The `##` sections of templates/scaffold/activity.md.j2, in their order. '## Sources' follows
# them, and is checked for every module in freshness.py.
HEADINGS = ("Overview", "Preparation", "Steps", "Debriefing questions", "Facilitator tips",
            "Follow-up and action ideas")
TEMPLATE_ORDER = ", ".join(HEADINGS)

# The one step format: "1. **Title (10 min).** What to do." Its minutes are summed (timing.py).
STEP = re.compile(r"^\d+\.[ \t]+\*\*[^*\n]*\S \((\d+) min\)\.\*\*")
STEP_EXAMPLE = "1. **Title (10 min).** What to do."
_NUMBERED = re.compile(r"^\d+\.[ \t]")


def steps(body: str) -> list[tuple[int, str]]:
    """(line, text) of each top-level numbered item of the '## Steps' section."""
    out, inside = [], False
    for number, text in prose_lines(body):
        if text.startswith("## "):
            inside = text[3:].strip() == "Steps"
        elif inside and _NUMBERED.match(text):
            out.append((number, text))
    return out


def step_minutes(body: str) -> list[int]:
    """The minutes of the steps written in the timed format."""
    return [int(match.group(1)) for _, text in steps(body) if (match := STEP.match(text))]


def check(site: m.Site) -> list[Finding]:
    out: list[Finding] = []
    for module in site.modules.values():
        # An unclosed code block hides the sections below it: pagecheck reports that cause instead.
        if module.type == "activity" and not unclosed_fence(module.body):
            out += _sections(module)
            out += _steps(module)
    return out


def _sections(module: m.Module) -> list[Finding]:
    path, offset = module.source.path, module.body_line - 1
    found = [(line, text) for line, level, text in headings(module.body) if level == 2]
    present = [(line, text) for line, text in found if text in HEADINGS]
    names = [text for _, text in present]
    out = []
    for index, name in enumerate(HEADINGS):
        if name in names:
            continue
        # Reported where the section belongs: at the next template heading present, else at Sources.
        later = [line for line, text in present if HEADINGS.index(text) > index]
        sources = [line for line, text in found if text == "Sources"]
        line = (later or sources or [module.body.count("\n") + 1])[0]
        out.append(Finding(path, line + offset, f"this activity has no '## {name}' section",
                           f"add it above this line: activities keep the sections of the template, in order: "
                           f"{TEMPLATE_ORDER}"))
    for (_, before), (line, name) in zip(present, present[1:]):
        if HEADINGS.index(name) < HEADINGS.index(before):
            out.append(Finding(path, line + offset, f"'## {name}' comes after '## {before}'",
                               f"move it above: activities keep the sections in this order: {TEMPLATE_ORDER}"))
    return out


def _steps(module: m.Module) -> list[Finding]:
    path, offset = module.source.path, module.body_line - 1
    return [Finding(path, line + offset, "this step is not written as a timed step, so its minutes are not "
                    "added up against 'duration:'", f"write each step as '{STEP_EXAMPLE}'")
            for line, text in steps(module.body) if not STEP.match(text)]


_RANGE = re.compile(r"^(\d+)(?:[ \t]*[-–][ \t]*(\d+))?$")


def front_matter(meta: LineMap, path: str) -> list[Finding]:
    """An activity's front matter: what Fields reads without complaint but prints wrong."""
    out = []
    for key, hint in (("objectives", "list what participants will be able to do, e.g. '- Name the seven "
                                     "elements of adequate housing'"),
                      ("key_points", "list the points participants should take away, e.g. '- A home is more "
                                     "than a roof'")):
        value = meta.get(key)
        if key in meta and (value is None or not str(value).strip() or (isinstance(value, list) and not value)):
            out.append(Finding(path, meta.line_of(key), f"'{key}' is empty", hint))
    size = meta.get("group_size")
    if size is not None and not isinstance(size, (LineMap, list)):
        match = _RANGE.match(str(size).strip())
        low, high = (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        if not match or low < 1 or high < low:
            out.append(Finding(path, meta.line_of("group_size"), f"'group_size' is not a group size: '{size}'",
                               "write a number or a range from smallest to largest, e.g. 6-30"))
    materials = meta.get("materials")
    if "materials" in meta and (materials is None or materials == [] or not str(materials).strip()):
        out.append(Finding(path, meta.line_of("materials"), "'materials' is empty, so the kit's checklist has "
                           "nothing to prepare", "list what the facilitator needs, e.g. materials: [Tape, Markers]"))
    if isinstance(materials, str) and "," in materials:
        items = ", ".join(part.strip() for part in materials.split(",") if part.strip())
        out.append(Finding(path, meta.line_of("materials"), "'materials' is one piece of text, so it prints as "
                           "one item", f"write it as a list: materials: [{items}]"))
    return out
