"""`rightskit check`: validate everything and print every problem as file:line."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from rightskit.content import freshness
from rightskit.core.findings import errors, format_findings
from rightskit.project import load_site
from rightskit.cli.common import _project, plugin_options


def cmd_check(args) -> int:
    project = _project(args)
    loaded = load_site(project)
    options, found = plugin_options(project)
    found = list(loaded.findings) + found
    site = loaded.site
    if not errors(found):  # freshness reads a consistent site
        # Aged reviews and dates are warnings: printed, and failing only with --strict, so the
        # content does not stop building the day a review date turns twelve months old.
        age = args.review_age or options.review_age_months
        found += freshness.check(site, args.today or dt.date.today(), int(age))
        if args.official_texts:
            from rightskit.content import ownwords
            found += ownwords.check(site, ownwords.read_references(Path(args.official_texts)))
    if found:
        print(format_findings(found), file=sys.stderr)
    if errors(found) or (args.strict and found):
        if args.strict and not errors(found):
            print("--strict: warnings count as problems.", file=sys.stderr)
        return 1
    print(f"OK: {len(site.instruments)} instruments, {len(site.articles)} articles, "
          f"{len(site.general_comments)} General Comments, {len(site.mechanisms)} mechanisms, "
          f"{len(site.modules)} pages, {len(site.workshops)} workshops; no problems found"
          + (" (only the warnings above: `--strict` fails on them)." if found else "."))
    return 0
