"""`rightskit`: check, build, serve and benchmark the site.

    rightskit check            validate everything, print every problem as file:line
    rightskit build            check, then build the site with PDFs; site/ is replaced only on success
    rightskit serve            preview with live reload
    rightskit bench            time each stage of the build
    rightskit new translation PAGE          start the Spanish translation of docs/PAGE.md
    rightskit translation [--mark-current PAGE|FILE.yml]   translation status; record a reviewed translation as current
    rightskit schemas          write the JSON Schemas for editors into schemas/
    rightskit offline          zip the whole site with every PDF, to open from file:// with no network
    rightskit new KIND ID      start a module, activity, workshop, instrument, mechanism or term
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import shutil
import sys
from pathlib import Path

from . import freshness
from .findings import errors, format_findings
from .languages import TRANSLATIONS
from .load import Project, load_site, plugin_option
from .sitesync import rotate


def _project(args) -> Project:
    config = Path(args.config).resolve()
    return Project(config.parent, config_file=config.name)


def _checked(project: Project):
    """The loaded site, or None after printing every problem (warnings are printed, and pass)."""
    loaded = load_site(project)
    if loaded.findings:
        print(format_findings(loaded.findings), file=sys.stderr)
    return None if errors(loaded.findings) else loaded.site


def cmd_check(args) -> int:
    project = _project(args)
    loaded = load_site(project)
    found = list(loaded.findings)
    site = loaded.site
    if not errors(found):  # freshness reads a consistent site
        # Aged reviews and dates are warnings: printed, and failing only with --strict, so the
        # content does not stop building the day a review date turns twelve months old.
        age = args.review_age or plugin_option(project, "review_age_months", freshness.DEFAULT_REVIEW_AGE_MONTHS)
        found += freshness.check(site, args.today or dt.date.today(), int(age))
        if args.official_texts:
            from . import ownwords

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


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write YYYY-MM-DD)") from None


def _months_arg(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of months (a whole number, 1 or more)")
    return int(text)


def mkdocs_build(config_file: Path, site_dir: Path, *, pdf: bool = True, strict: bool = True,
                 offline: bool = False, site=None) -> None:
    """Run the MkDocs build into site_dir; raises on failure. `site`: the content, when the
    caller has just loaded and checked it (the plugin would otherwise load it again)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .plugin_output import incremental

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict,
                         **({"use_directory_urls": False} if offline else {}))
    if not pdf:
        config.plugins["rightskit"].config.pdf = False
    if offline:
        config.plugins["rightskit"].config.offline = True
    if site is not None:
        config.plugins["rightskit"].preloaded = site
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with incremental(site_dir):  # over an earlier build there, only changed files are written
            build(config)
    finally:
        config.plugins.on_shutdown()


