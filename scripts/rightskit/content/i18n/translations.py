"""Translations: the `es:` blocks of the YAML data, translated pages (`x.es.md`), and whether each
translation is current with its English source.

The loader hands this module the records it read with their raw YAML and the translated pages;
`attach` turns them into one `Translation` per language on `site.translations`, `localize` gives the
site as a reader of that language sees it (the same records, Spanish text where there is some),
and `status` says which pages are translated, stale or missing.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rightskit.content import markup, validate
from rightskit.content.i18n import blockstatus, untranslated
from rightskit.core import languages, paths
from rightskit.core import model as m
from rightskit.core import schema
from rightskit.core.fields import Fields
from rightskit.core.findings import WARNING, Finding
from rightskit.core.yamltext import LineList, LineMap

# --- the Spanish (or other) texts of YAML records -----------------------------------------


@dataclass
class InstrumentText:
    title: str
    short_title: str
    summary: str
    us_notes: str
    source: m.Source


@dataclass
class ArticleText:
    title: str
    summary: str
    source: m.Source


@dataclass
class GlossaryText:
    term: str
    expansion: str
    definition: str
    source: m.Source


@dataclass
class IssueAreaText:
    title: str
    summary: str
    source: m.Source


@dataclass
class MechanismText:
    name: str
    short_name: str
    summary: str
    us_access: str
    source: m.Source


@dataclass
class AgendaText:
    title: str
    notes: str
    source: m.Source
    script: str = ""  # the short talk, one paragraph a line like the English
    chart: list[str] = field(default_factory=list)  # the flip chart's column headings, in the same order


@dataclass
class GeneralCommentText:
    title: str
    summary: str
    key_ideas: list[str]  # the English list translated entry by entry, in the same order
    source: m.Source


@dataclass
class WorkshopText:
    title: str
    summary: str
    objectives: list[str]
    materials: list[str]
    preparation: list[str]
    agenda: dict[int, AgendaText]  # by position in the agenda
    source: m.Source
    participant_objectives: list[str] = field(default_factory=list)


@dataclass
class Translation:
    """Everything translated into one language."""

    lang: str
    instruments: dict[str, InstrumentText] = field(default_factory=dict)
    articles: dict[str, ArticleText] = field(default_factory=dict)  # by article id, e.g. icescr/11
    glossary: dict[str, GlossaryText] = field(default_factory=dict)  # by English term
    issue_areas: dict[str, IssueAreaText] = field(default_factory=dict)
    mechanisms: dict[str, MechanismText] = field(default_factory=dict)
    workshops: dict[str, WorkshopText] = field(default_factory=dict)
    general_comments: dict[str, GeneralCommentText] = field(default_factory=dict)  # by id, e.g. cescr-gc-4
    pages: dict[str, m.Module] = field(default_factory=dict)  # translated pages, by English docs path
    blocks: list[blockstatus.BlockStatus] = field(default_factory=list)  # each `<lang>:` block of the data files
    # The source_hash of every English page's body, taken when the translations are attached: the
    # site as a reader of `lang` sees it (`localize`) holds the translated bodies, so a page's state
    # cannot be read from it, and both editions' translation pages must give the same counts.
    english_hashes: dict[str, str] = field(default_factory=dict)


# Optional keys of each `es:` block, from schema.py (the reference pages and JSON Schemas list the
# same). summary, us_notes and us_access are allowed too, so a page in Spanish need not show those
# paragraphs in English. A General Comment's Spanish title describes its subject: not an official title.
INSTRUMENT_KEYS = schema.translated_fields(schema.INSTRUMENT.fields)
ARTICLE_KEYS = schema.translated_fields(schema.ARTICLE)
GLOSSARY_KEYS = schema.translated_fields(schema.TERM.fields)
ISSUE_AREA_KEYS = schema.translated_fields(schema.ISSUE_AREA.fields)
MECHANISM_KEYS = schema.translated_fields(schema.MECHANISM.fields)
WORKSHOP_KEYS = schema.translated_fields(schema.WORKSHOP.fields)
AGENDA_KEYS = schema.translated_fields(schema.AGENDA_ITEM)
GENERAL_COMMENT_KEYS = schema.translated_fields(schema.GENERAL_COMMENT)


def text_block(data: LineMap, lang: str, path: str, findings: list[Finding], what: str,
               keys: tuple[str, ...]) -> Fields | None:
    """The record's `<lang>:` block as Fields, or None (with a finding when it is not a mapping)."""
    if lang not in data:
        return None
    block = data[lang]
    if not isinstance(block, LineMap):
        findings.append(Finding(path, data.line_of(lang), f"'{lang}' in {what} must be a mapping of fields",
                                f"for example '{lang}: {{{keys[0]}: …}}'"))
        return None
    return Fields(block, path, findings, f"'{lang}' block of {what}", keys + (blockstatus.KEY,))


