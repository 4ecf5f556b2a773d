"""`rightskit site-url`: the address the build will print on every page and PDF.

The deploy workflow runs it with `--require-real` before building, so a site whose printed links
and QR codes would point at the placeholder (or at nothing) is never published: a preview may
build with the placeholder, a release may not.
"""
from __future__ import annotations

import os
import sys

from rightskit.cli.common import _project
from rightskit.core import edition as ed
from rightskit.core.findings import Finding, format_findings


def cmd_site_url(args) -> int:
    project = _project(args)
    config = project.config
    if config.finding is not None:
        print(format_findings([config.finding]), file=sys.stderr)
        return 1
    url = ed.site_url(config.site_url)
    if ed.is_placeholder(url):
        if not args.require_real:
            print(f"WARNING: {ed.placeholder_warning(url)}", file=sys.stderr)
        else:
            given = os.environ.get("SITE_URL")
            source = "SITE_URL is not set" if given is None else f"SITE_URL is '{given}'"
            print(format_findings([Finding(config.path, config.site_url_line,
                                           f"refusing to publish with the address '{url or '(none)'}' ({source}): "
                                           "every printed link and QR code would point nowhere",
                                           "set SITE_URL to the real address (the deploy workflow takes it from "
                                           "GitHub Pages) or a real site_url in mkdocs.yml")]), file=sys.stderr)
            return 1
    print(url)
    return 0
