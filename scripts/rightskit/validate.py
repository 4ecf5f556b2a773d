"""Checks across records: every reference resolves, links point at real files, facts agree."""
from __future__ import annotations

from typing import Iterable

from . import model as m
from . import paths, variations
from .findings import Finding, did_you_mean

LANGUAGES = ("en", "es")


def check(site: m.Site, docs_files: set[str], nav: set[str] | None, docs_dir: str = "docs") -> list[Finding]:
    out: list[Finding] = []
    out += _instruments(site)
    out += _general_comments(site)
    out += _mechanisms(site)
    out += _issue_areas(site)
    out += _modules(site, docs_files, nav, docs_dir)
    out += _workshops(site)
    out += variations.check(site)
    return out


def _unknown(path: str, line: int, what: str, value: str, known: Iterable[str], where: str) -> Finding:
    return Finding(path, line, f"unknown {what} '{value}'", did_you_mean(value, known, f"see {where} for the ids"))


def _instruments(site: m.Site) -> list[Finding]:
    out = []
    for inst in site.instruments.values():
        path, line = inst.source.path, inst.source.line
        if inst.monitoring_body and inst.monitoring_body not in site.mechanisms:
            out.append(_unknown(path, line, "monitoring body", inst.monitoring_body, site.mechanisms,
                                "standards/mechanisms.yml"))
        if inst.adopted and inst.in_force and inst.in_force < inst.adopted:
            out.append(Finding(path, line, f"entry into force ({inst.in_force}) is before adoption ({inst.adopted})",
                               "check both dates against the official record"))
        if inst.us_signed and inst.us_ratified and inst.us_ratified < inst.us_signed:
            out.append(Finding(path, line, f"US ratification ({inst.us_ratified}) is before signature ({inst.us_signed})",
                               "check both dates against the UN Treaty Collection"))
        if inst.us_signed and inst.adopted and inst.us_signed < inst.adopted:
            out.append(Finding(path, line, f"US signature ({inst.us_signed}) is before adoption ({inst.adopted})"))
        if not inst.binding and (inst.us_signed or inst.us_ratified):
            out.append(Finding(path, line, f"a {inst.kind} is not signed or ratified, but US dates are given",
                               "remove us.signed and us.ratified, or change the kind"))
        if inst.kind == "ilo convention" and inst.us_signed:
            out.append(Finding(path, line, "ILO conventions are ratified without signature, but us.signed is given",
                               "remove us.signed"))
        for article in inst.articles:
            for area in article.issue_areas:
                if area not in site.issue_areas:
                    out.append(_unknown(path, article.source.line, "issue area", area, site.issue_areas,
                                        "standards/issue-areas.yml"))
    return out


def _general_comments(site: m.Site) -> list[Finding]:
    out = []
    known = site.standard_ids()
    by_body: dict[str, list[m.GeneralComment]] = {}
    for gc in site.general_comments.values():
        by_body.setdefault(gc.body, []).append(gc)
        if gc.body not in site.mechanisms:
            out.append(_unknown(gc.source.path, gc.source.line, "body", gc.body, site.mechanisms,
                                "standards/mechanisms.yml"))
        for target in gc.interprets:
            if target not in site.instruments and target not in site.articles:
                out.append(_unknown(gc.source.path, gc.source.line, "article", target, known, "standards/instruments/"))
    for comments in by_body.values():
        ordered = sorted(comments, key=lambda g: g.number)
        for earlier, later in zip(ordered, ordered[1:]):
            if later.year < earlier.year:
                out.append(Finding(later.source.path, later.source.line,
                                   f"General Comment {later.number} is dated {later.year}, before No. {earlier.number} ({earlier.year})",
                                   "General Comments are numbered in the order they were adopted: check the year"))
    return out


def _mechanisms(site: m.Site) -> list[Finding]:
    out = []
    for mech in site.mechanisms.values():
        if mech.part_of and mech.part_of not in site.mechanisms:
            out.append(_unknown(mech.source.path, mech.source.line, "mechanism", mech.part_of, site.mechanisms,
                                "standards/mechanisms.yml"))
        if mech.guide and mech.guide not in site.modules:
            out.append(Finding(mech.source.path, mech.source.line, f"guide '{mech.guide}' does not exist under docs/",
                               did_you_mean(mech.guide, site.modules, "write the guide or remove 'guide:'")))
    return out


