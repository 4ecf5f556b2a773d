"""`python -m rightskit.devtools.compare_builds OLD_SITE NEW_SITE`: whether two builds of the site
give the same pages: every HTML and JSON file byte for byte, and every PDF's text, once build times
and dates are masked. Used to show that a change of the code's shape changed no output."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# What differs between two builds of the same content: the build date and time (footer, PDF
# imprint, JSON "built"), git's "last updated" dates of files the copy has no history for, and
# the content hashes of the files that carry those dates.
_MASKS = [
    re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
               r" \d{1,2}, \d{4}\b"),
    re.compile(r"\b\d{1,2} (?:de )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
               r"noviembre|diciembre) (?:de )?\d{4}\b"),
    re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"),
    re.compile(r"\b\d{2}:\d{2}(?::\d{2})? ?(?:UTC)?\b"),
]


def mask(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub("<date>", text)
    return text


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def differences(old: Path, new: Path) -> list[str]:
    """Every file that is missing on one side or differs once masked, as a line of text."""
    kinds = {".html": lambda p: p.read_text(encoding="utf-8", errors="replace"),
             ".json": lambda p: p.read_text(encoding="utf-8", errors="replace"), ".pdf": pdf_text}
    files = {p.relative_to(old) for p in old.rglob("*") if p.suffix in kinds}
    files |= {p.relative_to(new) for p in new.rglob("*") if p.suffix in kinds}
    out = []
    for rel in sorted(files):
        if rel.parts[0] == "pagefind":  # Pagefind's own files are named by content hash
            continue
        a, b = old / rel, new / rel
        if not a.exists() or not b.exists():
            out.append(f"{rel}: only in {'new' if b.exists() else 'old'}")
            continue
        read = kinds[rel.suffix]
        if mask(read(a)) != mask(read(b)):
            out.append(f"{rel}: differs")
    return out


def main(argv: list[str] | None = None) -> int:
    old, new = (Path(a) for a in (argv or sys.argv[1:]))
    found = differences(old, new)
    print("\n".join(found) or "The same pages.")
    return 1 if found else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
