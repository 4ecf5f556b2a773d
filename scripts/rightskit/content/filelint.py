"""File hygiene for the pre-commit hook: tabs in YAML, byte-order marks, trailing whitespace,
Windows line endings and YAML that does not parse. `rightskit check` reads such files kindly
(a BOM is accepted); this keeps them out of the repository in the first place.

    python -m rightskit.content.filelint FILE...
"""
from __future__ import annotations

import sys
from pathlib import Path

from rightskit.core.findings import Finding, format_findings
from rightskit.core.yamltext import parse_yaml

TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".py", ".j2", ".css", ".js", ".toml", ".txt", ".json", ".html", ".sh"}


def lint(path: Path, shown: str) -> list[Finding]:
    raw = path.read_bytes()
    out = []
    if raw.startswith(b"\xef\xbb\xbf"):
        out.append(Finding(shown, 1, "the file starts with a byte-order mark", "save it as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return out + [Finding(shown, line, "this file is not saved as UTF-8", "save it as UTF-8 in your editor")]
    if "\r\n" in text:
        out.append(Finding(shown, text[: text.index("\r\n")].count("\n") + 1, "Windows line endings (CRLF)",
                           "save with Unix line endings (LF); .editorconfig sets this"))
    is_yaml = path.suffix in (".yml", ".yaml")
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line != line.rstrip() and not (path.suffix == ".md" and line.endswith("  ") and line.strip()):
            out.append(Finding(shown, number, "trailing whitespace", "delete the spaces at the end of the line"))
        if is_yaml and "\t" in line[: len(line) - len(line.lstrip())]:
            out.append(Finding(shown, number, "tab in YAML indentation", "indent YAML with spaces only"))
    if is_yaml and not any(f.message.startswith("tab") for f in out):
        parsed = parse_yaml(text, shown)
        if parsed.finding:
            out.append(parsed.finding)
    return out


def main(argv: list[str] | None = None) -> int:
    findings = []
    for name in argv if argv is not None else sys.argv[1:]:
        path = Path(name)
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            findings += lint(path, name)
    if findings:
        print(format_findings(findings), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