def _issue_areas(site: m.Site) -> list[Finding]:
    return [Finding(a.source.path, a.source.line, f"hub page '{a.hub}' does not exist under docs/",
                    did_you_mean(a.hub, site.modules, "write the hub page or correct 'hub:'"))
            for a in site.issue_areas.values() if a.hub not in site.modules]


def _modules(site: m.Site, docs_files: set[str], nav: set[str] | None, docs_dir: str) -> list[Finding]:
    out = []
    standards = site.standard_ids()
    everything = standards | set(site.mechanisms)
    generated = paths.generated_pages(site)
    for module in site.modules.values():
        path = module.source.path
        for area in module.issue_areas:
            if area not in site.issue_areas:
                out.append(_unknown(path, 1, "issue area", area, site.issue_areas, "standards/issue-areas.yml"))
        for ref in module.standards:
            if ref.target not in standards:
                out.append(_unknown(path, ref.line, "standard", ref.target, standards,
                                    "CONTRIBUTING.md, 'References'"))
        for ref in module.mechanisms:
            if ref.target not in site.mechanisms:
                out.append(_unknown(path, ref.line, "mechanism", ref.target, site.mechanisms,
                                    "standards/mechanisms.yml"))
        for ref in module.inline_refs:
            if ref.target not in everything:
                out.append(Finding(path, ref.line, f"unknown reference [[{ref.target}]]",
                                   did_you_mean(ref.target, everything,
                                                "use an instrument, article, General Comment or mechanism id")))
        for ref in module.links:
            target = paths.resolve_relative(module.path, ref.target)
            if target is None:
                out.append(Finding(path, ref.line, f"link '{ref.target}' points outside {docs_dir}/",
                                   "link to a page under docs/, or use a full web address"))
            elif target not in docs_files and target not in generated:
                out.append(Finding(path, ref.line, f"broken link: '{ref.target}' does not exist",
                                   did_you_mean(target, docs_files | generated, "check the relative path")))
        if nav is not None and module.path not in nav:
            out.append(Finding(path, 1, f"page '{module.path}' is not in the navigation",
                               "add it under 'nav:' in mkdocs.yml"))
    if nav is not None:
        known_pages = set(site.modules) | generated
        for entry in sorted(nav - known_pages):
            out.append(Finding("mkdocs.yml", 1, f"navigation lists '{entry}', which does not exist",
                               did_you_mean(entry, known_pages, "remove it or create the page")))
    return out


def _workshops(site: m.Site) -> list[Finding]:
    out = []
    module_ids = {mod.id for mod in site.modules.values() if mod.is_module}
    for workshop in site.workshops.values():
        path = workshop.source.path
        for area in workshop.issue_areas:
            if area not in site.issue_areas:
                out.append(_unknown(path, workshop.source.line, "issue area", area, site.issue_areas,
                                    "standards/issue-areas.yml"))
        for language in workshop.languages:
            if language not in LANGUAGES:
                out.append(Finding(path, workshop.source.line, f"unknown language '{language}'",
                                   f"use one of: {', '.join(LANGUAGES)}"))
        for item in workshop.agenda:
            if item.kind == "module" and item.module not in module_ids:
                out.append(_unknown(path, item.line, "module", item.module or "", module_ids,
                                    "docs/ (write the path without .md)"))
        for ref in workshop.handouts:
            module = site.module(ref.target)
            if module is None:
                out.append(_unknown(path, ref.line, "handout module", ref.target, module_ids,
                                    "docs/ (write the path without .md)"))
            elif not module.handout:
                out.append(Finding(path, ref.line, f"'{ref.target}' is not printable as a handout",
                                   f"add 'handout: true' to the front matter of {module.source.path}"))
        if not workshop.agenda:
            out.append(Finding(path, workshop.source.line, "the agenda is empty", "add at least one item"))
    return out
