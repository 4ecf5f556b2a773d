"""Finding summaries that follow an official text word for word.

The site promises plain words of its own: a summary may quote a phrase, in quotation marks and
attributed, but must not copy long runs of a treaty without them. The official texts are not
shipped in this repository, so this module only holds the mechanics: give it the texts (for
example `rightskit check --official-texts DIR`, with one `<instrument id>.txt` per instrument,
kept outside the repository) and it reports each article summary sharing a long unquoted run of
words with its instrument's text.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rightskit.core import model as m
from rightskit.core.words import americanize
from rightskit.core.findings import Finding

DEFAULT_LIMIT = 10  # words in a row; shorter shared runs are usually terms of art ("equal pay for work of equal value" is 8)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str, drop_quotes: bool = False) -> list[str]:
    """Lower-case words without accents or punctuation; quoted passages removed when asked."""
    if drop_quotes:
        text = _QUOTED.sub(" ", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    # British and American spellings count as the same word (the rules search uses), so a
    # respelled copy is still a copy.
    return [americanize(word) for word in _WORD.findall(text)]


def longest_shared_run(text: str, reference: str) -> list[str]:
    """The longest run of consecutive words of `text`, outside quotation marks, found in `reference`."""
    mine, theirs = words(text, drop_quotes=True), words(reference)
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(theirs):
        positions.setdefault(word, []).append(index)
    best: tuple[int, int] = (0, 0)  # (length, start in mine)
    for start in range(len(mine)):
        if len(mine) - start <= best[0]:
            break
        for j in positions.get(mine[start], ()):
            length = 0
            while (start + length < len(mine) and j + length < len(theirs)
                   and mine[start + length] == theirs[j + length]):
                length += 1
            if length > best[0]:
                best = (length, start)
    return mine[best[1]: best[1] + best[0]]


def check(site: m.Site, references: dict[str, str], limit: int = DEFAULT_LIMIT) -> list[Finding]:
    """A warning for each summary sharing `limit` or more unquoted words in a row with its official text."""
    out = []
    for ident, reference in references.items():
        instrument = site.instruments.get(ident)
        if instrument is None:
            continue
        for where, summary in [(instrument.source, instrument.summary)] + [(a.source, a.summary) for a in instrument.articles]:
            run = longest_shared_run(summary, reference)
            if len(run) >= limit:
                out.append(Finding(where.path, where.line, f"{len(run)} words in a row follow the official text: "
                                   f"'{' '.join(run)}'", "say it in your own words, or quote it with quotation "
                                   "marks and say whose words they are", severity="warning"))
    return out


def read_references(folder: Path) -> dict[str, str]:
    """`<instrument id>.txt` files from a folder kept outside the repository."""
    return {file.stem: file.read_text(encoding="utf-8") for file in sorted(folder.glob("*.txt"))}
