"""Action pathways: the routes people in the US can take to a human rights mechanism, and the
finder's matching rules.

A pathway lives in standards/pathways.yml. Its `conditions` say which answers to the finder's
questions it suits; the same conditions drive the Python listing (and tests) and the browser
finder (overrides/assets/finder.js reads them from data/pathways.json), so there is one set of rules.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from rightskit.core import languages
from rightskit.core import markers
from rightskit.core import paths
from rightskit.core import schema
from rightskit.content.i18n import translations
from rightskit.core import model as m
from rightskit.core.fields import HTTPS_URL, Fields
from rightskit.core.findings import Finding, did_you_mean
from rightskit.core.yamltext import LineList, LineMap, read_list_file, rel

PATHWAYS_FILE = "standards/pathways.yml"
FINDER_PAGE = paths.FINDER_PAGE

WINDOWS = m.PATHWAY_WINDOWS
OUTCOMES = m.PATHWAY_OUTCOMES
OUTCOME_NAMES = {"visibility": "Visibility", "recommendation": "A recommendation",
                 "protection": "Protective measures", "decision": "A decision on the case",
                 "local-law": "A local law or policy"}

FIELDS = schema.field_names(schema.PATHWAY.fields)
# The free-text fields a translation (`es:` block) may give; lists are translated entry by entry.
TEXT_FIELDS = schema.field_names(schema.subfields(schema.PATHWAY, "es"))
US_STATUSES = ("ratified", "signed, not ratified", "not signed", "not ratified", "not applicable",
               m.APPLIED_BY_IACHR)  # model.Instrument.us_status
WINDOW_NAMES = {"any time": "Any time", "review cycle": "Review cycle", "session calendar": "Session calendar"}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    standard: str | None = None  # the ratified treaty that protects this group, if any


@dataclass(frozen=True)
class Question:
    id: str
    legend: str
    multiple: bool
    options: tuple[Option, ...]
    hint: str = ""


# The finder's questions. Issue-area options come from standards/issue-areas.yml (see questions()).
HARM = Question("harm", "Is the harm ongoing, urgent or in the past?", False, (
    Option("ongoing", "Ongoing: it is happening now and keeps happening"),
    Option("urgent", "Urgent: someone faces serious, possibly irreparable harm soon"),
    Option("past", "Past: it has already happened"),
))
AFFECTED = Question("affected", "Who is affected?", True, (
    Option("racial", "People treated differently because of race, color, descent, or national or ethnic origin",
           "icerd"),
    Option("detention", "People in detention, or facing torture or cruel, inhuman or degrading treatment", "cat"),
    Option("civil-political", "People whose civil or political rights are also at stake (organizing, "
                              "equality before the law, home and family life)", "iccpr"),
    Option("children-exploitation", "Children who are sold, trafficked, sexually exploited or recruited "
                                    "into armed forces"),
    Option("community", "Another community or group"),
), hint="Choose every answer that fits.")
REMEDIES = Question("remedies", "Have you tried domestic remedies (courts, agencies, appeals)?", False, (
    Option("exhausted-recent", "Yes, to the end: the final decision was notified less than six months ago"),
    Option("exhausted-old", "Yes, to the end, but the final decision was more than six months ago"),
    Option("ongoing", "Yes, and the case is still going"),
    Option("none", "No, not yet"),
))
WANTS = Question("wants", "What do you want?", True, tuple(
    Option(value, label) for value, label in (
        ("visibility", "Visibility: put the problem on the public record"),
        ("recommendation", "A recommendation to the government"),
        ("protection", "Protection for people at risk, quickly"),
        ("decision", "A decision on our specific case"),
        ("local-law", "A change in local law or policy"),
    )), hint="Choose every answer that fits.")


def questions(site: m.Site, _=None) -> tuple[Question, ...]:
    """The questions in the language of `_` (a strings catalog, languages.strings); English by default.
    Issue-area titles come from `site`, which is already in the reader's language (translations.localize)."""
    _ = _ or languages.strings(languages.DEFAULT)
    areas = Question("issue_area", _("Which issue area?"), False,
                     tuple(Option(a.id, a.title) for a in site.issue_areas.values()))
    fixed = tuple(Question(q.id, _(q.legend), q.multiple,
                           tuple(Option(o.value, _(o.label), o.standard) for o in q.options),
                           _(q.hint) if q.hint else "") for q in (HARM, AFFECTED, REMEDIES, WANTS))
    return (areas, *fixed)


