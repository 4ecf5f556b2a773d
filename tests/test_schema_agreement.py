"""The JSON Schemas editors read (schemas/, from core/schema.py) say what `rightskit check` says
(issue 22): every shipped YAML file and every page's front matter validates against its schema,
each data file names its schema on its first line, and on good and bad examples of every rule the
schema and the loader both accept or both reject. YAML is read as the loader reads it (PyYAML):
an unquoted date becomes an ISO string, as an editor (YAML 1.2) reads it to begin with."""
from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import MINI, REPO
from rightskit.content import load, pathways
from rightskit.core import model as m
from rightskit.core import schema
from rightskit.core.findings import errors
from rightskit.core.yamltext import FRONT_MATTER

# Each shipped data file and the schema it must name on its first line.
DATA_FILES = {
    "standards/instruments/*.yml": "instrument",
    "standards/general-comments/*.yml": "general-comments",
    "standards/mechanisms.yml": "mechanism",
    "standards/issue-areas.yml": "issue-area",
    "standards/glossary.yml": "term",
    "standards/pathways.yml": "pathway",
    "standards/official-pages.yml": "official-page",
    "curricula/*.yml": "workshop",
}


def as_loaded(value):
    """A value as the loader sees it, dates as ISO text (`reviewed: 2026-11-25` is a date to PyYAML)."""
    if isinstance(value, dt.date):  # a datetime too: its isoformat has a 'T', which no date field accepts
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_loaded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_loaded(item) for item in value]
    return value