def track(edition: Translation, data: LineMap, f: Fields, what: str, english) -> None:
    """Record a block's source_hash and the hash of the English it translates today (`english`: the
    record, whose fields have the block's key names)."""
    keys = [k for k in f.data if k != blockstatus.KEY]
    values = {k: getattr(english, k, "") for k in keys}
    edition.blocks.append(blockstatus.BlockStatus(f.path, data.line_of(edition.lang), what,
                                                  f.text(blockstatus.KEY, required=False),
                                                  blockstatus.english_hash(values, keys), data.line))


def list_length(f: Fields, key: str, english: list, findings: list[Finding]) -> list[str]:
    """A translated list, which must be as long as the English one (empty, so English shows, if not)."""
    values = f.text_list(key)
    if values and len(values) != len(english):
        findings.append(Finding(f.path, f.line(key), f"'{key}' has {len(values)} entries, the English has "
                                f"{len(english)}", "translate each entry once, in the same order"))
        return []
    return values


def read_texts(records: list[tuple[object, LineMap]], edition: Translation, findings: list[Finding]) -> None:
    """Collect the `<lang>:` blocks of the records the loader read, with a finding for each bad one."""
    lang = edition.lang
    for record, data in records:
        path = record.source.path
        if isinstance(record, m.Instrument):
            f = text_block(data, lang, path, findings, "instrument", INSTRUMENT_KEYS)
            if f:
                track(edition, data, f, f"instrument {record.id}", record)
                edition.instruments[record.id] = InstrumentText(
                    f.text("title", required=False), f.text("short_title", required=False),
                    f.text("summary", required=False), f.text("us_notes", required=False), m.Source(path, f.line()))
            items = data.get("articles")
            for item in items if isinstance(items, LineList) else []:
                if not isinstance(item, LineMap):
                    continue
                a = text_block(item, lang, path, findings, "article", ARTICLE_KEYS)
                if a:
                    ident = f"{record.id}/{item.get('number')}"
                    track(edition, item, a, f"article {ident}",
                          next((x for x in record.articles if x.id == ident), None))
                    edition.articles[ident] = ArticleText(a.text("title", required=False),
                                                          a.text("summary", required=False), m.Source(path, a.line()))
        elif isinstance(record, m.GlossaryTerm):
            f = text_block(data, lang, path, findings, "glossary term", GLOSSARY_KEYS)
            if f:
                track(edition, data, f, f"glossary term {record.term}", record)
                edition.glossary[record.term] = GlossaryText(
                    f.text("term"), f.text("expansion", required=False), f.text("definition"), m.Source(path, f.line()))
        elif isinstance(record, m.IssueArea):
            f = text_block(data, lang, path, findings, "issue area", ISSUE_AREA_KEYS)
            if f:
                track(edition, data, f, f"issue area {record.id}", record)
                edition.issue_areas[record.id] = IssueAreaText(f.text("title"), f.text("summary", required=False),
                                                               m.Source(path, f.line()))
        elif isinstance(record, m.Mechanism):
            f = text_block(data, lang, path, findings, "mechanism", MECHANISM_KEYS)
            if f:
                track(edition, data, f, f"mechanism {record.id}", record)
                edition.mechanisms[record.id] = MechanismText(
                    f.text("name"), f.text("short_name", required=False), f.text("summary", required=False),
                    f.text("us_access", required=False), m.Source(path, f.line()))
        elif isinstance(record, m.Workshop):
            _workshop_texts(record, data, edition, findings)
        elif isinstance(record, m.GeneralComment):
            f = text_block(data, lang, path, findings, "General Comment", GENERAL_COMMENT_KEYS)
            if f:
                track(edition, data, f, f"General Comment {record.id}", record)
                edition.general_comments[record.id] = GeneralCommentText(
                    f.text("title", required=False), f.text("summary", required=False),
                    list_length(f, "key_ideas", record.key_ideas, findings), m.Source(path, f.line()))


