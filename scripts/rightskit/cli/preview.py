"""The live preview's error page: when a rebuild fails, every page of the preview shows the
problems instead, and the live-reload script brings the site back once they are fixed. And its
background job: search indexing runs after the rebuilt page is served, not before.
(The server itself is MkDocs', driven from cli.py: this module stays free of MkDocs.)"""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Callable

from rightskit.pages.environment import environment

WATCHED = ("docs", "standards", "curricula", "overrides")  # besides mkdocs.yml


def error_page(report: str) -> str:
    lines = [line for line in report.splitlines() if line.strip()]
    count = sum(1 for line in lines if ": " in line and line.split(":")[1:2] and line.split(":")[1].isdigit()) or 1
    return environment().get_template("preview/errors.html.j2").render(report=report.strip(), count=count)


def show_errors(site_dir: Path, report: str) -> None:
    """Put the error page in place of every page of the last good preview (the browser stays on
    its page and reloads it), and as the home page and 404 when there was none."""
    html = error_page(report)
    targets = set(site_dir.rglob("*.html")) | {site_dir / "index.html", site_dir / "404.html"}
    site_dir.mkdir(parents=True, exist_ok=True)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


class Background:
    """Jobs run one at a time on a thread, the latest waiting its turn. The preview indexes search
    this way after each rebuild, so the browser reloads as soon as the pages are written; a job
    started while another runs replaces any job still waiting (only the newest index matters), and
    a full rebuild waits for them all first, since it may rewrite what the indexer writes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.pending: Callable[[], object] | None = None

    def start(self, job: Callable[[], object]) -> None:
        with self.lock:
            self.pending = job
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="rightskit-search", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        while True:
            with self.lock:
                job, self.pending = self.pending, None
                if job is None:
                    self.thread = None
                    return
            try:
                job()
            except Exception as error:  # noqa: BLE001 - a preview keeps serving; search is just stale
                print(f"Search index not updated: {error or error.__class__.__name__}", file=sys.stderr, flush=True)

    def wait(self) -> None:
        while True:
            with self.lock:
                thread = self.thread
            if thread is None:
                return
            thread.join()
