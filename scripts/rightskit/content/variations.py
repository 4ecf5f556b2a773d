"""Timings that add up in every variation: a shortened variation of an activity says which steps
it drops and lands on the minutes it promises, and a workshop that gives an activity less time
than it takes says how (steps skipped or cut, or a suggested timing whose parts add up).
(timing.py, from the content branch, checks that the steps themselves add up to the duration.)"""
from __future__ import annotations

import re

from rightskit.core import model as m
from rightskit.core.findings import WARNING, Finding

_SECTION = r"^## {name}\s*$(.*?)(?=^## |\Z)"
_STEP = re.compile(r"^(\d+)\.\s.*?\((\d+) min(?:utes)?\)", re.M)
_SKIP = re.compile(r"\bskip(?:ping)?\s+steps?\s+(\d+(?:\s*(?:,|and)\s*\d+)*)", re.I)
_STATED = re.compile(r"\((\d+) min(?:utes)?(?: total)?\)|\b(\d+)-minute version\b|\bRun in (\d+) minutes\b")
_CUT = re.compile(r"\bcut step (\d+)[^.]*?\bfrom (\d+) minutes to (\d+)", re.I)
_SUGGESTED = re.compile(r"Suggested timing:\s*(.*?)(?:\.\s|\.$)", re.S)


def section(body: str, name: str) -> tuple[str, int]:
    """A '## name' section's text and where in the body that text starts (-1 when absent)."""
    match = re.search(_SECTION.format(name=re.escape(name)), body, re.M | re.S)
    if not match:
        return "", -1
    return match.group(1), match.start(1)


def step_minutes(body: str) -> dict[int, int]:
    text, _ = section(body, "Steps")
    return {int(n): int(minutes) for n, minutes in _STEP.findall(text)}


def skipped(text: str) -> list[int]:
    return [int(n) for match in _SKIP.findall(text) for n in re.findall(r"\d+", match)]


def suggested_total(text: str) -> int | None:
    """The sum of a 'Suggested timing: part 5, part 10, ...' list (asides in brackets ignored)."""
    match = _SUGGESTED.search(re.sub(r"\([^)]*\)", "", " ".join(text.split())))
    if not match:
        return None
    return sum(int(n) for n in re.findall(r"\b(\d+)\b", match.group(1)))


def _stated(text: str) -> int | None:
    match = _STATED.search(text)
    return int(next(g for g in match.groups() if g)) if match else None


def check(site: m.Site) -> list[Finding]:
    out: list[Finding] = []
    for module in site.modules.values():
        if module.type == "activity":
            out += _activity(module)
    for workshop in site.workshops.values():
        out += _workshop(site, workshop)
    return out


def _activity(module: m.Module) -> list[Finding]:
    out = []
    path = module.source.path
    steps = step_minutes(module.body)
    text, start = section(module.body, "Variations")
    for match in re.finditer(r"^- (.*)$", text, re.M):
        bullet = match.group(1)
        stated = _stated(bullet)
        if stated is None or not module.duration:
            continue
        where = module.body_line + module.body[:start + match.start()].count("\n")
        drop = skipped(bullet)
        missing = [n for n in drop if n not in steps]
        if missing:
            out.append(Finding(path, where, f"this variation skips step {missing[0]}, which has no time in '## Steps'"))
        elif not drop:
            out.append(Finding(path, where, f"this variation promises {stated} min but does not say which steps it drops",
                               "write e.g. 'skip step 3 (the patterns table)'"))
        elif module.duration - sum(steps[n] for n in drop) != stated:
            out.append(Finding(path, where,
                               f"this variation promises {stated} min, but {module.duration} min minus the skipped "
                               f"steps is {module.duration - sum(steps[n] for n in drop)}",
                               "correct the minutes or the steps it skips"))
    return out


def explains(module: m.Module, notes: str) -> bool:
    """Whether an agenda note says how an activity is shortened in a way `_workshop` can verify:
    a suggested timing, or steps to skip that the activity has. Then the minutes are checked here,
    and the plain "agenda differs from duration" warning would only repeat a checked choice."""
    if suggested_total(notes) is not None:
        return True
    drop = skipped(notes)
    steps = step_minutes(module.body)
    return bool(drop) and all(n in steps for n in drop)


def _workshop(site: m.Site, workshop: m.Workshop) -> list[Finding]:
    out = []
    for item in workshop.agenda:
        module = site.module(item.module) if item.module else None
        if module is None or module.type != "activity" or not module.duration or item.minutes == module.duration:
            continue
        path = workshop.source.path
        steps = step_minutes(module.body)
        suggested = suggested_total(item.notes)
        drop = skipped(item.notes)
        if suggested is not None:
            if suggested != item.minutes:
                out.append(Finding(path, item.line, f"the suggested timing adds up to {suggested} min, "
                                   f"but the agenda gives {item.minutes}", "make the parts add up", WARNING))
        elif drop and all(n in steps for n in drop):
            cuts = sum(int(a) - int(b) for _, a, b in _CUT.findall(" ".join(item.notes.split())))
            left = module.duration - sum(steps[n] for n in drop) - cuts
            if left != item.minutes:
                # A warning: the agenda's wording belongs to the curriculum's authors.
                out.append(Finding(path, item.line, f"{item.module} takes {module.duration} min; without step(s) "
                                   f"{', '.join(map(str, drop))} it takes {left}, but the agenda gives {item.minutes}",
                                   "correct the minutes, or say which steps to skip or cut ('cut step 3 from 20 "
                                   "minutes to 15')", WARNING))
        # With no explanation at all, validate's own warning about the mismatch is enough.
    return out
