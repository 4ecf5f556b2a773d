"""The open data export: site/data/*.json, part of the site's public interface.

The schema is documented on docs/about/data.md; change both together. Every `url` is relative
to the site root, so the files work on any host and offline.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from . import model as m
from . import paths, pathways


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def instruments(site: m.Site) -> list[dict]:
    return [{
        "id": i.id,
        "short_title": i.short_title,
        "title": i.title,
        "kind": i.kind,
        "adopted": _date(i.adopted),
        "in_force": _date(i.in_force),
        "us": {"signed": _date(i.us_signed), "ratified": _date(i.us_ratified), "status": i.us_status},
        "monitoring_body": i.monitoring_body,
        "official_text": i.official_text,
        "summary": i.summary,
        "reviewed": _date(i.reviewed),
        "as_of": _date(i.as_of),
        "url": paths.url(i),
        "articles": [{
            "number": a.number,
            "title": a.title,
            "summary": a.summary,
            "issue_areas": a.issue_areas,
            "url": paths.url(a),
        } for a in i.articles],
    } for i in sorted(site.instruments.values(), key=lambda i: i.id)]


def general_comments(site: m.Site) -> list[dict]:
    return [{
        "id": g.id,
        "body": g.body,
        "number": g.number,
        "year": g.year,
        "title": g.title,
        "interprets": g.interprets,
        "summary": g.summary,
        "key_ideas": g.key_ideas,
        "official_text": g.official_text or None,
        "url": paths.url(g),
    } for g in sorted(site.general_comments.values(), key=lambda g: (g.body, g.number))]


def mechanisms(site: m.Site) -> list[dict]:
    return [{
        "id": x.id,
        "name": x.name,
        "short_name": x.short_name,
        "kind": x.kind,
        "part_of": x.part_of,
        "summary": x.summary,
        "us_access": x.us_access,
        "official_site": x.official_site or None,
        "reviewed": _date(x.reviewed),
        "as_of": _date(x.as_of),
        "url": paths.url(x),
    } for x in sorted(site.mechanisms.values(), key=lambda x: x.id)]


def modules(site: m.Site) -> list[dict]:
    standards = site.standard_ids()
    out = []
    for x in sorted(site.modules.values(), key=lambda x: x.path):
        if not x.is_module:
            continue
        cited = x.cited()
        out.append({
            "url": paths.url(x),
            "title": x.title,
            "summary": x.summary,
            "type": x.type,
            "issue_areas": x.issue_areas,
            "standards": [t for t in cited if t in standards],
            "mechanisms": [t for t in cited if t in site.mechanisms],
            "reviewed": _date(x.reviewed),
        })
    return out


def workshops(site: m.Site) -> list[dict]:
    return [{
        "id": w.id,
        "title": w.title,
        "summary": w.summary,
        "audience": w.audience,
        "languages": w.languages,
        "format": w.format,
        "issue_areas": w.issue_areas,
        "minutes": w.total_minutes,
        "modules": [paths.url(site.module(i)) for i in w.module_ids() if site.module(i)],
        "reviewed": _date(w.reviewed),
        "as_of": _date(w.as_of),
        "url": paths.url(w),
    } for w in sorted(site.workshops.values(), key=lambda w: w.id)]


EXPORTS = {
    "instruments.json": instruments,
    "general-comments.json": general_comments,
    "mechanisms.json": mechanisms,
    "modules.json": modules,
    "workshops.json": workshops,
    "pathways.json": pathways.export,
}


def write_json(site: m.Site, site_dir: Path) -> list[Path]:
    folder = site_dir / paths.DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in EXPORTS.items():
        target = folder / name
        target.write_text(json.dumps(make(site), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written
