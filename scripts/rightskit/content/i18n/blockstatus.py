"""Whether each `es:` block of the data files is current with the English it translates.

A translated page records the revision of its English source in `source_hash:` (translations.py);
an `es:` block does the same, for the English fields it translates: an article's block that
translates `title` and `summary` is stale once either English text changes. `rightskit check` warns,
and `rightskit translation --mark-current standards/instruments/crc.yml` records every block of the
file as current after review, editing only the `source_hash` lines, so comments and layout stay.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rightskit.core.findings import WARNING, Finding

KEY = "source_hash"


@dataclass
class BlockStatus:
    path: str  # project-relative data file
    line: int  # the line of the block's `<lang>:` key
    what: str  # what it translates, e.g. "article crc/28"
    recorded: str  # the block's source_hash, "" when it has none
    current: str  # the hash of the English texts it translates, today
    record_line: int = 0  # the line where the record it belongs to starts

    @property
    def state(self) -> str:
        return "translated" if self.recorded == self.current else "stale"


def english_hash(english: dict[str, object], keys) -> str:
    """The revision of the English texts a block translates: the first 12 hex digits of the sha256 of
    the English values of its keys, in a fixed order, whitespace normalized (a refolded YAML line
    is not a change); a list counts entry by entry."""
    parts = []
    for key in sorted(k for k in keys if k != KEY):
        value = english.get(key) or ""
        values = value if isinstance(value, list) else [value]
        parts.append(key + "=" + "\n".join(" ".join(str(v).split()) for v in values))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def warnings(blocks: list[BlockStatus], lang: str, errors: Iterable[Finding] = ()) -> list[Finding]:
    """One warning per block with no source_hash or whose English has changed since; none for a
    block whose record has an error above it (`errors`): a field misspelt or left out changes the
    English only because it is broken, and the error says what to fix."""
    broken = [(f.path, f.line) for f in errors if f.is_error]
    out = []
    for b in blocks:
        if any(path == b.path and b.record_line <= line < b.line for path, line in broken):
            continue
        if not b.recorded:
            out.append(Finding(b.path, b.line, f"the '{lang}:' block of {b.what} has no '{KEY}'",
                               f"once it matches the English, run: rightskit translation --mark-current {b.path}",
                               severity=WARNING))
        elif b.recorded != b.current:
            out.append(Finding(b.path, b.line, f"the English of {b.what} has changed since its '{lang}:' block "
                               f"was written ({KEY} {b.recorded}, now {b.current})",
                               f"update the '{lang}:' block, then run: rightskit translation --mark-current "
                               f"{b.path}", severity=WARNING))
    return out


_FLOW = re.compile(r"^(?P<indent>\s*)(?P<key>[a-z]{2}):\s*\{")


def mark_current(file: Path, blocks: list[BlockStatus]) -> int:
    """Write each block's current hash into `file` (the blocks are that file's); returns how many
    blocks changed. Only `source_hash` entries are added or rewritten."""
    lines = file.read_text(encoding="utf-8").split("\n")
    changed = 0
    # Bottom up, so inserting a line does not move the blocks still to do.
    for b in sorted(blocks, key=lambda b: b.line, reverse=True):
        if b.recorded == b.current:
            continue
        changed += 1
        at = b.line - 1
        value = f'"{b.current}"'
        flow = _FLOW.match(lines[at])
        if flow:  # es: {title: …}: the hash goes first inside the braces
            if b.recorded:  # where the mapping goes on over several lines, the hash may be on any
                old = f'{KEY}: "{b.recorded}"'
                where = next((i for i in range(at, len(lines)) if old in lines[i]), at)
                lines[where] = lines[where].replace(old, f"{KEY}: {value}", 1)
            else:
                brace = lines[at].index("{", flow.end() - 1)
                lines[at] = lines[at][: brace + 1] + f"{KEY}: {value}, " + lines[at][brace + 1:].lstrip()
            continue
        own = len(lines[at]) - len(lines[at].lstrip())
        end, child = at + 1, None
        while end < len(lines):
            text = lines[end]
            indent = len(text) - len(text.lstrip())
            if text.strip() and indent <= own:
                break
            if text.strip() and child is None:
                child = indent
            if text.strip() and indent == child and text.lstrip().startswith(f"{KEY}:"):
                lines[end] = " " * child + f"{KEY}: {value}"
                break
            end += 1
        else:
            end = None
        if end is None or not lines[end].lstrip().startswith(f"{KEY}:"):
            lines.insert(at + 1, " " * (child if child is not None else own + 2) + f"{KEY}: {value}")
    file.write_text("\n".join(lines), encoding="utf-8")
    return changed
