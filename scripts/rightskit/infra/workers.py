"""Use every core for per-page work that reports through the page cache.

The build runs in one process; before a phase that treats each page on its own (converting
Markdown, rendering templates), helpers are forked with a copy of everything the build has
gathered. The build process goes through the pages from the front, as MkDocs' loop does; the helpers
take them from the back, one at a time, so they meet wherever the work divides evenly, whatever
each page costs and whatever else the build process does between pages (a fixed half each left the
helpers idle for a third of the time). A helper writes each result to the cache and marks the page
done; when the build process reaches a page a helper took, it waits for that page alone and finds
the result in the cache. A result is used only if its key, computed again by the build process from
its own inputs, matches, so the output is what a serial build writes. Nothing here knows about MkDocs.
"""
from __future__ import annotations

import logging
import mmap
import multiprocessing
import os
import threading
import time
from typing import Callable, Hashable, Sequence

from rightskit.infra import collector

MIN_PER_HELPER = 25  # below this, forking costs more than it saves

# The state of each item, one byte each in memory the processes share.
FREE, BUILD, TAKEN, DONE = 0, 1, 2, 3
_BACK = 8  # the first bytes hold how far down the helpers have taken items
_POLL = 0.0005  # seconds between looks while the build process waits for a helper's page


def available_cores() -> int:
    """Cores this process may use; RIGHTSKIT_JOBS overrides (1 turns helpers off)."""
    wanted = os.environ.get("RIGHTSKIT_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Claims:
    """Who treats which item: shared by the build process and the helpers it forks."""

    def __init__(self, count: int):
        self.memory = mmap.mmap(-1, _BACK + count)  # anonymous and shared: forked helpers see the same bytes
        self.memory[:_BACK] = count.to_bytes(_BACK, "little")
        self.lock = multiprocessing.get_context("fork").Lock()
        self.pids: set[int] = set()

    def state(self, index: int) -> int:
        return self.memory[_BACK + index]

    def take_for_build(self, index: int) -> int:
        """The item's state before the build process asked; a free item is now the build's."""
        # A helper killed while it held the lock (the kernel's out-of-memory killer) would hold it
        # for ever: once no helper is left, nobody else writes, and the lock is not needed.
        locked = False
        while self.pids and not locked:
            locked = self.lock.acquire(timeout=1)
            if not locked:
                self.helpers_alive()  # forgets the helpers that are gone
        try:
            state = self.memory[_BACK + index]
            if state == FREE:
                self.memory[_BACK + index] = BUILD
            return state
        finally:
            if locked:
                self.lock.release()

    def take_from_back(self) -> int | None:
        """For a helper: the last free item, now taken, or None when none is left (or the lock
        stays taken: another helper died holding it, and this one stops too)."""
        if not self.lock.acquire(timeout=5):
            return None
        try:
            index = int.from_bytes(self.memory[:_BACK], "little")
            while index > 0:
                index -= 1
                if self.memory[_BACK + index] == FREE:
                    self.memory[_BACK + index] = TAKEN
                    self.memory[:_BACK] = index.to_bytes(_BACK, "little")
                    return index
            self.memory[:_BACK] = (0).to_bytes(_BACK, "little")
            return None
        finally:
            self.lock.release()

    def done(self, index: int) -> None:
        self.memory[_BACK + index] = DONE

    def helpers_alive(self) -> bool:
        for pid in list(self.pids):
            try:
                finished, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # reaped already
                finished = pid
            if finished:
                self.pids.discard(pid)
        return bool(self.pids)


class Helpers:
    """Forked helpers, and which items of each phase they may be treating."""

    def __init__(self):
        self.owner: dict[Hashable, tuple[_Claims, int]] = {}  # item key -> its phase's claims, its index

    def start(self, items: Sequence, key: Callable[[object], Hashable], work: Callable[[object], None],
              jobs: int | None = None) -> int:
        """Fork helpers that take `items` from the back; returns how many were started."""
        jobs = min(jobs or available_cores(), len(items) // MIN_PER_HELPER or 1)
        if jobs < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
            return 0  # forking a process with threads (a live-reload server) is not safe
        claims = _Claims(len(items))
        collector.freeze_before_fork()
        for _ in range(jobs - 1):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the helper, which exits without returning
                _run(claims, items, work)
            claims.pids.add(pid)
        for index, item in enumerate(items):
            self.owner[key(item)] = (claims, index)
        return jobs - 1

    def wait_for(self, item_key: Hashable) -> bool:
        """Before the build process treats an item: True if a helper took it (and has finished
        with it, or died), so its result is in the cache if it could be made; False if the build
        process should treat it itself (no helpers, or none took it yet: now none will)."""
        found = self.owner.get(item_key)
        if found is None:
            return False
        claims, index = found
        state = claims.take_for_build(index)
        if state in (FREE, BUILD):
            return False
        looks = 0
        while claims.state(index) == TAKEN:
            looks += 1
            if looks % 200 == 0 and not claims.helpers_alive():
                break  # the helper died with the item: the build process treats it
            time.sleep(_POLL)
        return True

    def wait_all(self) -> None:
        for claims in {id(c): c for c, _ in self.owner.values()}.values():
            for pid in claims.pids:
                try:
                    os.waitpid(pid, 0)
                except ChildProcessError:
                    pass
            claims.pids.clear()
        self.owner.clear()


def _run(claims: _Claims, items: Sequence, work: Callable[[object], None]) -> None:  # pragma: no cover - in the helper
    # The build process prints what matters (it replays stored warnings): the helper stays quiet.
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.handlers = [logging.NullHandler()]
    code = 0
    try:
        while (index := claims.take_from_back()) is not None:
            try:
                work(items[index])
            except Exception:  # noqa: BLE001 - the build process treats this page itself
                code = 1
            finally:
                claims.done(index)
    finally:
        os._exit(code)
