"""The Spanish addresses of official pages (standards/official-pages.yml).

The UN and OHCHR publish many pages in Spanish too, often at the same path under /es/ instead of
/en/. The Spanish edition links a reader to the Spanish page wherever one is listed here; every
other link keeps the address the page gives. The list is data, not a rule ("replace /en/ by /es/"),
because not every page has a Spanish version: an entry is added only once someone has seen the
Spanish page. The build never checks the addresses over the network; `rightskit check` checks
their shape, here.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from rightskit.core import schema
from rightskit.core.fields import Fields
from rightskit.core.findings import Finding
from rightskit.core.yamltext import LineMap, read_list_file, rel

OFFICIAL_PAGES_FILE = "standards/official-pages.yml"
FIELDS = schema.field_names(schema.OFFICIAL_PAGE.fields)
LANGUAGES = tuple(f for f in FIELDS if f != "en")  # the languages an entry gives an address in


def load(root: Path, findings: list[Finding]) -> dict[str, dict[str, str]]:
    """{language: {English address: that language's address}}; an absent file maps nothing.
    A wrong entry is reported and left out, so a bad address never reaches a page."""
    file = root / OFFICIAL_PAGES_FILE
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    entries = read_list_file(file, root, findings, "official pages",
                             "start each entry with '- en: https://…' and give its 'es:' address below it")
    if entries is None:
        return out
    path = rel(file, root)
    first: dict[str, int] = {}  # English address -> line of its entry
    for index, item in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(item, LineMap):
            findings.append(Finding(path, line, "each official page must be a mapping with 'en' and 'es' addresses"))
            continue
        before = len(findings)
        f = Fields(item, path, findings, "official page", FIELDS)
        english = f.url("en")
        others = {lang: f.url(lang) for lang in LANGUAGES}
        if english:
            findings += _english_problems(english, path, f.line("en"))
            if english in first:
                findings.append(Finding(path, f.line("en"), f"'{english}' is listed twice",
                                        f"already listed at {path}:{first[english]}; keep one entry"))
            first.setdefault(english, line)
        for lang, address in others.items():
            if address and english:
                findings += _translation_problems(english, address, lang, path, f.line(lang))
        if len(findings) == before:
            for lang, address in others.items():
                out[lang][english] = address
    return out


def _english_problems(address: str, path: str, line: int) -> list[Finding]:
    out = []
    parts = urlsplit(address)
    if parts.scheme != "https":
        out.append(Finding(path, line, f"'en' must be an https:// address, not '{address}'",
                           "copy the address the pages link to, as written there"))
    if parts.fragment or parts.query:
        out.append(Finding(path, line, f"'en' must be a page's address without '#…' or '?…', not '{address}'",
                           "a link to a part of the page keeps its '#…' when its page is mapped"))
    return out


def _translation_problems(english: str, address: str, lang: str, path: str, line: int) -> list[Finding]:
    out = []
    parts, source = urlsplit(address), urlsplit(english)
    if parts.scheme != "https":
        out.append(Finding(path, line, f"'{lang}' must be an https:// address, not '{address}'",
                           "the Spanish page is served over https like the English one"))
    if parts.netloc.lower() != source.netloc.lower():
        out.append(Finding(path, line, f"'{lang}' must be on the same site as 'en' ({source.netloc}), not '{address}'",
                           "map a page only to its own translation on the same site"))
    if parts.fragment or parts.query:
        out.append(Finding(path, line, f"'{lang}' must be a page's address without '#…' or '?…', not '{address}'",
                           "a link's own '#…' is kept when it is mapped"))
    if address == english:
        out.append(Finding(path, line, f"'{lang}' is the same address as 'en'",
                           "list only pages whose translation has an address of its own"))
    return out
