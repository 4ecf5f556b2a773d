"""Read standards/, curricula/ and docs/ into typed records, with a finding for every problem."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from rightskit.core import config as siteconfig
from rightskit.core import languages
from rightskit.content import activitycheck
from rightskit.content import markup
from rightskit.content import officialpages
from rightskit.content import pagecheck
from rightskit.content import pathways
from rightskit.content import rootcause
from rightskit.content import spanishtext
from rightskit.core import schema
from rightskit.content.i18n import translations, untranslated
from rightskit.content import validate
from rightskit.core import xref
from rightskit.core import model as m
from rightskit.core.fields import Fields
from rightskit.core.findings import Finding
from rightskit.core.yamltext import LineList, LineMap, Parsed, lines_of, read_markdown, read_yaml, rel

DEFAULT_START = dt.time(10, 0)


@dataclass
class Project:
    """Where the content lives. Everything is relative to the project root."""

    root: Path
    docs_dir: str = "docs"
    config_file: str = "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @cached_property
    def config(self) -> siteconfig.SiteConfig:
        """mkdocs.yml, read once for everything that needs it (`!ENV` resolved)."""
        return siteconfig.read(self.root / self.config_file, self.root)


@dataclass
class Loaded:
    site: m.Site
    findings: list[Finding] = field(default_factory=list)
    nav: dict[str, int] | None = None  # docs-relative paths listed in the navigation, with their lines


def load_site(project: Project, renderer: Callable[..., Any]) -> Loaded:
    """Load everything, then check every reference; never stops at the first problem.

    `renderer(site, lang=…)` makes the generated pages, whose anchors links may point at: the
    caller hands it in (`rightskit.project.load_site`), since checking comes before page generation."""
    findings: list[Finding] = []
    site = m.Site()
    root = project.root
    raw: list = []  # (record, its YAML mapping): translations read their `es:` blocks from it
    translated: list[m.Module] = []  # pages such as rights/housing.es.md
    _load_instruments(root, site, findings, raw)
    _load_general_comments(root, site, findings, raw)
    site.mechanisms = _load_list(root / "standards" / "mechanisms.yml", root, findings, "mechanism", _mechanism,
                                MECHANISM_FIELDS, raw=raw)
    site.issue_areas = _load_list(root / "standards" / "issue-areas.yml", root, findings, "issue area", _issue_area,
                                 ISSUE_AREA_FIELDS, raw=raw)
    site.glossary = list(_load_list(root / "standards" / "glossary.yml", root, findings, "glossary term",
                                    _glossary_term, GLOSSARY_FIELDS, key=lambda t: t.term, raw=raw).values())
    _load_modules(project, site, findings, translated)
    _load_workshops(root, site, findings, raw)
    translations.attach(site, raw, translated, findings)
    site.pathways = pathways.load(root, findings)
    site.official_pages = officialpages.load(root, findings)
    if project.config.finding:
        findings.append(project.config.finding)
    findings += siteconfig.language_findings(project.config)
    nav = project.config.nav
    files = docs_files(project)
    loaded_findings = list(findings)  # what reading found: records it broke get no stale-translation warning

    def references(unread: validate.Unread) -> list[Finding]:
        """The checks that follow references between records, and so fail when records are missing."""
        return (validate.check(site, files, nav, project.docs_dir, unread)
                + translations.check(site, files, project.docs_dir, renderer, unread)
                + [f for f in translations.stale_warnings(site, project.docs_dir, loaded_findings)
                   if f.path not in unread.files]
                + pathways.check(site, unread.mechanisms))

    findings = rootcause.first(findings, references, project.docs_dir)
    findings += markup.check(site, markup.PageIds(site, renderer), project.docs_dir)
    findings += markup.placeholders(root, markup.sources(site))
    translated_pages = [page for edition in site.translations.values() for page in edition.pages.values()]
    findings += pagecheck.check([*site.modules.values(), *translated_pages], project.docs, image_limit_kb(project))
    findings += untranslated.check(translated_pages)
    findings += spanishtext.check(root, spanish_sources(site))
    return Loaded(site, findings, nav)


def image_limit_kb(project: Project) -> int:
    """`image_limit_kb:` under the rightskit plugin in mkdocs.yml; a value that is not a whole number
    of 1 or more is reported by the options' own check (mkdocs/config.py), and the default holds."""
    value = project.config.options.get("image_limit_kb")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return pagecheck.IMAGE_LIMIT_KB


