"""What a long build is doing, for the person or the CI log waiting on it.

A build of the whole site runs for minutes in stages (checking, the pages of each language, the
search index, the PDFs). Each stage says when it starts and how long it took; a stage of many
items counts them: on a terminal a bar redrawn in place, in a log (CI, a file) a plain line every
tenth of the way (or quarter, for the pages of each language), so the log stays short. `QUIET` says nothing: the default for MkDocs run
directly, the preview and the benchmarks.
"""
from __future__ import annotations

import contextlib
import sys
import time
from typing import Callable, Iterator, TextIO

BAR = 24  # characters of the terminal's bar


def elapsed(seconds: float) -> str:
    """'0.4 s', '12 s', '3 min 05 s'."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


class Progress:
    """Writes to `stream` (None: nowhere). `tty`: redraw a bar in place; by default, whether the
    stream is a terminal."""

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.tty = bool(stream is not None and (stream.isatty() if tty is None else tty))
        self.clock = clock
        self._counter: Counter | None = None

    @classmethod
    def to_stderr(cls) -> "Progress":
        return cls(sys.stderr)

    def line(self, text: str) -> None:
        if self.stream is None:
            return
        self.end_counter()
        print(text, file=self.stream, flush=True)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[Stage]:
        """A stage without a count: a line as it starts and one with its time (and `stage.note`)."""
        stage = Stage(name, self.clock())
        self.line(f"{name}…")
        yield stage
        note = f"{stage.note}, " if stage.note else ""
        self.line(f"{name}: {note}{elapsed(self.clock() - stage.start)}")

    def counter(self, label: str, total: int, steps: int = 10) -> Counter:
        """A stage of `total` items: call `advance` as each is done; a log gets a line at each of
        `steps` parts of the way. Starting another counter, a stage or a line ends this one."""
        self.end_counter()
        self._counter = Counter(self, label, total, self.clock(), steps)
        self._counter.show()
        return self._counter

    def end_counter(self) -> None:
        counter, self._counter = self._counter, None
        if counter is not None:
            counter.finish()


class Stage:
    def __init__(self, name: str, start: float):
        self.name = name
        self.start = start
        self.note = ""


class Counter:
    def __init__(self, progress: Progress, label: str, total: int, start: float, steps: int = 10):
        self.progress = progress
        self.label = label
        self.total = total
        self.done = 0
        self.start = start
        self.note = ""  # said with the time, at the end
        self.steps = steps
        self._step = 0  # the last part of the way a log line was written for
        self._finished = False

    def advance(self, count: int = 1) -> None:
        if self._finished or count <= 0:
            return
        self.done = min(self.done + count, self.total)
        self.show()
        if self.done == self.total:
            self.finish()

    def show(self) -> None:
        out = self.progress.stream
        if out is None or self._finished:
            return
        if self.progress.tty:
            filled = BAR * self.done // self.total if self.total else BAR
            out.write(f"\r{self.label}: [{'#' * filled}{'.' * (BAR - filled)}] {self.done}/{self.total}")
            out.flush()
            return
        step = self.steps * self.done // self.total if self.total else self.steps
        if self.done == 0 or (step > self._step and self.done < self.total):
            self._step = step
            print(f"{self.label}: {self.done}/{self.total}", file=out, flush=True)

    def finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        if self.progress._counter is self:
            self.progress._counter = None
        out = self.progress.stream
        if out is None:
            return
        note = f", {self.note}" if self.note else ""
        text = f"{self.label}: {self.done}/{self.total} in {elapsed(self.progress.clock() - self.start)}{note}"
        # on a terminal the bar's line is overwritten, then cleared to its end
        print(f"\r{text}\033[K" if self.progress.tty else text, file=out, flush=True)


QUIET = Progress(None)
