"""`rightskit translation`: which pages are translated, stale or missing; mark a translation current."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from rightskit.core.findings import errors, format_findings
from rightskit.project import Project, load_site
from rightskit.cli.common import _project


def cmd_translation(args) -> int:
    from rightskit.content.i18n import translations
    project = _project(args)
    if args.mark_current and args.mark_current.endswith((".yml", ".yaml")):
        return _mark_data_current(project, args.mark_current, args.lang)
    if args.mark_current:
        try:
            target, current = translations.mark_current(project.docs, args.mark_current, args.lang)
        except ValueError as error:
            print(f"rightskit translation: {error}", file=sys.stderr)
            return 1
        print(f"{os.path.relpath(target)}: source_hash {current} (current with its English page)")
        return 0
    loaded = load_site(project)
    if loaded.findings:
        print(format_findings(loaded.findings), file=sys.stderr)
    if errors(loaded.findings):
        return 1
    pages = translations.status(loaded.site, args.lang)
    for state in translations.STATES:
        chosen = [p for p in pages if p.state == state]
        print(f"{state}: {len(chosen)}")
        if state != "translated":
            for p in chosen:
                print(f"  {project.docs_dir}/{p.translation}")
    blocks = loaded.site.translations[args.lang].blocks
    stale = [b for b in blocks if b.state == "stale"]
    print(f"data blocks ('{args.lang}:' in standards/ and curricula/): {len(blocks) - len(stale)} current, "
          f"{len(stale)} to update")
    for b in stale:
        print(f"  {b.path}:{b.line} {b.what}")
    return 0


def _mark_data_current(project: Project, file: str, lang: str) -> int:
    """`--mark-current standards/…yml`: every `<lang>:` block of the file is recorded as current."""
    from rightskit.content.i18n import blockstatus
    loaded = load_site(project)
    if errors(loaded.findings):
        print(format_findings(errors(loaded.findings)), file=sys.stderr)
        return 1
    path = Path(file).resolve()
    rel = path.relative_to(project.root.resolve()).as_posix() if path.is_relative_to(project.root.resolve()) else file
    blocks = [b for b in loaded.site.translations[lang].blocks if b.path == rel]
    if not blocks:
        print(f"rightskit translation: {file} has no '{lang}:' block of a record with a source_hash (those of "
              f"instruments, articles, General Comments, mechanisms, issue areas, glossary terms and workshops)",
              file=sys.stderr)
        return 1
    changed = blockstatus.mark_current(project.root / rel, blocks)
    print(f"{rel}: {changed} of {len(blocks)} '{lang}:' blocks marked current with their English")
    return 0
