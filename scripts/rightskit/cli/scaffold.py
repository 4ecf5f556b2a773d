"""`rightskit new KIND ID`: start a correctly shaped file from templates/scaffold/.

Each kind is one entry in KINDS, so a new kind (a translation, say) is one more `Scaffold`
with its template, its path and, if it needs more than the id, a `context` function.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rightskit.core import model as m
from rightskit.core import schema
from rightskit.core import config as siteconfig
from rightskit.pages.environment import environment
from rightskit.core.yamltext import LineMap, parse_yaml

PLACEHOLDER = "TODO"  # left in scaffolded text; `rightskit check` warns until each is replaced

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PAGE_ID = re.compile(rf"^{_SLUG}(?:/{_SLUG})*$")
RECORD_ID = re.compile(rf"^{_SLUG}$")
TERM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .&'-]*$")


class ScaffoldError(Exception):
    """Why nothing was written: a bad id, an existing file or record."""


@dataclass(frozen=True)
class Scaffold:
    kind: str
    help: str
    template: str  # under templates/scaffold/
    path: Callable[[str], str]  # project-relative file for an id
    id_pattern: re.Pattern
    id_example: str
    schema_kind: str | None = None  # for the `$schema` line and the fields the template may use
    append: bool = False  # the record is added to a list file rather than written as a new file
    nav: bool = False  # the new page goes into mkdocs.yml's nav
    next_steps: tuple[str, ...] = ()
    context: Callable[[str], dict] = field(default=lambda ident: {})


def _page(ident: str) -> str:
    return f"docs/{ident}.md"


def _activity(ident: str) -> str:
    return f"docs/{ident if ident.startswith('activities/') else 'activities/' + ident}.md"


CHECK = "Run `make check` and fix what it lists; it warns about every TODO left."
SERVE = "Preview with `make serve` (http://127.0.0.1:8000/)."

KINDS: dict[str, Scaffold] = {s.kind: s for s in (
    Scaffold("module", "a page under docs/ (explainer, toolkit, issue area, mechanism guide)", "module.md.j2",
             _page, PAGE_ID, "toolkits/budget-advocacy", "module", nav=True, next_steps=(
                 "Set 'type:' and fill in the front matter; replace each TODO with your own words.",
                 "Move its line in mkdocs.yml's nav if it belongs elsewhere.", CHECK, SERVE)),
    Scaffold("activity", "a workshop activity under docs/activities/", "activity.md.j2", _activity, PAGE_ID,
             "activities/rent-diary", "module", nav=True, next_steps=(
                 "Fill in duration, group size, materials and objectives; keep the headings in their order.",
                 "Use it in a workshop's agenda as '- module: <path without .md>' with the same minutes.", CHECK, SERVE)),
    Scaffold("workshop", "a workshop in curricula/", "workshop.yml.j2", lambda i: f"curricula/{i}.yml", RECORD_ID,
             "tenant-organizing", "workshop", next_steps=(
                 "Add modules to the agenda ('- module: activities/...') with their minutes.", CHECK, SERVE)),
    Scaffold("instrument", "a treaty, declaration or convention in standards/instruments/", "instrument.yml.j2",
             lambda i: f"standards/instruments/{i}.yml", RECORD_ID, "icrmw", "instrument", next_steps=(
                 "Replace the official_text address with the official text (UN, OAS or ILO).",
                 "Add dates only from the official record; leave out what you cannot confirm.", CHECK)),
    Scaffold("mechanism", "a mechanism, appended to standards/mechanisms.yml", "mechanism.yml.j2",
             lambda i: "standards/mechanisms.yml", RECORD_ID, "sr-food", "mechanism", append=True, next_steps=(
                 "Set 'kind:' and replace each TODO; add official_site, part_of or guide if they apply.", CHECK)),
    Scaffold("term", "a glossary term, appended to standards/glossary.yml", "term.yml.j2",
             lambda i: "standards/glossary.yml", TERM_ID, "NGO", "term", append=True, next_steps=(
                 "Write the definition in plain words; add 'expansion:' for an abbreviation.", CHECK)),
)}


@dataclass
class Created:
    path: str  # project-relative
    nav_line: int | None
    next_steps: tuple[str, ...]
    appended: str = ""  # "mechanism 'sr-food' at line 120" when a record was added to a list file

    def report(self) -> str:
        if self.appended:
            first = f"Added {self.appended} of {self.path}."
        else:
            first = f"Created {self.path}" + (f" and added it to the nav in mkdocs.yml (line {self.nav_line})."
                                               if self.nav_line else ".")
        lines = [first]
        lines += ["Next steps:"] + [f"  {n}. {step}" for n, step in enumerate(self.next_steps, start=1)]
        return "\n".join(lines)


def create(root: Path, kind: str, ident: str, config_file: str = "mkdocs.yml",
           today: dt.date | None = None) -> Created:
    """Write the new file (or append the record), add it to the nav if needed; nothing is
    written when the id is invalid or already taken."""
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind '{kind}' (use one of: {', '.join(KINDS)})")
    spec = KINDS[kind]
    if not spec.id_pattern.match(ident):
        raise ScaffoldError(f"'{ident}' is not a valid {kind} id (for example '{spec.id_example}': "
                            "lower case letters, digits and hyphens" + (", folders separated by '/'"
                                                                         if spec.id_pattern is PAGE_ID else "") + ")")
    relative = spec.path(ident)
    target = root / relative
    text = render(spec, ident, relative, today or dt.date.today())
    if spec.append:
        _refuse_duplicate(target, spec, ident)
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        header = "" if "yaml-language-server" in existing else _schema_line(spec, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        before = header + existing + ("" if not existing or existing.endswith("\n") else "\n")
        target.write_text(before + text, encoding="utf-8")
        return Created(relative, None, spec.next_steps, f"{spec.kind} '{ident}' at line {before.count(chr(10)) + 1}")
    if target.exists():
        raise ScaffoldError(f"{relative} already exists: nothing was written (choose another id, or edit that file)")
    nav_update = None
    if spec.nav:
        config = root / config_file
        nav_update = add_to_nav(config.read_text(encoding="utf-8"), relative[len("docs/"):])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    if nav_update:
        (root / config_file).write_text(nav_update[0], encoding="utf-8")
    return Created(relative, nav_update[1] if nav_update else None, spec.next_steps)


def render(spec: Scaffold, ident: str, relative: str, today: dt.date) -> str:
    kind = schema.KINDS.get(spec.schema_kind or "")
    name = ident.rsplit("/", 1)[-1]
    values = dict(ident=ident, title=name.replace("-", " ").capitalize(), today=today.isoformat(),
                  fields=schema.field_names(kind.fields) if kind else (), schema=_schema_path(spec, relative),
                  audiences=m.AUDIENCES, levels=m.LEVELS, module_types=m.MODULE_TYPES, formats=m.WORKSHOP_FORMATS,
                  instrument_kinds=m.INSTRUMENT_KINDS, mechanism_kinds=m.MECHANISM_KINDS, **spec.context(ident))
    return environment().get_template(f"scaffold/{spec.template}").render(values)


def _schema_path(spec: Scaffold, relative: str) -> str:
    kind = schema.KINDS.get(spec.schema_kind or "")
    if not kind:
        return ""
    return posixpath.relpath(f"{schema.SCHEMA_DIR}/{kind.schema_file}", posixpath.dirname(relative))


def _schema_line(spec: Scaffold, relative: str) -> str:
    path = _schema_path(spec, relative)
    return f"# yaml-language-server: $schema={path}\n" if path else ""


def _refuse_duplicate(target: Path, spec: Scaffold, ident: str) -> None:
    if not target.is_file():
        return
    parsed = parse_yaml(target.read_text(encoding="utf-8-sig"), str(target))
    key = "term" if spec.kind == "term" else "id"
    for entry in parsed.data or []:
        if isinstance(entry, LineMap) and str(entry.get(key)) == ident:
            raise ScaffoldError(f"{spec.path(ident)} already has a {spec.kind} '{ident}' "
                                f"(line {entry.line}): nothing was written")


# --- the nav in mkdocs.yml, edited as text so its comments and layout stay as they are ------

def nav_entries(config_text: str) -> dict[str, int]:
    """{docs-relative page: line} for each page listed in the nav."""
    return siteconfig.parse(config_text).nav or {}


def add_to_nav(config_text: str, page: str) -> tuple[str, int]:
    """The config with `- page` after the last nav entry from the same folder (or at the end of
    the nav), and the new line's number."""
    lines = config_text.split("\n")
    entries = nav_entries(config_text)
    folder = posixpath.dirname(page)
    siblings = [line for entry, line in entries.items() if posixpath.dirname(entry) == folder]
    if siblings:
        after = max(siblings)
        indent = re.match(r"\s*", lines[after - 1]).group(0)
    else:
        start = next((i for i, text in enumerate(lines) if text.startswith("nav:")), None)
        if start is None:
            raise ScaffoldError("mkdocs.yml has no 'nav:' section to add the page to")
        after = start + 1
        while after < len(lines) and (not lines[after].strip() or lines[after][0] in " -#"):
            after += 1
        while not lines[after - 1].strip():
            after -= 1
        indent = "  "
    lines.insert(after, f"{indent}- {page}")
    return "\n".join(lines), after + 1
