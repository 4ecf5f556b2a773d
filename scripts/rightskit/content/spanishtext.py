"""Warnings on how Spanish text is typed, with the file and line: "EE. UU." with an ordinary space
(or folded across two YAML lines), which a narrow phone screen may break between "EE." and "UU.";
and an acronym with an English plural "s" ("RUDs"), which Spanish leaves unchanged ("las RUD").

The built site joins "EE. UU." with a no-break space whatever the source says (core/typography.py);
the warning keeps the source honest, so that what a translator reads is what the reader gets, and
`check --strict` fails on it in CI.

Spanish text is a translated page (`x.es.md`, every line, its front matter too) and the `es:` blocks
of the YAML data (told by their indentation: the lines under `es:` indented deeper than the key).
"""
from __future__ import annotations

import re
from pathlib import Path

from rightskit.core.findings import WARNING, Finding
from rightskit.core.typography import NBSP, START

_SPACED = re.compile(START + r"EE\.[ \t]+UU\.")
_FOLDED = re.compile(START + r"EE\.[ \t]*$")  # "UU." then starts the next line
_ACRONYM_PLURAL = re.compile(r"\b([A-ZÁÉÍÓÚÑ]{2,})s\b")
_ES_KEY = re.compile(r"^(?P<indent>[ \t]*(?:-[ \t]+)?)es:[ \t]*(?P<rest>.*)$")

SPACE_HINT = "type a no-break space (U+00A0) between them, or run: python -m rightskit.content.spanishtext FILE"


def check(root: Path, files: set[str]) -> list[Finding]:
    """Warnings for the Spanish text of `files` (project-relative): `.es.md` pages and YAML data."""
    out: list[Finding] = []
    for name in sorted(files):
        try:
            text = (root / name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported where the file is read
        out += check_text(name, text)
    return out


def check_text(name: str, text: str) -> list[Finding]:
    lines = text.split("\n")
    spanish = spanish_lines(lines) if name.endswith((".yml", ".yaml")) else range(len(lines))
    out = []
    for i in spanish:
        line = lines[i]
        if _SPACED.search(line):
            out.append(Finding(name, i + 1, "'EE. UU.' with an ordinary space: a line may break between "
                               "'EE.' and 'UU.'", SPACE_HINT, WARNING))
        if _FOLDED.search(line) and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("UU."):
            out.append(Finding(name, i + 1, "'EE. UU.' is split across two lines: 'EE.' ends this line, "
                               "'UU.' starts the next", "keep 'EE. UU.' on one line, joined by a no-break "
                               "space (U+00A0)", WARNING))
        for match in _ACRONYM_PLURAL.finditer(line):
            if not _in_link_or_code(line, match.start()):
                out.append(Finding(name, i + 1, f"'{match.group(0)}': an acronym takes no plural 's' in "
                                   f"Spanish", f"write 'las {match.group(1)}' or 'los {match.group(1)}'", WARNING))
    return out


def spanish_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines of a YAML file inside its `es:` blocks (the key's own line included)."""
    out = []
    depth = None  # the column of the `es:` key whose block we are in
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if depth is not None:
            column = len(line) - len(stripped)
            if not stripped or column > depth:
                out.append(i)
                continue
            depth = None
        match = _ES_KEY.match(line)
        if match and not stripped.startswith("#"):
            depth = len(match.group("indent"))
            out.append(i)
    return out


def _in_link_or_code(line: str, at: int) -> bool:
    """Inside `code` or a link's address, where an English name stays as it is."""
    return line[:at].count("`") % 2 == 1 or bool(re.search(r"\]\([^)\s]*$", line[:at]))


def fix_text(text: str) -> str:
    """`text` with every "EE. UU." (spaced or folded across YAML lines) joined by a no-break space."""
    text = re.sub(START + r"EE\.[ \t]+UU\.", f"EE.{NBSP}UU.", text)
    return re.sub(START + r"EE\.[ \t]*\n[ \t]*UU\.", f"EE.{NBSP}UU.", text)


def main(argv: list[str]) -> int:
    """Rewrite the given files with "EE. UU." joined (YAML: only inside `es:` blocks)."""
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        if name.endswith((".yml", ".yaml")):
            lines = text.split("\n")
            inside = set(spanish_lines(lines))
            fixed = "\n".join(fix_text(line) if i in inside else line for i, line in enumerate(lines))
            fixed = _join_folded(fixed.split("\n"), inside)
        else:
            fixed = fix_text(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            print(f"{name}: fixed")
    return 0


def _join_folded(lines: list[str], inside: set[int]) -> str:
    """A YAML text folded between "EE." and "UU." becomes one line: the next line's text moves up."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in inside and _FOLDED.search(line) and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("UU."):
            out.append(line.rstrip() + NBSP + lines[i + 1].lstrip())
            i += 2
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
