"""The typed records of the knowledge base and the graph that links them.

Nothing here reads files or knows about MkDocs: `load` builds these records,
`render` and `pdf` read them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Union

INSTRUMENT_KINDS = ("treaty", "declaration", "principles", "ilo convention")
MECHANISM_KINDS = ("treaty body", "charter-based", "special procedure", "regional", "domestic")
# ILO supervision rests on the ILO Constitution, not the UN Charter: a kind of its own (issue 11).
MECHANISM_KINDS += ("ilo supervisory body",)
MECHANISM_KIND_TITLES = {"treaty body": "Treaty bodies", "charter-based": "UN Charter-based bodies",
                         "special procedure": "Special procedures", "regional": "Regional bodies",
                         "domestic": "Domestic bodies", "ilo supervisory body": "ILO supervisory bodies"}
MODULE_TYPES = ("issue area", "mechanism guide", "toolkit", "activity", "explainer", "case", "page")
TYPE_NAMES = {"issue area": "Issue areas", "mechanism guide": "Mechanism guides", "toolkit": "Toolkits",
              "activity": "Activities", "explainer": "Explainers", "case": "Case studies", "page": "Pages"}
AUDIENCES = ("community members", "organizers", "trainers", "contributors")
LEVELS = ("introductory", "intermediate", "advanced")
WORKSHOP_FORMATS = ("in person", "online")
PATHWAY_WINDOWS = ("any time", "review cycle", "session calendar")  # how a pathway's window opens
PATHWAY_OUTCOMES = ("visibility", "recommendation", "protection", "decision", "local-law")


@dataclass(frozen=True)
class Source:
    path: str  # relative to the project root, e.g. standards/instruments/icescr.yml
    line: int = 1


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def line_of(record, key: str, value: object = None) -> int:
    """The line where a record gives `key` (or the entry `value` of that list), else the record's own."""
    lines = getattr(record, "lines", {})
    if value is not None and f"{key}:{value}" in lines:
        return lines[f"{key}:{value}"]
    return lines.get(key, record.source.line)


@dataclass
class Article:
    instrument_id: str
    number: str
    title: str
    summary: str
    issue_areas: list[str]
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.instrument_id}/{self.number}"

    @property
    def anchor(self) -> str:
        return f"article-{slug(self.number)}"


APPLIED_BY_IACHR = "applied by the IACHR to OAS members, the US included"


@dataclass
class Instrument:
    id: str
    short_title: str
    title: str
    kind: str
    adopted: dt.date | None
    in_force: dt.date | None
    us_signed: dt.date | None
    us_ratified: dt.date | None
    us_notes: str
    monitoring_body: str | None
    official_text: str
    summary: str
    articles: list[Article]
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)
    reviewed: dt.date | None = None  # when a person last checked the record against official sources
    as_of: dt.date | None = None  # for time-sensitive records: when their facts were last verified

    @property
    def binding(self) -> bool:
        return self.kind in ("treaty", "ilo convention")

    @property
    def part(self) -> str:
        """What its numbered parts are called: the Guiding Principles are principles, not articles."""
        return "principle" if self.kind == "principles" else "article"

    @property
    def us_status(self) -> str:
        if not self.binding:
            # The Inter-American Commission holds every OAS member, the US included, to the American
            # Declaration (its page says so), though no one ratifies a declaration.
            return APPLIED_BY_IACHR if self.kind == "declaration" and self.monitoring_body == "iachr" else "not applicable"
        if self.us_ratified:
            return "ratified"
        if self.us_signed:
            return "signed, not ratified"
        # ILO conventions are never signed: a country ratifies one or does not.
        return "not ratified" if self.kind == "ilo convention" else "not signed"


@dataclass
class GeneralComment:
    body: str
    number: int
    year: int
    title: str
    interprets: list[str]
    summary: str
    key_ideas: list[str]
    official_text: str
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.body}-gc-{self.number}"

    @property
    def anchor(self) -> str:
        return f"gc-{self.number}"


@dataclass
class Mechanism:
    id: str
    name: str
    short_name: str
    kind: str
    part_of: str | None
    official_site: str
    summary: str
    us_access: str
    guide: str | None  # docs-relative path of the hand-written guide
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)
    reviewed: dt.date | None = None
    as_of: dt.date | None = None


@dataclass
class IssueArea:
    id: str
    title: str
    hub: str
    summary: str
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class GlossaryTerm:
    term: str
    definition: str
    expansion: str
    source: Source


@dataclass
class Reference:
    """A citation of a standard, mechanism or module, and where it was written."""

    target: str
    line: int


CARD_KINDS = ("cards", "signs", "wall chart")


@dataclass
class Card:
    title: str
    text: str = ""


@dataclass
class CardSet:
    """Printable material an activity uses: cut-out cards, signs for the wall, or a wall chart
    (whose items are its column headings)."""

    title: str
    kind: str
    use: str
    items: list[Card]
    line: int = 1


