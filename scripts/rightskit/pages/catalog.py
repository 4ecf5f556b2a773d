"""What each page is, for search and for the list of all pages: its kind, issue areas, summary,
aliases and topic words (`entries`), and every page grouped by kind (`catalog`, the no-JavaScript
fallback of search)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rightskit.core import model as m
from rightskit.core import languages
from rightskit.core import paths
from rightskit.core.words import STOP_WORDS, words


# Filter values shown to readers, per language. Spanish is the only other edition so far.
KIND_LABELS = {
    "en": {"right": "Right", "standard": "Standard", "mechanism": "Mechanism", "toolkit": "Toolkit",
           "activity": "Activity", "workshop": "Workshop", "explainer": "Explainer", "case": "Case study", "page": "Page"},
    "es": {"right": "Derecho", "standard": "Norma", "mechanism": "Mecanismo", "toolkit": "Herramientas",
           "activity": "Actividad", "workshop": "Taller", "explainer": "Explicación", "case": "Estudio de caso", "page": "Página"},
}
MODULE_KINDS = {"issue area": "right", "mechanism guide": "mechanism", "toolkit": "toolkit",
                "activity": "activity", "explainer": "explainer", "case": "case", "page": "page"}

# --- what the index knows about each page --------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """What the index adds to one page: its type, issue areas, summary and aliases."""

    kind: str  # a key of KIND_LABELS
    areas: tuple[str, ...] = ()
    summary: str = ""
    aliases: tuple[str, ...] = ()
    label: str = ""  # short name used to title split results, e.g. "ICESCR"
    part_areas: dict = field(default_factory=dict)  # anchor -> issue areas of an article
    ignore: bool = False  # a list of pages (the all-pages list, tags): not a result itself
    keywords: tuple[str, ...] = ()  # words of the standards filed under a hub's issue area


def glossary_aliases(site: m.Site) -> dict[str, list[str]]:
    """Abbreviations from the glossary, keyed by the lower-case full name they stand for."""
    out: dict[str, list[str]] = {}
    for term in site.glossary:
        if term.expansion:
            out.setdefault(term.expansion.lower(), []).append(term.term)
    return out


def area_topics(site: m.Site, top: int = 25, base: m.Site | None = None, lang: str = "en") -> dict[str, list[str]]:
    """For each issue area, the words that set the titles of its articles and General Comments
    apart from those of other areas ("labor", "union" for work; "evictions" for housing).

    A hub is the way into everything filed under its area, so it should come up for the words
    of those standards even where its own text uses them rarely.

    For an edition in language `lang`, `base` is the English site: titles that are still the
    English ones (not yet translated) would otherwise outnumber the translated ones and crowd
    the edition's own words ("sindicatos") out of the list, so its own words come first.
    Which words set an area apart is judged on all titles alike."""
    english = {a.id: a.title for a in base.articles.values()} if base else {}
    english.update({g.id: g.title for g in base.general_comments.values()} if base else {})
    titles: dict[str, list[str]] = {}
    native: dict[str, list[str]] = {}
    for article in site.articles.values():
        for area in article.issue_areas:
            titles.setdefault(area, []).append(article.title)
            if base and english.get(article.id) != article.title:
                native.setdefault(area, []).append(article.title)
    for comment in site.general_comments.values():
        for ref in comment.interprets:
            article = site.article(ref)
            for area in article.issue_areas if article else ():
                titles.setdefault(area, []).append(comment.title)
                if base and english.get(comment.id) != comment.title:
                    native.setdefault(area, []).append(comment.title)
    out = {}
    for area, chosen in _distinctive(titles, STOP_WORDS["en"] + STOP_WORDS.get(lang, [])).items():
        own = {w for t in native.get(area, []) for w in words(t)}
        out[area] = list(dict.fromkeys([w for w in chosen if w in own] + chosen))[:top]
    return out


def _distinctive(titles: dict[str, list[str]], stop_words) -> dict[str, list[str]]:
    """For each group of titles, its words at least 1.5 times as frequent there as in all groups,
    most frequent and most distinctive first."""
    stop = set(stop_words)
    counts = {area: Counter(w for t in ts for w in words(t) if len(w) > 3 and w not in stop)
              for area, ts in titles.items()}
    overall: Counter[str] = Counter()
    for c in counts.values():
        overall.update(c)
    total = sum(overall.values()) or 1
    out = {}
    for area, c in counts.items():
        size = sum(c.values()) or 1
        lift = {w: (n / size) / (overall[w] / total) for w, n in c.items()}
        out[area] = sorted((w for w in c if lift[w] >= 1.5), key=lambda w: (-c[w] * lift[w], w))
    return out


# Kinds of mechanism (standards/mechanisms.yml) that belong to the UN system: its treaty bodies,
# the bodies based on the UN Charter, and the Special Procedures of the Human Rights Council.
UN_KINDS = {"treaty body", "charter-based", "special procedure"}
UN_NAME = {"en": "un", "es": "onu"}  # what readers of each language call the United Nations
# Words every page of this site is about: they tell no mechanism from another.
GENERIC_WORDS = {"human", "rights", "right"}


def mechanism_topics(site: m.Site, ids, lang: str = "en") -> tuple[str, ...]:
    """The words that name the mechanisms a page is the way into, most used first: each one's
    kind ("treaty body"), "UN" for the UN's own, and the short name of the body it belongs to.

    A toolkit on taking an issue abroad, or the mechanism finder, rarely says "UN body" in its
    own words, yet it is where a reader asking which UN body to go to should land. Long names
    are left out: "Special Rapporteur on adequate housing" would make such a page a housing page."""
    def root(x: m.Mechanism) -> m.Mechanism:
        seen = {x.id}
        while x.part_of in site.mechanisms and x.part_of not in seen:
            x = site.mechanisms[x.part_of]
            seen.add(x.id)
        return x

    skip = GENERIC_WORDS | set(STOP_WORDS["en"]) | set(STOP_WORDS.get(lang, []))
    counts: Counter[str] = Counter()
    for ident in dict.fromkeys(ids):
        x = site.mechanisms.get(ident)
        if x:
            named = words(f"{x.kind} {root(x).short_name}") + ([UN_NAME.get(lang, "un")] if x.kind in UN_KINDS else [])
            counts.update(set(named) - skip)
    return tuple(sorted(counts, key=lambda w: (-counts[w], w)))


def entries(site: m.Site, base: m.Site | None = None, lang: str = "en") -> dict[str, Entry]:
    """Index additions for every page, keyed by its site-relative URL (e.g. `rights/housing/`).
    For an edition in language `lang`, `base` is the English site (see area_topics)."""
    gloss = glossary_aliases(site)
    topics = area_topics(site, base=base, lang=lang)
    areas = {a.id: a.title for a in site.issue_areas.values()}
    out: dict[str, Entry] = {}

    def add(page: str, entry: Entry) -> None:
        out[paths.url_of(page)] = entry

    for module in site.modules.values():
        kind = MODULE_KINDS.get(module.type, "page")
        aliases: list[str] = []
        area = next((a for a in site.issue_areas.values() if a.hub == module.path), None)
        if area:
            aliases += [area.title, area.id.replace("-", " ")]
        keywords = tuple(topics.get(area.id, ())) if area else ()
        if kind == "toolkit" and module.mechanisms:  # a way into the mechanisms it covers
            keywords = mechanism_topics(site, [ref.target for ref in module.mechanisms], lang)
        add(module.path, Entry(kind, tuple(areas[a] for a in module.issue_areas if a in areas),
                               module.summary, tuple(aliases), keywords=keywords))
    for inst in site.instruments.values():
        inst_areas = tuple(dict.fromkeys(areas[x] for a in inst.articles for x in a.issue_areas if x in areas))
        aliases = [inst.short_title, inst.id.replace("-", " "), *gloss.get(inst.title.lower(), [])]
        add(paths.instrument_page(inst), Entry(
            "standard", inst_areas, inst.summary, tuple(dict.fromkeys(aliases)), inst.short_title,
            {a.anchor: tuple(areas[x] for x in a.issue_areas if x in areas) for a in inst.articles}))
    bodies = {g.body for g in site.general_comments.values()}
    for body in bodies:
        mech = site.mechanisms.get(body)
        label = mech.short_name if mech else body.upper()
        add(paths.general_comments_page(body), Entry("standard", (), "", (label, "General Comments"), label))
    for mech in site.mechanisms.values():
        aliases = [mech.short_name, *gloss.get(mech.name.lower(), [])]
        if "-" not in mech.id:
            aliases.append(mech.id)
        page = paths.mechanism_page(mech)
        known = out.get(paths.url_of(page))
        add(page, Entry("mechanism", known.areas if known else (), mech.summary,
                        tuple(dict.fromkeys((known.aliases if known else ()) + tuple(aliases)))))
    for workshop in site.workshops.values():
        add(paths.workshop_page(workshop), Entry("workshop", tuple(areas[a] for a in workshop.issue_areas if a in areas),
                                                 workshop.summary))
    if site.pathways:  # the finder: which of these mechanisms to go to
        add(paths.FINDER_PAGE, Entry("mechanism", keywords=mechanism_topics(
            site, [p.mechanism for p in site.pathways.values()], lang)))
    for page in (paths.STANDARDS_INDEX, paths.GENERAL_COMMENTS_INDEX):
        add(page, Entry("standard"))
    add(paths.MECHANISMS_INDEX, Entry("mechanism"))
    add(paths.WORKSHOPS_INDEX, Entry("workshop"))
    add(paths.GLOSSARY, Entry("page"))
    add(paths.ALL_PAGES, Entry("page", ignore=True))
    add("tags.md", Entry("page", ignore=True))
    return out


KIND_ORDER = ("right", "standard", "mechanism", "toolkit", "activity", "workshop", "explainer", "case", "page")
KIND_HEADINGS = {"right": "Rights", "standard": "Standards", "mechanism": "Mechanisms", "toolkit": "Toolkits",
                 "activity": "Activities", "workshop": "Workshops", "explainer": "Explainers", "case": "Case studies",
                 "page": "Other pages"}


def catalog(site: m.Site) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every page as (heading, [(title, docs-relative page)]), grouped by the types search filters on.

    This is the page search falls back to without JavaScript, so it lists what the index holds."""
    table = entries(site)
    titles = {module.path: module.title for module in site.modules.values()}
    titles.update({paths.instrument_page(i): languages.like(i.title, f"{i.title} ({i.short_title})")
                   for i in site.instruments.values()})
    for body in {g.body for g in site.general_comments.values()}:
        mech = site.mechanisms.get(body)
        titles[paths.general_comments_page(body)] = f"{mech.short_name if mech else body.upper()} General Comments"
    titles.update({paths.mechanism_page(x): x.name for x in site.mechanisms.values() if not x.guide})
    titles.update({paths.workshop_page(w): w.title for w in site.workshops.values()})
    titles.update({paths.STANDARDS_INDEX: "Human rights standards", paths.GENERAL_COMMENTS_INDEX: "General Comments",
                   paths.MECHANISMS_INDEX: "Mechanisms", paths.WORKSHOPS_INDEX: "Workshops",
                   paths.GLOSSARY: "Glossary"})
    groups: dict[str, list[tuple[str, str]]] = {}
    for page, title in titles.items():
        entry = table.get(paths.url_of(page))
        if entry and not entry.ignore:
            groups.setdefault(entry.kind, []).append((title, page))
    return [(KIND_HEADINGS[k], sorted(groups[k], key=lambda t: t[0].lower())) for k in KIND_ORDER if k in groups]


def entry_for(url: str, lang: str, table: dict[str, Entry]) -> Entry | None:
    """The entry of a page; a translation under /<lang>/ shares its English page's entry."""
    if url in table:
        return table[url]
    prefix = f"{lang}/"
    if url.startswith(prefix):
        return table.get(url[len(prefix):])
    return None
