"""The site's languages: codes, the suffix of translated pages, the strings catalogs that
templates use for their fixed words, and dates and durations written the way each language writes them.

English is the source language. A Spanish page sits beside its English source with a `.es.md`
suffix (`rights/housing.es.md` translates `rights/housing.md`), the layout mkdocs-static-i18n reads.
Nothing here knows about MkDocs.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# The i18n plugin's block in mkdocs.yml lists the same languages: `rightskit check` reports any
# difference there (config.language_findings), since the code needs a catalog and dates for each.
DEFAULT = "en"
LANGUAGES = ("en", "es")
TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != DEFAULT)
NAMES = {"en": "English", "es": "Español"}  # each language in its own words, for the switcher

_SUFFIX = re.compile(r"\.(?P<lang>[a-z]{2})\.md$")
_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre")


class Fallback(str):
    """A text shown to readers of another edition in English, because it has no translation yet.

    It is still a str, so everything that reads the record works unchanged; templates mark it
    `lang="en"` (the `marked` filters in pages/environment.py), which WCAG 3.1.2 asks for and which tells a
    fallback from a translation without a second field on every record."""
    __slots__ = ()
    lang = DEFAULT


def like(original, text: str) -> str:
    """`text`, made from `original`, keeps its mark of being shown in English (a filtered title)."""
    return Fallback(text) if isinstance(original, Fallback) else text


def fallback(text, english):
    """`text` if there is one, else `english` marked as a fallback (lists entry by entry)."""
    if text:
        return text
    if isinstance(english, list):
        return [Fallback(x) if isinstance(x, str) and x else x for x in english]
    return Fallback(english) if isinstance(english, str) and english else english


def page_language(path: str) -> str:
    """The language of a docs page from its file name: `x.es.md` is Spanish, `x.md` English."""
    match = _SUFFIX.search(path)
    return match.group("lang") if match and match.group("lang") in TRANSLATIONS else DEFAULT


def source_path(path: str) -> str:
    """The English page a translation translates: `rights/housing.es.md` -> `rights/housing.md`."""
    lang = page_language(path)
    return path if lang == DEFAULT else path[: -len(f".{lang}.md")] + ".md"


def translation_path(path: str, lang: str) -> str:
    """Where the `lang` translation of an English page lives: `rights/housing.md` -> `rights/housing.es.md`."""
    return path if lang == DEFAULT else path[:-3] + f".{lang}.md"


def site_prefix(lang: str) -> str:
    """The folder of an edition on the site: '' for English, 'es/' for Spanish."""
    return "" if lang == DEFAULT else f"{lang}/"


class MissingString(KeyError):
    """A template asked for a string the catalog of a language does not have."""


@dataclass(frozen=True)
class Strings:
    """The fixed words of the templates in one language.

    Keys are the English text itself (`_("Key facts")`), so templates stay readable and English needs
    a catalog entry only for the few long passages that are keyed by a name (`intro.glossary`).
    Any other language must translate every key: a missing one is an error, never English on a
    Spanish page."""

    lang: str
    table: dict

    def __call__(self, key: str, **values) -> str:
        if key in self.table:
            text = self.table[key]
        elif self.lang == DEFAULT and not _is_name(key):
            text = key
        else:
            raise MissingString(f"no '{self.lang}' text for {key!r} in templates/strings/{self.lang}.yml")
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.table or (self.lang == DEFAULT and not _is_name(key))


def _is_name(key: str) -> bool:
    """Catalog names look like `intro.glossary`: dotted, lower case, no spaces."""
    return bool(re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", key))


@lru_cache(maxsize=None)
def strings(lang: str) -> Strings:
    folder = resources.files("rightskit").joinpath("templates/strings")
    table = _catalog(folder.joinpath(f"{lang}.yml"))
    # A feature may keep its words in its own catalog, `<feature>.<lang>.yml` (finder.es.yml), so
    # parallel work does not edit one file.
    for part in sorted(f for f in folder.iterdir() if f.name.endswith(f".{lang}.yml")):
        table.update(_catalog(part))
    return Strings(lang, table)


class CatalogError(ValueError):
    """A string catalog that cannot be read; the message starts with its path and line."""


def _catalog(file) -> dict:
    # Translators edit these files by hand: a slip must name the file and line, not just the
    # parser's complaint.
    name = f"scripts/rightskit/templates/strings/{file.name}"
    try:
        table = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise CatalogError(f"{name}:{line}: {problem} (check the quoting and indentation around that line)") from None
    if not isinstance(table, dict):
        raise CatalogError(f"{name}:1: a string catalog must map keys to text (write `key: text` lines)")
    return table


def human_date(value: dt.date | None, lang: str = DEFAULT) -> str:
    """'24 November 2026' in English, '24 de noviembre de 2026' in Spanish."""
    if not value:
        return "—"
    if lang == "es":
        return f"{value.day} de {_MONTHS_ES[value.month - 1]} de {value.year}"
    return f"{value.day} {value:%B %Y}"


def human_month(value: dt.date, lang: str = DEFAULT) -> str:
    """'November 2026', 'noviembre de 2026'."""
    if lang == "es":
        return f"{_MONTHS_ES[value.month - 1]} de {value.year}"
    return f"{value:%B %Y}"


def human_number(value: int, lang: str = DEFAULT) -> str:
    """'1,240' in English; in Spanish, digits grouped by a no-break space from five digits up
    ('12 400', but '1240'), as the Real Academia Española recommends."""
    if lang == DEFAULT:
        return f"{value:,}"
    return f"{value:,}".replace(",", "\u00a0") if value >= 10000 else str(value)


def human_minutes(total: int) -> str:
    """'1 h 30 min': the same abbreviations serve English and Spanish."""
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"
