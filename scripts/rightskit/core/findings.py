"""Problems found in the content, and the one place that formats them for people."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    hint: str = ""
    # "error" stops the build; "warning" is reported and fails only `rightskit check --strict`.
    severity: str = "error"
    # A root cause (an unreadable file, a YAML syntax error, a duplicate id: content/rootcause.py):
    # how many findings that only follow from it were left out. None for any other finding.
    follows: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        text = f"{self.path}:{self.line}: {label}{self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        if self.follows:
            text += (f"; and {self.follows} finding{'s' if self.follows != 1 else ''} that follow"
                     f"{'s' if self.follows == 1 else ''} from it, shown once this is fixed")
        return text

    @property
    def is_cause(self) -> bool:
        return self.follows is not None

    @property
    def is_error(self) -> bool:
        return self.severity != WARNING


WARNING = "warning"


def errors(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that stop a build (warnings left out)."""
    return [f for f in findings if f.is_error]


class ContentError(Exception):
    """Raised at the edge (CLI, plugin) when loading produced findings."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings, key=lambda f: (not f.is_cause, f))
        super().__init__(format_findings(self.findings))


def format_findings(findings: Iterable[Finding]) -> str:
    # Root causes first: what follows from them may change once they are fixed.
    findings = sorted(findings, key=lambda f: (not f.is_cause, f))
    lines = [str(f) for f in findings]
    count = sum(1 for f in findings if f.is_error)
    warned = len(findings) - count
    summary = f"{count} problem{'s' if count != 1 else ''} found"
    if warned:
        summary += f", {warned} warning{'s' if warned != 1 else ''}"
    lines.append(summary + ".")
    return "\n".join(lines)


def did_you_mean(value: str, choices: Iterable[str], fallback: str = "") -> str:
    """A hint naming the closest known id, so a typo is fixed in one look."""
    value = str(value)
    for match in difflib.get_close_matches(value, sorted(set(choices)), n=5, cutoff=0.6):
        if match != value and _same_words(value, match):
            return f"did you mean '{match}'?"
    return fallback


def _same_words(value: str, match: str) -> bool:
    """False when ids of the same shape differ by a whole word: 'food-security' is not a typo of
    'social-security', and a wrong suggestion misleads more than none."""
    words, others = re.split(r"[-/]", value), re.split(r"[-/]", match)
    if len(words) != len(others):
        return True
    return all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.5 for a, b in zip(words, others))
