"""Checks across records: every reference resolves, links point at real files, facts agree."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable

from rightskit.core import model as m
from rightskit.content import activitycheck
from rightskit.content import freshness
from rightskit.content import kitcheck
from rightskit.core import paths
from rightskit.content import sources
from rightskit.content import timing
from rightskit.content import variations
from rightskit.core.findings import WARNING, Finding, did_you_mean
from rightskit.core.model import line_of

LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Unread:
    """What is missing because a file could not be read: references to it are not reported,
    so the one real cause (the unreadable file) is not buried under knock-on findings."""

    standards: bool = False
    mechanisms: bool = False
    issue_areas: bool = False
    workshops: bool = False
    pages: frozenset = frozenset()  # docs-relative paths of pages whose front matter failed
    files: frozenset = frozenset()  # project-relative paths of every file that failed

    @classmethod
    def from_paths(cls, failed: Iterable[str], docs_dir: str = "docs") -> "Unread":
        failed = set(failed)
        return cls(standards=any(p.startswith(("standards/instruments/", "standards/general-comments/"))
                                 for p in failed),
                   mechanisms="standards/mechanisms.yml" in failed,
                   issue_areas="standards/issue-areas.yml" in failed,
                   workshops=any(p.startswith("curricula/") for p in failed),
                   pages=frozenset(p[len(docs_dir) + 1:] for p in failed if p.startswith(docs_dir + "/")),
                   files=frozenset(failed))


def check(site: m.Site, docs_files: set[str], nav: dict[str, int] | None, docs_dir: str = "docs",
          unread: Unread = Unread()) -> list[Finding]:
    out: list[Finding] = []
    out += _instruments(site, unread)
    out += _general_comments(site, unread)
    out += _mechanisms(site, unread)
    out += _issue_areas(site, unread)
    out += _modules(site, docs_files, nav, docs_dir, unread)
    out += _workshops(site, unread)
    out += activitycheck.check(site)
    out += timing.check(site)
    out += freshness.marker_errors(site)
    out += sources.check(site)
    out += variations.check(site)
    out += kitcheck.check(site)
    return out


def _unknown(path: str, line: int, what: str, value: str, known: Iterable[str], where: str) -> Finding:
    return Finding(path, line, f"unknown {what} '{value}'", did_you_mean(value, known, f"see {where} for the ids"))


# (earlier field, later field, where the later is written, what each is called, hint)
_DATE_ORDER = (
    ("adopted", "in_force", "in_force", "adoption", "entry into force",
     "check both dates against the official record"),
    ("us_signed", "us_ratified", "us.ratified", "signature", "US ratification",
     "check both dates against the UN Treaty Collection"),
    ("adopted", "us_signed", "us.signed", "adoption", "US signature",
     "a treaty can be signed only once it is adopted: check both dates"),
    ("adopted", "us_ratified", "us.ratified", "adoption", "US ratification",
     "a treaty can be ratified only once it is adopted: check both dates"),
)


def _date_order(inst) -> list[Finding]:
    out = []
    for first, then, field, first_name, then_name, hint in _DATE_ORDER:
        early, late = getattr(inst, first), getattr(inst, then)
        if early and late and late < early:
            out.append(Finding(inst.source.path, line_of(inst, field),
                               f"{then_name} ({late}) is before {first_name} ({early})", hint))
    return out


def _instruments(site: m.Site, unread: Unread) -> list[Finding]:
    out = []
    for inst in site.instruments.values():
        path = inst.source.path
        if inst.monitoring_body and inst.monitoring_body not in site.mechanisms and not unread.mechanisms:
            out.append(_unknown(path, line_of(inst, "monitoring_body"), "monitoring body", inst.monitoring_body,
                                site.mechanisms, "standards/mechanisms.yml"))
        out.extend(_date_order(inst))
        if not inst.binding and (inst.us_signed or inst.us_ratified):
            out.append(Finding(path, line_of(inst, "us"), f"a {inst.kind} is not signed or ratified, but US dates are given",
                               "remove us.signed and us.ratified, or change the kind"))
        if inst.kind == "ilo convention" and inst.us_signed:
            out.append(Finding(path, line_of(inst, "us.signed"),
                               "ILO conventions are ratified without signature, but us.signed is given",
                               "remove us.signed"))
        for article in inst.articles:
            for area in article.issue_areas:
                if area not in site.issue_areas and not unread.issue_areas:
                    out.append(_unknown(path, line_of(article, "issue_areas", area), "issue area", area,
                                        site.issue_areas, "standards/issue-areas.yml"))
    return out


def _general_comments(site: m.Site, unread: Unread) -> list[Finding]:
    out = []
    known = site.standard_ids()
    by_body: dict[str, list[m.GeneralComment]] = {}
    bad_bodies: set[tuple[str, str]] = set()
    for gc in site.general_comments.values():
        by_body.setdefault(gc.body, []).append(gc)
        if gc.body not in site.mechanisms and not unread.mechanisms and (gc.source.path, gc.body) not in bad_bodies:
            bad_bodies.add((gc.source.path, gc.body))  # once per file: 'body:' is written once
            out.append(_unknown(gc.source.path, line_of(gc, "body"), "body", gc.body, site.mechanisms,
                                "standards/mechanisms.yml"))
        for target in gc.interprets:
            if target not in site.instruments and target not in site.articles and not unread.standards:
                out.append(_unknown(gc.source.path, line_of(gc, "interprets", target), "article", target, known,
                                    "standards/instruments/"))
    for comments in by_body.values():
        ordered = sorted(comments, key=lambda g: g.number)
        for earlier, later in zip(ordered, ordered[1:]):
            if later.year < earlier.year:
                out.append(Finding(later.source.path, line_of(later, "year"),
                                   f"General Comment {later.number} is dated {later.year}, before No. {earlier.number} ({earlier.year})",
                                   "General Comments are numbered in the order they were adopted: check the year"))
    return out


def _mechanisms(site: m.Site, unread: Unread) -> list[Finding]:
    out = []
    for mech in site.mechanisms.values():
        if mech.part_of and mech.part_of not in site.mechanisms and not unread.mechanisms:
            out.append(_unknown(mech.source.path, line_of(mech, "part_of"), "mechanism", mech.part_of,
                                site.mechanisms, "standards/mechanisms.yml"))
        if mech.guide and mech.guide not in site.modules and mech.guide not in unread.pages:
            out.append(Finding(mech.source.path, line_of(mech, "guide"), f"guide '{mech.guide}' does not exist under docs/",
                               did_you_mean(mech.guide, site.modules, "write the guide or remove 'guide:'")))
    return out


def _issue_areas(site: m.Site, unread: Unread) -> list[Finding]:
    return [Finding(a.source.path, line_of(a, "hub"), f"hub page '{a.hub}' does not exist under docs/",
                    did_you_mean(a.hub, site.modules, "write the hub page or correct 'hub:'"))
            for a in site.issue_areas.values() if a.hub not in site.modules and a.hub not in unread.pages]


def _modules(site: m.Site, docs_files: set[str], nav: dict[str, int] | None, docs_dir: str,
             unread: Unread) -> list[Finding]:
    out = []
    standards = site.standard_ids()
    everything = standards | set(site.mechanisms)
    generated = paths.generated_pages(site)
    handwritten = _handwritten_generated(site, docs_files, generated, docs_dir)
    out += handwritten
    for module in site.modules.values():
        path = module.source.path
        for area in module.issue_areas:
            if area not in site.issue_areas and not unread.issue_areas:
                out.append(_unknown(path, line_of(module, "issue_areas", area), "issue area", area,
                                    site.issue_areas, "standards/issue-areas.yml"))
        for ref in module.standards:
            if ref.target not in standards and not unread.standards:
                out.append(_unknown(path, ref.line, "standard", ref.target, standards,
                                    "CONTRIBUTING.md, 'References'"))
        for ref in module.mechanisms:
            if ref.target not in site.mechanisms and not unread.mechanisms:
                out.append(_unknown(path, ref.line, "mechanism", ref.target, site.mechanisms,
                                    "standards/mechanisms.yml"))
        for ref in module.inline_refs:
            if ref.target not in everything and not (unread.standards or unread.mechanisms):
                out.append(Finding(path, ref.line, f"unknown reference [[{ref.target}]]",
                                   did_you_mean(ref.target, everything,
                                                "use an instrument, article, General Comment or mechanism id")))
        for ref in module.links:
            target = paths.resolve_relative(module.path, ref.target)
            if target is None:
                out.append(Finding(path, ref.line, f"link '{ref.target}' points outside {docs_dir}/",
                                   "link to a page under docs/, or use a full web address"))
            elif target not in docs_files and target not in generated and not _generated_unread(target, unread):
                out.append(Finding(path, ref.line, f"broken link: '{ref.target}' does not exist",
                                   _link_hint(module.path, ref.target, target, docs_files | generated)))
    if nav is not None:
        known_pages = set(site.modules) | generated | unread.pages
        misspelt = set()  # pages a broken nav entry was meant to list: reported there, once
        for entry, line in nav.items():
            if entry not in known_pages and not _generated_unread(entry, unread):
                hint = did_you_mean(entry, known_pages, "remove it or create the page")
                misspelt |= {page for page in known_pages if hint == f"did you mean '{page}'?"}
                out.append(Finding("mkdocs.yml", line, f"navigation lists '{entry}', which does not exist", hint))
        for module in site.modules.values():
            if module.path not in nav and module.path not in generated and module.path not in misspelt:
                out.append(Finding(module.source.path, 1, f"page '{module.path}' is not in the navigation",
                                   _nav_hint(module.path, nav)))
    return out


def _handwritten_generated(site: m.Site, docs_files: set[str], generated: set[str], docs_dir: str) -> list[Finding]:
    """A file under docs/ at a path the build writes a page to is silently replaced by that page."""
    out = []
    for page in sorted(docs_files & generated):
        out.append(Finding(f"{docs_dir}/{page}", 1, f"the build generates '{page}', so this file is replaced "
                           "and never shown", _generated_from(site, page)))
    return out


def _generated_from(site: m.Site, page: str) -> str:
    """What to do instead: where the content of a generated page is edited."""
    if page == paths.GLOSSARY:
        return "delete it and edit standards/glossary.yml instead"
    for inst in site.instruments.values():
        if paths.instrument_page(inst) == page:
            return f"delete it and edit {inst.source.path} instead"
    for gc in site.general_comments.values():
        if paths.general_comments_page(gc.body) == page:
            return f"delete it and edit {gc.source.path} instead"
    for mech in site.mechanisms.values():
        if paths.mechanism_page(mech) == page:
            return (f"to publish it as the guide to '{mech.id}', add 'guide: {page}' to that mechanism in "
                    f"{mech.source.path}; otherwise delete it")
    for workshop in site.workshops.values():
        if paths.workshop_page(workshop) == page:
            return f"delete it and edit {workshop.source.path} instead"
    return "delete it: the build makes this page from standards/ and curricula/"


def _generated_unread(page: str, unread: Unread) -> bool:
    """A page that would be generated from a file that could not be read."""
    return ((unread.standards and page.startswith("standards/")) or (unread.workshops and page.startswith("workshops/"))
            or (unread.mechanisms and page.startswith("mechanisms/")))


def _link_hint(here: str, written: str, target: str, known: set[str]) -> str:
    """Suggest the nearest existing page, written relative to the page being edited, as the link must be."""
    fallback = "check the relative path: it starts from the folder of this page"
    suggestion = did_you_mean(target, known)
    if not suggestion:
        return fallback
    page = suggestion.split("'")[1]
    relative = posixpath.relpath(page, posixpath.dirname(here) or ".")
    anchor = written.partition("#")[2]
    relative += f"#{anchor}" if anchor else ""
    if relative == written:
        return fallback
    return f"did you mean '{relative}'?"


def _nav_hint(page: str, nav: dict[str, int]) -> str:
    """Point at where the page belongs: next to the pages of its own folder."""
    folder = posixpath.dirname(page)
    siblings = [(line, entry) for entry, line in nav.items() if folder and posixpath.dirname(entry) == folder]
    if siblings:
        line, entry = max(siblings)
        return f"add '- {page}' under 'nav:' in mkdocs.yml, e.g. after '{entry}' at line {line}"
    return f"add '- {page}' under 'nav:' in mkdocs.yml, in the section where readers will look for it"


def _workshops(site: m.Site, unread: Unread) -> list[Finding]:
    out = []
    module_ids = {mod.id for mod in site.modules.values() if mod.is_module}
    unread_ids = {page[:-3] for page in unread.pages}
    for workshop in site.workshops.values():
        path = workshop.source.path
        for area in workshop.issue_areas:
            if area not in site.issue_areas and not unread.issue_areas:
                out.append(_unknown(path, line_of(workshop, "issue_areas", area), "issue area", area,
                                    site.issue_areas, "standards/issue-areas.yml"))
        for language in workshop.languages:
            if language not in LANGUAGES:
                out.append(Finding(path, line_of(workshop, "languages", language), f"unknown language '{language}'",
                                   f"use one of: {', '.join(LANGUAGES)}"))
        for item in workshop.agenda:
            if item.kind == "module" and item.module not in module_ids and item.module not in unread_ids:
                out.append(_unknown(path, item.line, "module", item.module or "", module_ids,
                                    "docs/ (write the path without .md)"))
            module = site.module(item.module) if item.kind == "module" and item.module else None
            if (module is not None and module.duration and item.minutes != module.duration
                    and not variations.explains(module, item.notes)):
                out.append(Finding(path, item.minutes_line or item.line, f"the agenda gives '{item.module}' {item.minutes} minutes, "
                                   f"but the activity takes {module.duration} (its 'duration:')",
                                   f"make them agree, here or in {module.source.path}", WARNING))
        for ref in workshop.handouts:
            module = site.module(ref.target)
            if module is None and ref.target in unread_ids:
                continue
            if module is None:
                out.append(_unknown(path, ref.line, "handout module", ref.target, module_ids,
                                    "docs/ (write the path without .md)"))
            elif not module.handout:
                out.append(Finding(path, ref.line, f"'{ref.target}' is not printable as a handout",
                                   f"add 'handout: true' to the front matter of {module.source.path}"))
        if not workshop.agenda:
            out.append(Finding(path, line_of(workshop, "agenda"), "the agenda is empty", "add at least one item"))
    return out
