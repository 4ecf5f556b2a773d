"""MkDocs writes through `sitesync.Output`: a build over an earlier build's folder rewrites only the
files that change, and removes the ones it no longer produces (see sitesync.py).

Part of the MkDocs adapter, with plugin.py and cli.py. MkDocs empties the site folder before a
build (`utils.clean_directory`) and writes every page and static file through `utils.write_file`
and `utils.copy_file`; those three are swapped for the length of one build. mkdocs-static-i18n
swaps `clean_directory` the same way around its other languages' builds, and puts back ours.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from rightskit.outputs.search.records import BUNDLE_DIR
from rightskit.infra.sitesync import Output


@contextlib.contextmanager
def incremental(site_dir: str | Path) -> Iterator[Output]:
    """Build into `site_dir` over whatever it holds; on success it holds exactly this build's
    files. On failure the folder is left half-updated: callers build into a staging folder."""
    from mkdocs import utils

    output = Output(site_dir)
    saved = utils.clean_directory, utils.write_file, utils.copy_file

    def copy_file(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        output.copy(source_path, output_path)

    utils.clean_directory = lambda directory: None
    utils.write_file = lambda content, output_path: output.write_bytes(content, output_path)
    utils.copy_file = copy_file
    try:
        yield output
    finally:
        utils.clean_directory, utils.write_file, utils.copy_file = saved
    # The search step keeps its own folder exact (pagefind.index_site mirrors it), and in a preview
    # it may still be writing there in the background.
    output.finish(leave=(BUNDLE_DIR,))