def spanish_sources(site: m.Site) -> set[str]:
    """The files that hold Spanish text: translated pages, and the data files (their `es:` blocks)."""
    pages = {p.source.path for edition in site.translations.values() for p in edition.pages.values()}
    data = {s for s in markup.sources(site) if s.endswith((".yml", ".yaml"))}
    return pages | data | ({pathways.PATHWAYS_FILE} if site.pathways else set())


def docs_files(project: Project) -> set[str]:
    """Every file under docs/, relative to it: relative links may point at any of them."""
    if not project.docs.is_dir():
        return set()
    return {rel(p, project.docs) for p in project.docs.rglob("*") if p.is_file()}


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(list(folder.glob("*.yml")) + list(folder.glob("*.yaml"))) if folder.is_dir() else []


def _read(file: Path, root: Path, findings: list[Finding]) -> Parsed:
    parsed = read_yaml(file, root)
    if parsed.finding:
        findings.append(parsed.finding)
    return parsed


# --- instruments -------------------------------------------------------------------------

# Field names come from core/schema.py, which also documents them: add a field there, not here.
INSTRUMENT_FIELDS = schema.field_names(schema.INSTRUMENT.fields)
US_FIELDS = schema.field_names(schema.US)
ARTICLE_FIELDS = schema.field_names(schema.ARTICLE)


def _load_instruments(root: Path, site: m.Site, findings: list[Finding], raw: list | None = None) -> None:
    site.instruments = _load_files(root / "standards" / "instruments", root, findings, "instrument", _instrument, raw)


def _load_files(folder: Path, root: Path, findings: list[Finding], what: str, make, raw: list | None = None) -> dict:
    """One record per YAML file, whose id must be unique and match the file name."""
    records: dict = {}
    for file in _yaml_files(folder):
        parsed = _read(file, root, findings)
        path = rel(file, root)
        if parsed.data is None and parsed.finding:
            continue
        if not isinstance(parsed.data, LineMap):
            findings.append(Finding(path, 1, f"a{'n' if what[0] in 'aeiou' else ''} {what} file must be a mapping "
                                    "of fields", "start with 'id:'"))
            continue
        record = make(parsed.data, path, findings)
        if not record or not record.id:
            continue
        line = parsed.data.line_of("id")
        if record.id in records:
            first = records[record.id].source
            findings.append(Finding(path, line, f"duplicate {what} id '{record.id}'",
                                    f"already used in {first.path}:{first.line}"))
            continue
        if record.id != file.stem:
            findings.append(Finding(path, line, f"{what} id '{record.id}' does not match the file name",
                                    f"rename the file to {record.id}.yml or set id: {file.stem}"))
        records[record.id] = record
        if raw is not None:
            raw.append((record, parsed.data))
    return records


def _instrument(data: LineMap, path: str, findings: list[Finding]) -> m.Instrument | None:
    f = Fields(data, path, findings, "instrument", INSTRUMENT_FIELDS)
    ident = f.text("id")
    us = f.mapping("us")
    signed = ratified = None
    notes = ""
    if us is not None:
        u = Fields(us, path, findings, "'us' block", US_FIELDS)
        signed, ratified, notes = u.date("signed"), u.date("ratified"), u.text("notes", required=False)
    articles = []
    seen: dict[str, int] = {}
    for item, line in f.items("articles"):
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, "each article must be a mapping with number, title and summary"))
            continue
        a = Fields(item, path, findings, "article", ARTICLE_FIELDS)
        number = a.text("number")
        if number in seen:
            findings.append(Finding(path, item.line_of("number"), f"duplicate article number '{number}'",
                                    f"already listed at line {seen[number]}"))
            continue
        seen[number] = item.line_of("number")
        articles.append(m.Article(ident, number, a.text("title"), a.text("summary"), a.text_list("issue_areas"),
                                  m.Source(path, item.line), lines=lines_of(item)))
    instrument = m.Instrument(
        id=ident, short_title=f.text("short_title"), title=f.text("title"),
        kind=f.choice("kind", m.INSTRUMENT_KINDS) or "treaty",
        adopted=f.date("adopted"), in_force=f.date("in_force"),
        us_signed=signed, us_ratified=ratified, us_notes=notes,
        monitoring_body=f.text("monitoring_body", required=False) or None,
        official_text=f.url("official_text"), summary=f.text("summary"),
        articles=articles, source=m.Source(path, data.line),
        lines={**lines_of(data), **(lines_of(us, "us.") if us is not None else {})},
        reviewed=f.date("reviewed", required=True), as_of=f.date("as_of"))
    return instrument if ident else None


