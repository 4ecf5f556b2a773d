"""Build over a previous build's output, writing only the files whose bytes change.

A rebuild after one edit produces thousands of files identical to the ones already there.
Deleting the old tree and writing every file again is most of a warm build's disk time (on a disk
mounted with `discard`, each unlink costs milliseconds). Here a build writes into a folder that
holds an earlier build: a file whose bytes are unchanged is left alone, a changed one is replaced,
and at the end every file this build did not produce is removed, so the folder holds exactly what
a build into an empty folder would have written.

"Produced" is known two ways: the writes that go through `Output` (left alone or written), and any
file modified after the build started, whoever wrote it (a plugin, the search indexer). The start
is taken from a marker file's own modification time, so both sides use the file system's clock.
Nothing here knows about MkDocs.
"""
from __future__ import annotations

import fnmatch
import os
import shutil
from pathlib import Path

MARKER = ".rightskit-build-start"


def same_bytes(path: str | Path, data: bytes) -> bool:
    return _same(path, data) is not None


def _same(path: str | Path, data: bytes) -> os.stat_result | None:
    """The file's status when it holds exactly `data`, else None."""
    try:
        status = os.stat(path)
        if status.st_size != len(data):
            return None
        with open(path, "rb") as handle:
            return status if handle.read() == data else None
    except OSError:
        return None


def same_file(source: str | Path, dest: str | Path) -> bool:
    try:
        if os.stat(source).st_size != os.stat(dest).st_size:
            return False
        return Path(source).read_bytes() == Path(dest).read_bytes()
    except OSError:
        return False


def _identity(status: os.stat_result) -> tuple[int, int]:
    # Files left alone are known by device and inode, not by path: MkDocs and the walk in
    # `finish` may spell the same path differently (relative parts, symbolic links).
    return status.st_dev, status.st_ino


class Output:
    """The writes of one build into `folder`; `finish()` removes what the build did not produce."""

    def __init__(self, folder: str | Path):
        self.folder = Path(os.path.abspath(folder))
        self.folder.mkdir(parents=True, exist_ok=True)
        marker = self.folder / MARKER
        marker.unlink(missing_ok=True)  # a new file: its modification time is now
        marker.write_bytes(b"")
        self.start_ns = marker.stat().st_mtime_ns
        self.kept: set[tuple[int, int]] = set()  # files found identical and left alone (old modification times)
        self.written = 0

    def write_bytes(self, data: bytes, path: str | Path) -> None:
        status = _same(path, data)
        if status is not None:
            self.kept.add(_identity(status))
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _remove_if_link(path)
        with open(path, "wb") as handle:
            handle.write(data)
        self.written += 1

    def copy(self, source: str | Path, dest: str | Path) -> None:
        if same_file(source, dest):
            self.kept.add(_identity(os.stat(dest)))
            return
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        _remove_if_link(dest)
        shutil.copyfile(source, dest)
        self.written += 1

    def finish(self, leave: tuple[str, ...] = ()) -> int:
        """Remove the files and folders this build did not produce; returns how many files.
        `leave`: subfolders someone else keeps exact (`mirror`), left as they are."""
        removed = 0
        skip = tuple(str(self.folder / name) for name in leave)
        for dirpath, dirnames, filenames in os.walk(self.folder, topdown=False):
            if dirpath in skip or dirpath.startswith(tuple(s + os.sep for s in skip)):
                continue
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    status = os.lstat(path)
                    if status.st_mtime_ns < self.start_ns and _identity(status) not in self.kept:
                        os.unlink(path)
                        removed += 1
                except FileNotFoundError:
                    pass
            if dirpath != str(self.folder):
                try:
                    os.rmdir(dirpath)  # only succeeds when the build left it empty
                except OSError:
                    pass
        (self.folder / MARKER).unlink(missing_ok=True)
        return removed


def mirror(source: str | Path | list[Path], dest: str | Path, skip: tuple[str, ...] = ()) -> int:
    """Make `dest` hold exactly the files of `source` (or of several folders, a later one's file
    taking the place of an earlier one's), copying only those that differ and removing the rest;
    files named like a `skip` pattern are neither copied nor removed. Returns how many files were
    copied or removed."""
    sources = [Path(s) for s in source] if isinstance(source, list) else [Path(source)]
    dest = Path(dest)

    def skipped(rel: Path) -> bool:
        return any(fnmatch.fnmatchcase(rel.as_posix(), pattern) for pattern in skip)

    wanted = {p.relative_to(s): p for s in sources for p in s.rglob("*") if p.is_file() and not skipped(p.relative_to(s))}
    changes = 0
    if dest.is_dir():
        for path in sorted(dest.rglob("*"), reverse=True):
            if path.is_file() or path.is_symlink():
                rel = path.relative_to(dest)
                if rel not in wanted and not skipped(rel):
                    path.unlink()
                    changes += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel, path in sorted(wanted.items()):
        target = dest / rel
        if same_file(path, target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_if_link(str(target))
        shutil.copyfile(path, target)
        changes += 1
    dest.mkdir(parents=True, exist_ok=True)
    return changes


def _remove_if_link(path: str) -> None:
    # A symbolic link left in the folder must not redirect the write to a file outside it.
    if os.path.islink(path):
        os.unlink(path)


def rotate(final: Path, staging: Path) -> None:
    """Put a finished `staging` in place of `final`; the previous `final` becomes the next build's
    staging folder (a build then rewrites only what changed) instead of being deleted."""
    spare = final.with_name(final.name + ".old")
    if spare.exists():
        shutil.rmtree(spare)
    if final.exists():
        final.rename(spare)
    staging.rename(final)
    if spare.exists():
        spare.rename(staging)
