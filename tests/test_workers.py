"""The helpers that share per-page work with the build process (infra/workers.py): every item is
treated exactly once, by whichever process got to it; the build process waits for one item, not
for a helper's whole share; a helper that fails or dies leaves its item to the build process."""
from __future__ import annotations

import os
import time

import pytest

from rightskit.infra import workers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="helpers are forked")


def _treat(folder, item) -> None:
    """Record who treated `item`; a second treatment of the same item raises (O_EXCL)."""
    fd = os.open(folder / f"{item}", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)


def _drive(folder, items, helper_work, build_pause=0.0, jobs=2):
    """Go through `items` as the build process does; returns how many helpers started."""
    helpers = workers.Helpers()
    started = helpers.start(items, lambda item: ("t", item), helper_work, jobs=jobs)
    for item in items:
        if helpers.wait_for(("t", item)) and (folder / f"{item}").exists():
            continue  # a helper's result, "from the cache"
        time.sleep(build_pause)
        _treat(folder, item)
    helpers.wait_all()
    return started


def _who(folder, items) -> list[int]:
    return [int((folder / f"{item}").read_text()) for item in items]


def test_each_item_is_treated_once_and_the_work_is_shared(tmp_path):
    items = list(range(200))
    # The build process is slower per item (it also writes the site): the helper takes more.

    def work(item):
        time.sleep(0.001)
        _treat(tmp_path, item)

    assert _drive(tmp_path, items, work, build_pause=0.004) == 1
    who = _who(tmp_path, items)
    mine = sum(pid == os.getpid() for pid in who)
    assert 0 < mine < len(items) // 2, "the helper should take more than half when the build process is slower"
    # The build process went from the front and the helper from the back: one boundary between them.
    switches = sum(1 for a, b in zip(who, who[1:]) if a != b)
    assert switches == 1 and who[0] == os.getpid()


def test_a_failing_item_is_left_to_the_build_process(tmp_path):
    items = list(range(100))

    def work(item):
        if item % 7 == 0:
            raise ValueError("this page cannot be treated here")
        _treat(tmp_path, item)

    _drive(tmp_path, items, work, build_pause=0.001)
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == items


def test_a_helper_that_dies_does_not_stop_the_build(tmp_path):
    items = list(range(60))

    def work(item):
        if item == 59:
            os._exit(3)  # the helper dies with the first item it takes
        _treat(tmp_path, item)

    started = time.monotonic()
    _drive(tmp_path, items, work)
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == items
    assert time.monotonic() - started < 30, "the build process must notice the helper is gone"


def test_few_items_or_one_core_start_no_helper(tmp_path):
    assert _drive(tmp_path, list(range(workers.MIN_PER_HELPER - 1)), lambda item: _treat(tmp_path, item)) == 0
    other = tmp_path / "one-core"
    other.mkdir()
    assert _drive(other, list(range(100)), lambda item: _treat(other, item), jobs=1) == 0
    assert set(_who(other, range(100))) == {os.getpid()}


def test_a_helper_killed_while_it_holds_the_lock_does_not_stop_the_build(tmp_path, monkeypatch):
    made = []

    class Claims(workers._Claims):
        def __init__(self, count):
            super().__init__(count)
            made.append(self)

    monkeypatch.setattr(workers, "_Claims", Claims)

    def work(item):
        made[0].lock.acquire()
        os._exit(9)  # as if the kernel killed the helper while it held the lock

    items = list(range(60))
    started = time.monotonic()
    _drive(tmp_path, items, work)
    assert time.monotonic() - started < 30
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == items


def test_a_build_collects_rarely_and_hands_frozen_objects_back(tmp_path):
    import gc

    from rightskit.infra import collector

    before = gc.get_threshold()
    with collector.for_a_build():
        assert gc.get_threshold() == collector.THRESHOLDS
        alive = [[n] for n in range(1000)]  # what the helpers share with the build process
        _drive(tmp_path, list(range(60)), lambda item: _treat(tmp_path, item))
        assert gc.get_freeze_count() >= len(alive)  # out of the collector's sight while the build runs
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
