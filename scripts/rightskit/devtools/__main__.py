"""`python -m rightskit.devtools bench`: time each stage of the build (`make bench`), or, with
`--scale`, our build against stock MkDocs + Material (`make bench-scale`); `lighthouse`: Lighthouse's
mobile scores of six pages (`make lighthouse`). Kept out of the
`rightskit` command so that nothing in the build imports the benchmarks."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rightskit.devtools import bench, lighthouse, previewbench, scalebench
from rightskit.project import Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rightskit.devtools", description="Benchmarks of Rights at Home.")
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("bench", help="time loading, page generation, the MkDocs build and PDFs")
    run.add_argument("--rounds", type=int, default=3)
    run.add_argument("--scale", metavar="N,N,…", nargs="?", const="",
                     help="instead, our build against stock MkDocs with N extra modules (default 0,100,500,2000)")
    run.add_argument("--no-warm", action="store_true", help="with --scale: skip the warm rebuild")
    run.add_argument("--no-preview", action="store_true",
                     help="with --scale: skip the preview's save to reload (ours and stock serve)")
    timed = sub.add_parser("preview", help="save to reload in `rightskit serve` for a body edit")
    timed.add_argument("--page", help="the module to edit (default: the first untranslated explainer)")
    timed.add_argument("--rounds", type=int, default=5)
    timed.add_argument("--stock", action="store_true",
                       help="instead, stock `mkdocs serve` (MkDocs + Material, no rightskit) on a copy of the project")
    lh = sub.add_parser("lighthouse", help="Lighthouse's mobile performance of six pages, served with gzip (median of runs)")
    lh.add_argument("--site-dir", type=Path, help="a site already built (default: build one without PDFs)")
    lh.add_argument("--runs", type=int, default=3)
    lh.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE", "lighthouse"),
                    help="the lighthouse command (default: $LIGHTHOUSE, else lighthouse on PATH)")
    lh.add_argument("--chrome", default="/usr/bin/chromium")
    lh.add_argument("pages", nargs="*", help="site-relative addresses (default: the six of issue 21)")
    args = parser.parse_args(argv)
    config = Path(args.config).resolve()
    project = Project(config.parent, config_file=config.name)
    if args.command == "lighthouse":
        return lighthouse.run(args.site_dir, project.root, config.name, args.lighthouse, args.runs,
                              tuple(args.pages) or lighthouse.PAGES, args.chrome)
    if args.command == "preview":
        page = args.page or previewbench.default_page(project.root)
        if not args.stock:
            print(previewbench.report(previewbench.measure(project.root, page, args.rounds, config.name)), flush=True)
            return 0
        import tempfile

        with tempfile.TemporaryDirectory(prefix="rightskit-stock-preview-") as work:
            copy = Path(work) / "project"
            scalebench.copy_project(project.root, copy)
            stock = scalebench.stock_config(copy, config.name, prune=True)  # the navigation as this site sets it
            times = previewbench.measure(copy, page, args.rounds, config.name, stock=stock)
        print(previewbench.report(times), flush=True)
        return 0
    if args.scale is not None:
        sizes = [int(n) for n in args.scale.split(",")] if args.scale else None
        return scalebench.run(project, sizes, warm=not args.no_warm, preview=not args.no_preview)
    return bench.run(project, rounds=args.rounds)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
