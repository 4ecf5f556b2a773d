"""Python's garbage collector during a build.

A large build makes millions of container objects (pages, their tables of contents, navigation,
parsed tags) and keeps most of them to the end. With the default thresholds the collector looks
through the young ones every 700 allocations and, as the heap grows, through all of them again;
at 2,000 extra modules that was about 6 s of an 85 s cold build (turning it off entirely: 80 s, but
1.5 GB instead of 1.0). Rarer young collections keep the same memory (measured: 1.0 GB either way)
and most of the gain. Objects that exist when helpers are forked (infra/workers.py) are frozen
first: the collector then never walks them, so it neither writes to the pages a helper shares with
the build process (copying them) nor scans them again in either process.
"""
from __future__ import annotations

import contextlib
import gc

# Allocations between young collections (default 700), and the default ratios above them.
THRESHOLDS = (50_000, 20, 10)


@contextlib.contextmanager
def for_a_build():
    """Rarer collections while the block runs; afterwards the thresholds as they were, and frozen
    objects handed back to the collector (a preview server builds many times in one process)."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def freeze_before_fork() -> None:
    """Every object alive now out of the collector's sight (see the module's doc), until the end of
    the build (`for_a_build`)."""
    gc.freeze()
