"""Use every core for per-page work that reports through the page cache.

The build runs in one process; before a phase that treats each page on its own (converting
Markdown, rendering templates), helpers are forked with a copy of everything the build has
gathered. Each helper treats its share of the pages and writes results to the cache, then exits;
the build process treats its own share and, when it reaches a helper's pages, waits for that
helper and finds the results in the cache. A result is used only if its key, computed again by the
build process from its own inputs, matches, so the output is what a serial build writes.
Nothing here knows about MkDocs.
"""
from __future__ import annotations

import logging
import os
import threading
from typing import Callable, Hashable, Sequence

MIN_PER_HELPER = 25  # below this, forking costs more than it saves


def available_cores() -> int:
    """Cores this process may use; RIGHTSKIT_JOBS overrides (1 turns helpers off)."""
    wanted = os.environ.get("RIGHTSKIT_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Helpers:
    """Forked helpers, and which of the items each one is treating."""

    def __init__(self):
        self.owner: dict[Hashable, int] = {}  # item key -> helper pid, while that helper runs

    def start(self, items: Sequence, key: Callable[[object], Hashable], work: Callable[[object], None],
              jobs: int | None = None) -> int:
        """Fork helpers for all but the first share of `items`; returns how many were started."""
        jobs = min(jobs or available_cores(), len(items) // MIN_PER_HELPER or 1)
        if jobs < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
            return 0  # forking a process with threads (a live-reload server) is not safe
        bounds = [len(items) * i // jobs for i in range(1, jobs + 1)]
        started = 0
        for start, end in zip(bounds, bounds[1:]):
            share = items[start:end]
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the helper, which exits without returning
                _run(share, work)
            for item in share:
                self.owner[key(item)] = pid
            started += 1
        return started

    def wait_for(self, item_key: Hashable) -> bool:
        """Wait for the helper treating this item, if any; True if there was one."""
        pid = self.owner.get(item_key)
        if pid is None:
            return False
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        for k in [k for k, p in self.owner.items() if p == pid]:
            del self.owner[k]
        return True

    def wait_all(self) -> None:
        for pid in set(self.owner.values()):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.owner.clear()


def _run(share: Sequence, work: Callable[[object], None]) -> None:  # pragma: no cover - in the helper
    # The build process prints what matters (it replays stored warnings): the helper stays quiet.
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.handlers = [logging.NullHandler()]
    code = 0
    try:
        for item in share:
            try:
                work(item)
            except Exception:  # noqa: BLE001 - the build process treats this page itself
                code = 1
    finally:
        os._exit(code)
