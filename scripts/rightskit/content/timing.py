"""Checks that prose about workshop timing agrees with the numbers it can be computed from.

Lengths are computed (an agenda adds up its items; an activity has a `duration:`), so prose should
not restate them. Where it does, these checks keep it honest: a workshop summary that says
"two-hour" (or "90-minute") must add up to that, an agenda note that says "60 minutes instead of
75", "shortened from 90 minutes", "Keep this to 30 minutes" or "A 90-minute introduction" must match
the item's minutes and the activity's own duration, and an activity's "This 45-minute activity" or a
step's "keep this to 10 minutes" must match its `duration:` or the step's minutes.

It also flags an agenda people cannot keep to: a long session with no break, a round that gives
each person less than half a minute, and a closing round held twice.
"""
from __future__ import annotations

import datetime as dt
import math
import re

from rightskit.content import activitycheck
from rightskit.core import model as m
from rightskit.core.findings import WARNING, Finding

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_HOURS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|\d+)[- ]hours?\b", re.I)
_INSTEAD = re.compile(r"\b(\d+) minutes instead of (\d+)\b")
_SHORTENED = re.compile(r"\bshortened from (\d+) minutes\b", re.I)
# A timed step of an activity ("3. **Checklist (20 min).** ..."; activitycheck.STEP), with its number,
# title and text, for the closing-round check.
_STEP_PARTS = re.compile(r"^(\d+)\.\s+\*\*([^*\n]*)\((\d+) min\)\.?\*\*(.*)$", re.M)
# An agenda item in which every person speaks in turn.
_ROUND = re.compile(r"\b(rounds?|rondas?|each person|cada persona|go-around|go around)\b", re.I)
_CLOSING = re.compile(r"\b(closing|cierre)\b", re.I)
# "skip step 6", "skip the round in step 6": an agenda note that leaves an activity's step out.
_SKIP = re.compile(r"\b(?:skip|sáltese|omita) (?:the (?:closing )?round in |la ronda del? )?(?:el )?(?:step|paso) (\d+)",
                   re.I)
_GROUP_MAX = re.compile(r"(\d+)\s*$")
# A length said in prose about the text's own item: "Keep this to 30 minutes", "A 90-minute
# introduction", "Run the 75-minute version", "This 45-minute activity" (and in Spanish). Minutes
# said about a part ("three rounds of 8 minutes") are left alone: no pattern here reads them.
_SAID = re.compile(r"\b(?:keep (?:this|it|the (?:activity|session|item|talk|discussion|round))(?: part)? "
                   r"(?:to|under|within) (?P<a>\d+) minutes"
                   r"|(?:run|hold|do|use) the (?P<b>\d+)-minute version"
                   r"|(?:^|[.!?]\s+)(?:an?|this|the) (?P<c>\d+)-minute (?:introduction|activity|session|workshop|talk|"
                   r"discussion|exercise|item|version|break|round|opening|closing)"
                   r"|limítel[oa] a (?P<d>\d+) minutos"
                   r"|(?:haga|use) la versión de (?P<e>\d+) minutos)", re.I)
_SUMMARY_MINUTES = re.compile(r"\b(\d+)(?:-minute\b| minutes?\b| minutos\b)", re.I)
# Longer than this, an agenda needs a break.
MAX_WITHOUT_BREAK = 90
# A round needs at least this many minutes per person.
MINUTES_PER_PERSON = 0.5


def _hours(word: str) -> int:
    return _WORDS[word.lower()] if word.lower() in _WORDS else int(word)


def check(site: m.Site) -> list[Finding]:
    out: list[Finding] = _activity_steps(site)
    for workshop in site.workshops.values():
        path, total = workshop.source.path, workshop.total_minutes
        for match in _HOURS.finditer(workshop.summary):
            if _hours(match.group(1)) * 60 != total:
                out.append(Finding(path, m.line_of(workshop, "summary"), f"the summary says '{match.group(0)}' but "
                                   f"the agenda adds up to "
                                   f"{total} minutes", "leave the length out: the page shows it, computed"))
        for match in _SUMMARY_MINUTES.finditer(workshop.summary):
            if int(match.group(1)) != total:
                out.append(Finding(path, m.line_of(workshop, "summary"), f"the summary says '{match.group(0)}' but "
                                   f"the agenda adds up to {total} minutes",
                                   "leave the length out: the page shows it, computed"))
        for item in workshop.agenda:
            module = site.module(item.module) if item.module else None
            for said in said_minutes(item.notes):
                if said != item.minutes:
                    out.append(Finding(path, item.notes_line or item.line, f"the note says {said} minutes, but the "
                                       f"agenda gives this item {item.minutes}",
                                       "make the note and 'minutes:' agree, or leave the length out of the note"))
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
        out += _pace(site, workshop)
    return out


