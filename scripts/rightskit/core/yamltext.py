"""YAML that remembers where each value came from, so every error can name a line.

Dates are kept as strings: PyYAML would turn `1966-16-12` into an exception that
stops the whole load, and we want one clear finding per bad date instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from rightskit.core.findings import Finding


class LineMap(dict):
    """A mapping with the line of the mapping itself and of each key (1-based)."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict = {}
        self.duplicate_keys: list[tuple[str, int]] = []

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 1

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def lines_of(data: LineMap, prefix: str = "") -> dict[str, int]:
    """{field: line} for a mapping, plus {"field:value": line} for each entry of a list of values."""
    lines: dict[str, int] = {}
    for key, value in data.items():
        lines[f"{prefix}{key}"] = data.line_of(key)
        if isinstance(value, LineList):
            for index, item in enumerate(value):
                if not isinstance(item, (LineMap, LineList)):
                    lines.setdefault(f"{prefix}{key}:{item}", value.line_of(index))
        elif not isinstance(value, LineMap):
            lines.setdefault(f"{prefix}{key}:{value}", data.line_of(key))
    return lines


class _Loader(yaml.SafeLoader):
    pass


# Keep every implicit resolver except the timestamp one.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            result.duplicate_keys.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _unknown_tag(loader: _Loader, suffix: str, node: yaml.Node):
    # mkdocs.yml may carry tags such as !ENV or !!python/name; their values do not matter here.
    return None


# libyaml's parser, when PyYAML has it, with the same resolvers and constructors: it reads the
# front matter of thousands of pages many times faster (`rightskit check` runs on every save).
# Errors are re-read with the pure-Python parser, so findings keep the same wording either way.
_FastLoader = type("_FastLoader", (yaml.CSafeLoader, _Loader), {}) if yaml.__with_libyaml__ else _Loader

for _loader in {_Loader, _FastLoader}:
    _loader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
    _loader.add_multi_constructor("!", _unknown_tag)
    _loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def loaders_with(tag: str, constructor) -> tuple[type, type]:
    """A fast loader and its pure-Python twin, as `parse_yaml` uses, that also construct `tag`
    (config.py: MkDocs' `!ENV`); every other tag still reads as None."""
    plain = type(f"_Loader{tag.strip('!')}", (_Loader,), {})
    fast = type(f"_FastLoader{tag.strip('!')}", (yaml.CSafeLoader, plain), {}) if yaml.__with_libyaml__ else plain
    for loader in {plain, fast}:
        loader.add_constructor(tag, constructor)
    return fast, plain


@dataclass
class Parsed:
    data: object
    finding: Finding | None = None


def parse_yaml(text: str, path: str, line_offset: int = 0, loaders: tuple = (_FastLoader, _Loader)) -> Parsed:
    """Parse YAML text; on a syntax error return a finding at the offending line. `loaders`: a
    fast one and its pure-Python twin, subclasses of these (config.py adds MkDocs' `!ENV`)."""
    fast, plain = loaders
    try:
        return Parsed(yaml.load(text, Loader=fast))  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        pass
    try:
        return Parsed(yaml.load(text, Loader=plain))  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "could not be read"
        if error.context_mark and "<stream end>" in problem:
            # An unclosed bracket or quote is noticed only at the end of the file: point at its start.
            mark = error.context_mark
            problem = f"{error.context} was never closed"
        line = (mark.line + 1 if mark else 1) + line_offset
        return Parsed(None, Finding(path, line, f"malformed YAML: {problem}",
                                    "check indentation, colons and quotes on this line and the one before"))
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises marked errors in practice
        return Parsed(None, Finding(path, 1 + line_offset, f"malformed YAML: {error}"))


NOT_UTF8 = "is not saved as UTF-8"


def read_text(file: Path, root: Path) -> tuple[str | None, Finding | None]:
    """A text file's content, or a finding naming the file and the line of the first bad byte.

    A byte-order mark (Notepad writes one) is accepted and dropped."""
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Finding(rel(file, root), line, f"this file {NOT_UTF8} (byte 0x{raw[error.start]:02x} "
                             "cannot be read)", "save it as UTF-8 in your editor")


def read_yaml(file: Path, root: Path) -> Parsed:
    text, finding = read_text(file, root)
    if finding:
        return Parsed(None, finding)
    return parse_yaml(text, rel(file, root))


def read_list_file(file: Path, root: Path, findings: list[Finding], what: str, hint: str) -> LineList | None:
    """A data file that holds one list of records (`what`: "pathways"): its entries, or None when
    the file is absent, unreadable or not a list, with the reason added to `findings`."""
    if not file.is_file():
        return None
    parsed = read_yaml(file, root)
    if parsed.finding:
        findings.append(parsed.finding)
    if parsed.data is None:
        return None
    if not isinstance(parsed.data, LineList):
        findings.append(Finding(rel(file, root), 1, f"this file must be a list of {what}", hint))
        return None
    return parsed.data


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_OPENING = re.compile(r"\A---[ \t]*\n")
# Front matter written as a YAML list: a '- ' item before any 'key:' line (comments and blanks aside).
_LIST_ITEM = re.compile(r"^-[ \t]", re.M)
_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.M)


@dataclass
class MarkdownFile:
    meta: object
    body: str
    body_line: int  # line number in the file where the body starts
    finding: Finding | None = None


def read_markdown(file: Path, root: Path) -> MarkdownFile:
    text, finding = read_text(file, root)
    if finding:
        return MarkdownFile(None, "", 1, finding)
    path = rel(file, root)
    match = FRONT_MATTER.match(text)
    if not match and _OPENING.match(text):
        return MarkdownFile(None, text, 1, Finding(path, 1, "front matter is not closed: no '---' line after it",
                                                   "end the front matter with a line of three dashes '---' "
                                                   "before the text of the page"))
    if not match:
        return MarkdownFile(None, text, 1, Finding(path, 1, "no front matter",
                                                   "start the file with a '---' block holding at least 'title:'"))
    listed = _LIST_ITEM.search(match.group(1) or "")
    if listed and not _KEY.search((match.group(1) or "")[:listed.start()]):
        line = (match.group(1) or "")[:listed.start()].count("\n") + 2
        return MarkdownFile(None, text, 1, Finding(path, line, "front matter is written as a list ('- title: …'), "
                                                   "not as fields", "remove the '- ' at the start of each field: "
                                                   "title: …, summary: …, one per line"))
    # A leading newline stands in for the opening '---', so YAML's lines are the file's lines.
    parsed = parse_yaml("\n" + (match.group(1) or ""), path)
    body_line = match.group(0).count("\n") + 1
    return MarkdownFile(parsed.data, text[match.end():], body_line, parsed.finding)


def rel(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
