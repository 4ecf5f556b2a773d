"""What each input file may hold: every field, its type, whether it is required, its allowed values
and an example. The one source of truth: load.py takes its field names from here, and the
contributors' reference pages and the JSON Schemas for editors are generated from it."""
from __future__ import annotations

import json
from dataclasses import dataclass

from rightskit.core import model as m
from rightskit.core.fields import HTTPS_URL, URL_PATTERN

TYPE_NAMES = {"text": "text", "url": "web address (https://…)", "https": "web address (https://…)",
              "date": "date (YYYY-MM-DD)", "integer": "whole number", "size": "a number or a range \"min-max\"",
              "boolean": "true or false", "time": "time of day (HH:MM)", "list": "list of text",
              "mapping": "mapping of fields", "records": "list of mappings", "entries": "list of text or mappings"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a key of TYPE_NAMES
    description: str
    required: str = "no"  # "yes", "no", or when it is required, e.g. "for activities"
    allowed: tuple[str, ...] = ()
    example: object = None
    fields: tuple["Field", ...] = ()  # of a mapping, or of each entry of a list of mappings


@dataclass(frozen=True)
class Kind:
    name: str  # e.g. "instrument": names the schema file and the reference page
    title: str
    where: str  # where such records are written
    shape: str  # "file" (one mapping), "list" (entries of a list file) or "front matter"
    fields: tuple[Field, ...]
    intro: str = ""

    @property
    def schema_file(self) -> str:
        return f"{self.name}.json"

    @property
    def page(self) -> str:
        return f"{REFERENCE_DIR}/{self.name}.md"


REFERENCE_DIR = "contribute/reference"
SCHEMA_DIR = "schemas"  # in the repository (for editors) and in the built site

ID = "lower case letters, digits and hyphens"
# Dated fields (issue 11): when a person last checked the record, and when time-sensitive facts were verified.
REVIEWED = Field("reviewed", "date", "The day someone last checked this against the official sources; "
                 "`rightskit check` warns when it is more than 12 months old.", "yes", example="2026-11-25")
AS_OF = Field("as_of", "date", "For records whose facts change (a government's engagement, an office holder): "
              "the day those facts were last verified.", example="2026-11-25")

# Every `es:` block records the English it translates, as a translated page does (blockstatus.py).
ES_HASH = Field("source_hash", "text", "The revision of the English texts this block translates; set by "
                "`rightskit translation --mark-current FILE`. `make check` warns when it is missing or the "
                "English has changed since.", example="1f3527b50059")

ARTICLE = (
    Field("number", "text", "The article number, always quoted; parts are written \"2(1)\".", "yes", example="11"),
    Field("title", "text", "The article's heading, in plain words.", "yes", example="Adequate standard of living"),
    Field("summary", "text", "A plain-language summary written here, never pasted.", "yes",
          example="Everyone has a right to an adequate standard of living, including housing and food."),
    Field("issue_areas", "list", "Issue area ids this article belongs to (standards/issue-areas.yml).",
          example=["housing", "food"]),
    Field("es", "mapping", "Spanish title and summary of the article, written here.", fields=(
        ES_HASH,
        Field("title", "text", "Spanish title.", example="Nivel de vida adecuado"),
        Field("summary", "text", "Spanish plain-language summary."))),
)
US = (
    Field("signed", "date", "Date the United States signed; leave out if never signed.", example="1977-10-05"),
    Field("ratified", "date", "Date of US ratification or accession; leave out if none."),
    Field("notes", "text", "Plain words on what the US status means in practice.",
          example="Signed by the United States, never ratified."),
)
INSTRUMENT = Kind("instrument", "Instrument", "standards/instruments/<id>.yml, one file each", "file", (
    Field("id", "text", f"The instrument's id ({ID}); the same as the file name.", "yes", example="icescr"),
    Field("short_title", "text", "The usual abbreviation.", "yes", example="ICESCR"),
    Field("title", "text", "The full official title.", "yes",
          example="International Covenant on Economic, Social and Cultural Rights"),
    Field("kind", "text", "What sort of instrument it is.", "yes", m.INSTRUMENT_KINDS, "treaty"),
    Field("adopted", "date", "Date of adoption; leave out when not sure.", example="1966-12-16"),
    Field("in_force", "date", "Date of entry into force; leave out for instruments that do not enter into force.",
          example="1976-01-03"),
    Field("us", "mapping", "US signature and ratification.", fields=US),
    Field("monitoring_body", "text", "The mechanism id of the body that monitors it (standards/mechanisms.yml).",
          example="cescr"),
    Field("official_text", "url", "The official text, from the UN, OAS or ILO.", "yes",
          example="https://www.ohchr.org/en/instruments-mechanisms/instruments/"
                  "international-covenant-economic-social-and-cultural-rights"),
    Field("summary", "text", "What the instrument is and why it matters, in plain words.", "yes",
          example="The main treaty on economic, social and cultural rights."),
    Field("es", "mapping", "Official Spanish title and short title (leave out when unsure); Spanish summary and "
          "US notes.", fields=(
              ES_HASH,
              Field("title", "text", "Official Spanish title.",
                    example="Pacto Internacional de Derechos Económicos, Sociales y Culturales"),
              Field("short_title", "text", "Official Spanish short title.", example="PIDESC"),
              Field("summary", "text", "Spanish summary."), Field("us_notes", "text", "Spanish US notes."))),
    Field("articles", "records", "The articles the site summarizes.", fields=ARTICLE),
    REVIEWED, AS_OF,
))

GENERAL_COMMENT = (
    Field("number", "integer", "The General Comment's number.", "yes", example=12),
    Field("year", "integer", "The year it was adopted.", "yes", example=1999),
    Field("title", "text", "Its title.", "yes", example="The right to adequate food"),
    Field("interprets", "list", "The instrument or article ids it interprets.", "yes", example=["icescr/11"]),
    Field("summary", "text", "A plain-language summary written here.", "yes",
          example="What the right to food asks of governments."),
    Field("key_ideas", "list", "Short phrases naming its main ideas.", example=["Food must be available and accessible"]),
    Field("official_text", "url", "The official text (undocs.org resolves a UN document symbol).",
          example="https://undocs.org/E/C.12/1999/5"),
    Field("es", "mapping", "Spanish title, summary and key ideas, written here (the title names the subject; "
          "it is not presented as an official title). key_ideas translates the English list entry by entry, "
          "in the same order, so it has the same number of entries.", fields=(
              ES_HASH,
              Field("title", "text", "Spanish title.", example="El derecho a una alimentación adecuada"),
              Field("summary", "text", "Spanish summary."), Field("key_ideas", "list", "Spanish key ideas."))),
)
GENERAL_COMMENTS = Kind("general-comments", "General Comments", "standards/general-comments/<body>.yml, one file per body",
                        "file", (
    Field("body", "text", "The mechanism id of the body that adopted them.", "yes", example="cescr"),
    Field("comments", "records", "The General Comments, one entry each.", "yes", fields=GENERAL_COMMENT),
))

MECHANISM = Kind("mechanism", "Mechanism", "standards/mechanisms.yml, one entry each", "list", (
    Field("id", "text", f"The mechanism's id ({ID}).", "yes", example="cescr"),
    Field("name", "text", "Its full name.", "yes", example="Committee on Economic, Social and Cultural Rights"),
    Field("short_name", "text", "A short name; the name is used when left out.", example="CESCR"),
    Field("kind", "text", "What sort of mechanism it is.", "yes", m.MECHANISM_KINDS, "treaty body"),
    Field("part_of", "text", "The id of the mechanism it belongs to.", example="hrc"),
    Field("official_site", "url", "Its official web page.",
          example="https://www.ohchr.org/en/treaty-bodies/cescr"),
    Field("summary", "text", "What it does, in plain words.", "yes", example="Monitors the Covenant."),
    Field("us_access", "text", "How people in the United States can use it.", "yes",
          example="The US has not ratified the Covenant, so it does not report to this committee."),
    Field("guide", "text", "The hand-written guide under docs/, if there is one; otherwise a page is generated.",
          example="mechanisms/cescr.md"),
    Field("es", "mapping", "Spanish name, short name, summary and US access.", fields=(
        ES_HASH,
        Field("name", "text", "Spanish name.", "yes", example="Comité de Derechos Económicos, Sociales y Culturales"),
        Field("short_name", "text", "Spanish short name.", example="Comité DESC"),
        Field("summary", "text", "Spanish summary."), Field("us_access", "text", "Spanish US access."))),
    REVIEWED, AS_OF,
))

ISSUE_AREA = Kind("issue-area", "Issue area", "standards/issue-areas.yml, one entry each", "list", (
    Field("id", "text", f"The issue area's id ({ID}).", "yes", example="housing"),
    Field("title", "text", "Its name.", "yes", example="Housing"),
    Field("hub", "text", "Its hub page under docs/.", "yes", example="rights/housing.md"),
    Field("summary", "text", "One sentence on what it covers.", "yes", example="A safe, secure, affordable home."),
    Field("es", "mapping", "Spanish title and summary.", fields=(
        ES_HASH,
        Field("title", "text", "Spanish title.", "yes", example="Vivienda"),
        Field("summary", "text", "Spanish summary."))),
))

TERM = Kind("term", "Glossary term", "standards/glossary.yml, one entry each", "list", (
    Field("term", "text", "The term or abbreviation, as written in pages.", "yes", example="UPR"),
    Field("expansion", "text", "What an abbreviation stands for.", example="Universal Periodic Review"),
    Field("definition", "text", "A short definition in plain words.", "yes",
          example="A review of every UN member state's human rights record."),
    Field("es", "mapping", "The term in Spanish, as written in Spanish pages.", fields=(
        ES_HASH,
        Field("term", "text", "Spanish term or abbreviation.", "yes", example="EPU"),
        Field("expansion", "text", "What it stands for.", example="Examen Periódico Universal"),
        Field("definition", "text", "Spanish definition.", "yes",
              example="Un examen del historial de derechos humanos de cada Estado miembro de la ONU."))),
))

CARD = (
    Field("title", "text", "The card's heading (or its whole text).", "yes", example="Secure tenure"),
    Field("text", "text", "The card's text under its heading.", example="Protection against forced eviction."),
)
CARD_SET = (
    Field("title", "text", "What the set is called.", "yes", example="Element cards"),
    Field("kind", "text", "How it is printed; 'cards' when left out.", allowed=m.CARD_KINDS, example="cards"),
    Field("use", "text", "When and how the facilitator uses it.", example="Turn one over after each story."),
    Field("items", "entries", "The cards, signs, or the wall chart's column headings: text, or title and text.",
          "yes", fields=CARD),
)
MODULE = Kind("module", "Module front matter", "docs/<section>/<name>.md, at the top of each page", "front matter", (
    Field("title", "text", "The page title.", "yes", example="Housing is a human right"),
    Field("summary", "text", "One or two sentences for lists, search and the JSON export.",
          "for modules (not type: page)", example="What the right to housing means and how to use it."),
    Field("type", "text", "What sort of page it is.", "yes", m.MODULE_TYPES, "issue area"),
    Field("issue_areas", "list", "Issue area ids (standards/issue-areas.yml).", example=["housing"]),
    Field("standards", "list", "Instrument, article or General Comment ids it relies on.",
          example=["icescr/11", "cescr-gc-4"]),
    Field("mechanisms", "list", "Mechanism ids it explains or uses.", example=["upr"]),
    Field("audience", "list", "Who it is written for.", allowed=m.AUDIENCES, example=[m.AUDIENCES[0]]),
    Field("level", "text", "How much it assumes (its difficulty).", "for activities", m.LEVELS, "introductory"),
    Field("duration", "integer", "Minutes the activity takes.", "for activities", example=45),
    Field("group_size", "size", "How many people it works for: a number, or a range from smallest to largest.",
          "for activities", example="6-30"),
    Field("materials", "list", "What to bring.", "for activities", example=["Flip chart", "Markers"]),
    Field("objectives", "list", "What participants can do afterwards.", "for activities",
          example=["Name three elements of adequate housing."]),
    Field("key_points", "list", "The few ideas participants should take away, in plain words; printed.",
          "for activities", example=["A home is more than a roof."]),
    Field("online", "text", "How to run the activity online or hybrid; printed in facilitator guides.",
          "for activities", example="Use a poll instead of the line."),
    Field("cards", "records", "Printable materials for facilitator guides: cut-out cards, signs or a wall chart.",
          fields=CARD_SET),
    Field("handout", "boolean", "Also print this page as a PDF handout.", example=True),
    Field("tags", "list", "Extra tags (issue areas become tags by themselves)."),
    Field("hide", "list", "Parts of the page layout to hide (MkDocs Material).", example=["toc"]),
    Field("search", "mapping", "Search settings (MkDocs Material), e.g. exclude: true."),
    Field("source_hash", "text", "In a translation (page.es.md) only: the revision of the English page it "
          "translates; set by `rightskit new translation` and `rightskit translation --mark-current`."),
    Field("reviewed", "date", REVIEWED.description, "for modules (not type: page)", example="2026-11-25"),
))

AGENDA_ITEM = (
    Field("module", "text", "A module id: its path under docs/ without .md (one of module, break, text).",
          example="activities/housing-line"),
    Field("break", "integer", "A break of so many minutes (one of module, break, text)."),
    Field("text", "text", "A title for an item that is not a module, e.g. a welcome (one of module, break, text)."),
    Field("minutes", "integer", "Minutes for the item.", "for module and text items", example=30),
    Field("notes", "text", "Notes for facilitators, printed only in the facilitator guide."),
    Field("script", "text", "A suggested script for a short talk (required when the module is not an activity); "
          "one paragraph a line.", "for short talks"),
    Field("packet", "list", "For a short talk on a long page: the headings of the page's sections (## headings of "
          "the English page, which a translation keeps in the same order) that participants use, printed in the "
          "participant packet instead of the whole page; the facilitator guide keeps the whole page. The "
          "opening (before the first ## heading) is always printed; \"Opening\" alone prints only the "
          "opening. For an activity, which prints its handout: \"Key points\" keeps its key points, which a "
          "list without it leaves out.",
          example=["Choose the right route", "Follow up at home"]),
    Field("chart", "list", "For an item that fills a flip chart: the chart's column headings; the kit prints a "
          "flip-chart template with them (in a translated kit, only once the es block gives them).",
          example=["The theme", "Who has a duty?", "Our next step"]),
    Field("es", "mapping", "Spanish title (of a text item), notes and script.", fields=(
        ES_HASH,
        Field("title", "text", "Spanish title."), Field("notes", "text", "Spanish notes."),
        Field("script", "text", "Spanish script, one paragraph a line."),
        Field("chart", "list", "Spanish column headings of the flip chart, in the same order."))),
)
WORKSHOP = Kind("workshop", "Workshop", "curricula/<id>.yml, one file each", "file", (
    Field("id", "text", f"The workshop's id ({ID}); the same as the file name.", "yes", example="housing-rights"),
    Field("title", "text", "Its title.", "yes", example="Housing is a human right"),
    Field("summary", "text", "What participants do and take away.", "yes",
          example="An evening introduction for tenant organizers."),
    Field("audience", "list", "Who it is for.", "yes", m.AUDIENCES, [m.AUDIENCES[0]]),
    Field("languages", "list", "Languages it can be run in.", "yes", ("en", "es"), ["en"]),
    Field("format", "text", "How it is run.", "yes", m.WORKSHOP_FORMATS, "in person"),
    Field("issue_areas", "list", "Issue area ids.", example=["housing"]),
    Field("start", "time", "Start time, quoted; 10:00 when left out.", example="18:00"),
    Field("objectives", "list", "What participants can do afterwards.", "yes",
          example=["Name three elements of adequate housing."]),
    Field("participant_objectives", "list", "The objectives as participants read them in their packet and rate "
          "them on its evaluation form: first person, plain words, no new facts. A sentence that starts "
          "\"I can\" is rated from \"Not yet\" to \"Fully\", any other from \"No\" to \"Yes\". Without "
          "it, the packet shows the objectives.",
          example=["I can name three elements of adequate housing.", "I leave with a next step for my building."]),
    Field("materials", "list", "What to bring.", example=["Flip chart"]),
    Field("preparation", "list", "What to do beforehand.", example=["Print the handouts."]),
    Field("agenda", "records", "The items in order; times are worked out from start and minutes.", "yes",
          fields=AGENDA_ITEM),
    Field("handouts", "list", "Module ids printed as handouts (each with handout: true): all in the facilitator "
          "guide, and in the participant packet those the agenda runs.",
          example=["activities/housing-line"]),
    Field("es", "mapping", "Spanish texts; a workshop whose languages include es must have them. Lists are "
          "translated entry by entry, in the same order.", fields=(
              ES_HASH,
              Field("title", "text", "Spanish title.", "yes", example="La vivienda es un derecho humano"),
              Field("summary", "text", "Spanish summary.", "yes", example="Una introducción de dos horas."),
              Field("objectives", "list", "Spanish objectives."),
              Field("participant_objectives", "list", "Spanish participant objectives (\"Puedo …\")."),
              Field("materials", "list", "Spanish materials."),
              Field("preparation", "list", "Spanish preparation."))),
    REVIEWED, AS_OF,
))

CONDITIONS = (
    Field("issue_area", "list", "Issue area ids it suits.", example=["housing"]),
    Field("harm", "list", "Any of: ongoing, urgent, past.", example=["urgent"]),
    Field("affected", "list", "Any of: racial, detention, civil-political, children-exploitation, community.",
          example=["racial"]),
    Field("remedies", "list", "Any of: exhausted-recent, exhausted-old, ongoing, none.", example=["exhausted-recent"]),
    Field("wants", "list", "Any of the outcome codes.", allowed=m.PATHWAY_OUTCOMES, example=["protection"]),
)
PATHWAY = Kind("pathway", "Action pathway", "standards/pathways.yml, one entry each", "list", (
    Field("id", "text", f"The pathway's id ({ID}).", "yes", example="iachr-petition"),
    Field("name", "text", "The route, as a reader would name it.", "yes", example="Petition to the Inter-American Commission"),
    Field("mechanism", "text", "The mechanism id (standards/mechanisms.yml).", "yes", example="iachr"),
    Field("summary", "text", "What the route does, in plain words.", "yes", example="A complaint against the US."),
    Field("who", "text", "Who may use it.", "yes", example="Any person or group, or a legally recognized NGO."),
    Field("requirements", "list", "What must be true first, as the official rules say, in your own words.", "yes",
          example=["Domestic remedies have been exhausted, unless an exception applies."]),
    Field("contents", "list", "What a submission contains.", "yes", example=["The facts, with places and dates."]),
    Field("response_time", "text", "Only what official sources say; otherwise that it varies.", "yes",
          example="It varies, and it is often long."),
    Field("outcomes", "list", "What it can produce.", "yes", m.PATHWAY_OUTCOMES, ["decision"]),
    Field("risks", "list", "Retaliation, confidentiality and other risks.", "yes",
          example=["The petition is shared with the US government."]),
    Field("window", "text", "How its window opens.", "yes", m.PATHWAY_WINDOWS, "any time"),
    Field("window_note", "text", "The window in words; time-sensitive sentences end with [[as-of:YYYY-MM-DD]]."),
    Field("calendar", "https", "The official calendar; never write the date itself.",
          "for a review cycle or session calendar", example="https://www.ohchr.org/en/hr-bodies/upr/upr-main"),
    Field("official_page", "https", "The official page of the route.", example="https://www.oas.org/en/iachr/"),
    Field("guide", "text", "The guide under docs/.", example="mechanisms/iachr.md"),
    Field("templates", "list", "Template pages under docs/.", example=["toolkits/templates/iachr-petition-checklist.md"]),
    Field("cases", "list", "Case studies under docs/ (modules of type case) that show the route at work.",
          example=["cases/detroit-water-shutoffs.md"]),
    Field("standards", "list", "Instrument, article or General Comment ids it applies.", example=["american-declaration"]),
    Field("conditions", "mapping", "The finder's rules: for each question, the answers this route suits; "
          "leave a question out when any answer will do.", "yes", fields=CONDITIONS),
    Field("notes", "mapping", "Why a condition is there, per question, shown with the reasons.", fields=tuple(
        Field(f.name, "text", f"Why the '{f.name}' condition is there.") for f in CONDITIONS)),
    Field("reviewed", "date", "When the record was last checked.", "yes", example="2026-11-25"),
    Field("as_of", "date", "When its time-sensitive facts were verified.", example="2025-11-07"),
    Field("es", "mapping", "Spanish texts of the free-text fields; ids, links, dates and conditions are shared. "
          "Lists are translated entry by entry, in the same order.", fields=(
              ES_HASH,
              Field("name", "text", "Spanish name.", "yes", example="Petición a la Comisión Interamericana"),
              Field("summary", "text", "Spanish summary."), Field("who", "text", "Spanish 'who'."),
              Field("requirements", "list", "Spanish requirements."), Field("contents", "list", "Spanish contents."),
              Field("response_time", "text", "Spanish response time."), Field("risks", "list", "Spanish risks."),
              Field("window_note", "text", "Spanish window note, with the same [[as-of:…]] markers."),
              Field("notes", "mapping", "Spanish notes, for the questions the English notes cover.", fields=tuple(
                  Field(f.name, "text", f"Spanish note on '{f.name}'.") for f in CONDITIONS)))),
))

OFFICIAL_PAGE = Kind("official-page", "Official page in Spanish", "standards/official-pages.yml, one entry each", "list", (
    Field("en", "url", "The English address, exactly as pages and data link to it (no '#…').", "yes",
          example="https://www.un.org/en/about-us/universal-declaration-of-human-rights"),
    Field("es", "url", "The address of the same page in Spanish, on the same site, seen by you to exist: "
          "Spanish pages link there instead.", "yes",
          example="https://www.un.org/es/about-us/universal-declaration-of-human-rights"),
), intro="Spanish pages (pages under /es/ and Spanish PDFs) link to the Spanish address of an official page "
         "listed here. Add a page only once you have seen its Spanish version; the build never checks online.")

KINDS: dict[str, Kind] = {k.name: k for k in (INSTRUMENT, GENERAL_COMMENTS, MECHANISM, ISSUE_AREA, TERM, MODULE, WORKSHOP,
                                              PATHWAY, OFFICIAL_PAGE)}


def field_names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def translated_fields(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The texts a record's `es:` block may translate (its source_hash left out), in schema order."""
    block = next((f.fields for f in fields if f.name == "es"), ())
    return tuple(f.name for f in block if f.name != ES_HASH.name)


def subfields(kind: Kind, name: str) -> tuple[Field, ...]:
    return next(f.fields for f in kind.fields if f.name == name)


# --- JSON Schema (draft-07, what YAML editors' language servers read) ---------------------
# The schemas accept what the loader (content/load.py with core/fields.py) accepts and reject what
# it rejects, so an editor underlines exactly what `rightskit check` would report:
# tests/test_schema_agreement.py holds good and bad examples of every rule and runs both on them.
# A field that is not required may be written empty (`summary:`): the loader reads null as absent.

def _property(f: Field) -> dict:
    base: dict
    if f.type == "integer":
        base = {"type": "integer", "minimum": 1}
    elif f.type == "boolean":
        base = {"type": "boolean"}
    elif f.type == "size":  # the range itself is checked for activities (RULES)
        base = {"type": ["string", "integer"]}
    elif f.type == "date":
        # An editor reads an unquoted 2026-11-25 as text (YAML 1.2), PyYAML as a date: both are fine.
        base = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif f.type == "time":
        # Quoted "09:30" or 9:30; unquoted, PyYAML reads 9:30 as the number 570 (minutes), and so does the loader.
        base = {"anyOf": [{"type": "string", "pattern": TIME_OF_DAY},
                          {"type": "integer", "minimum": 0, "maximum": 24 * 60 - 1}]}
    elif f.type in ("url", "https"):
        base = {"type": "string", "pattern": URL_PATTERN if f.type == "url" else HTTPS_URL.pattern}
    elif f.type == "list":
        # One text entry on its own counts as a list of one, as in the loader.
        item: dict = {"enum": list(f.allowed)} if f.allowed else {"type": ["string", "number"]}
        base = {"anyOf": [{"type": "array", "items": item}, item]}
    elif f.type == "mapping":
        base = _object(f.fields, f.name) if f.fields else {"type": "object"}
    elif f.type == "records":
        base = {"type": "array", "items": _object(f.fields, f.name)}
    elif f.type == "entries":  # text or a mapping; not true/false (an unquoted Yes), which the loader rejects
        base = {"type": "array", "items": {"anyOf": [_object(f.fields, f.name),
                                                     {"type": ["string", "number"], "pattern": r"\S"}]}}
    else:
        # Text: a number written as is (`number: 11`, `title: 1984`) reads as text too.
        base = {"enum": list(f.allowed)} if f.allowed else {"type": ["string", "number"]}
        if f.required == "yes":
            base["minLength"] = 1
    if f.required != "yes" and f.type != "boolean":  # a flag written empty is an error, not false
        base = _nullable(base)
    base["description"] = f.description
    if f.example is not None:
        base["examples"] = [f.example]
    return base


def _nullable(base: dict) -> dict:
    if "enum" in base:
        return {**base, "enum": [*base["enum"], None]}
    if "anyOf" in base:
        return {**base, "anyOf": [*base["anyOf"], {"type": "null"}]}
    kinds = base["type"] if isinstance(base["type"], list) else [base["type"]]
    return {**base, "type": [*kinds, "null"]}


def _object(fields: tuple[Field, ...], name: str = "") -> dict:
    out = {"type": "object", "properties": {f.name: _property(f) for f in fields},
           "required": [f.name for f in fields if f.required == "yes"], "additionalProperties": False}
    out.update(RULES.get(name, {}))
    return out


def _given(*names: str) -> dict:
    """Each field present and not empty (what a required field is to the loader)."""
    return {"required": list(names), "properties": {n: {"not": {"anyOf": [{"type": "null"}, {"const": ""}]}}
                                                    for n in names}}


def _is(field: str, *values: str) -> dict:
    return {"properties": {field: {"enum": list(values)}}, "required": [field]}


TIME_OF_DAY = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"  # fields.time's pattern, with its bounds on hours and minutes
# A group size: a number, or a range "6-30" (an en dash too). That the range runs from smallest to
# largest, the loader checks and a pattern cannot (content/activitycheck.py).
GROUP_SIZE = r"^[ \t]*0*[1-9][0-9]*(?:[ \t]*[-–][ \t]*[0-9]+)?[ \t]*$"
_EMPTY = {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\s*$"}, {"type": "array", "maxItems": 0}]}

# Rules across fields, by the kind or field whose object they apply to: what `required: "for …"` says.
RULES: dict[str, dict] = {
    "module": {"allOf": [
        {"if": _is("type", "page"), "else": _given("summary")},
        # translations (page.es.md, with their source_hash) take the English page's review date
        {"if": {"anyOf": [_is("type", "page"), {"required": ["source_hash"]}]}, "else": _given("reviewed")},
        {"if": _is("type", "activity"), "then": {
            "required": [f.name for f in MODULE.fields if f.required == "for activities"],
            "properties": {
                "objectives": {"not": _EMPTY},
                "group_size": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": GROUP_SIZE},
                                         {"type": "null"}]},
                # one text with commas prints as one item
                "materials": {"not": {"type": "string", "pattern": ","}}}}},
    ]},
    "agenda": {
        "oneOf": [{"required": ["module"]}, {"required": ["break"]}, {"required": ["text"]}],
        "allOf": [{"if": {"required": ["module"]}, "then": _given("module", "minutes")},
                  {"if": {"required": ["text"]}, "then": _given("text", "minutes")},
                  {"if": {"required": ["break"]}, "then": _given("break")}]},
    "pathway": {"if": _is("window", "review cycle", "session calendar"), "then": _given("calendar")},
}


def json_schema(kind: Kind, site_url: str = "") -> dict:
    body = _object(kind.fields, kind.name)
    if kind.shape == "list":
        body = {"type": "array", "items": body}
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "$id": f"{site_url.rstrip('/')}/{SCHEMA_DIR}/{kind.schema_file}" if site_url else kind.schema_file,
            "title": f"Rights at Home: {kind.title}", "description": f"Written in {kind.where}.", **body}


