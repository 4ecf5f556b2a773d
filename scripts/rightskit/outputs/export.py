"""The open data export: site/data/*.json, part of the site's public interface.

The schema is documented on docs/about/data.md; change both together. Every `url` is relative
to the site root, so the files work on any host and offline.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from rightskit.core import languages
from rightskit.core import paths
from rightskit.content.i18n import translations
from rightskit.core import model as m
from rightskit.pages import finder
def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _localized(site: m.Site, url: str, texts: dict[str, object | None], keys: tuple[str, ...]) -> dict:
    """For each other language, e.g. {"es": {"title": …, "url": "es/…"}}: the record's page in that
    language, and the fields translated into it (untranslated ones are left out)."""
    out = {}
    for lang in site.translations:
        text = texts.get(lang)
        fields = {k: getattr(text, k) for k in keys if text is not None and getattr(text, k)}
        out[lang] = {**fields, "url": languages.site_prefix(lang) + url}
    return out


def _texts(site: m.Site, kind: str, key: str) -> dict:
    return {lang: getattr(edition, kind).get(key) for lang, edition in site.translations.items()}


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
            **_localized(site, paths.url(a), _texts(site, "articles", a.id), ("title", "summary")),
        } for a in i.articles],
        **_localized(site, paths.url(i), _texts(site, "instruments", i.id), ("title", "short_title", "summary")),
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
        **_localized(site, paths.url(g), _texts(site, "general_comments", g.id), ("title", "summary", "key_ideas")),
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
        **_localized(site, paths.url(x), _texts(site, "mechanisms", x.id), ("name", "short_name", "summary")),
    } for x in sorted(site.mechanisms.values(), key=lambda x: x.id)]


def modules(site: m.Site) -> list[dict]:
    standards = site.standard_ids()
    state = {lang: {s.path: s.state for s in translations.status(site, lang)} for lang in site.translations}
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
            **_localized(site, paths.url(x), {lang: site.translations[lang].pages.get(x.path)
                                              for lang in site.translations}, ("title", "summary")),
            "reviewed": _date(x.reviewed),
        })
        for lang in site.translations:  # whether the translation is current with the English page
            out[-1][lang]["status"] = state[lang][x.path]
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
        **_localized(site, paths.url(w), _texts(site, "workshops", w.id), ("title", "summary")),
    } for w in sorted(site.workshops.values(), key=lambda w: w.id)]


EXPORTS = {
    "instruments.json": instruments,
    "general-comments.json": general_comments,
    "mechanisms.json": mechanisms,
    "modules.json": modules,
    "workshops.json": workshops,
    "pathways.json": finder.export,
}


def write_json(site: m.Site, site_dir: Path) -> list[Path]:
    folder = site_dir / paths.DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in EXPORTS.items():
        target = folder / name
        target.write_text(json.dumps(make(site), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    if site.pathways:
        for lang in [languages.DEFAULT, *site.translations]:
            target = site_dir / finder.data_path(lang)
            local = translations.localize(site, lang)
            # Compact: the finder fetches it on load, so every byte counts (its budget is in test_finder_data).
            target.write_text(json.dumps(finder.data(local, languages.strings(lang)), ensure_ascii=False,
                                         separators=(",", ":")), encoding="utf-8")
            written.append(target)
    return written

