"""Checks on how Markdown is written, for mistakes the build would reject or, worse, publish:
facilitator markers, cross-reference brackets, absolute links and links to missing anchors."""
from __future__ import annotations

import posixpath
import re
from typing import Callable

from rightskit.core import anchors
from rightskit.core import paths
from rightskit.core import xref
from rightskit.core import model as m
from rightskit.core.findings import WARNING, Finding, did_you_mean

MARKER = "!!! facilitator"
# Admonition and details openers, as Python-Markdown and pymdownx.details read them (the space is optional).
_OPENER = re.compile(r'^(?P<indent>[ \t]*)(?P<sign>!!!|\?\?\?\+?)[ \t]*(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)?'
                     r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
_FENCE = re.compile(r"^\s*(```|~~~)")


def check(site: m.Site, page_ids: Callable[[str], set[str] | None], docs_dir: str = "docs",
          original: tuple[Callable[[str], set[str] | None], set[str]] | None = None) -> list[Finding]:
    """page_ids(docs-relative page) gives the anchors a page will have, or None when unknown.
    `original`, when `site` holds translations: the English pages' anchors and the pages that have
    a translation, so an anchor found only in English is reported as such."""
    out: list[Finding] = []
    for module in site.modules.values():
        path, offset = module.source.path, module.body_line - 1
        out += [Finding(path, line + offset, message, hint) for line, message, hint in facilitator_problems(module.body)]
        for found in xref.find_brackets(module.body):
            shown = found.target
            what = "empty" if not shown.strip("[] ") else "unclosed"
            out.append(Finding(path, found.line + offset, f"{what} cross-reference '{shown}'",
                               "write it as [[id]] with two closing brackets, e.g. [[icescr/11]]"))
        for link in xref.find_all_links(module.body):
            out += _link_problems(module, link.target, link.line + offset, page_ids, docs_dir, original)
    return out


def _link_problems(module: m.Module, target: str, line: int, page_ids, docs_dir: str,
                   original=None) -> list[Finding]:
    path = module.source.path
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
        return []
    if target.startswith("/"):
        written = target.lstrip("/")
        relative = posixpath.relpath(written, posixpath.dirname(module.path) or ".") if written else "./"
        return [Finding(path, line, f"absolute link '{target}'",
                        f"links between pages are relative to this page: write '{relative}'")]
    page, _, anchor = target.partition("#")
    if not anchor:
        return []
    resolved = paths.resolve_relative(module.path, page) if page else module.path
    if resolved is None:
        return []  # reported by validate as pointing outside docs/
    known = page_ids(resolved)
    if known is None or anchor in known:
        return []
    hint = did_you_mean(anchor, known, "anchors come from the target page's headings: check its spelling there")
    where = "this page" if not page else f"'{page}'"
    if original is not None and resolved in original[1] and anchor in (original[0](resolved) or ()):
        # The link opens the translation of that page, whose headings (and so anchors) are translated.
        hint = did_you_mean(anchor, known, "use the anchor of the translated heading: in the translation, "
                            "anchors come from its own headings")
        return [Finding(path, line, f"broken anchor: '#{anchor}' is on the English {where}, but this link opens "
                        "its translation, which has no such anchor", hint)]
    return [Finding(path, line, f"broken anchor: '#{anchor}' is not on {where}", hint)]


def facilitator_problems(body: str) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each facilitator block that is not exactly right.

    Only the exact marker with an indented note is printed in guides and left out of participant
    copies; anything near it would otherwise reach participants, so it is an error."""
    out = []
    lines = body.split("\n")
    fence = None
    for number, text in enumerate(lines, start=1):
        marker = _FENCE.match(text)
        if fence or marker:
            if marker:
                fence = None if fence == marker.group(1) else (fence or marker.group(1))
            continue
        match = _OPENER.match(text)
        if not match:
            continue
        classes = (match.group("classes") or "").split()
        title = match.group("title") or ""
        exact = classes[:1] == ["facilitator"]
        if not exact and any("facilit" in word.lower() for word in classes + [title]):
            out.append((number, f"'{text.strip()}' is not the facilitator marker, so the note would reach "
                        "participants", f"write '{MARKER}' exactly, lower case, with the note indented below"))
            continue
        if exact and not _has_indented_body(lines, number, match.group("indent")):
            out.append((number, "facilitator block with no indented note: the text below it would reach "
                        "participants", f"indent the note by four spaces under '{MARKER}'"))
        elif exact:
            out += _note_indentation(lines, number, _width(match.group("indent")), f"{match.group('sign')} facilitator")
    return out


def _width(text: str) -> int:
    """Indentation as Python-Markdown counts it: tabs expand to four columns."""
    return len(text[: len(text) - len(text.lstrip())].expandtabs(4))


def _has_indented_body(lines: list[str], number: int, indent: str) -> bool:
    width = len(indent.expandtabs(4))
    for text in lines[number:]:
        if not text.strip():
            continue
        return _width(text) > width
    return False


def _note_indentation(lines: list[str], number: int, width: int, marker: str) -> list[tuple[int, str, str]]:
    """The note of a block opened at line `number` (1-based) must be indented by four more columns
    than its marker: Python-Markdown ends the block at the first line indented less, so that line
    and the rest of the note become paragraphs everyone sees, under an empty box. Participant copies
    strip anything indented at all, so only the site would show the leak."""
    out = []
    end = number
    noted = False  # a line of the note was indented enough
    while end < len(lines) and (not lines[end].strip() or _width(lines[end]) > width):
        text = lines[end]
        end += 1
        noted = noted or (bool(text.strip()) and _width(text) >= width + 4)
        if text.strip() and _width(text) < width + 4 and not out:  # one finding a block: the rest follows suit
            spaces = _width(text) - width
            effect = ("the box shows empty and the note is shown to participants" if not noted
                      else "the note ends above this line and the rest is shown to participants")
            out.append((end, f"facilitator note indented by {spaces} space{'s' * (spaces != 1)}: Markdown needs "
                        f"four, so {effect}", f"indent every line of the note by four spaces (or a tab) "
                        f"under '{marker}'"))
    # A heading or another block straight after the note is plainly not part of it: only text is.
    if (end < len(lines) and lines[end].strip() and lines[end - 1].strip()
            and not lines[end].lstrip().startswith("#") and not _OPENER.match(lines[end])):
        out.append((end + 1, "this line follows a facilitator note with no blank line but is not indented, "
                    "so it is shown to participants, outside the note",
                    "indent it by four spaces to keep it in the note, or leave a blank line above it "
                    "if everyone should read it"))
    elif end < len(lines) and noted and lines[end].lstrip()[:1].islower():
        # A sentence going on in lower case after the note was meant to continue it.
        out.append((end + 1, "this paragraph right after a facilitator note starts in lower case, as if it "
                    "continued the note, but it is not indented, so it is shown to participants",
                    "indent it by four spaces to keep it in the note, or start it as a sentence of its own"))
    return out


class PageIds:
    """Anchors of every page, rendered only when a link needs them (most links have no anchor)."""

    def __init__(self, site: m.Site, renderer_factory):
        self.site = site
        self._factory = renderer_factory
        self._renderer = None
        self._generated: dict[str, str] | None = None
        self._cache: dict[str, set[str] | None] = {}

    def __call__(self, page: str) -> set[str] | None:
        if page not in self._cache:
            self._cache[page] = self._compute(page)
        return self._cache[page]

    def _compute(self, page: str) -> set[str] | None:
        try:  # rendering data with other errors may fail: those errors are reported on their own
            if self._renderer is None:
                self._renderer = self._factory(self.site)
            module = self.site.modules.get(page)
            if module is not None:
                return anchors.ids(self._renderer.page_markdown(module, module.body))
            if self._generated is None:
                self._generated = {p.path: p.content for p in self._renderer.pages()}
            text = self._generated.get(page)
            return anchors.ids(text) if text is not None else None
        except Exception:  # noqa: BLE001
            return None


_PLACEHOLDER = re.compile(r"\bTODO\b")


def placeholders(root, sources) -> list[Finding]:
    """A warning for each line still holding a `rightskit new` placeholder: fine while drafting,
    an error in CI (`check --strict`) so none is published."""
    out = []
    for source in sorted(set(sources)):
        try:
            text = (root / source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported where the file is read
        if "TODO" not in text or not _PLACEHOLDER.search(text):  # nearly every file: skip the line by line scan
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            if _PLACEHOLDER.search(line) and not line.lstrip().startswith("#"):
                out.append(Finding(source, number, "placeholder 'TODO' still in the text",
                                   "replace it with your own words, or remove the line", WARNING))
    return out


def sources(site: m.Site) -> set[str]:
    records = [*site.instruments.values(), *site.general_comments.values(), *site.mechanisms.values(),
               *site.issue_areas.values(), *site.glossary, *site.modules.values(), *site.workshops.values()]
    return {record.source.path for record in records}