def _group_max(site: m.Site, workshop: m.Workshop) -> int | None:
    """The most people the workshop's activities are written for ("6-24" gives 24)."""
    sizes = [int(match.group(1)) for mod in (site.module(item.module) for item in workshop.agenda if item.module)
             if mod and mod.group_size and (match := _GROUP_MAX.search(mod.group_size))]
    return max(sizes) if sizes else None


def _pace(site: m.Site, workshop: m.Workshop) -> list[Finding]:
    """Breaks, rounds and closings: warnings at the agenda item they are about."""
    path, out = workshop.source.path, []
    schedule = workshop.schedule()
    if workshop.total_minutes > MAX_WITHOUT_BREAK and not any(item.kind == "break" for item in workshop.agenda):
        elapsed = 0
        for item in workshop.agenda:
            elapsed += item.minutes
            if elapsed > MAX_WITHOUT_BREAK:
                out.append(Finding(path, item.line, f"the agenda runs {workshop.total_minutes} minutes with no "
                                   f"break, and by this item people have sat for over {MAX_WITHOUT_BREAK}",
                                   "add a '- break: 10' item", WARNING))
                break
    people = _group_max(site, workshop)
    closings: list[str] = []  # where each closing round happens, in order
    for start, item in schedule:
        said = f"{item.title}\n{item.notes}"
        if people and item.kind != "break" and _ROUND.search(said) and item.minutes < people * MINUTES_PER_PERSON:
            needed = math.ceil(people * MINUTES_PER_PERSON)
            out.append(Finding(path, item.line, f"a round for up to {people} people needs at least {needed} "
                               f"minutes, but the agenda gives {item.minutes}",
                               "give it more minutes, or hold the round in small groups", WARNING))
        module = site.module(item.module) if item.module else None
        if module:
            skipped = set(_SKIP.findall(item.notes))
            clock = dt.datetime.combine(dt.date(2000, 1, 1), start)
            for number, title, minutes, text in _STEP_PARTS.findall(module.body):
                if number not in skipped and _CLOSING.search(title) and _ROUND.search(f"{title} {text}"):
                    closings.append(f"step {number} of {module.source.path}, at {clock:%H:%M}")
                clock += dt.timedelta(minutes=int(minutes))
        elif _CLOSING.search(item.title) and _ROUND.search(said):
            if closings:
                out.append(Finding(path, item.line, f"a second closing round: there is one already in {closings[0]}",
                                   "keep one: drop the round here, or write 'skip the round in step N' in "
                                   "the activity's agenda note", WARNING))
            closings.append(f"the agenda item at {start:%H:%M}")
    return out


def said_minutes(text: str) -> list[int]:
    """The lengths `text` gives for the thing it is about, in minutes."""
    return [int(next(v for v in match.groups() if v)) for match in _SAID.finditer(text)]


def _module_prose(module: m.Module) -> list[Finding]:
    """A length said in an activity's prose: in a timed step, against the step's minutes;
    elsewhere, against its `duration:`."""
    out, path, offset = [], module.source.path, module.body_line - 1
    steps = dict(activitycheck.steps(module.body))
    for number, text in activitycheck.prose_lines(module.body):
        step = activitycheck.STEP.match(steps.get(number, ""))
        expected, what = (int(step.group(1)), "this step") if step else (module.duration, "'duration:'")
        for said in said_minutes(text):
            if expected and said != expected:
                out.append(Finding(path, number + offset, f"the text says {said} minutes, but {what} gives "
                                   f"{expected}", "make them agree, or leave the length out of the text"))
    return out


def _activity_steps(site: m.Site) -> list[Finding]:
    """An activity's timed steps must add up to its `duration:`: the steps of its '## Steps' section
    in the one format activitycheck.py documents (and reports a step written otherwise)."""
    out = []
    for module in site.modules.values():
        if module.type == "activity":
            out += _module_prose(module)
        steps = activitycheck.step_minutes(module.body) if module.type == "activity" else []
        if module.type == "activity" and steps and module.duration and sum(steps) != module.duration:
            out.append(Finding(module.source.path, m.line_of(module, "duration"),
                               f"the timed steps add up to {sum(steps)} minutes but "
                               f"'duration:' says {module.duration}", "make the step times and duration: agree"))
    return out
