"""How old the content's facts are: review dates, `as-of` and `upcoming` markers.

Everything takes "today" as a parameter, so checks and the maintainers' review page are
reproducible and tests can freeze the date. Nothing here reads files or knows about MkDocs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from rightskit.core import markers
from rightskit.core import model as m
from rightskit.core import paths
from rightskit.core.findings import Finding
from rightskit.core.model import line_of

DEFAULT_REVIEW_AGE_MONTHS = 12


@dataclass
class Reviewed:
    """One record or module with its review date, for the check and the review page."""

    kind: str  # "module", "instrument", "mechanism" or "workshop"
    title: str
    path: str  # project-relative source file
    line: int
    reviewed: dt.date | None
    page: str  # docs-relative page, with #anchor where the record has one


@dataclass
class Dated:
    """One `[[as-of:…]]` or `[[upcoming:…]]` marker, where it was written."""

    kind: str
    date: dt.date | None
    text: str
    path: str
    line: int
    title: str  # the page or record it belongs to
    page: str


@dataclass
class Due:
    """Something a maintainer should look at, and why."""

    date: dt.date | None  # the date that has aged (None: no review date at all)
    reason: str
    title: str
    path: str
    line: int
    page: str


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clamped to the month's last day."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has at least 28 days


def _page(target) -> str:
    page, anchor = paths.page_of(target)
    return page + (f"#{anchor}" if anchor else "")


def reviewed_records(site: m.Site) -> list[Reviewed]:
    # At the 'reviewed:' line, where the date is updated (the record's own line when it is missing).
    out = [Reviewed("module", x.title, x.source.path, line_of(x, "reviewed"), x.reviewed, _page(x))
           for x in site.modules.values() if x.is_module]
    out += [Reviewed("instrument", i.short_title, i.source.path, line_of(i, "reviewed"), i.reviewed, _page(i))
            for i in site.instruments.values()]
    out += [Reviewed("mechanism", x.short_name, x.source.path, line_of(x, "reviewed"), x.reviewed, _page(x))
            for x in site.mechanisms.values()]
    out += [Reviewed("workshop", w.title, w.source.path, line_of(w, "reviewed"), w.reviewed, _page(w))
            for w in site.workshops.values()]
    out += [Reviewed("pathway", p.name, p.source.path, line_of(p, "reviewed"), p.reviewed, _pathway_page(p))
            for p in site.pathways.values()]
    return out


def _pathway_page(pathway) -> str:
    return f"{paths.FINDER_PAGE}#{pathway.anchor}"


def _texts(site: m.Site) -> Iterator[tuple[str, str, int, str, str]]:
    """(text, path, line, title, page) for every place a marker may be written."""
    for x in site.modules.values():
        yield x.body, x.source.path, x.body_line, x.title, _page(x)
    for i in site.instruments.values():
        for text in (i.summary, i.us_notes):
            yield text, i.source.path, i.source.line, i.short_title, _page(i)
        for a in i.articles:
            yield a.summary, a.source.path, a.source.line, f"{i.short_title} article {a.number}", _page(a)
    for g in site.general_comments.values():
        for text in [g.summary, *g.key_ideas]:
            yield text, g.source.path, g.source.line, f"{g.body.upper()} General Comment {g.number}", _page(g)
    for x in site.mechanisms.values():
        for text in (x.summary, x.us_access):
            yield text, x.source.path, x.source.line, x.short_name, _page(x)
    for t in site.glossary:
        yield t.definition, t.source.path, t.source.line, t.term, paths.GLOSSARY
    for w in site.workshops.values():
        for text in [w.summary, *w.objectives, *w.participant_objectives, *w.materials, *w.preparation,
                     *(i.notes for i in w.agenda)]:
            yield text, w.source.path, w.source.line, w.title, _page(w)
    for p in site.pathways.values():
        for text in [p.summary, p.who, p.response_time, p.window_note, *p.requirements, *p.contents, *p.risks,
                     *p.notes.values()]:
            yield text, p.source.path, p.source.line, p.name, _pathway_page(p)


def dated_markers(site: m.Site) -> list[Dated]:
    out = []
    for text, path, line, title, page in _texts(site):
        if "[[" not in text:
            continue
        # In Markdown the marker's own line is known; in YAML, the record's line is the best we have.
        is_body = path.endswith(".md")
        for marker in markers.find(text):
            where = line + marker.line - 1 if is_body else line
            out.append(Dated(marker.kind, marker.date, marker.text, path, where, title, page))
    return out


def marker_errors(site: m.Site) -> list[Finding]:
    """Markers whose date cannot be read: errors, like any other malformed input."""
    return [Finding(d.path, d.line, f"'[[{d.kind}:{d.text}]]' does not hold a valid date",
                    f"write it as [[{d.kind}:YYYY-MM-DD]]")
            for d in dated_markers(site) if d.date is None]


def due(site: m.Site, today: dt.date, review_age_months: int = DEFAULT_REVIEW_AGE_MONTHS) -> list[Due]:
    """What needs a maintainer's attention on `today`, oldest first."""
    cutoff = months_before(today, review_age_months)
    out: list[Due] = []
    for r in reviewed_records(site):
        if r.reviewed is None:
            out.append(Due(None, f"this {r.kind} has no review date", r.title, r.path, r.line, r.page))
        elif r.reviewed < cutoff:
            out.append(Due(r.reviewed, f"this {r.kind} was last reviewed on {r.reviewed.isoformat()}, "
                           f"more than {review_age_months} months ago", r.title, r.path, r.line, r.page))
    for d in dated_markers(site):
        if d.date is None:
            continue
        if d.kind == "as-of" and d.date < cutoff:
            out.append(Due(d.date, f"a statement verified as of {d.date.isoformat()} is more than "
                           f"{review_age_months} months old", d.title, d.path, d.line, d.page))
        elif d.kind == "upcoming" and d.date < today:
            out.append(Due(d.date, f"the upcoming date {d.date.isoformat()} has passed", d.title, d.path,
                           d.line, d.page))
    records = [(x.short_title, x, _page(x)) for x in site.instruments.values()]
    records += [(x.short_name, x, _page(x)) for x in site.mechanisms.values()]
    records += [(x.title, x, _page(x)) for x in site.workshops.values()]
    records += [(x.name, x, _pathway_page(x)) for x in site.pathways.values()]
    for title, x, page in records:
        if x.as_of and x.as_of < cutoff:
            out.append(Due(x.as_of, f"as_of {x.as_of.isoformat()} is more than {review_age_months} months old",
                           title, x.source.path, line_of(x, "as_of"), page))
    return sorted(out, key=lambda d: (d.date or dt.date.min, d.path, d.line))


def check(site: m.Site, today: dt.date, review_age_months: int = DEFAULT_REVIEW_AGE_MONTHS) -> list[Finding]:
    """The same list as warnings for `rightskit check`."""
    return [Finding(d.path, d.line, d.reason, "check it against the official source, then update the date",
                    severity="warning")
            for d in due(site, today, review_age_months)]