@dataclass
class PathwayText:
    """A pathway's free text in another language; empty fields fall back to the English."""
    name: str
    summary: str
    who: str
    requirements: list[str]
    contents: list[str]
    response_time: str
    risks: list[str]
    window_note: str
    notes: dict[str, str]
    source: m.Source


@dataclass
class Pathway:
    id: str
    name: str
    mechanism: str
    summary: str
    who: str
    requirements: list[str]
    contents: list[str]
    response_time: str
    outcomes: list[str]
    risks: list[str]
    window: str
    window_note: str
    calendar: str
    official_page: str
    guide: str | None
    templates: list[m.Reference]
    cases: list[m.Reference]
    standards: list[m.Reference]
    conditions: dict[str, list[str]]
    notes: dict[str, str]
    reviewed: dt.date | None
    as_of: dt.date | None
    source: m.Source
    condition_lines: dict[str, int] = field(default_factory=dict)
    texts: dict[str, PathwayText] = field(default_factory=dict)  # by language, from the `es:` block

    @property
    def anchor(self) -> str:
        return f"pathway-{self.id}"

    def localized(self, lang: str) -> "Pathway":
        """This pathway as a reader of `lang` sees it: translated text where there is some."""
        t = self.texts.get(lang)
        if t is None:
            return self
        return dataclasses.replace(
            self, name=t.name or self.name, summary=t.summary or self.summary, who=t.who or self.who,
            requirements=t.requirements or self.requirements, contents=t.contents or self.contents,
            response_time=t.response_time or self.response_time, risks=t.risks or self.risks,
            window_note=t.window_note or self.window_note, notes={**self.notes, **t.notes})


# --- loading -----------------------------------------------------------------------------

def load(root: Path, findings: list[Finding]) -> dict[str, Pathway]:
    """Read standards/pathways.yml (a list of pathways); absent file means no pathways."""
    file = root / PATHWAYS_FILE
    records: dict[str, Pathway] = {}
    entries = read_list_file(file, root, findings, "pathways", "start each entry with '- id:'")
    if entries is None:
        return records
    path = rel(file, root)
    for index, item in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, "each pathway must be a mapping of fields"))
            continue
        pathway = _pathway(Fields(item, path, findings, "pathway", FIELDS), item, m.Source(path, line))
        if not pathway.id:
            continue
        if pathway.id in records:
            first = records[pathway.id].source
            findings.append(Finding(path, line, f"duplicate pathway id '{pathway.id}'",
                                    f"already used at {first.path}:{first.line}"))
            continue
        records[pathway.id] = pathway
    return records


def _url(f: Fields, key: str, required: bool) -> str:
    value = f.text(key, required=required)
    if value and not HTTPS_URL.match(value):
        f.error(f.line(key), f"'{key}' is not a web address: '{value}'", "write a full https:// address")
        return ""
    return value


