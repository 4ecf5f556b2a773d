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
    # "error" stops the build; "warning" is reported and fails only `rightskit check --strict`.
    severity: str = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        text = f"{self.path}:{self.line}: {label}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text

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
        self.findings = sorted(findings)
        super().__init__(format_findings(self.findings))


def format_findings(findings: Iterable[Finding]) -> str:
    findings = sorted(findings)
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
    # 0.75, not difflib's 0.6: ids sharing only a suffix ('food-security', 'social-security')
    # are different things, and a wrong suggestion misleads more than none.
    matches = difflib.get_close_matches(str(value), sorted(set(choices)), n=1, cutoff=0.75)
    if matches and matches[0] != str(value):
        return f"did you mean '{matches[0]}'?"
    return fallback
