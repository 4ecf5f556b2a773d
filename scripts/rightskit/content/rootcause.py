"""Root cause first: a file that cannot be read, a YAML syntax error or a duplicate id leaves records
missing, and every reference to them then fails too. Those knock-on findings bury the one line to
fix (a tab in mechanisms.yml used to be followed by a dozen "unknown mechanism" errors elsewhere,
each with a "did you mean" that misleads), so the checks that follow references run twice: as
they are, and with the records of the causes' files taken as unread. What only the first run
reports follows from a cause: it is left out, and the cause counts it."""
from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Callable

from rightskit.content import validate
from rightskit.core.findings import Finding
from rightskit.core.yamltext import NOT_UTF8

# Findings meaning a file's records are missing altogether, rather than partly wrong.
UNREADABLE = ("malformed YAML", f"this file {NOT_UTF8}", "no front matter", "front matter must be a mapping",
              "front matter is not closed", "front matter is written as a list")
# A duplicate keeps the first record and drops the second, whose references then fail; a General
# Comment's id is made from its body, so with an unknown body every reference to it fails.
DUPLICATE = ("duplicate ", "unknown body ")
# Counting what follows from each cause file runs the checks once more per file: past this many
# files, the rest are still suppressed, but counted with the last one.
MAX_COUNTED = 8


def is_cause(finding: Finding) -> bool:
    return finding.message.startswith(UNREADABLE + DUPLICATE)


def first(findings: list[Finding], checks: Callable[[validate.Unread], list[Finding]], docs_dir: str) -> list[Finding]:
    """`findings` (those read so far) with `checks(unread)`'s added: those that follow from a cause
    suppressed, and each cause file's first cause marked with how many follow from it."""
    unsuppressed = checks(validate.Unread())
    causes = sorted(f for f in findings + unsuppressed if is_cause(f))
    if not causes:
        return findings + unsuppressed
    files = list(dict.fromkeys(f.path for f in causes))
    everything = Counter(unsuppressed)
    kept = checks(validate.Unread.from_paths(files, docs_dir))
    hidden = everything - Counter(kept)
    counts: dict[str, int] = {}
    for file in files[:MAX_COUNTED - 1]:
        alone = everything - Counter(checks(validate.Unread.from_paths([file], docs_dir)))
        counts[file] = sum((alone & hidden).values())
        hidden -= alone
    if files[MAX_COUNTED - 1:]:
        counts[files[MAX_COUNTED - 1]] = sum(hidden.values())
    marked, out = set(), []
    for finding in sorted(findings) + kept:
        if is_cause(finding) and finding.path not in marked:
            marked.add(finding.path)
            finding = dataclasses.replace(finding, follows=counts.get(finding.path, 0))
        out.append(finding)
    return out
