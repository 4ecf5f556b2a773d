"""Problems found in the content, and the one place that formats them for people."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """Raised at the edge (CLI, plugin) when loading produced findings."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        super().__init__(format_findings(self.findings))


def format_findings(findings: Iterable[Finding]) -> str:
    findings = sorted(findings)
    lines = [str(f) for f in findings]
    count = len(lines)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
    return "\n".join(lines)


def did_you_mean(value: str, choices: Iterable[str], fallback: str = "") -> str:
    """A hint naming the closest known id, so a typo is fixed in one look."""
    matches = difflib.get_close_matches(str(value), sorted(set(choices)), n=1, cutoff=0.6)
    if matches:
        return f"did you mean '{matches[0]}'?"
    return fallback