def _pathway(f: Fields, data: LineMap, source: m.Source) -> Pathway:
    conditions: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    block = f.mapping("conditions", required=True)
    if block is not None:
        for key, value in block.items():
            lines[str(key)] = block.line_of(key)
            values = value if isinstance(value, LineList) else [value]
            if any(isinstance(v, (LineMap, LineList)) or v is None for v in values):
                f.error(block.line_of(key), f"condition '{key}' must be a list of answers",
                        "for example: harm: [ongoing, past]")
                continue
            conditions[str(key)] = [str(v).strip() for v in values]
    notes: dict[str, str] = {}
    note_block = f.mapping("notes")
    if note_block is not None:
        for key, value in note_block.items():
            notes[str(key)] = " ".join(str(value).split())
            lines.setdefault(f"note:{key}", note_block.line_of(key))
    window = f.choice("window", WINDOWS) or ""
    calendar = _url(f, "calendar", required=False)
    if window and window != "any time" and not calendar:
        f.error(data.line, f"a pathway whose window is '{window}' needs 'calendar:'",
                "link the official calendar; never write the date itself")
    reviewed = f.date("reviewed", required=True)
    as_of = f.date("as_of")
    for key, value in (("reviewed", reviewed), ("as_of", as_of)):
        if value and value > dt.date.today():
            f.error(f.line(key), f"'{key}' is in the future: {value}", "use the date the facts were last checked")
    pathway = Pathway(
        id=f.text("id"), name=f.text("name"), mechanism=f.text("mechanism"), summary=f.text("summary"),
        who=f.text("who"), requirements=f.text_list("requirements", required=True),
        contents=f.text_list("contents", required=True), response_time=f.text("response_time"),
        outcomes=f.text_list("outcomes", required=True, choices=OUTCOMES),
        risks=f.text_list("risks", required=True), window=window,
        window_note=f.text("window_note", required=False), calendar=calendar,
        official_page=_url(f, "official_page", required=False),
        guide=f.text("guide", required=False) or None,
        templates=[m.Reference(str(v), line) for v, line in f.items("templates")],
        cases=[m.Reference(str(v), line) for v, line in f.items("cases")],
        standards=[m.Reference(str(v), line) for v, line in f.items("standards")],
        conditions=conditions, notes=notes, reviewed=reviewed, as_of=as_of, source=source,
        condition_lines=lines)
    for lang in languages.TRANSLATIONS:
        text = _texts(pathway, data, lang, f)
        if text is not None:
            pathway.texts[lang] = text
    return pathway


def _texts(p: Pathway, data: LineMap, lang: str, parent: Fields) -> PathwayText | None:
    """The `<lang>:` block: free text only (ids, dates, links and conditions are shared), each list
    as long as the English one, notes only for questions the English has notes for."""
    f = translations.text_block(data, lang, parent.path, parent.findings, "pathway", TEXT_FIELDS)
    if f is None:
        return None

    def same_length(key: str, english: list[str]) -> list[str]:
        return translations.list_length(f, key, english, parent.findings)

    notes: dict[str, str] = {}
    note_block = f.mapping("notes")
    if note_block is not None:
        for key, value in note_block.items():
            if key not in p.notes:
                f.error(note_block.line_of(key), f"note '{key}' has no English note to translate",
                        f"translate one of: {', '.join(p.notes) or 'none (the English has no notes)'}")
            elif isinstance(value, (LineMap, LineList)) or value is None:
                f.error(note_block.line_of(key), f"note '{key}' must be text", "write the note on one line")
            else:
                notes[str(key)] = " ".join(str(value).split())
    return PathwayText(
        name=f.text("name"), summary=f.text("summary", required=False), who=f.text("who", required=False),
        requirements=same_length("requirements", p.requirements), contents=same_length("contents", p.contents),
        response_time=f.text("response_time", required=False), risks=same_length("risks", p.risks),
        window_note=f.text("window_note", required=False), notes=notes, source=m.Source(parent.path, f.line()))


# --- checks across records -----------------------------------------------------------------

def check(site: m.Site, mechanisms_unread: bool = False) -> list[Finding]:
    """`mechanisms_unread`: mechanisms.yml could not be read, so its ids are not known to be wrong."""
    out: list[Finding] = []
    qs = {q.id: q for q in questions(site)}
    standards = site.standard_ids()
    for p in site.pathways.values():
        path, line = p.source.path, p.source.line
        if p.mechanism and p.mechanism not in site.mechanisms and not mechanisms_unread:
            out.append(Finding(path, line, f"unknown mechanism '{p.mechanism}'",
                               did_you_mean(p.mechanism, site.mechanisms, "see standards/mechanisms.yml for the ids")))
        if p.guide and p.guide not in site.modules:
            out.append(Finding(path, line, f"guide '{p.guide}' does not exist under docs/",
                               did_you_mean(p.guide, site.modules, "write the path under docs/, e.g. mechanisms/upr.md")))
        for ref in p.templates:
            if ref.target not in site.modules:
                out.append(Finding(path, ref.line, f"template '{ref.target}' does not exist under docs/",
                                   did_you_mean(ref.target, site.modules, "write the path under docs/")))
        for ref in p.cases:
            if ref.target not in site.modules:
                out.append(Finding(path, ref.line, f"case study '{ref.target}' does not exist under docs/",
                                   did_you_mean(ref.target, site.modules, "write the path under docs/, e.g. cases/detroit-water-shutoffs.md")))
            elif site.modules[ref.target].type != "case":
                out.append(Finding(path, ref.line, f"'{ref.target}' is not a case study (its type is '{site.modules[ref.target].type}')",
                                   "list it under templates: if it is a template, or give the page type: case"))
        for ref in p.standards:
            if ref.target not in standards:
                out.append(Finding(path, ref.line, f"unknown standard '{ref.target}'",
                                   did_you_mean(ref.target, standards, "see CONTRIBUTING.md, 'References'")))
        for key, values in p.conditions.items():
            where = p.condition_lines.get(key, line)
            question = qs.get(key)
            if question is None:
                out.append(Finding(path, where, f"unknown condition '{key}'",
                                   did_you_mean(key, qs, f"use one of: {', '.join(qs)}")))
                continue
            allowed = [o.value for o in question.options]
            for value in values:
                if value not in allowed:
                    what = "issue area" if key == "issue_area" else f"answer to '{key}'"
                    out.append(Finding(path, where, f"unknown {what} '{value}'",
                                       did_you_mean(value, allowed, f"use one of: {', '.join(allowed)}")))
        for key in p.notes:
            if key not in qs:
                out.append(Finding(path, p.condition_lines.get(f"note:{key}", line), f"note for unknown condition '{key}'",
                                   did_you_mean(key, qs, f"use one of: {', '.join(qs)}")))
    return out


