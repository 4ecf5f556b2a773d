"""Run a MkDocs build of the project, and quiet MkDocs' own logging: what the commands and the
benchmarks share."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a build runs: MkDocs is slow to import, and most commands never build
    from rightskit.mkdocs.session import BuildSession


def mkdocs_build(config_file: Path, site_dir: Path, *, pdf: bool = True, strict: bool = True,
                 offline: bool = False, session: BuildSession | None = None) -> None:
    """Run the MkDocs build into site_dir; raises on failure (`findings_of` gives a content
    failure's findings). `session.site`: the content, when the caller has just loaded and checked
    it (the plugin would otherwise load it again)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from rightskit.infra import collector
    from rightskit.mkdocs.output import incremental
    from rightskit.mkdocs.session import BuildSession, attach

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict,
                         **({"use_directory_urls": False} if offline else {}))
    if not pdf:
        config.plugins["rightskit"].config.pdf = False
    if offline:
        config.plugins["rightskit"].config.offline = True
    session = attach(config, session or BuildSession())
    config.plugins.on_startup(command="build", dirty=False)
    try:
        # over an earlier build there, only changed files are written
        with collector.for_a_build(), incremental(site_dir):
            build(config)
    finally:
        session.progress.end_counter()
        config.plugins.on_shutdown()


def _setup_logging(verbose: bool) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