@functools.cache
def validator(kind: str) -> jsonschema.Draft7Validator:
    body = json.loads((REPO / schema.SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(body)
    return jsonschema.Draft7Validator(body, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def schema_errors(kind: str, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(as_loaded(data))]


def front_matter(text: str):
    return yaml.safe_load(FRONT_MATTER.match(text).group(1) or "")


def shipped(pattern: str) -> list[Path]:
    files = sorted(REPO.glob(pattern))
    assert files, pattern
    return files


# --- the shipped files ------------------------------------------------------------------------

def test_every_shipped_data_file_has_a_schema():
    """A data file added later (as official-pages.yml was) gets its schema line and editor mapping too."""
    covered = {file for pattern in DATA_FILES for file in REPO.glob(pattern)}
    data = set(REPO.glob("standards/**/*.yml")) | set(REPO.glob("curricula/**/*.yml"))
    assert sorted(f.relative_to(REPO).as_posix() for f in data - covered) == []


@pytest.mark.parametrize("pattern", DATA_FILES)
def test_every_shipped_data_file_validates_against_its_schema(pattern):
    kind = DATA_FILES[pattern]
    for file in shipped(pattern):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert schema_errors(kind, data) == [], file.relative_to(REPO)


@pytest.mark.parametrize("pattern", DATA_FILES)
def test_every_shipped_data_file_names_its_schema_on_its_first_line(pattern):
    """What YAML editors other than VS Code (and VS Code without the settings file) go by."""
    for file in shipped(pattern):
        first = file.read_text(encoding="utf-8").split("\n", 1)[0]
        relative = posixpath.relpath(f"schemas/{DATA_FILES[pattern]}.json", file.parent.relative_to(REPO).as_posix())
        assert first == f"# yaml-language-server: $schema={relative}", file.relative_to(REPO)
        assert (file.parent / relative).resolve().is_file()


def test_every_page_front_matter_validates_against_the_module_schema():
    pages = shipped("docs/**/*.md")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert schema_errors("module", front_matter(text)) == [], page.relative_to(REPO)


def test_vscode_maps_every_data_file_to_its_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    mapped = {posixpath.basename(target)[: -len(".json")]: globs if isinstance(globs, list) else [globs]
              for target, globs in settings.items()}
    for pattern, kind in DATA_FILES.items():
        assert pattern in mapped.get(kind, []), f"{pattern} is not mapped to schemas/{kind}.json"
    for target in settings:
        assert (REPO / target).is_file(), target


def test_activity_requirements_are_the_loaders():
    module = json.loads((REPO / "schemas" / "module.json").read_text(encoding="utf-8"))
    activity = next(rule["then"] for rule in module["allOf"] if rule["if"].get("properties", {}).get("type")
                    == {"enum": ["activity"]})
    assert sorted(activity["required"]) == sorted(load.ACTIVITY_REQUIRED)


# --- schema and loader agree, rule by rule ----------------------------------------------------

ACTIVITY = (MINI / "docs" / "activities" / "line.md").read_text(encoding="utf-8")
ISSUE_AREA_PAGE = (MINI / "docs" / "rights" / "housing.md").read_text(encoding="utf-8")
PAGE = (MINI / "docs" / "index.md").read_text(encoding="utf-8")
WORKSHOP = (MINI / "curricula" / "housing.yml").read_text(encoding="utf-8")
INSTRUMENT = (MINI / "standards" / "instruments" / "icescr.yml").read_text(encoding="utf-8")
GENERAL_COMMENTS = (MINI / "standards" / "general-comments" / "cescr.yml").read_text(encoding="utf-8")
MECHANISMS = (MINI / "standards" / "mechanisms.yml").read_text(encoding="utf-8")
ISSUE_AREAS = (MINI / "standards" / "issue-areas.yml").read_text(encoding="utf-8")
GLOSSARY = (MINI / "standards" / "glossary.yml").read_text(encoding="utf-8")
PATHWAY = """\
- id: sp-communication
  name: Communication to a Special Rapporteur
  mechanism: special-procedures
  summary: Send facts to a UN expert.
  who: Anyone with reliable information.
  requirements: [The submission names who sends it.]
  contents: [Who is affected.]
  response_time: There is no set time.
  outcomes: [visibility]
  risks: [Letters are published.]
  window: any time
  official_page: https://www.ohchr.org/en/special-procedures-human-rights-council
  conditions:
    harm: [ongoing, past]
  reviewed: 2025-11-07
"""
CARDS = "cards:\n  - title: Signs\n    items: [Adequate, {title: Services, text: Water and heat.}]\nreviewed:"

# (name, base text, file it is written to, (old, new) replacements, accepted?)
CASES = [
    # module front matter: what every module and every activity needs
    ("activity as shipped", ACTIVITY, "docs/activities/line.md", [], True),
    ("page with only a title and type", PAGE, "docs/index.md", [], True),
    ("unquoted date", ISSUE_AREA_PAGE, "docs/rights/housing.md", [], True),
    ("quoted date", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("2026-01-15", '"2026-01-15"')], True),
    ("impossible date", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("2026-01-15", '"2026-02-30"')], False),
    ("date written day first", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("2026-01-15", "15/01/2026")], False),
    ("date with a time of day", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("2026-01-15", "2026-01-15 10:00")], False),
    ("date as a year", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("2026-01-15", "2026")], False),
    ("module without reviewed", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("reviewed: 2026-01-15\n", "")], False),
    ("module with reviewed empty", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("reviewed: 2026-01-15", "reviewed:")],
     False),
    ("module without summary", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("summary: The right to housing.\n", "")],
     False),
    ("module with an empty summary", ISSUE_AREA_PAGE, "docs/rights/housing.md",
     [("summary: The right to housing.", 'summary: ""')], False),
    ("translation without reviewed", ISSUE_AREA_PAGE, "docs/rights/housing.es.md",
     [("reviewed: 2026-01-15", "source_hash: 1f3527b50059")], True),
    ("without type", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("type: issue area\n", "")], False),
    ("unknown type", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("type: issue area", "type: issue-area")], False),
    ("unknown field", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("title: Housing", "title: Housing\ncolour: red")],
     False),
    ("title as a number", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("title: Housing", "title: 1984")], True),
    ("title as a list", ISSUE_AREA_PAGE, "docs/rights/housing.md", [("title: Housing", "title: [Housing]")], False),
    ("one issue area without brackets", ISSUE_AREA_PAGE, "docs/rights/housing.md",
     [("issue_areas: [housing]", "issue_areas: housing")], True),
    ("unknown audience", ISSUE_AREA_PAGE, "docs/rights/housing.md",
     [("type: issue area", "type: issue area\naudience: [aliens]")], False),
    ("known audience", ISSUE_AREA_PAGE, "docs/rights/housing.md",
     [("type: issue area", "type: issue area\naudience: organizers")], True),
    ("handout as yes (YAML's true)", ACTIVITY, "docs/activities/line.md", [("handout: true", "handout: yes")], True),
    ("handout as quoted text", ACTIVITY, "docs/activities/line.md", [("handout: true", 'handout: "yes"')], False),
    ("handout empty", ACTIVITY, "docs/activities/line.md", [("handout: true", "handout:")], False),
    ("duration as a number", ACTIVITY, "docs/activities/line.md", [], True),
    ("duration quoted", ACTIVITY, "docs/activities/line.md", [("duration: 30", 'duration: "30"')], False),
    ("duration zero", ACTIVITY, "docs/activities/line.md", [("duration: 30", "duration: 0")], False),
    ("duration negative", ACTIVITY, "docs/activities/line.md", [("duration: 30", "duration: -5")], False),
    ("duration with a fraction", ACTIVITY, "docs/activities/line.md", [("duration: 30", "duration: 30.5")], False),
    ("activity without duration", ACTIVITY, "docs/activities/line.md", [("duration: 30\n", "")], False),
    ("group size as a number", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20", "group_size: 12")], True),
    ("group size with an en dash", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20", "group_size: 6–20")],
     True),
    ("group size in words", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20", "group_size: six")], False),
    ("group size with 'to'", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20", "group_size: 6 to 20")], False),
    ("group size zero", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20", "group_size: 0")], False),
    ("activity without group size", ACTIVITY, "docs/activities/line.md", [("group_size: 6-20\n", "")], False),
    ("group size on a page that is not an activity", ISSUE_AREA_PAGE, "docs/rights/housing.md",
     [("type: issue area", "type: issue area\ngroup_size: any")], True),
    ("one material without brackets", ACTIVITY, "docs/activities/line.md", [("materials: [Tape]", "materials: Tape")],
     True),
    ("materials as one text with commas", ACTIVITY, "docs/activities/line.md",
     [("materials: [Tape]", "materials: Tape, markers")], False),
    ("a material read as true", ACTIVITY, "docs/activities/line.md", [("materials: [Tape]", "materials: [yes]")], False),
    ("a material that is a list", ACTIVITY, "docs/activities/line.md", [("materials: [Tape]", "materials: [[Tape]]")],
     False),
    ("empty objectives", ACTIVITY, "docs/activities/line.md", [("objectives: [Name the elements.]", "objectives: []")],
     False),
    ("objectives empty text", ACTIVITY, "docs/activities/line.md",
     [("objectives: [Name the elements.]", 'objectives: ""')], False),
    ("objectives left blank", ACTIVITY, "docs/activities/line.md", [("objectives: [Name the elements.]", "objectives:")],
     False),
    ("one objective without brackets", ACTIVITY, "docs/activities/line.md",
     [("objectives: [Name the elements.]", "objectives: Name the elements.")], True),
    ("unknown level", ACTIVITY, "docs/activities/line.md", [("level: introductory", "level: expert")], False),
    ("activity without online", ACTIVITY, "docs/activities/line.md", [("online: Use a poll with five answers "
                                                                      "instead of the line.\n", "")], False),
    ("cards as text and mappings", ACTIVITY, "docs/activities/line.md", [("reviewed:", CARDS)], True),
    ("a card read as true", ACTIVITY, "docs/activities/line.md", [("reviewed:", CARDS.replace("Adequate", "Yes"))],
     False),
    ("a blank card", ACTIVITY, "docs/activities/line.md", [("reviewed:", CARDS.replace("Adequate", '" "'))], False),
    ("unknown card kind", ACTIVITY, "docs/activities/line.md",
     [("reviewed:", CARDS.replace("title: Signs", "title: Signs\n    kind: deck"))], False),
    # workshops
    ("workshop as shipped", WORKSHOP, "curricula/housing.yml", [], True),
    ("start unquoted", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', "start: 9:30")], True),
    ("start with one-digit hour", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', 'start: "9:30"')], True),
    ("start at hour 25", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', 'start: "25:00"')], False),
    ("start at 24:00 unquoted", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', "start: 24:00")], False),
    ("start with a dot", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', 'start: "9.30"')], False),
    ("start with one-digit minutes", WORKSHOP, "curricula/housing.yml", [('start: "18:00"', 'start: "10:5"')], False),
    ("start left out", WORKSHOP, "curricula/housing.yml", [('start: "18:00"\n', "")], True),
    ("agenda item with module and break", WORKSHOP, "curricula/housing.yml", [("  - break: 10", "  - break: 10\n    "
                                                                                "module: activities/line")], False),
    ("agenda module without minutes", WORKSHOP, "curricula/housing.yml",
     [("  - module: activities/line\n    minutes: 30\n", "  - module: activities/line\n")], False),
    ("agenda text without minutes", WORKSHOP, "curricula/housing.yml", [("    minutes: 15\n", "")], False),
    ("break of zero minutes", WORKSHOP, "curricula/housing.yml", [("break: 10", "break: 0")], False),
    ("minutes quoted", WORKSHOP, "curricula/housing.yml", [("minutes: 30", 'minutes: "30"')], False),
    ("agenda item as bare text", WORKSHOP, "curricula/housing.yml", [("  - break: 10", "  - activities/line")], False),
    ("workshop without languages", WORKSHOP, "curricula/housing.yml", [("languages: [en]\n", "")], False),
    ("unknown format", WORKSHOP, "curricula/housing.yml", [("format: in person", "format: zoom")], False),
    ("one audience without brackets", WORKSHOP, "curricula/housing.yml", [("audience: [organizers]",
                                                                           "audience: organizers")], True),
    ("workshop without reviewed", WORKSHOP, "curricula/housing.yml", [("reviewed: 2026-01-15\n", "")], False),
    # instruments and General Comments
    ("instrument as shipped", INSTRUMENT, "standards/instruments/icescr.yml", [], True),
    ("ratified: null", INSTRUMENT, "standards/instruments/icescr.yml", [("  notes:", "  ratified: null\n  notes:")],
     True),
    ("adoption date day first", INSTRUMENT, "standards/instruments/icescr.yml", [("1966-12-16", "16/12/1966")], False),
    ("official text without https://", INSTRUMENT, "standards/instruments/icescr.yml",
     [("https://www.ohchr.org", "www.ohchr.org")], False),
    ("official text over http", INSTRUMENT, "standards/instruments/icescr.yml", [("https://", "http://")], True),
    ("unknown instrument kind", INSTRUMENT, "standards/instruments/icescr.yml", [("kind: treaty", "kind: law")], False),
    ("article number unquoted", INSTRUMENT, "standards/instruments/icescr.yml", [('number: "11"', "number: 11")], True),
    ("us as text", INSTRUMENT, "standards/instruments/icescr.yml",
     [("us:\n  signed: 1977-10-05\n  notes: Signed, not ratified.", "us: signed")], False),
    ("comments as shipped", GENERAL_COMMENTS, "standards/general-comments/cescr.yml", [], True),
    ("comment number quoted", GENERAL_COMMENTS, "standards/general-comments/cescr.yml", [("number: 4", 'number: "4"')],
     False),
    ("comment year zero", GENERAL_COMMENTS, "standards/general-comments/cescr.yml", [("year: 1991", "year: 0")], False),
    ("comment without interprets", GENERAL_COMMENTS, "standards/general-comments/cescr.yml",
     [("    interprets: [icescr/11]\n", "")], False),
    # list files
    ("mechanisms as shipped", MECHANISMS, "standards/mechanisms.yml", [], True),
    ("unknown mechanism kind", MECHANISMS, "standards/mechanisms.yml", [("kind: charter-based", "kind: court")], False),
    ("mechanism without us_access", MECHANISMS, "standards/mechanisms.yml", [("  us_access: Test.\n  guide", "  guide")],
     False),
    ("official site over http", MECHANISMS, "standards/mechanisms.yml",
     [("  kind: treaty body", "  kind: treaty body\n  official_site: http://www.ohchr.org/en/treaty-bodies/cescr")], True),
    ("issue areas as shipped", ISSUE_AREAS, "standards/issue-areas.yml", [], True),
    ("issue area without hub", ISSUE_AREAS, "standards/issue-areas.yml", [("  hub: rights/housing.md\n", "")], False),
    ("glossary as shipped", GLOSSARY, "standards/glossary.yml", [], True),
    ("term with expansion left blank", GLOSSARY, "standards/glossary.yml",
     [("expansion: Universal Periodic Review", "expansion:")], True),
    ("term without definition", GLOSSARY, "standards/glossary.yml", [("  definition: Test definition.\n", "")], False),
    # pathways
    ("pathway", PATHWAY, "standards/pathways.yml", [], True),
    ("review cycle without a calendar", PATHWAY, "standards/pathways.yml", [("window: any time", "window: review cycle")],
     False),
    ("review cycle with a calendar", PATHWAY, "standards/pathways.yml",
     [("window: any time", "window: review cycle\n  calendar: https://www.ohchr.org/en/hr-bodies/upr/upr-main")], True),
    ("pathway page over http", PATHWAY, "standards/pathways.yml", [("official_page: https://", "official_page: http://")],
     False),
    ("unknown outcome", PATHWAY, "standards/pathways.yml", [("outcomes: [visibility]", "outcomes: [fame]")], False),
    ("pathway without risks", PATHWAY, "standards/pathways.yml", [("  risks: [Letters are published.]\n", "")], False),
    ("Spanish block with its hash", PATHWAY, "standards/pathways.yml",
     [("  reviewed:", "  es:\n    name: Comunicación\n    source_hash: 1f3527b50059\n  reviewed:")], True),
    ("Spanish block without a name", PATHWAY, "standards/pathways.yml",
     [("  reviewed:", "  es:\n    summary: Envíe hechos.\n  reviewed:")], False),
]

KIND_OF = {"docs": "module", "curricula": "workshop", "standards/instruments": "instrument",
           "standards/general-comments": "general-comments", "standards/mechanisms.yml": "mechanism",
           "standards/issue-areas.yml": "issue-area", "standards/glossary.yml": "term",
           "standards/pathways.yml": "pathway"}


def kind_of(path: str) -> str:
    return next(kind for prefix, kind in KIND_OF.items() if path.startswith(prefix))


def loader_errors(root: Path, path: str) -> list[str]:
    """What the loader reports reading the one file at `path` (field by field, as `rightskit check` does)."""
    findings: list = []
    site = m.Site()
    kind = kind_of(path)
    if kind == "module":
        load._load_modules(load.Project(root), site, findings, [])
    elif kind == "workshop":
        load._load_workshops(root, site, findings)
    elif kind == "instrument":
        load._load_instruments(root, site, findings)
    elif kind == "general-comments":
        load._load_general_comments(root, site, findings)
    elif kind == "pathway":
        pathways.load(root, findings)
    else:
        make, fields, key = {"mechanism": (load._mechanism, load.MECHANISM_FIELDS, lambda r: r.id),
                             "issue-area": (load._issue_area, load.ISSUE_AREA_FIELDS, lambda r: r.id),
                             "term": (load._glossary_term, load.GLOSSARY_FIELDS, lambda t: t.term)}[kind]
        load._load_list(root / path, root, findings, kind, make, fields, key=key)
    return [str(f) for f in errors(findings)]


@pytest.mark.parametrize("name, base, path, edits, accepted", CASES, ids=[case[0] for case in CASES])
def test_schema_and_loader_agree(tmp_path, name, base, path, edits, accepted):
    text = base
    for old, new in edits:
        assert old in text, f"{name}: '{old}' is not in the base record"
        text = text.replace(old, new, 1)
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(text, encoding="utf-8")
    by_loader = loader_errors(tmp_path, path)
    data = front_matter(text) if path.endswith(".md") else yaml.safe_load(text)
    by_schema = schema_errors(kind_of(path), data)
    assert (by_loader == []) == accepted, f"{name}: the loader says {by_loader or 'nothing'}"
    assert (by_schema == []) == accepted, f"{name}: the schema says {by_schema or 'nothing'}"


# What a schema cannot say and only `rightskit check` catches: kept here so each stays known.
def test_a_reversed_group_size_is_for_the_loader_alone(tmp_path):
    """A pattern cannot compare two numbers: 30-6 is the right shape, and only the check sees the order."""
    path = "docs/activities/line.md"
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text(ACTIVITY.replace("group_size: 6-20", "group_size: 30-6"), encoding="utf-8")
    assert any("'group_size' is not a group size: '30-6'" in e for e in loader_errors(tmp_path, path))
    assert schema_errors("module", front_matter((tmp_path / path).read_text(encoding="utf-8"))) == []


def test_what_rightskit_new_writes_fits_its_schema_and_data_files_name_it(mini):
    from rightskit.cli import scaffold

    for kind, ident in [("workshop", "tenant-organizing"), ("instrument", "icrmw"), ("mechanism", "sr-food"),
                        ("term", "NGO"), ("module", "toolkits/budget-advocacy"), ("activity", "rent-diary")]:
        created = scaffold.create(mini, kind, ident)
        text = (mini / created.path).read_text(encoding="utf-8")
        schema_kind = scaffold.KINDS[kind].schema_kind
        if created.path.endswith(".md"):
            assert schema_errors(schema_kind, front_matter(text)) == [], kind
            continue
        assert schema_errors(schema_kind, yaml.safe_load(text)) == [], kind
        relative = posixpath.relpath(f"schemas/{schema_kind}.json", posixpath.dirname(created.path))
        assert text.split("\n", 1)[0] == f"# yaml-language-server: $schema={relative}", kind
