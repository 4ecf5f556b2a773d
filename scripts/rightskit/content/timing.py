"""Checks that prose about workshop timing agrees with the numbers it can be computed from.

Lengths are computed (an agenda adds up its items; an activity has a `duration:`), so prose should
not restate them. Where it does, these checks keep it honest: a workshop summary that says
"two-hour" must add up to two hours, and an agenda note that says "60 minutes instead of 75" or
"shortened from 90 minutes" must match the item's minutes and the activity's own duration.
"""
from __future__ import annotations

import re

from rightskit.content import activitycheck
from rightskit.core import model as m
from rightskit.core.findings import Finding

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_HOURS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|\d+)[- ]hours?\b", re.I)
_INSTEAD = re.compile(r"\b(\d+) minutes instead of (\d+)\b")
_SHORTENED = re.compile(r"\bshortened from (\d+) minutes\b", re.I)


def _hours(word: str) -> int:
    return _WORDS[word.lower()] if word.lower() in _WORDS else int(word)


def check(site: m.Site) -> list[Finding]:
    out: list[Finding] = _activity_steps(site)
    for workshop in site.workshops.values():
        path, line = workshop.source.path, workshop.source.line
        total = workshop.total_minutes
        for match in _HOURS.finditer(workshop.summary):
            if _hours(match.group(1)) * 60 != total:
                out.append(Finding(path, line, f"the summary says '{match.group(0)}' but the agenda adds up to "
                                   f"{total} minutes", "leave the length out: the page shows it, computed"))
        for item in workshop.agenda:
            module = site.module(item.module) if item.module else None
            for match in _INSTEAD.finditer(item.notes):
                short, full = int(match.group(1)), int(match.group(2))
                if short != item.minutes:
                    out.append(Finding(path, item.line, f"the note says {short} minutes but the agenda gives "
                                       f"{item.minutes}", "make the note and 'minutes:' agree"))
                if module and module.duration and full != module.duration:
                    out.append(Finding(path, item.line, f"the note says 'instead of {full}' but "
                                       f"{module.source.path} lasts {module.duration} minutes",
                                       "check the activity's duration:"))
            for match in _SHORTENED.finditer(item.notes):
                full = int(match.group(1))
                if module and module.duration and full != module.duration:
                    out.append(Finding(path, item.line, f"the note says 'shortened from {full} minutes' but "
                                       f"{module.source.path} lasts {module.duration} minutes",
                                       "check the activity's duration:"))
    return out


def _activity_steps(site: m.Site) -> list[Finding]:
    """An activity's timed steps must add up to its `duration:`: the steps of its '## Steps' section
    in the one format activitycheck.py documents (and reports a step written otherwise)."""
    out = []
    for module in site.modules.values():
        steps = activitycheck.step_minutes(module.body) if module.type == "activity" else []
        if module.type == "activity" and steps and module.duration and sum(steps) != module.duration:
            out.append(Finding(module.source.path, 1, f"the timed steps add up to {sum(steps)} minutes but "
                               f"'duration:' says {module.duration}", "make the step times and duration: agree"))
    return out
