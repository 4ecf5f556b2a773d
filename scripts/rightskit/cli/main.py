"""`rightskit`: check, build and serve the site (benchmarks: `python -m rightskit.devtools bench`).

rightskit check            validate everything, print every problem as file:line
rightskit build            check, then build the site with PDFs; site/ is replaced only on success
rightskit serve            preview with live reload
rightskit new translation PAGE          start the Spanish translation of docs/PAGE.md
rightskit translation [--mark-current PAGE|FILE.yml]   translation status; record a reviewed translation as current
rightskit schemas          write the JSON Schemas for editors into schemas/
rightskit site-url [--require-real]   the address printed on pages and PDFs; fail on the placeholder
rightskit offline          zip the whole site with every PDF, to open from file:// with no network
rightskit new KIND ID      start a module, activity, workshop, instrument, mechanism or term
"""
from __future__ import annotations

import argparse
import atexit
import os
import sys

from rightskit.cli.build import cmd_build, cmd_offline
from rightskit.cli.check import cmd_check
from rightskit.cli.scaffold import KINDS
from rightskit.cli.common import _date_arg, _months_arg
from rightskit.cli.new import cmd_new, cmd_schemas
from rightskit.cli.serve import cmd_serve
from rightskit.cli.siteurl import cmd_site_url
from rightskit.cli.translation import cmd_translation
from rightskit.core.languages import TRANSLATIONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rightskit", description="Build tools for Rights at Home.")
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content and data; print every problem")
    check.add_argument("--strict", action="store_true", help="fail on warnings too (as CI does), aged reviews and dates included")
    check.add_argument("--review-age", type=_months_arg, metavar="MONTHS",
                       help="warn about reviews older than this (default: review_age_months in mkdocs.yml, or 12)")
    check.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                       help="check freshness as of this date instead of today")
    check.add_argument("--official-texts", metavar="DIR",
                       help="also warn about summaries copying these texts (DIR/<instrument id>.txt, kept outside the repository)")
    build = sub.add_parser("build", help="check, then build the site (with PDFs) into site/")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDFs (faster previews)")
    build.add_argument("-v", "--verbose", action="store_true")
    serve = sub.add_parser("serve", help="preview with live reload")
    serve.add_argument("-a", "--addr", default="127.0.0.1:8000", help="host:port to serve on")
    serve.add_argument("-p", "--port", type=int, help="the port, keeping the host of --addr (e.g. 8001 when 8000 is taken)")
    serve.add_argument("--pdf", action="store_true", help="also render the PDFs on each rebuild (slow)")
    serve.add_argument("-v", "--verbose", action="store_true")
    sub.add_parser("schemas", help="write the JSON Schemas for editors into schemas/")
    address = sub.add_parser("site-url", help="print the address the build prints on pages and PDFs (SITE_URL, else site_url)")
    address.add_argument("--require-real", action="store_true",
                         help="fail when it is the placeholder or empty (the deploy workflow, before publishing)")
    off = sub.add_parser("offline", help="zip the whole site with every PDF, to open from file:// with no network")
    off.add_argument("-o", "--output", default="rights-at-home-offline.zip")
    off.add_argument("-v", "--verbose", action="store_true")

    new = sub.add_parser("new", help="start a new file: " + ", ".join(KINDS),
                         description="\n".join(f"{k:<10} {s.help}" for k, s in KINDS.items()),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("kind", choices=list(KINDS) + ["translation"])
    new.add_argument("id", help="e.g. toolkits/budget-advocacy, activities/rent-diary, tenant-organizing; "
                                "for a translation, the English page: docs/rights/housing.md")
    new.add_argument("--lang", default="es", choices=list(TRANSLATIONS), help="the language of a translation")
    translation = sub.add_parser("translation", help="which pages are translated, stale or missing")
    translation.add_argument("--mark-current", metavar="PAGE",
                             help="record that the reviewed translation of PAGE matches its English page today; "
                                  "given a data file (standards/…yml, curricula/…yml), every block of it")
    translation.add_argument("--lang", default="es", choices=list(TRANSLATIONS))
    args = parser.parse_args(argv)
    handler = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve,
               "schemas": cmd_schemas, "new": cmd_new, "offline": cmd_offline,
               "translation": cmd_translation, "site-url": cmd_site_url}[args.command]
    return handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """The `rightskit` command: `main`, then out without the interpreter's teardown. A build
    leaves about a gigabyte of objects at 2,000 extra modules, and freeing them one by one at exit
    took 1.25 s; so the exit handlers run (logging's, multiprocessing's, temporary folders'), the
    output is flushed, and the process ends. Where the handlers cannot be run, it exits as usual."""
    code = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # CPython's own, in every 3.x
    if run_exit_handlers is None or not isinstance(code, int):
        sys.exit(code)
    run_exit_handlers()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
