"""The mechanism finder's page: the routes, questions and words `templates/pages/finder.md.j2` and
`overrides/assets/finder.js` need, from the pathways in `standards/pathways.yml`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rightskit.content.pathways import (AFFECTED, OUTCOME_NAMES, US_STATUSES, WINDOW_NAMES, Pathway, Reason,
                                        condition_text, evaluate, plain, questions)
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


def data_path(lang: str) -> str:
    """The finder's own data, one file a language: data/finder.en.json, data/finder.es.json."""
    return f"{paths.DATA_DIR}/finder.{lang}.json"


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
                standards_of=standards_of, script_strings=script_strings(_), data_path=data_path(_.lang))


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
    "order-note": "Ordered by fit: first the routes that apply a treaty the US ratified that protects the people "
                  "you named, then those that meet more of your answers.",
    "ratified-treaty": "It applies a treaty the US ratified that protects the people you named: {title}, "
                       "ratified on {date}.",
    "meets": "It meets {count} of your answers.",
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


# --- fit: which routes come first, and the articles for the reader's issue area ---------------

def route_instruments(site: m.Site, p: Pathway) -> list[str]:
    """The instruments a route applies: those it cites, and those of the articles it cites."""
    out: list[str] = []
    for ref in p.standards:
        target = site.target(ref.target)
        ident = (target.instrument_id if isinstance(target, m.Article)
                 else target.id if isinstance(target, m.Instrument) else None)
        if ident and ident not in out:
            out.append(ident)
    return out


def route_standards(site: m.Site, p: Pathway, area: str = "") -> list[str]:
    """The standards a route cites for a problem in `area`: an article tagged with other areas only is
    left out (no article on work for a housing problem), and the articles of the route's instruments
    that are tagged with `area` are added. Without an area, the route's own list."""
    cited = [r.target for r in p.standards if standard_entry(site, r.target) is not None]
    if not area:
        return cited
    out = []
    for ident in cited:
        target = site.target(ident)
        if isinstance(target, m.Article) and target.issue_areas and area not in target.issue_areas:
            continue
        out.append(ident)
    for inst in route_instruments(site, p):
        out += [a.id for a in site.instruments[inst].articles if area in a.issue_areas and a.id not in out]
    return out


@dataclass
class Fit:
    pathway: Pathway
    matches: bool
    reasons: list[Reason]
    treaties: list[str]  # treaties the US ratified that the route applies and that protect a group the reader named
    score: int


# A ratified treaty that protects the people the reader named weighs more than one more matching answer:
# its committee reviews the US, which must report to it.
TREATY_WEIGHT = 2


def rank(site: m.Site, answers: dict[str, list[str]], _=None) -> list[Fit]:
    """Every route, those that fit first, ordered by fit: TREATY_WEIGHT for each treaty the US ratified
    that the route applies and that protects a group the reader named (the Who is affected? answers),
    plus one for each answer that meets one of the route's conditions; ties keep the file's order.
    finder.js applies the same rule."""
    groups = {o.value: o.standard for o in AFFECTED.options if o.standard}
    protecting = {groups[a] for a in answers.get("affected", []) if a in groups}
    fits = []
    for p in site.pathways.values():
        ok, reasons = evaluate(site, p, answers, _)
        treaties = [i for i in route_instruments(site, p)
                    if i in protecting and site.instruments[i].us_ratified]
        score = TREATY_WEIGHT * len(treaties) + sum(1 for r in reasons if r.ok)
        fits.append(Fit(p, ok, reasons, treaties, score))
    order = {p: n for n, p in enumerate(site.pathways)}
    return sorted(fits, key=lambda f: (not f.matches, -f.score, order[f.pathway.id]))


def data(site: m.Site, _=None) -> dict:
    """data/finder.<lang>.json: what the finder needs on load, in one language (`site` localized to it):
    each route's conditions and the words of its card, the standards it cites for each issue area,
    and the instruments' US status. Summaries and full texts stay in pathways.json and instruments.json."""
    _ = _ or languages.strings(languages.DEFAULT)
    lang = _.lang
    prefix = languages.site_prefix(lang)
    areas = list(site.issue_areas)
    standards: dict[str, dict] = {}

    def use(ident: str) -> str:
        if ident not in standards:
            entry = standard_entry(site, ident, _)
            target = site.target(ident)
            inst = target.instrument_id if isinstance(target, m.Article) else target.id if isinstance(target, m.Instrument) else None
            standards[ident] = {"label": entry["label"], "url": prefix + entry["url"], "instrument": inst}
        return ident

    routes = []
    for p in site.pathways.values():
        links = [{"title": site.modules[r.target].title, "url": prefix + paths.url(site.modules[r.target])}
                 for r in [*p.templates, *p.cases] if r.target in site.modules]
        routes.append({
            "id": p.id, "name": p.name, "summary": plain(p.summary, lang), "window": p.window,
            "window_note": plain(p.window_note, lang), "calendar": p.calendar or None,
            "official_page": p.official_page or None,
            "guide": prefix + paths.url(site.modules[p.guide]) if p.guide in site.modules else None,
            "links": links, "url": f"{prefix}{paths.url_of(paths.FINDER_PAGE)}#{p.anchor}",
            "conditions": p.conditions, "notes": p.notes,
            "instruments": route_instruments(site, p),
            "standards": {area or "any": [use(s) for s in route_standards(site, p, area)] for area in ["", *areas]},
        })
    instruments = {}
    for i in site.instruments.values():
        instruments[i.id] = {"short_title": i.short_title, "title": i.title, "url": prefix + paths.url(i),
                             "status": i.us_status, "ratified": i.us_ratified.isoformat() if i.us_ratified else None}
    by_area = {area: [[i.id, [use(a.id) for a in i.articles if area in a.issue_areas]]
                      for i in site.instruments.values() if any(area in a.issue_areas for a in i.articles)]
               for area in areas}
    return {"lang": lang, "routes": routes, "standards": standards, "instruments": instruments,
            "area_articles": by_area, "treaty_weight": TREATY_WEIGHT}