def _workshop_texts(w: m.Workshop, data: LineMap, edition: Translation, findings: list[Finding]) -> None:
    path, lang = w.source.path, edition.lang
    f = text_block(data, lang, path, findings, "workshop", WORKSHOP_KEYS)
    agenda: dict[int, AgendaText] = {}
    items = data.get("agenda")
    for index, item in enumerate(items if isinstance(items, LineList) else []):
        if not isinstance(item, LineMap):
            continue
        a = text_block(item, lang, path, findings, "agenda item", AGENDA_KEYS)
        if a:
            if index < len(w.agenda):
                track(edition, item, a, f"agenda item {index + 1} of workshop {w.id}", w.agenda[index])
            agenda[index] = AgendaText(a.text("title", required=False), a.text("notes", required=False),
                                       m.Source(path, a.line()), a.text("script", required=False),
                                       a.text_list("chart"))
    if f is None:
        if agenda:
            findings.append(Finding(path, data.line, f"agenda items are translated but the workshop has no "
                                    f"'{lang}:' block", f"add '{lang}: {{title: …, summary: …}}'"))
        return
    track(edition, data, f, f"workshop {w.id}", w)
    edition.workshops[w.id] = WorkshopText(
        f.text("title"), f.text("summary"), list_length(f, "objectives", w.objectives, findings),
        list_length(f, "materials", w.materials, findings), list_length(f, "preparation", w.preparation, findings),
        agenda, m.Source(path, f.line()),
        list_length(f, "participant_objectives", w.participant_objectives, findings))


# --- translated pages ---------------------------------------------------------------------