# --- General Comments ----------------------------------------------------------------------

GC_FIELDS = schema.field_names(schema.GENERAL_COMMENT)
GC_FILE_FIELDS = schema.field_names(schema.GENERAL_COMMENTS.fields)


def _load_general_comments(root: Path, site: m.Site, findings: list[Finding], raw: list | None = None) -> None:
    for file in _yaml_files(root / "standards" / "general-comments"):
        parsed = _read(file, root, findings)
        path = rel(file, root)
        if not isinstance(parsed.data, LineMap):
            if not parsed.finding:
                findings.append(Finding(path, 1, "a General Comments file must have 'body:' and 'comments:'"))
            continue
        f = Fields(parsed.data, path, findings, "General Comments file", GC_FILE_FIELDS)
        body = f.text("body")
        for item, line in f.items("comments", required=True):
            if not isinstance(item, LineMap):
                findings.append(Finding(path, line, "each General Comment must be a mapping of fields"))
                continue
            g = Fields(item, path, findings, "General Comment", GC_FIELDS)
            number = g.integer("number", positive=True)
            year = g.integer("year", positive=True)
            if number is None or year is None:
                continue
            comment = m.GeneralComment(
                body=body, number=number, year=year, title=g.text("title"),
                interprets=g.text_list("interprets", required=True), summary=g.text("summary"),
                key_ideas=g.text_list("key_ideas"), official_text=g.url("official_text", required=False),
                source=m.Source(path, item.line),
                lines={**lines_of(item), "body": parsed.data.line_of("body")})
            if comment.id in site.general_comments:
                first = site.general_comments[comment.id].source
                findings.append(Finding(path, item.line_of("number"), f"duplicate General Comment '{comment.id}'",
                                        f"already defined at {first.path}:{first.line}"))
                continue
            site.general_comments[comment.id] = comment
            if raw is not None:
                raw.append((comment, item))


# --- lists of records: mechanisms, issue areas, glossary -----------------------------------

def _load_list(file: Path, root: Path, findings: list[Finding], what: str, make, fields: tuple[str, ...],
               key=lambda r: r.id, raw: list | None = None) -> dict:
    records: dict = {}
    if not file.is_file():
        return records
    parsed = _read(file, root, findings)
    path = rel(file, root)
    if parsed.data is None:
        return records
    if not isinstance(parsed.data, LineList):
        findings.append(Finding(path, 1, f"this file must be a list of {what}s", "start each entry with '- '"))
        return records
    for index, item in enumerate(parsed.data):
        line = parsed.data.line_of(index)
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, f"each {what} must be a mapping of fields"))
            continue
        record = make(Fields(item, path, findings, what, fields), m.Source(path, line))
        if hasattr(record, "lines"):
            record.lines = lines_of(item)
        ident = key(record)
        if not ident:
            continue
        if ident in records:
            first = records[ident].source
            findings.append(Finding(path, line, f"duplicate {what} id '{ident}'",
                                    f"already used at {first.path}:{first.line}"))
            continue
        records[ident] = record
        if raw is not None:
            raw.append((record, item))
    return records


MECHANISM_FIELDS = schema.field_names(schema.MECHANISM.fields)
ISSUE_AREA_FIELDS = schema.field_names(schema.ISSUE_AREA.fields)
GLOSSARY_FIELDS = schema.field_names(schema.TERM.fields)


def _mechanism(f: Fields, source: m.Source) -> m.Mechanism:
    return m.Mechanism(
        id=f.text("id"), name=f.text("name"), short_name=f.text("short_name", required=False) or f.text("name"),
        kind=f.choice("kind", m.MECHANISM_KINDS) or "", part_of=f.text("part_of", required=False) or None,
        official_site=f.url("official_site", required=False), summary=f.text("summary"),
        us_access=f.text("us_access"), guide=f.text("guide", required=False) or None, source=source,
        reviewed=f.date("reviewed", required=True), as_of=f.date("as_of"))



