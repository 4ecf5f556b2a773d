"""What every command shares: the project named by `-f`, its checked content, argument types."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from rightskit.core.findings import errors, format_findings
from rightskit.project import Project, load_site


def _project(args) -> Project:
    config = Path(args.config).resolve()
    return Project(config.parent, config_file=config.name)


def _checked(project: Project):
    """The loaded site, or None after printing every problem (warnings are printed, and pass)."""
    loaded = load_site(project)
    found = loaded.findings + plugin_options(project)[1]
    if found:
        print(format_findings(found), file=sys.stderr)
    return None if errors(found) else loaded.site


def plugin_options(project: Project):
    """The rightskit plugin's options, validated as the build validates them, and their findings."""
    from rightskit.mkdocs.config import load

    return load(project.config)


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write YYYY-MM-DD)") from None


def _months_arg(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of months (a whole number, 1 or more)")
    return int(text)


def _warn_placeholder(project: Project) -> None:
    """Loud, but not fatal: previews and tests build with the placeholder address."""
    from rightskit.core import edition as ed
    url = ed.site_url(project.config.site_url)
    if ed.is_placeholder(url):
        bar = "!" * 78
        print(f"{bar}\nWARNING: {ed.placeholder_warning(url)}\n{bar}", file=sys.stderr)


def _count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))
