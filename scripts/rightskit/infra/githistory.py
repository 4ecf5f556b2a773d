"""Each file's last commit from one reading of a git history, where that reading settles it.

A "last updated" date is the newest commit that touched the file, as `git log -n 1 -- FILE` finds
it; asking that once per file costs a git process each (about 4 ms, so 14 s of CPU for 3,500 pages,
more than the rest of a build's start). One `git log --name-status` over the history names every
file each commit touched, so the first commit naming a file is its last commit, in the cases below,
where the per-file question cannot answer otherwise:

- the history is linear (no merge commits): with merges, `git log -- FILE` simplifies the history
  per file, and the commit it shows first need not be the first one naming the file in the walk;
- the newest commit naming the file modified it in place (M), or added it (A) in a commit that
  deleted and renamed nothing, so no rename detection (`--follow`, `--diff-filter`) can see it as
  the end of a rename.

Any other file (renamed, copied, type-changed, added beside a deletion) is left out: the caller
asks git about it alone, as before. tests/test_githistory.py checks the answers against the
per-file question on a history with each of these cases. The reading stops once every file asked
about is settled, so an old, long history costs only its recent part.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

_MOVES = ("D", "R", "C")  # in a commit, what could make an added file the end of a rename


def last_commits(folder: Path, wanted: set[str] | None = None) -> dict[str, tuple[str, int]]:
    """{path relative to `folder`: (commit hash, author time)} for the committed files under
    `folder` whose last commit one reading of the history settles (see the module's doc); empty
    where it settles nothing (no git, no repository, a history with merges). `wanted`: the
    folder-relative paths asked about, to stop reading once all are settled (all files if None)."""
    folder = Path(folder)
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
        if _git(folder, "rev-list", "--merges", "-n", "1", "HEAD").strip():
            return {}
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = os.path.relpath(os.path.realpath(folder), top).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    if prefix.startswith("../"):
        return {}
    found: dict[str, tuple[str, int]] = {}
    seen: set[str] = set()  # every path named by a newer commit: its answer, if any, is decided
    remaining = None if wanted is None else set(wanted)
    try:
        for commit, stamp, changes in _walk(top):
            moves = any(status.startswith(_MOVES) for status, _ in changes)
            for status, paths in changes:
                for path in paths:
                    if path in seen:
                        continue
                    seen.add(path)
                    if not path.startswith(prefix):
                        continue
                    name = path[len(prefix):]
                    if path is paths[-1] and (status == "M" or (status == "A" and not moves)):
                        found[name] = (commit, stamp)
                    if remaining is not None:
                        remaining.discard(name)
            if remaining is not None and not remaining:
                break
    except (OSError, ValueError, subprocess.CalledProcessError):  # a history git could not write whole
        return {}
    return found


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True).stdout


def _walk(top: str):
    """(commit, author time, [(status, paths)]) from newest to oldest, read as git writes them."""
    command = ["git", "-C", top, "-c", "diff.renames=true", "log", "--format=%x01%H %at", "--name-status",
               "-z", "--no-show-signature", "HEAD"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as process:
        try:
            pending = b""
            while True:
                block = process.stdout.read(1 << 16)
                pending += block
                commits = pending.split(b"\x01")
                pending = commits.pop() if block else b""
                for raw in commits:
                    if raw:
                        yield _commit(raw.decode("utf-8", "surrogateescape"))
                if not block:
                    break
            if process.wait() != 0:
                raise subprocess.CalledProcessError(process.returncode, command)
        finally:
            process.kill()


def _commit(raw: str) -> tuple[str, int, list[tuple[str, list[str]]]]:
    head, _, body = raw.partition("\0")
    commit, _, stamp = head.partition(" ")
    fields = body.lstrip("\n").split("\0")
    changes, at = [], 0
    while at < len(fields) and fields[at]:
        status = fields[at]
        count = 2 if status[0] in "RC" else 1
        changes.append((status, fields[at + 1:at + 1 + count]))
        at += 1 + count
    return commit, int(stamp), changes