@dataclass
class Module:
    path: str  # relative to docs/, e.g. rights/housing.md
    title: str
    summary: str
    type: str
    issue_areas: list[str]
    standards: list[Reference]
    mechanisms: list[Reference]
    audience: list[str]
    level: str | None
    body: str
    body_line: int
    source: Source
    inline_refs: list[Reference] = field(default_factory=list)
    links: list[Reference] = field(default_factory=list)  # relative links to other files
    handout: bool = False
    duration: int | None = None
    group_size: str | None = None
    materials: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    online: str = ""  # how to run an activity online or hybrid
    cards: list[CardSet] = field(default_factory=list)
    lang: str = "en"  # the language of title, summary and body (see languages.py)
    source_hash: str = ""  # a translation: the revision of its English source it was made from
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)
    reviewed: dt.date | None = None

    @property
    def id(self) -> str:
        return self.path[:-3] if self.path.endswith(".md") else self.path

    @property
    def is_module(self) -> bool:
        return self.type != "page"

    def cited(self) -> list[str]:
        """Every id this module cites, in front matter or in the text, once each."""
        seen: dict[str, None] = {}
        for ref in self.standards + self.mechanisms + self.inline_refs:
            seen.setdefault(ref.target, None)
        return list(seen)


@dataclass
class AgendaItem:
    kind: str  # "module", "break" or "text"
    minutes: int
    line: int
    module: str | None = None  # module id, e.g. activities/housing-line
    title: str = ""
    notes: str = ""
    script: str = ""  # a suggested script for a short talk
    packet: list[str] = field(default_factory=list)  # a talk's sections (English ## headings) the packet prints
    chart: list[str] = field(default_factory=list)  # the column headings of the flip chart the item fills
    minutes_line: int = 0  # where 'minutes:' is written, for findings about the timing
    notes_line: int = 0  # where 'notes:' is written


@dataclass
class Workshop:
    id: str
    title: str
    summary: str
    audience: list[str]
    languages: list[str]
    format: str
    issue_areas: list[str]
    start: dt.time
    objectives: list[str]
    materials: list[str]
    preparation: list[str]
    agenda: list[AgendaItem]
    handouts: list[Reference]
    source: Source
    # The line of each field, and of each list entry as "field:value", for findings.
    lines: dict[str, int] = field(default_factory=dict)
    reviewed: dt.date | None = None
    as_of: dt.date | None = None
    # The objectives in the first person, for participants (packet and evaluation form).
    participant_objectives: list[str] = field(default_factory=list)

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)

    def schedule(self) -> list[tuple[dt.time, AgendaItem]]:
        """Clock time at which each agenda item starts."""
        clock = dt.datetime.combine(dt.date(2000, 1, 1), self.start)
        times = []
        for item in self.agenda:
            times.append((clock.time(), item))
            clock += dt.timedelta(minutes=item.minutes)
        return times

    def module_ids(self) -> list[str]:
        ids = [item.module for item in self.agenda if item.module]
        ids += [ref.target for ref in self.handouts]
        return list(dict.fromkeys(ids))


Target = Union[Instrument, Article, GeneralComment, Mechanism]


@dataclass
class Site:
    """The whole knowledge base as one graph."""

    instruments: dict[str, Instrument] = field(default_factory=dict)
    general_comments: dict[str, GeneralComment] = field(default_factory=dict)
    mechanisms: dict[str, Mechanism] = field(default_factory=dict)
    issue_areas: dict[str, IssueArea] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    modules: dict[str, Module] = field(default_factory=dict)  # by docs-relative path
    workshops: dict[str, Workshop] = field(default_factory=dict)
    # Other languages: for each language code, a translations.Translation of the texts above.
    translations: dict = field(default_factory=dict)
    pathways: dict = field(default_factory=dict)  # id -> pathways.Pathway (standards/pathways.yml)
    # language -> {English address: that language's address} (standards/official-pages.yml)
    official_pages: dict = field(default_factory=dict)

    @property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for inst in self.instruments.values() for a in inst.articles}

    def standard_ids(self) -> set[str]:
        return set(self.instruments) | set(self.articles) | set(self.general_comments)

    def article(self, ref: str) -> Article | None:
        instrument, _, number = ref.partition("/")
        inst = self.instruments.get(instrument) if number else None
        return next((a for a in inst.articles if a.number == number), None) if inst else None

    def target(self, ref: str) -> Target | None:
        return (self.instruments.get(ref) or self.article(ref)
                or self.general_comments.get(ref) or self.mechanisms.get(ref))

    def module(self, module_id: str) -> Module | None:
        return self.modules.get(f"{module_id}.md")

    def citations(self) -> dict[str, list[Module | Workshop]]:
        """Reverse index: for each cited id, the modules and workshops that cite it.

        Citing an article also counts as citing its instrument, so instrument pages
        list everything that relies on any of their articles.
        """
        index: dict[str, list[Module | Workshop]] = {}
        seen: set[tuple[str, int]] = set()  # by identity: comparing records field by field is quadratic

        def add(target: str, source: Module | Workshop) -> None:
            if (target, id(source)) not in seen:
                seen.add((target, id(source)))
                index.setdefault(target, []).append(source)

        articles = self.articles
        for module in self.modules.values():
            for target in module.cited():
                add(target, module)
                if target in articles:
                    add(articles[target].instrument_id, module)
        for workshop in self.workshops.values():
            for module_id in workshop.module_ids():
                module = self.module(module_id)
                if module is None:
                    continue
                for target in module.cited():
                    add(target, workshop)
                    if target in articles:
                        add(articles[target].instrument_id, workshop)
        return index

    def workshops_using(self, module_id: str) -> list[Workshop]:
        return [w for w in self.workshops.values() if module_id in w.module_ids()]