# --- matching ----------------------------------------------------------------------------

@dataclass
class Reason:
    question: str
    ok: bool | None  # None: the reader has not answered, or the pathway does not restrict it
    text: str


def evaluate(site: m.Site, pathway: Pathway, answers: dict[str, list[str]], _=None) -> tuple[bool, list[Reason]]:
    """Whether a pathway suits the answers, with one reason per question it has a condition on.

    An unanswered question never rules a pathway out; for several-answer questions one
    matching answer is enough. finder.js implements exactly this rule."""
    _ = _ or languages.strings(languages.DEFAULT)
    reasons = []
    matches = True
    for q in questions(site, _):
        allowed = pathway.conditions.get(q.id)
        if not allowed:
            continue
        labels = {o.value: o.label for o in q.options}
        chosen = [a for a in answers.get(q.id, []) if a]
        note = pathway.notes.get(q.id, "")
        if not chosen:
            reasons.append(Reason(q.id, None, f"{q.legend} {_('Not answered yet.')}"))
            continue
        hit = [a for a in chosen if a in allowed]
        if hit:
            text = f"{q.legend} {_('You chose: {answers}.', answers='; '.join(labels.get(a, a) for a in hit))}"
        else:
            matches = False
            text = f"{q.legend} {_('It needs: {answers}.', answers=either(_, [labels.get(a, a) for a in allowed]))}"
        reasons.append(Reason(q.id, bool(hit), f"{text} {note}".strip()))
    return matches, reasons


def either(_, items: list[str]) -> str:
    """'a or b or c' in the catalog's language (finder.js joins with the same word)."""
    return _(" or ").join(items)


def condition_text(site: m.Site, pathway: Pathway, _=None) -> list[str]:
    """The conditions in words, for the listing readers see without JavaScript."""
    _ = _ or languages.strings(languages.DEFAULT)
    out = []
    for q in questions(site, _):
        allowed = pathway.conditions.get(q.id)
        if not allowed:
            continue
        labels = {o.value: o.label for o in q.options}
        text = f"{q.legend} {either(_, [labels.get(a, a) for a in allowed])}."
        note = pathway.notes.get(q.id)
        out.append(f"{text} {note}" if note else text)
    return out


# --- time-sensitive markers ----------------------------------------------------------------

_AS_OF = re.compile(r"\[\[(as-of|upcoming):(\d{4}-\d{2}-\d{2})\]\]")


def human_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def plain(text: str, lang: str = languages.DEFAULT) -> str:
    """Render [[as-of:…]] and [[upcoming:…]] markers as words, in the reader's language."""
    if lang != languages.DEFAULT:
        return markers.render(text, html=False, lang=lang)

    def words(match: re.Match) -> str:
        day = dt.date.fromisoformat(match.group(2))
        return f"(as of {human_date(day)})" if match.group(1) == "as-of" else human_date(day)

    return _AS_OF.sub(words, text)


# --- export ------------------------------------------------------------------------------