def _issue_area(f: Fields, source: m.Source) -> m.IssueArea:
    return m.IssueArea(id=f.text("id"), title=f.text("title"), hub=f.text("hub"), summary=f.text("summary"),
                       source=source)



def _glossary_term(f: Fields, source: m.Source) -> m.GlossaryTerm:
    return m.GlossaryTerm(term=f.text("term"), definition=f.text("definition"),
                          expansion=f.text("expansion", required=False), source=source)



# --- modules -------------------------------------------------------------------------------

MODULE_FIELDS = schema.field_names(schema.MODULE.fields)
ACTIVITY_REQUIRED = ("duration", "group_size", "materials", "objectives", "level", "key_points", "online")
CARD_SET_FIELDS = schema.field_names(schema.CARD_SET)
CARD_FIELDS = schema.field_names(schema.CARD)


def _load_modules(project: Project, site: m.Site, findings: list[Finding], translated: list | None = None) -> None:
    if not project.docs.is_dir():
        return
    for file in sorted(project.docs.rglob("*.md")):
        source_path = rel(file, project.root)
        page = read_markdown(file, project.root)
        if page.finding:
            findings.append(page.finding)
            continue
        if not isinstance(page.meta, LineMap):
            findings.append(Finding(source_path, 1, "front matter must be a mapping of fields", "e.g. title: …"))
            continue
        module = _module(page.meta, rel(file, project.docs), source_path, page.body, page.body_line, findings)
        module.lang = languages.page_language(module.path)
        if module.lang != languages.DEFAULT:  # a translation, not a page of its own (translations.py)
            module.source_hash = str(page.meta.get("source_hash") or "")
            if translated is not None:
                translated.append(module)
            continue
        site.modules[module.path] = module


def _module(meta: LineMap, path: str, source_path: str, body: str, body_line: int,
            findings: list[Finding]) -> m.Module:
    f = Fields(meta, source_path, findings, "front matter", MODULE_FIELDS)
    kind = f.choice("type", m.MODULE_TYPES) or "explainer"
    is_module = kind != "page"

    def refs(key: str) -> list[m.Reference]:
        return [m.Reference(value, line) for value, line in f.ids(key)]

    module = m.Module(
        path=path, title=f.text("title"), summary=f.text("summary", required=is_module), type=kind,
        issue_areas=[area for area, _ in f.ids("issue_areas")], standards=refs("standards"),
        mechanisms=refs("mechanisms"),
        audience=f.text_list("audience", choices=m.AUDIENCES), level=f.choice("level", m.LEVELS, required=False),
        body=body, body_line=body_line, source=m.Source(source_path, 1), handout=f.flag("handout"),
        materials=f.text_list("materials"), objectives=f.text_list("objectives"),
        duration=f.integer("duration", required=False, positive=True), lines=lines_of(meta),
        reviewed=f.date("reviewed", required=is_module and languages.page_language(path) == languages.DEFAULT))
    group = meta.get("group_size")
    module.group_size = str(group) if group is not None else None
    if kind == "activity":
        for key in ACTIVITY_REQUIRED:
            if key not in meta:
                f.error(meta.line, f"missing required field '{key}' for an activity",
                        f"activities need {', '.join(ACTIVITY_REQUIRED[:-1])} and {ACTIVITY_REQUIRED[-1]}")
        findings += activitycheck.front_matter(meta, source_path)
    module.key_points = f.text_list("key_points")
    module.online = f.text("online", required=False)
    module.cards = _card_sets(f, source_path, findings)
    offset = body_line - 1
    module.inline_refs = [m.Reference(r.target, r.line + offset) for r in xref.find_refs(body)]
    module.links = [m.Reference(r.target, r.line + offset) for r in xref.find_links(body)]
    return module


