"""Reading typed fields out of a YAML mapping, collecting a finding for each bad one."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from rightskit.core.findings import Finding, did_you_mean
from rightskit.core.yamltext import LineList, LineMap

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/\S*)?$")
# Only https: pathways link people to official pages to act on (pathways.py).
HTTPS_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
# The pattern the JSON Schemas for editors use (schema.py), so the editor and the loader agree.
URL_PATTERN = _URL.pattern


class Fields:
    """Typed access to one mapping: each getter returns a usable value and, when the
    value is missing or wrong, records a finding at the key's line instead of raising."""

    def __init__(self, data: LineMap, path: str, findings: list[Finding], what: str,
                 allowed: Iterable[str]):
        self.data = data
        self.path = path
        self.findings = findings
        self.what = what
        allowed = tuple(allowed)
        for key, line in data.duplicate_keys:
            self.error(line, f"'{key}' is given twice in this {what}", "keep one of them")
        # Fields written under a misspelt key ('sumary:'): the unknown key is the one finding, not
        # also a "missing required field" for the field it was meant to be.
        self._misspelt: set[str] = set()
        for key in data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed, f"allowed fields: {', '.join(allowed)}")
                self._misspelt |= {name for name in allowed if hint == f"did you mean '{name}'?"}
                self.error(data.line_of(key), f"unknown field '{key}' in {what}", hint)

    def line(self, key: str | None = None) -> int:
        return self.data.line_of(key) if key else self.data.line

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.findings.append(Finding(self.path, line, message, hint))

    def _missing(self, key: str, hint: str = "") -> None:
        if key in self._misspelt:
            return
        self.error(self.data.line, f"missing required field '{key}' in {self.what}", hint)

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self._missing(key)
            return default
        if isinstance(value, (LineMap, LineList, bool)):
            self.error(self.line(key), f"'{key}' must be text, not {_kind(value)}")
            return default
        return str(value).strip()

    def url(self, key: str, required: bool = True) -> str:
        """A web address: the build links to it as given, so anything else would be a broken link."""
        value = self.text(key, required=required)
        if value and not _URL.match(value):
            self.error(self.line(key), f"'{key}' must be a web address starting with https://, not '{value}'",
                       "copy the full address from the browser's address bar")
            return ""
        return value

    def integer(self, key: str, required: bool = True, positive: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(self.line(key), f"'{key}' must be a whole number, not {_kind(value)} '{value}'")
            return None
        if positive and value <= 0:
            self.error(self.line(key), f"'{key}' must be more than zero, not {value}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.error(self.line(key), f"'{key}' must be true or false, not '{value}'")
            return False
        return value

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        text = str(value)
        if _DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.error(self.line(key), f"'{key}' is not a valid date: '{text}'", "write dates as YYYY-MM-DD")
        return None

    def time(self, key: str, default: dt.time) -> dt.time:
        value = self.data.get(key)
        if value is None:
            return default
        # YAML 1.1 reads an unquoted 10:30 as a sexagesimal number; accept it.
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value // 60}:{value % 60:02d}"
        match = _TIME.match(str(value))
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return dt.time(int(match.group(1)), int(match.group(2)))
        self.error(self.line(key), f"'{key}' is not a time of day: '{value}'", "write it as HH:MM, e.g. \"09:30\"")
        return default

    def choice(self, key: str, choices: Iterable[str], required: bool = True) -> str | None:
        choices = tuple(choices)
        value = self.text(key, required=required)
        if not value:
            return None
        if value not in choices:
            self.error(self.line(key), f"'{key}' must be one of: {', '.join(choices)}; not '{value}'",
                       did_you_mean(value, choices))
            return None
        return value

    def text_list(self, key: str, required: bool = False, choices: Iterable[str] | None = None) -> list[str]:
        items = self.items(key, required)
        choices = tuple(choices) if choices is not None else None
        result = []
        for value, line in items:
            if isinstance(value, (LineMap, LineList)) or value is None:
                self.error(line, f"each entry of '{key}' must be text")
                continue
            if isinstance(value, bool):  # YAML reads an unquoted yes, no, on or off as true/false
                self.error(line, f"this entry of '{key}' was read as {str(value).lower()}, not as text",
                           "put it in quotes, e.g. \"Yes\"")
                continue
            value = str(value).strip()
            if choices is not None and value not in choices:
                self.error(line, f"'{value}' is not an allowed value of '{key}'",
                           did_you_mean(value, choices, f"use one of: {', '.join(choices)}"))
                continue
            result.append(value)
        return result

    def ids(self, key: str) -> list[tuple[str, int]]:
        """A list of ids with their lines. 'a, b' written as one text would be looked up as one id
        (with a misleading "did you mean"): it is reported, and read as its parts."""
        value = self.data.get(key)
        if isinstance(value, str) and "," in value:
            parts = [part.strip() for part in value.split(",") if part.strip()]
            self.error(self.data.line_of(key), f"'{key}' is one piece of text, '{value}', not a list of ids",
                       f"write it as a list: {key}: [{', '.join(parts)}]")
            return [(part, self.data.line_of(key)) for part in parts]
        return [(str(item), line) for item, line in self.items(key)]

    def items(self, key: str, required: bool = False) -> list[tuple[object, int]]:
        """The entries of a list field with their lines; a single value counts as a list of one."""
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return []
        if isinstance(value, LineList):
            return [(item, value.line_of(i)) for i, item in enumerate(value)]
        if isinstance(value, LineMap):
            self.error(self.line(key), f"'{key}' must be a list, not a mapping")
            return []
        return [(value, self.line(key))]

    def mapping(self, key: str, required: bool = False) -> LineMap | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if not isinstance(value, LineMap):
            self.error(self.line(key), f"'{key}' must be a mapping of fields, not {_kind(value)}")
            return None
        return value


def _kind(value: object) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