def source_hash(body: str) -> str:
    """The revision of an English page a translation was made from: the first 12 hex digits of the
    sha256 of its Markdown body (after the front matter), newlines normalized, stripped. Editing only
    the front matter (a review date) therefore leaves its translations current."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def attach(site: m.Site, records: list[tuple[object, LineMap]], pages: list[m.Module],
           findings: list[Finding]) -> None:
    """Build `site.translations` from the YAML records and the translated pages the loader read.
    A translation whose English source does not exist is an error."""
    for lang in languages.TRANSLATIONS:
        edition = Translation(lang, english_hashes={path: source_hash(x.body) for path, x in site.modules.items()})
        read_texts(records, edition, findings)
        for page in pages:
            if page.lang != lang:
                continue
            english = languages.source_path(page.path)
            source = site.modules.get(english)
            if source is None:
                findings.append(Finding(page.source.path, 1, f"this translates '{english}', which does not exist",
                                        "rename the translation after its English page, or delete it"))
                continue
            if not page.source_hash:
                findings.append(Finding(page.source.path, 1, "missing 'source_hash' in a translation",
                                        f"run: rightskit translation --mark-current {page.source.path}"))
            if page.type != source.type:
                findings.append(Finding(page.source.path, 1, f"type '{page.type}' differs from the English "
                                        f"page's '{source.type}'", f"use type: {source.type}"))
            edition.pages[english] = page
        for w in site.workshops.values():  # a workshop offered in a language has its texts in it
            if lang in w.languages and w.id not in edition.workshops:
                findings.append(Finding(w.source.path, w.source.line, f"'languages' lists '{lang}' but the "
                                        f"workshop has no '{lang}:' block", f"translate it in a '{lang}:' block, or "
                                        f"remove '{lang}' from 'languages'"))
        site.translations[lang] = edition


def check(site: m.Site, docs_files: set[str], docs_dir: str, renderer, unread=None) -> list[Finding]:
    """References, links, anchors and facilitator blocks of translated pages are checked as in English
    pages; an anchor is looked up in the page as it is in the translation's language, as
    `renderer(site, lang=…)` generates it."""

    out: list[Finding] = []
    english = markup.PageIds(site, renderer)  # rendered only if an anchor is missing in a translation
    for lang, edition in site.translations.items():
        if edition.pages:
            view = dataclasses.replace(site, modules={p: dataclasses.replace(t, path=p) for p, t in edition.pages.items()})
            # nav=None: translations are not listed in the navigation, their English pages are.
            out += validate._modules(view, docs_files, None, docs_dir, unread or validate.Unread())
            out += markup.check(view, markup.PageIds(localize(site, lang), lambda s, lang=lang: renderer(s, lang=lang)),
                                docs_dir, (english, set(edition.pages)))
    return out


@dataclass
class PageStatus:
    path: str  # the English page, docs-relative
    title: str  # in the translation's language when translated
    state: str  # "translated", "stale" or "missing"
    translation: str  # docs-relative path of the translation (existing or to be created)
    recorded: str = ""  # the source_hash the translation records
    current: str = ""  # the hash of the English body today


STATES = ("translated", "stale", "missing")
# The contributors' pages may stay in English (issue 19): they are not counted among the pages for readers.
CONTRIBUTOR_PAGES = "contribute/"


@dataclass(frozen=True)
class Coverage:
    """How many of the pages for readers an edition has in its language (a translation, current or
    to update): what `about/translations/` shows, and what tests/test_translation_coverage.py
    measures again on a built site."""

    translated: int
    total: int

    @property
    def percent(self) -> int:
        """Rounded down, so that the page never claims more than is done."""
        return self.translated * 100 // self.total if self.total else 100


def reader_coverage(pages: list[PageStatus]) -> Coverage:
    readers = [p for p in pages if not p.path.startswith(CONTRIBUTOR_PAGES)]
    return Coverage(sum(p.state != "missing" for p in readers), len(readers))


def status(site: m.Site, lang: str) -> list[PageStatus]:
    """Every English page and where its translation stands, by path. `site` may be the English site
    or the site as `localize` gives it to readers of any language: the state is the same."""
    edition = site.translations.get(lang) or Translation(lang)
    out = []
    for path, module in sorted(site.modules.items()):
        current = edition.english_hashes.get(path) or source_hash(module.body)
        page = edition.pages.get(path)
        target = languages.translation_path(path, lang)
        if page is None:
            out.append(PageStatus(path, module.title, "missing", target, current=current))
        else:
            state = "translated" if page.source_hash == current else "stale"
            out.append(PageStatus(path, page.title, state, target, page.source_hash, current))
    return out


def stale_warnings(site: m.Site, docs_dir: str = "docs", errors: Iterable[Finding] = ()) -> list[Finding]:
    """One warning per translation whose English source has changed since it was made: pages, and
    the `<lang>:` blocks of the data files (blockstatus.py), less those of records with `errors`."""
    errors = list(errors)
    out = [w for lang, edition in site.translations.items() for w in blockstatus.warnings(edition.blocks, lang, errors)]
    for lang in site.translations:
        for s in status(site, lang):
            if s.state == "stale" and s.recorded:
                out.append(Finding(f"{docs_dir}/{s.translation}", 1,
                                   f"the English page {docs_dir}/{s.path} has changed since this translation "
                                   f"(source_hash {s.recorded}, now {s.current})",
                                   f"update the translation, then run: rightskit translation --mark-current "
                                   f"{docs_dir}/{s.translation}", severity=WARNING))
    return out


# --- what a reader of another language sees -------------------------------------------------

def localize(site: m.Site, lang: str) -> m.Site:
    """The site with the texts of `lang` in place of the English wherever a translation exists.

    Records are copies, so links, ids and the graph are unchanged. A text with no translation stays
    English as a `languages.Fallback`, which templates mark `lang="en"`; an untranslated page also
    keeps `lang="en"` so the renderer can say so."""
    edition = site.translations.get(lang)
    if lang == languages.DEFAULT or edition is None:
        return site
    r = dataclasses.replace
    pick = languages.fallback

    def english(record, *names: str):
        """`record` with its texts `names` marked as shown in English."""
        return r(record, **{name: pick(None, getattr(record, name)) for name in names})

    instruments = {}
    for ident, inst in site.instruments.items():
        t = edition.instruments.get(ident)
        articles = []
        for a in inst.articles:
            at = edition.articles.get(a.id)
            articles.append(english(a, "title", "summary") if at is None else
                            r(a, title=pick(at.title, a.title), summary=pick(at.summary, a.summary)))
        instruments[ident] = r(english(inst, "title", "short_title", "summary", "us_notes"), articles=articles) \
            if t is None else r(inst, articles=articles, title=pick(t.title, inst.title),
                                short_title=pick(t.short_title, inst.short_title),
                                summary=pick(t.summary, inst.summary), us_notes=pick(t.us_notes, inst.us_notes))
    mechanisms = {}
    for ident, x in site.mechanisms.items():
        t = edition.mechanisms.get(ident)
        mechanisms[ident] = english(x, "name", "short_name", "summary", "us_access") if t is None else r(
            x, name=t.name, short_name=t.short_name or t.name, summary=pick(t.summary, x.summary),
            us_access=pick(t.us_access, x.us_access))
    areas = {}
    for ident, a in site.issue_areas.items():
        t = edition.issue_areas.get(ident)
        areas[ident] = english(a, "title", "summary") if t is None else r(a, title=t.title,
                                                                            summary=pick(t.summary, a.summary))
    glossary = []
    for g in site.glossary:
        t = edition.glossary.get(g.term)
        glossary.append(english(g, "expansion", "definition") if t is None else
                        r(g, term=t.term, expansion=t.expansion, definition=t.definition))
    workshops = {}
    for ident, w in site.workshops.items():
        t = edition.workshops.get(ident)
        if t is None:
            workshops[ident] = r(english(w, "title", "summary", "objectives", "participant_objectives", "materials",
                                         "preparation"),
                                 agenda=[english(item, "title", "notes", "script") for item in w.agenda])
            continue
        agenda = [r(item, title=pick(t.agenda[i].title, item.title), notes=pick(t.agenda[i].notes, item.notes),
                    script=pick(t.agenda[i].script, item.script), chart=pick(t.agenda[i].chart, item.chart))
                  if i in t.agenda else english(item, "title", "notes", "script") for i, item in enumerate(w.agenda)]
        workshops[ident] = r(w, title=t.title, summary=t.summary, objectives=pick(t.objectives, w.objectives),
                             participant_objectives=pick(t.participant_objectives, w.participant_objectives),
                             materials=pick(t.materials, w.materials), preparation=pick(t.preparation, w.preparation),
                             agenda=agenda)
    comments = {}
    for ident, g in site.general_comments.items():
        t = edition.general_comments.get(ident)
        comments[ident] = english(g, "title", "summary", "key_ideas") if t is None else r(
            g, title=pick(t.title, g.title), summary=pick(t.summary, g.summary), key_ideas=pick(t.key_ideas, g.key_ideas))
    modules = {}
    for path, module in site.modules.items():
        page = edition.pages.get(path)
        # An untranslated page keeps its English body (the renderer marks it whole); its title and the
        # lists other pages show of it are marked where they appear.
        modules[path] = english(module, "title", "summary", "materials", "objectives", "key_points", "online") \
            if page is None else r(
            module, title=page.title, summary=pick(page.summary, module.summary), body=page.body,
            body_line=page.body_line, source=page.source, lang=lang, source_hash=page.source_hash,
            materials=pick(page.materials, module.materials), objectives=pick(page.objectives, module.objectives),
            key_points=pick(page.key_points, module.key_points), online=pick(page.online, module.online),
            cards=page.cards or module.cards, inline_refs=page.inline_refs, links=page.links)
    # Pathways carry their own translations (pathways.Pathway.texts), read with the record.
    pathways = {ident: p.localized(lang) for ident, p in site.pathways.items()}
    return r(site, instruments=instruments, mechanisms=mechanisms, issue_areas=areas, glossary=glossary,
             workshops=workshops, modules=modules, pathways=pathways, general_comments=comments)


def search_aliases(site: m.Site, lang: str) -> dict[str, tuple[str, ...]]:
    """For each untranslated page (by site URL): the `lang` glossary terms whose English term its title
    or summary uses, so that search in `lang` finds the English fallback by the word a reader types
    (informe alternativo finds a page on shadow reports)."""
    edition = site.translations.get(lang)
    if edition is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for path, module in site.modules.items():
        if path in edition.pages:
            continue
        text = f"{module.title} {module.summary}"
        terms = tuple(t.term for english, t in edition.glossary.items()
                      if len(english) > 2 and re.search(rf"\b{re.escape(english)}s?\b", text, re.I))
        if terms:
            out[paths.url_of(path)] = terms
    return out


def is_translated(site: m.Site, lang: str, record) -> bool:
    """Whether a workshop or a page is translated into `lang`, so that its PDFs are printed in it.

    A workshop's guide and packet print its modules whole, so it counts only once they are translated
    too: a printed page cannot mark English for a reader the way a web page does, and a Spanish
    packet that turns English halfway would mislead. Until then its Spanish web page links the
    English PDFs."""
    edition = site.translations.get(lang)
    if edition is None:
        return False
    if isinstance(record, m.Workshop):
        return record.id in edition.workshops and all(
            module.path in edition.pages for module in (site.module(i) for i in record.module_ids()) if module)
    return record.path in edition.pages


# --- starting and updating translations -------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
_HASH_LINE = re.compile(r"^source_hash:.*$", re.M)


def english_page(docs: Path, page: str) -> str:
    """The docs-relative English page named by PAGE, in any of the forms people type:
    docs/rights/housing.md, rights/housing.md, rights/housing, or its translation rights/housing.es.md."""
    text = page.replace("\\", "/")
    docs_name = docs.name + "/"
    if text.startswith(docs_name):
        text = text[len(docs_name):]
    if not text.endswith(".md"):
        text += ".md"
    return languages.source_path(text)


def new_translation(docs: Path, page: str, lang: str) -> Path:
    """Start the `lang` translation of an English page: its front matter (title and summary to be
    translated), the current source_hash and the English body to translate in place, each block
    marked until it is translated (untranslated.py)."""
    english = english_page(docs, page)
    source = docs / english
    if not source.is_file():
        raise ValueError(f"{docs.name}/{english} does not exist")
    target = docs / languages.translation_path(english, lang)
    if target.exists():
        raise ValueError(f"{docs.name}/{target.relative_to(docs).as_posix()} already exists")
    text = source.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    if not match:
        raise ValueError(f"{docs.name}/{english} has no front matter")
    front, body = match.group(1) or "", text[match.end():]
    front = _HASH_LINE.sub("", front).rstrip("\n")
    header = (f"# Translation into '{lang}' of {english}: translate title, summary and the text below.\n"
              f"# source_hash records the English revision translated (see CONTRIBUTING.md).\n")
    target.write_text(f'---\n{header}{front}\nsource_hash: "{source_hash(body)}"\n---\n{untranslated.mark(body)}',
                      encoding="utf-8")
    return target


def mark_current(docs: Path, page: str, lang: str) -> tuple[Path, str]:
    """Record that a reviewed translation matches the English page as it is now."""
    english = english_page(docs, page)
    source = docs / english
    target = docs / languages.translation_path(english, lang)
    if not target.is_file():
        raise ValueError(f"{docs.name}/{target.relative_to(docs).as_posix()} does not exist "
                         f"(start it with: rightskit new translation {docs.name}/{english})")
    if not source.is_file():
        raise ValueError(f"{docs.name}/{english}, which this translates, does not exist")
    src = source.read_text(encoding="utf-8")
    match = _FRONT.match(src)
    current = source_hash(src[match.end():] if match else src)
    text = target.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    if not match:
        raise ValueError(f"{docs.name}/{target.relative_to(docs).as_posix()} has no front matter")
    front = match.group(1) or ""
    line = f'source_hash: "{current}"'
    front = _HASH_LINE.sub(line, front) if _HASH_LINE.search(front) else front + line + "\n"
    target.write_text(f"---\n{front}---\n" + text[match.end():], encoding="utf-8")
    return target, current
