"""`rightskit build` and `rightskit offline`: check, then build the site (or the offline kit)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from rightskit.core import languages
from rightskit.infra.progress import Progress
from rightskit.infra.sitesync import rotate
from rightskit.cli.common import _project, _checked, _warn_placeholder, _count_pages
from rightskit.mkdocs.build import mkdocs_build, _setup_logging


def _start(args):
    """The project, its checked content (None after printing the problems) and the progress display.
    Checked here as well as in the plugin: a fraction of a second buys findings printed plainly,
    before MkDocs starts, instead of inside MkDocs' log of an aborted build."""
    _setup_logging(args.verbose)
    project = _project(args)
    progress = Progress.to_stderr()
    with progress.stage("Checking content and data"):
        site = _checked(project)
    return project, site, progress


def cmd_build(args) -> int:
    from rightskit.mkdocs.session import BuildSession  # MkDocs is imported only by the commands that build

    project, site, progress = _start(args)
    if site is None:
        print("Build stopped: nothing was written; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    _warn_placeholder(project)
    final = (project.root / args.site_dir).resolve()
    # The new site is built beside the old one and swapped in only when complete. The staging
    # folder holds the build before last (see sitesync.rotate), so only what changed is written.
    staging = final.with_name(final.name + ".partial")
    try:
        mkdocs_build(project.root / project.config_file, staging, pdf=not args.no_pdf,
                     session=BuildSession(site=site, progress=progress))
    except Exception as error:  # noqa: BLE001 - whatever fails (Abort, a plugin, a bug), the old site stays
        shutil.rmtree(staging, ignore_errors=True)  # half-written: never left where it could be published
        message = str(error) or error.__class__.__name__
        print(f"Build failed: {message}\nThe previous site/ is unchanged.", file=sys.stderr)
        return 1
    rotate(final, staging)
    rel = os.path.relpath(final)
    print(f"\nSite built in {rel}/ ({_count_pages(final)} pages, {_pdf_count(final)}).")
    print(f"Open {rel}/index.html, or preview with `make serve` (http://127.0.0.1:8000/).")
    return 0


def cmd_offline(args) -> int:
    """Build the whole site with every PDF for file:// use, and zip it."""
    import tempfile

    from rightskit.mkdocs.session import BuildSession
    from rightskit.outputs import offline

    project, site, progress = _start(args)
    if site is None:
        return 1
    target = (project.root / args.output).resolve()
    with tempfile.TemporaryDirectory(prefix="rightskit-offline-") as tmp:
        staging = Path(tmp) / "site"
        try:
            mkdocs_build(project.root / project.config_file, staging, offline=True,
                         session=BuildSession(site=site, progress=progress))
        except Exception as error:  # noqa: BLE001 - report any failure plainly; no zip is written
            print(f"Offline build failed: {error or error.__class__.__name__}", file=sys.stderr)
            return 1
        pdfs = _pdf_count(staging)
        with progress.stage(f"Zipping into {os.path.relpath(target)}"):
            files = offline.zip_site(staging, target)
    print(f"Offline kit written: {os.path.relpath(target)} ({files} files, {target.stat().st_size / 1e6:.1f} MB; "
          f"{pdfs}). Unzip it and open rights-at-home/index.html.")
    return 0


def _pdf_count(site_dir: Path) -> str:
    """'148 PDFs: 114 en, 34 es': every language's PDFs (render.pdf_path: pdf/, es/pdf/)."""
    counts = {lang: len(list((site_dir / languages.site_prefix(lang) / "pdf").glob("*.pdf")))
              for lang in languages.LANGUAGES}
    total = sum(counts.values())
    if total == 0:
        return "no PDFs"
    return f"{total} PDFs: " + ", ".join(f"{n} {lang}" for lang, n in counts.items() if n)