def schema_text(kind: Kind) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder) -> list:
    """Write every kind's JSON Schema into folder (the site's, or the repository's for editors)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS.values():
        (folder / kind.schema_file).write_text(schema_text(kind), encoding="utf-8")
        written.append(folder / kind.schema_file)
    return written


# --- examples and reference pages ------------------------------------------------------------

def example(fields: tuple[Field, ...]) -> dict:
    """A record built from the fields' examples: shown on the reference page and checked by the tests."""
    out: dict = {}
    for f in fields:
        if f.type in ("mapping", "records", "entries") and f.fields:
            value: object = example(f.fields)
            out[f.name] = [value] if f.type in ("records", "entries") else value
        elif f.example is not None:
            out[f.name] = f.example
    return out


def example_yaml(kind: Kind) -> str:
    import yaml

    data = example(kind.fields)
    if kind.shape == "list":
        data = [data]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def rows(fields: tuple[Field, ...], prefix: str = "") -> list[dict]:
    """One table row per field, nested fields as `parent.child` (`parent[].child` in lists)."""
    out = []
    for f in fields:
        name = prefix + f.name
        out.append(dict(name=name, type=TYPE_NAMES[f.type], required=f.required, allowed=f.allowed,
                        description=f.description, example=f.example))
        if f.fields:
            out += rows(f.fields, name + ("[]." if f.type in ("records", "entries") else "."))
    return out


def reference_pages(env) -> list[tuple[str, str]]:
    """(docs-relative path, Markdown) of the reference index and one page per kind."""
    pages = [(f"{REFERENCE_DIR}/index.md", env.get_template("pages/reference-index.md.j2").render(
        kinds=list(KINDS.values()), schema_dir=SCHEMA_DIR))]
    for kind in KINDS.values():
        pages.append((kind.page, env.get_template("pages/reference.md.j2").render(
            kind=kind, rows=rows(kind.fields), example=example_yaml(kind), schema_dir=SCHEMA_DIR,
            to_json=lambda value: json.dumps(value, ensure_ascii=False))))
    return pages