def cmd_build(args) -> int:
    _setup_logging(args.verbose)
    project = _project(args)
    # Checked here as well as in the plugin: a fraction of a second buys findings printed plainly,
    # before MkDocs starts, instead of inside MkDocs' log of an aborted build.
    site = _checked(project)
    if site is None:
        print("Build stopped: nothing was written; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    _warn_placeholder(project)
    final = (project.root / args.site_dir).resolve()
    # The new site is built beside the old one and swapped in only when complete. The staging
    # folder holds the build before last (see sitesync.rotate), so only what changed is written.
    staging = final.with_name(final.name + ".partial")
    try:
        mkdocs_build(project.root / project.config_file, staging, pdf=not args.no_pdf, site=site)
    except Exception as error:  # noqa: BLE001 - whatever fails (Abort, a plugin, a bug), the old site stays
        shutil.rmtree(staging, ignore_errors=True)  # half-written: never left where it could be published
        message = str(error) or error.__class__.__name__
        print(f"Build failed: {message}\nThe previous site/ is unchanged.", file=sys.stderr)
        return 1
    rotate(final, staging)
    rel = os.path.relpath(final)
    print(f"\nSite built in {rel}/ ({_count_pages(final)} pages, {len(list(final.glob('pdf/*.pdf')))} PDFs).")
    print(f"Open {rel}/index.html, or preview with `make serve` (http://127.0.0.1:8000/).")
    return 0


def cmd_offline(args) -> int:
    """Build the whole site with every PDF for file:// use, and zip it."""
    import tempfile

    from . import offline

    _setup_logging(args.verbose)
    project = _project(args)
    if _checked(project) is None:
        return 1
    target = (project.root / args.output).resolve()
    with tempfile.TemporaryDirectory(prefix="rightskit-offline-") as tmp:
        staging = Path(tmp) / "site"
        try:
            mkdocs_build(project.root / project.config_file, staging, offline=True)
        except Exception as error:  # noqa: BLE001 - report any failure plainly; no zip is written
            print(f"Offline build failed: {error or error.__class__.__name__}", file=sys.stderr)
            return 1
        files = offline.zip_site(staging, target)
    print(f"Offline kit written: {os.path.relpath(target)} ({files} files, {target.stat().st_size / 1e6:.1f} MB). "
          "Unzip it and open rights-at-home/index.html.")
    return 0


def _warn_placeholder(project: Project) -> None:
    """Loud, but not fatal: previews and tests build with the placeholder address."""
    from . import edition as ed
    url = ed.site_url(ed.configured_site_url(project.root / project.config_file))
    if ed.is_placeholder(url):
        bar = "!" * 78
        print(f"{bar}\nWARNING: {ed.placeholder_warning(url)}\n{bar}", file=sys.stderr)


def _count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def cmd_serve(args) -> int:
    """MkDocs' live-reload server with our own builder: a failed rebuild shows its problems in the
    browser instead of leaving it waiting, and PDFs are skipped unless asked for."""
    import tempfile
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    from . import preview
    from .plugin_output import incremental

    _setup_logging(args.verbose)
    project = _project(args)
    config_file = str(project.root / project.config_file)
    site_dir = Path(tempfile.mkdtemp(prefix="rightskit-preview-"))
    host, _, port = args.addr.rpartition(":")
    url = f"http://{host}:{port}/"

    search = preview.Background()

    def builder(config=None) -> None:
        # Search indexing of the last build may still be reading its pages: let it finish first.
        search.wait()
        start = time.perf_counter()
        try:
            config = config or load_config(config_file, site_dir=str(site_dir))
            plugin = config.plugins["rightskit"]
            plugin.config.pdf = args.pdf
            plugin.defer_search = True  # indexed after the page is served (below)
            if "git-revision-date-localized" in config.plugins:  # one `git log` a page: not worth it in preview
                config.plugins["git-revision-date-localized"].config["enabled"] = False
            config.site_url = url
            with incremental(site_dir):  # each rebuild rewrites only the files that change
                build(config, serve_url=url)
        except Exception as error:  # noqa: BLE001 - whatever failed, the browser must show it, not hang
            # MkDocs reports a plugin's error as a bare "Aborted": load again for the findings themselves.
            findings = errors(load_site(project).findings)
            report = format_findings(findings) if findings else f"{error or error.__class__.__name__}: see the terminal."
            preview.show_errors(site_dir, report)
            print(f"Preview paused: the problems above are shown in the browser at {url}", file=sys.stderr, flush=True)
            return
        print(f"Rebuilt in {time.perf_counter() - start:.1f} s; updating the search index in the background.",
              flush=True)
        if plugin.pending_search is not None:
            search.start(plugin.pending_search)

    config = load_config(config_file, site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir))
    try:
        builder(config)
        server.watch(config_file)
        for name in preview.WATCHED:
            if (project.root / name).is_dir():
                server.watch(str(project.root / name))
        print(f"Preview at {url} (watching mkdocs.yml, {', '.join(n + '/' for n in preview.WATCHED)}; "
              f"{'with' if args.pdf else 'no'} PDFs). Press Ctrl+C to stop.", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        search.wait()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, create

    if args.kind == "translation":  # made from its English page, not from a template
        return cmd_new_translation(args)
    project = _project(args)
    try:
        created = create(project.root, args.kind, args.id, config_file=project.config_file)
    except ScaffoldError as error:
        print(f"rightskit new: {error}", file=sys.stderr)
        return 1
    print(created.report())
    return 0


def cmd_schemas(args) -> int:
    from . import schema

    folder = _project(args).root / schema.SCHEMA_DIR
    for path in schema.write_schemas(folder):
        print(f"wrote {os.path.relpath(path)}")
    return 0


def cmd_bench(args) -> int:
    from .bench import run

    if args.scale is not None:
        from . import scalebench

        sizes = [int(n) for n in args.scale.split(",")] if args.scale else None
        return scalebench.run(_project(args), sizes, warm=not args.no_warm)
    return run(_project(args), rounds=args.rounds)


def cmd_new_translation(args) -> int:
    from .translations import new_translation

    project = _project(args)
    try:
        target = new_translation(project.docs, args.id, args.lang)
    except ValueError as error:
        print(f"rightskit new translation: {error}", file=sys.stderr)
        return 1
    print(f"Started {os.path.relpath(target)}: translate the title, summary and text, keeping [[ids]] and links.")
    return 0


def cmd_translation(args) -> int:
    from . import translations

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
    from . import blockstatus

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


def _setup_logging(verbose: bool) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)


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
    serve.add_argument("-a", "--addr", default="127.0.0.1:8000")
    serve.add_argument("--pdf", action="store_true", help="also render the PDFs on each rebuild (slow)")
    serve.add_argument("-v", "--verbose", action="store_true")
    bench = sub.add_parser("bench", help="time loading, page generation, the MkDocs build and PDFs")
    bench.add_argument("--rounds", type=int, default=3)
    bench.add_argument("--scale", metavar="N,N,…", nargs="?", const="",
                       help="instead, our build against stock MkDocs with N extra modules (default 0,100,500,2000)")
    bench.add_argument("--no-warm", action="store_true", help="with --scale: skip the warm rebuild")
    sub.add_parser("schemas", help="write the JSON Schemas for editors into schemas/")
    off = sub.add_parser("offline", help="zip the whole site with every PDF, to open from file:// with no network")
    off.add_argument("-o", "--output", default="rights-at-home-offline.zip")
    off.add_argument("-v", "--verbose", action="store_true")
    from .scaffold import KINDS

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
    handler = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "bench": cmd_bench,
               "schemas": cmd_schemas, "new": cmd_new, "offline": cmd_offline,
               "translation": cmd_translation}[args.command]
    return handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