def _card_sets(f: Fields, path: str, findings: list[Finding]) -> list[m.CardSet]:
    """cards: [{title, kind, use, items: [text or {title, text}]}], printed in facilitator guides."""
    sets = []
    for item, line in f.items("cards"):
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, "each entry of 'cards' must be a mapping with title and items",
                                    "e.g. '- title: Story cards' with 'items: [...]'"))
            continue
        c = Fields(item, path, findings, "card set", CARD_SET_FIELDS)
        cards = []
        for entry, entry_line in c.items("items", required=True):
            if isinstance(entry, LineMap):
                e = Fields(entry, path, findings, "card", CARD_FIELDS)
                cards.append(m.Card(e.text("title"), e.text("text", required=False)))
            elif isinstance(entry, bool):
                findings.append(Finding(path, entry_line, f"this card was read as {str(entry).lower()}, not as text",
                                        "put it in quotes, e.g. \"Yes\""))
            elif isinstance(entry, LineList) or entry is None or str(entry).strip() == "":
                findings.append(Finding(path, entry_line, "a card must be text, or a mapping with title and text"))
            else:
                cards.append(m.Card(str(entry).strip()))
        sets.append(m.CardSet(c.text("title"), c.choice("kind", m.CARD_KINDS, required=False) or "cards",
                              c.text("use", required=False), cards, line))
    return sets


# --- workshops -----------------------------------------------------------------------------

WORKSHOP_FIELDS = schema.field_names(schema.WORKSHOP.fields)
AGENDA_FIELDS = schema.field_names(schema.AGENDA_ITEM)


def _load_workshops(root: Path, site: m.Site, findings: list[Finding], raw: list | None = None) -> None:
    site.workshops = _load_files(root / "curricula", root, findings, "workshop", _workshop, raw)


def _workshop(data: LineMap, path: str, findings: list[Finding]) -> m.Workshop:
    f = Fields(data, path, findings, "workshop", WORKSHOP_FIELDS)
    agenda = []
    for item, line in f.items("agenda", required=True):
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, "each agenda item must be a mapping",
                                    "use 'module:', 'break:' or 'text:' with 'minutes:'"))
            continue
        agenda_item = _agenda_item(item, path, findings)
        if agenda_item:
            agenda.append(agenda_item)
    return m.Workshop(
        id=f.text("id"), title=f.text("title"), summary=f.text("summary"),
        audience=f.text_list("audience", required=True, choices=m.AUDIENCES),
        languages=f.text_list("languages", required=True), format=f.choice("format", m.WORKSHOP_FORMATS) or "",
        issue_areas=f.text_list("issue_areas"), start=f.time("start", DEFAULT_START),
        objectives=f.text_list("objectives", required=True), materials=f.text_list("materials"),
        participant_objectives=f.text_list("participant_objectives"),
        preparation=f.text_list("preparation"), agenda=agenda,
        handouts=[m.Reference(str(v), line) for v, line in f.items("handouts")],
        source=m.Source(path, data.line), lines=lines_of(data),
        reviewed=f.date("reviewed", required=True), as_of=f.date("as_of"))


def _agenda_item(item: LineMap, path: str, findings: list[Finding]) -> m.AgendaItem | None:
    a = Fields(item, path, findings, "agenda item", AGENDA_FIELDS)
    kinds = [k for k in ("module", "break", "text") if k in item]
    if len(kinds) != 1:
        a.error(item.line, "an agenda item needs exactly one of 'module:', 'break:' or 'text:'",
                "for example '- module: activities/housing-line' with 'minutes: 30'")
        return None
    kind = kinds[0]
    if kind == "break":
        minutes = a.integer("break", positive=True)
        return m.AgendaItem("break", minutes, item.line, title="Break") if minutes else None
    minutes = a.integer("minutes", positive=True)
    if minutes is None:
        return None
    if kind == "module":
        return m.AgendaItem("module", minutes, item.line_of("module"), module=a.text("module"),
                            notes=a.text("notes", required=False), minutes_line=item.line_of("minutes"),
                            notes_line=item.line_of("notes"),
                            script=a.text("script", required=False), packet=a.text_list("packet"),
                            chart=a.text_list("chart"))
    return m.AgendaItem("text", minutes, item.line, title=a.text("text"), notes=a.text("notes", required=False),
                        script=a.text("script", required=False), minutes_line=item.line_of("minutes"),
                        notes_line=item.line_of("notes"), chart=a.text_list("chart"))
