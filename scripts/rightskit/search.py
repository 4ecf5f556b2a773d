"""Site search: index the built site with Pagefind, and write what the browser needs besides.

The pages on disk stay as MkDocs wrote them. Each page is handed to Pagefind with a few additions
that only the index needs (so readers never download them): its page type and issue areas as
filters, its summary, the aliases the data gives it (abbreviations, short titles, glossary terms)
and American spellings of British words. Instrument and General Comment pages are split, so each
article and each comment is a result of its own that links to its anchor.

Pagefind has no fuzzy matching, and it returns only pages that contain every word of a query.
So for each language this module also writes `pagefind/words-<lang>.json`: the indexed words
with their page counts (for correcting typos in the browser), stop words, and the spelling rules.

Nothing here imports MkDocs: the plugin (or anything else) calls `index_site` after a build.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from . import model as m
from . import languages, pagefind_meta, paths, sitesync
from .search_cache import RECORDS_DIR, Memo, locked, sync_files

BUNDLE_DIR = "pagefind"  # where the index is written, relative to the site
SEARCH_DIR = "search"  # in the build cache: Pagefind's record files and its last output
ALL_PAGES = paths.ALL_PAGES  # the no-JavaScript fallback: every page, by type

# Filter values shown to readers, per language. Spanish is the only other edition so far.
KIND_LABELS = {
    "en": {"right": "Right", "standard": "Standard", "mechanism": "Mechanism", "toolkit": "Toolkit",
           "activity": "Activity", "workshop": "Workshop", "explainer": "Explainer", "case": "Case study", "page": "Page"},
    "es": {"right": "Derecho", "standard": "Norma", "mechanism": "Mecanismo", "toolkit": "Herramientas",
           "activity": "Actividad", "workshop": "Taller", "explainer": "Explicación", "case": "Estudio de caso", "page": "Página"},
}
MODULE_KINDS = {"issue area": "right", "mechanism guide": "mechanism", "toolkit": "toolkit",
                "activity": "activity", "explainer": "explainer", "case": "case", "page": "page"}

# Parts of a page that are not its content: permalink signs, the edit button, tags, and the
# lists of links that generated pages carry (they are marked data-pagefind-ignore in templates).
EXCLUDE = (".headerlink", ".md-content__button", ".md-tags", ".md-source-file", ".rk-search-skip")

# A heading found on this many pages or more is template structure, not a topic: plain weight.
COMMON_HEADING_PAGES = 5

# Headings whose id starts a result of its own: articles of an instrument, General Comments.
SPLIT_IDS = re.compile(r"^(article|gc)-")

# Words dropped from queries of several words: Pagefind requires every word to match, and
# "landlord will not fix mold" should not need a page that says "will".
STOP_WORDS = {
    "en": sorted("""a about after all also am an and any are as at be been being but by can could did do
        does doing for from get got had has have how i if in into is it its let me my no not of on or our
        out shall should so than that the their them then there these they this to too up us was we were what when
        where which while who why will with would you your""".split()
        # Words that tell the reader's situation, not the topic: "facing eviction" is about eviction.
        + "dealing facing need needs trying want".split()),
    "es": sorted("""a al algo como con de del donde el ella en es esta este hay la las lo los mas me mi mis
        no o para pero por que se sin sobre su sus tu un una unas unos y ya""".split()),
}

# What readers call something, and the words the site uses for it: a search for the first also
# finds pages with the others (ranked a little lower): "file a complaint" finds the pages on
# petitions and communications, "fix mold" the pages on repairs.
SYNONYMS = {
    "en": {
        "complaint": ["petition", "communication"],
        "complaints": ["petitions", "communications"],
        "fix": ["repair"],
        "fixed": ["repaired"],
        "fixing": ["repairing"],
    },
}

# Pages for contributors and maintainers, not readers (reference, review and translation
# status): still found, but ranked below reader pages (search.js multiplies their value).
CONTRIBUTOR_PAGES = ("contribute/", paths.url_of(paths.REVIEW), "about/translations/")

# British spellings readers type, rewritten to the American spelling the site uses. The same rules
# run here (so a page that quotes "International Labour Organization" is found by "labor") and in
# the browser on the query (so "organise" finds "organize"); the browser applies a rewrite only when
# the result is an indexed word, so "promise" is never turned into "promize".
SPELLING_RULES = [
    (r"^(.{2,})is(e|es|ed|ing|er|ers|ation|ations|ational)$", r"\1iz\2"),
    (r"^(anal|paral|catal)ys(e|es|ed|ing)$", r"\1yz\2"),
    (r"^(lab|fav|behavi|col|hon|neighb|harb|rum|flav|hum|vig|endeav|savi|val|rig)our([a-z]*)$", r"\1or\2"),
    (r"^(cent|theat|fib|lit|spect|calib)re(s)?$", r"\1er\2"),
    (r"^(cent|theat|fib|spect|calib)red$", r"\1ered"),
    (r"^(fulfil|enrol|instal|distil|instil|skil)(ment|ments|s|ful)?$", r"\1l\2"),
    (r"^programme(s)?$", r"program\1"),
    (r"^(de|of)fence(s)?$", r"\1fense\2"),
    (r"^licence(s)?$", r"license\1"),
    (r"^practis(e|es|ed|ing)$", r"practic\1"),
    (r"^judgement(s)?$", r"judgment\1"),
    (r"^ageing$", "aging"),
    (r"^mould(s|y|ed|ing)?$", r"mold\1"),
    (r"^grey$", "gray"),
    (r"^(travel|cancel|label|model|counsel|signal|fuel|level)l(ed|ing|er|ers|or|ors)$", r"\1\2"),
    (r"^paediatric(s|ian|ians)?$", r"pediatric\1"),
]
# Words the -ise rule must not touch (they end in -ise in American English too).
SPELLING_KEEP = set("""advertise advise advised advises advising apprise arise chastise circumcise
    comprise comprised comprises comprising compromise compromised compromises concise demise despise
    devise devised disguise enterprise enterprises excise exercise exercised exercises exercising expertise
    franchise improvise incise likewise merchandise noise otherwise paradise poise praise precise premise
    premises promise promised promises promising raise raised raises raising reprise revise revised
    revises revising rise rises supervise supervised supervises supervising surprise surprised surprises
    televise treatise treatises wise cruise""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def americanize(word: str) -> str:
    """The American spelling of a (lower-case) word; the word itself when no rule applies."""
    if word in SPELLING_KEEP:
        return word
    for pattern, replacement in SPELLING_RULES:
        new, count = re.subn(pattern, replacement, word)
        if count:
            return new
    return word


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


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
    add(ALL_PAGES, Entry("page", ignore=True))
    add("tags.md", Entry("page", ignore=True))
    return out


