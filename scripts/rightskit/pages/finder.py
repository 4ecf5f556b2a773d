"""The mechanism finder's page: the routes, questions and words `templates/pages/finder.md.j2` and
`overrides/assets/finder.js` need, from the pathways in `standards/pathways.yml`."""
from __future__ import annotations

import datetime as dt

from rightskit.content.pathways import (OUTCOME_NAMES, US_STATUSES, WINDOW_NAMES,
                                        Pathway, condition_text, plain, questions)
from rightskit.core import languages, paths
from rightskit.core import model as m


def standard_entry(site: m.Site, ident: str, _=None) -> dict | None:
    _ = _ or languages.strings(languages.DEFAULT)
    target = site.target(ident)
    if target is None or isinstance(target, m.Mechanism):
        return None
    if isinstance(target, m.Article):
        inst = site.instruments[target.instrument_id]
        label = _(f"{{short}} {inst.part} {{number}}", short=inst.short_title, number=target.number)
    elif isinstance(target, m.Instrument):
        inst, label = target, target.short_title
    else:
        inst = site.instruments.get(target.interprets[0].split("/")[0]) if target.interprets else None
        label = _("General Comment No. {number} ({body})", number=target.number, body=target.body)
    status = inst.us_status if inst else "not applicable"
    return {"id": ident, "label": label, "url": paths.url(target), "us_status": status}


def page_context(site: m.Site, link, _=None) -> dict:
    """What templates/pages/finder.md.j2 needs; `link` makes a relative link from the finder page,
    `_` is the page's strings catalog (English by default)."""
    _ = _ or languages.strings(languages.DEFAULT)

    def standards_of(p: Pathway) -> list[dict]:
        out = []
        for ref in p.standards:
            entry = standard_entry(site, ref.target, _)
            if entry:
                out.append(dict(entry, link=link(site.target(ref.target))))
        return out

    return dict(questions=questions(site, _), pathways=list(site.pathways.values()),
                plain=lambda text: plain(text, _.lang),
                condition_text=lambda p: condition_text(site, p, _),
                outcome_names={k: _(v) for k, v in OUTCOME_NAMES.items()},
                window_names={k: _(v) for k, v in WINDOW_NAMES.items()},
                standards_of=standards_of, script_strings=script_strings(_))


# The words finder.js writes: its name for each, and the catalog key. The page carries them in the
# reader's language (a JSON block rendered from the strings catalogs), so the script holds no English.
SCRIPT_STRINGS = {
    "not-answered": "Not answered yet.",
    "you-chose": "You chose: {answers}.",
    "it-needs": "It needs: {answers}.",
    "or": " or ",
    "status-start": "Answer any question to see which of the {total} routes fit.",
    "status-count": "{yes} of {total} routes fit your answers; {no} do not.",
    "no-condition": "It has no condition on the questions you answered.",
    "why-fits": "Why it fits:",
    "still-to-check": "Still to check:",
    "when": "When:",
    "official-calendar": "Official calendar",
    "standards-it-applies": "Standards it applies:",
    "us-status": "US status: {status}",
    "routes-fit": "Routes that fit ({count})",
    "no-route-fits": "No route fits every answer. Look at why below: changing one answer, such as what you want, "
                     "often opens a route.",
    "standards-apply": "Standards that apply, with US status",
    "routes-no": "Routes that do not fit, and why ({count})",
    "guide": "Guide",
    "all-details": "All details",
    "official-page": "Official page",
    "article": "article {number}",
    "instrument-status": "{title}. US status: {status}.",
    "instrument-ratified": "{title}. US status: {status} on {date}.",
    "load-failed": "The finder could not load its data. Every route is listed below.",
}


def script_strings(_) -> dict:
    """finder.js's words, its month names, US status values and window names, in `_`'s language."""
    months = [languages.human_month(dt.date(2000, n, 1), _.lang).removesuffix(" 2000").removesuffix(" de")
              for n in range(1, 13)]
    return {"text": {name: _(key) for name, key in SCRIPT_STRINGS.items()}, "months": months, "lang": _.lang,
            "status": {s: _(s) for s in US_STATUSES},
            "windows": {k: _(v) for k, v in WINDOW_NAMES.items()},
            "date": _("{day} {month} {year}")}


def export(site: m.Site) -> list[dict]:
    finder_url = paths.url_of(paths.FINDER_PAGE)
    out = []
    for p in site.pathways.values():
        mech = site.mechanisms.get(p.mechanism)
        out.append({
            "id": p.id, "name": p.name, "mechanism": p.mechanism,
            "mechanism_name": mech.short_name if mech else p.mechanism,
            "summary": plain(p.summary), "who": plain(p.who),
            "requirements": [plain(r) for r in p.requirements], "contents": [plain(c) for c in p.contents],
            "response_time": plain(p.response_time), "outcomes": p.outcomes,
            "risks": [plain(r) for r in p.risks], "window": p.window, "window_note": plain(p.window_note),
            "calendar": p.calendar or None, "official_page": p.official_page,
            "guide": paths.url(site.modules[p.guide]) if p.guide in site.modules else None,
            "templates": [{"title": site.modules[t.target].title, "url": paths.url(site.modules[t.target])}
                          for t in p.templates if t.target in site.modules],
            "cases": [{"title": site.modules[c.target].title, "url": paths.url(site.modules[c.target])}
                      for c in p.cases if c.target in site.modules],
            "standards": [e for e in (standard_entry(site, r.target) for r in p.standards) if e],
            "conditions": p.conditions, "notes": p.notes,
            "reviewed": p.reviewed.isoformat() if p.reviewed else None,
            "as_of": p.as_of.isoformat() if p.as_of else None,
            "url": f"{finder_url}#{p.anchor}",
        })
        for lang in site.translations:  # as other records: {"es": {translated fields…, "url": "es/…"}}
            out[-1][lang] = _export_texts(site, p, lang, f"{languages.site_prefix(lang)}{finder_url}#{p.anchor}")
    return out


def _export_texts(site: m.Site, p: Pathway, lang: str, url: str) -> dict:
    t = p.texts.get(lang)
    out: dict = {}
    if t is not None:
        scalars = {"name": t.name, "summary": plain(t.summary, lang), "who": plain(t.who, lang),
                   "response_time": plain(t.response_time, lang), "window_note": plain(t.window_note, lang)}
        lists = {"requirements": t.requirements, "contents": t.contents, "risks": t.risks}
        out.update({k: v for k, v in scalars.items() if v})
        out.update({k: [plain(x, lang) for x in v] for k, v in lists.items() if v})
        if t.notes:
            out["notes"] = {**p.notes, **t.notes}
    prefix = languages.site_prefix(lang)
    if p.guide in site.modules:
        out["guide"] = prefix + paths.url(site.modules[p.guide])
    pages = site.translations[lang].pages if lang in site.translations else {}
    out["templates"] = [{"title": (pages[ref.target].title if ref.target in pages else site.modules[ref.target].title),
                         "url": prefix + paths.url(site.modules[ref.target])}
                        for ref in p.templates if ref.target in site.modules]
    out["cases"] = [{"title": (pages[ref.target].title if ref.target in pages else site.modules[ref.target].title),
                     "url": prefix + paths.url(site.modules[ref.target])}
                    for ref in p.cases if ref.target in site.modules]
    out["url"] = url
    return out