KIND_ORDER = ("right", "standard", "mechanism", "toolkit", "activity", "workshop", "explainer", "case", "page")
KIND_HEADINGS = {"right": "Rights", "standard": "Standards", "mechanism": "Mechanisms", "toolkit": "Toolkits",
                 "activity": "Activities", "workshop": "Workshops", "explainer": "Explainers", "case": "Case studies", "page": "Other pages"}


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


# --- preparing a page for the index ------------------------------------------------------

_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"", re.I)
_BODY = re.compile(r"<div data-pagefind-body>")
_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>", re.S)
# The "last updated" box: excluded from the index (EXCLUDE), and on pages git has no history for
# it holds the build time to the second, which would make their records differ at every build.
_SOURCE_FILE = re.compile(r"<aside class=\"md-source-file\">.*?</aside>", re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Record:
    url: str  # as the browser gets it: /rights/housing/ or /standards/icescr/#article-11
    lang: str
    html: str
    areas: tuple[str, ...] = ()  # issue areas it is filed under


INDEX_ONLY = '<div class="rk-index-only" data-pagefind-ignore="index">'
LIST_PAGE = '<div class="rk-list-page"'  # a page of a complete list (templates/pages/list.md.j2): never a result


def language(page_html: str) -> str:
    match = _LANG.search(page_html)
    return match.group(1).split("-")[0].lower() if match else "unknown"


def _text(fragment: str) -> str:
    return html.unescape(_TAGS.sub(" ", fragment))


def _additions(entry: Entry, lang: str, areas: tuple[str, ...], extra_words: str) -> str:
    """Filters, meta and aliases for one record, as HTML Pagefind reads but nobody sees.

    Placed at the end of the record, so excerpts come from the page's own text around a match."""
    labels = KIND_LABELS.get(lang, KIND_LABELS["en"])
    kind = html.escape(labels[entry.kind])
    parts = [f'<span data-pagefind-filter="type" data-pagefind-meta="type">{kind}</span>']
    parts += [f'<span data-pagefind-filter="area">{html.escape(a)}</span>' for a in areas]
    block = f'{INDEX_ONLY}{"".join(parts)}</div>'
    aliases = list({a.lower(): a for a in reversed(entry.aliases)}.values())[::-1]
    if aliases:
        block += f'<p data-pagefind-weight="8">{html.escape(" · ".join(aliases))}</p>'
    if entry.keywords:
        block += f'<p data-pagefind-weight="2">{html.escape(" ".join(entry.keywords))}</p>'
    if extra_words:
        block += f'<p data-pagefind-weight="1">{html.escape(extra_words)}</p>'
    return block


def _summary_block(summary: str, body: str) -> str:
    """The page's summary, weighted above the body, unless the page already shows it."""
    if not summary or " ".join(summary.split())[:60] in " ".join(_text(body).split()):
        return ""
    return f'<p data-pagefind-weight="5">{html.escape(summary)}</p>'


def spelling_variants(text: str) -> str:
    """American spellings of the British words in a text, to index alongside it."""
    found = {w for w in words(text)}
    return " ".join(sorted({americanize(w) for w in found} - found))


def _split(body: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Cut the sections that are results of their own out of a page body.

    Returns the rest of the body and (anchor, heading text, section HTML) for each section; a
    section runs to the next heading of the same or a higher level."""
    heads = list(_HEADING.finditer(body))
    sections, rest, cursor = [], [], 0
    for i, head in enumerate(heads):
        if not SPLIT_IDS.match(head.group(2)) or head.start() < cursor:
            continue
        level = int(head.group(1))
        end = next((h.start() for h in heads[i + 1:] if int(h.group(1)) <= level), len(body))
        if end == len(body):  # the section ends where the page body does
            end = body.rfind("</div>") if body.rstrip().endswith("</div>") else len(body)
        rest.append(body[cursor:head.start()])
        title = " ".join(_text(_PERMALINK.sub("", head.group(3))).split())
        sections.append((head.group(2), title, body[head.end():end]))
        cursor = end
    rest.append(body[cursor:])
    return "".join(rest), sections


def heading_text(inner_html: str) -> str:
    return " ".join(_text(_PERMALINK.sub("", inner_html)).split()).lower()


def common_headings(pages: list[str], at_least: int = COMMON_HEADING_PAGES) -> set[str]:
    """Headings that recur on many pages ("Overview", "Facilitator tips", "Sources"): they come
    from templates and say nothing about a page's topic."""
    counts: Counter[str] = Counter()
    for page_html in pages:
        counts.update({heading_text(h.group(3)) for h in _HEADING.finditer(page_html)})
    return {text for text, n in counts.items() if n >= at_least}


def _demote(body: str, common: set[str]) -> str:
    """Index recurring headings as body text instead of with a heading's weight."""
    def plain(match: re.Match) -> str:
        if heading_text(match.group(3)) not in common:
            return match.group(0)
        return match.group(0).replace(f"<h{match.group(1)}", f'<h{match.group(1)} data-pagefind-weight="1"', 1)

    return _HEADING.sub(plain, body) if common else body


def records(page_html: str, url: str, entry: Entry | None, common: set[str] = frozenset(),
            memo: Memo | None = None) -> list[Record]:
    """The records Pagefind indexes for one built page (none for pages outside the index)."""
    variants = (lambda text: memo.get("spelling", text, spelling_variants)) if memo else spelling_variants
    lang = language(page_html)
    match = _BODY.search(page_html)
    if not match or (entry and entry.ignore) or LIST_PAGE in page_html:
        return []
    page_html = _SOURCE_FILE.sub("", _PERMALINK.sub("", page_html))
    match = _BODY.search(page_html)
    end = page_html.find("</article>", match.end())
    body = _demote(page_html[match.end():end], common)
    entry = entry or Entry("page")
    rest, sections = _split(body)
    added = _additions(entry, lang, entry.areas, variants(_text(rest) + " " + entry.summary))
    close = rest.rfind("</div>")  # the end of the data-pagefind-body element
    rest = rest[:close] if close >= 0 else rest
    # Pagefind gets the body alone: the navigation and header around it would only be parsed and
    # dropped, and they are most of a page's bytes (indexing 2,000 pages took minutes with them).
    out = [Record(url, lang, _document(lang, _summary_block(entry.summary, rest) + rest + added), entry.areas)]
    for anchor, title, section in sections:
        label = f"{entry.label} {title}" if entry.label else title
        areas = entry.part_areas.get(anchor, ())
        extra = variants(_text(section))
        doc = _document(lang, f"<h1>{html.escape(label)}</h1>{section}{_additions(entry, lang, areas, extra)}")
        out.append(Record(f"{url}#{anchor}", lang, doc, areas))
    return out


def _document(lang: str, body: str) -> str:
    return (f'<!doctype html><html lang="{html.escape(lang)}"><body><div data-pagefind-body>{body}</div>'
            f"</body></html>")


# --- words for typo correction -----------------------------------------------------------

class _Text(HTMLParser):
    """The indexed text of a record: inside data-pagefind-body, outside ignored elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the body
        self.skip = 0  # depth at which an ignored element opened (0: not skipping)
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            classes = set((attrs.get("class") or "").split())
            ignored = "data-pagefind-ignore" in attrs or tag in ("nav", "footer", "script", "style", "form")
            if not self.skip and (ignored or classes & {s[1:] for s in EXCLUDE}):
                self.skip = self.depth
        elif "data-pagefind-body" in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        if self.skip == self.depth:
            self.skip = 0
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.chunks.append(data)


def indexed_text(record_html: str) -> str:
    parser = _Text()
    parser.feed(record_html)
    return " ".join(parser.chunks)


def vocabulary(texts: list[str]) -> dict[str, int]:
    """Each word of four letters or more, with the number of records it appears in."""
    return vocabulary_of(long_words(text) for text in texts)


def long_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) >= 4)


def vocabulary_of(word_sets) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for found in word_sets:
        counts.update(found)
    return dict(sorted(counts.items()))


def words_file(lang: str, vocab: dict[str, int], results: dict[str, tuple[str, str]],
               table: dict[str, Entry]) -> dict:
    """What the browser needs besides Pagefind: words with page counts (typo correction), stop
    words, spelling rules (as JavaScript replacement strings), each result's title by Pagefind
    id (so results can be ranked by their titles without fetching each one), for each hub
    the words of its issue area, which count like words of its title, synonyms of query words,
    and the results meant for contributors rather than readers."""
    titles = {ident: title for ident, (title, _) in results.items()}
    topics = {}
    minor = sorted(ident for ident, (_, url) in results.items() if is_contributor_page(url, lang))
    for ident, (_, url) in results.items():
        entry = entry_for(url.lstrip("/"), lang, table)
        if entry and entry.keywords:
            topics[ident] = " ".join(entry.keywords)
    return {"lang": lang, "pages": len(titles), "words": vocab, "stop": STOP_WORDS.get(lang, []),
            "spelling": [[p, r.replace("\\", "$")] for p, r in SPELLING_RULES], "keep": sorted(SPELLING_KEEP),
            "titles": titles, "topics": topics, "synonyms": SYNONYMS.get(lang, {}), "minor": minor}


def is_contributor_page(url: str, lang: str) -> bool:
    """Whether a result is for contributors or maintainers (its translation too)."""
    path = url.lstrip("/")
    if path.startswith(f"{lang}/"):
        path = path[len(lang) + 1:]
    return path.startswith(CONTRIBUTOR_PAGES)


def fragment_results(bundle: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """(title, url) of every result Pagefind wrote, by language and Pagefind id (fragment name)."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for file in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        ident = file.stem
        meta = record.get("meta", {})
        out.setdefault(ident.split("_", 1)[0], {})[ident] = (meta.get("title", ""), meta.get("url") or record["url"])
    return out


# --- running Pagefind --------------------------------------------------------------------

@dataclass
class Report:
    pages: int  # HTML files read
    records: int  # results in the index (pages plus split sections)
    languages: dict[str, int]  # records per language
    ran: bool = True  # False when Pagefind's output from identical record files was reused


def indexable_part(page_html: str) -> str:
    """What `records` and `common_headings` read of a built page: its language, whether it is a
    list page, and its body, with any heading outside the body. Both give the same results for the
    part as for the page, and the part is a quarter of the page or less (the navigation is most of
    it), so a build keeps the parts of all its pages instead of reading them back whole."""
    lang = _LANG.search(page_html)
    head = f'<html lang="{lang.group(1)}">' if lang else ""
    if LIST_PAGE in page_html:
        head += LIST_PAGE + "></div>"
    match = _BODY.search(page_html)
    if not match:
        return head + "".join(h.group(0) for h in _HEADING.finditer(page_html))
    end = page_html.find("</article>", match.end())
    end = len(page_html) if end < 0 else end + len("</article>")
    outside = "".join(h.group(0) for h in (*_HEADING.finditer(page_html, 0, match.start()), *_HEADING.finditer(page_html, end)))
    return head + outside + page_html[match.start():end]


def page_address(rel: str) -> str | None:
    """The address a built file is indexed under (site-relative, no leading slash), or None for
    files that are never results (the 404 page, Pagefind's own)."""
    if rel.startswith(f"{BUNDLE_DIR}/") or rel == "404.html":
        return None
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def collect(site_dir: Path, table: dict[str, Entry], memo: Memo | None = None,
            parts: dict[str, str] | None = None) -> list[Record]:
    """The records of a built site. `parts`: the indexable part of each page by its path in the
    site (as the build kept them); without it, the site's HTML files are read."""
    if parts is None:
        parts = {file.relative_to(site_dir).as_posix(): indexable_part(file.read_text(encoding="utf-8"))
                 for file in site_dir.rglob("*.html")}
    # In the order of their paths' parts, as Path sorts them: the word lists follow this order.
    pages = {url: parts[rel] for rel in sorted(parts, key=lambda rel: rel.split("/"))
             if (url := page_address(rel)) is not None}
    common = common_headings(list(pages.values()))
    out: list[Record] = []
    for url, page_html in pages.items():
        out += records(page_html, "/" + url, entry_for(url, language(page_html), table), common, memo)
    return out


def _record_files(items: list[Record]) -> dict[str, str]:
    """The record files Pagefind reads, by path. Each record is a small HTML file of its own; a
    section's address (`#article-11`) cannot be a file path, so it travels as the `url` meta,
    which search.js prefers."""
    files: dict[str, str] = {}
    for item in items:
        path, _, anchor = item.url.partition("#")
        folder = path.strip("/")
        if anchor:
            folder = f"{folder}/_{anchor}".lstrip("/")
            body_at = item.html.index("<div data-pagefind-body>")
            item_html = (item.html[:body_at] + f'<span data-pagefind-meta="url:{html.escape(item.url)}"></span>'
                         + item.html[body_at:])
        else:
            item_html = item.html
        files[f"{folder}/index.html".lstrip("/")] = item_html
    return files


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:  # pragma: no cover - installed with the package
        return "?"


ENTRY = "pagefind-entry.json"  # names each language's metadata; one per run, merged in the site


def _write(items: list[Record], work: Path) -> bool:
    """Run the Pagefind CLI (its binary ships in the `pagefind[bin]` wheel) over one language's
    records, into work/bundle; returns False when it was not run because `work` already holds the
    bundle made from these very record files.

    `work` is a folder in the build cache (or a temporary one). The record files stay there between
    builds and only changed ones are rewritten (search_cache.sync_files). Pagefind has no incremental
    mode, but its output depends on nothing but its record files, its version and its settings:
    when none of them changed since the bundle was made, the bundle is that run's output as is.
    The CLI, not the Python API: the API waits a tenth of a second per file (2,000 pages took minutes)."""
    records, bundle, stamp = work / RECORDS_DIR, work / "bundle", work / "bundle.stamp"
    config = {"site": str(records), "output_path": str(bundle), "exclude_selectors": list(EXCLUDE)}
    expected = json.dumps([config, pagefind_version()])
    try:
        previous = stamp.read_text(encoding="utf-8")
    except OSError:
        previous = None
    # Unset while the records may differ from the bundle: a build stopped here must not leave a
    # stamp vouching for a bundle that no longer matches its records.
    stamp.unlink(missing_ok=True)
    changed = sync_files(records, _record_files(items))
    if not changed and previous == expected and bundle.is_dir():
        stamp.write_text(expected, encoding="utf-8")
        return False
    (work / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{done.stdout}{done.stderr}")
    for path in pagefind_meta.stale_files(bundle):  # Pagefind adds to its output folder, never removes
        path.unlink()
    stamp.write_text(expected, encoding="utf-8")
    return True


def _merged_entry(bundles: list[Path]) -> bytes:
    """One `pagefind-entry.json` for the runs of every language: each run's names its own."""
    entries = [json.loads((b / ENTRY).read_text(encoding="utf-8")) for b in bundles]
    merged = dict(entries[0])
    merged["languages"] = {lang: v for e in entries for lang, v in sorted(e.get("languages", {}).items())}
    return _compact_json(merged)


def _compact_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def index_site(site_dir: Path, site: m.Site, editions: dict[str, m.Site] | None = None,
               aliases: dict[str, dict[str, tuple[str, ...]]] | None = None, cache_dir: Path | None = None,
               parts: dict[str, str] | None = None) -> Report:
    """Index a built site into site_dir/pagefind/, with one index and one word list per language.
    `editions` gives the site as each other language's readers see it (translations.localize), so
    pages under /<lang>/ get their summaries, aliases and filters in that language; `aliases` adds
    words by language and URL (translations.search_aliases: Spanish terms for English fallbacks).
    `parts`: each page's `indexable_part`, by its path in site_dir, as the build produced them; then
    only those pages are indexed, and nothing is read back (see `collect`)."""
    site_dir = Path(site_dir)
    table = entries(site)
    for lang, edition in (editions or {}).items():
        extra = (aliases or {}).get(lang, {})
        table.update({f"{lang}/{url}": replace(entry, aliases=entry.aliases + extra.get(url, ()))
                      for url, entry in entries(edition, site, lang).items()})
    memo = Memo(cache_dir)  # with no cache_dir, in memory: the same results, nothing kept
    items = collect(site_dir, table, memo, parts)
    if not items:  # nothing marked for the index (a theme without our overrides): no search
        shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # an earlier build's, in a reused folder
        return Report(0, 0, {})
    pages, count = len({i.url.split("#")[0] for i in items}), len(items)
    by_lang: dict[str, list[Record]] = {}
    for item in items:
        by_lang.setdefault(item.lang, []).append(item)
    with contextlib.ExitStack() as stack:
        work = Path(cache_dir) / SEARCH_DIR if cache_dir else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        stack.enter_context(locked(work))  # `make serve` and `make site` share the cache
        # One Pagefind run per language, each over its own records: Pagefind holds everything it
        # indexes in memory (about 1 GB for both languages at 2,000 extra modules), and a language
        # whose records did not change keeps its last run's output.
        ran = False
        for lang, lang_items in sorted(by_lang.items()):
            ran |= _write(lang_items, work / lang)
        for old in (work / RECORDS_DIR, work / BUNDLE_DIR, *(p for p in work.iterdir() if p.is_dir()
                                                                and p.name not in by_lang)):
            shutil.rmtree(old, ignore_errors=True)  # a language gone, or the single run of earlier versions
        bundles = [work / lang / "bundle" for lang in sorted(by_lang)]
        out = site_dir / BUNDLE_DIR
        sitesync.mirror(bundles, out, skip=(ENTRY, "words-*.json"))
        files = {ENTRY: _merged_entry(bundles)}
        results: dict[str, dict[str, tuple[str, str]]] = {}
        for bundle in bundles:
            results.update(fragment_results(bundle))
        for lang, lang_items in sorted(by_lang.items()):
            texts = [memo.get("words", item.html, lambda h: long_words(indexed_text(h))) for item in lang_items]
            files[f"words-{lang}.json"] = _compact_json(words_file(lang, vocabulary_of(texts), results.get(lang, {}), table))
        memo.save()
        for path in out.glob("words-*.json"):
            if path.name not in files:
                path.unlink()
        for name, data in files.items():
            if not sitesync.same_bytes(out / name, data):
                (out / name).write_bytes(data)
    return Report(pages, count, {lang: len(lang_items) for lang, lang_items in by_lang.items()}, ran)
