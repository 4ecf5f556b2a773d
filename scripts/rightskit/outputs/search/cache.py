"""Search indexing work kept between builds, by content hash.

After an edit, a rebuild re-indexes every page (Pagefind has no incremental mode), but most of the
Python work around it depends on one page's or one record's text alone: the words it adds to the
typo-correction list, the American spellings it is indexed under. That work is stored here under the
hash of the text it reads and of the search code, so a warm build redoes it only for what changed,
and its output is the same as a clean build's. Entries a build does not use are dropped when it saves.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterator, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: builds of one project must not overlap
    fcntl = None

T = TypeVar("T")

FILE = "search-memo.pickle"
RECORDS_DIR = "records"  # the record files Pagefind reads, rewritten only where they change


def code_version() -> str:
    """The search code's own hash: changing how words are found empties the memo."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(here.glob("*.py")):  # every module of the search package
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Memo:
    """Results of pure functions of one text, kept in one file; with no folder, in memory only."""

    def __init__(self, folder: Path | None = None):
        self.path = Path(folder) / FILE if folder else None
        self.version = code_version()
        self.old: dict[tuple[str, str], object] = {}
        self.used: dict[tuple[str, str], object] = {}
        self.hits = self.misses = 0
        if self.path and self.path.is_file():
            try:
                version, entries = pickle.loads(self.path.read_bytes())  # noqa: S301 - our own cache file
                if version == self.version:
                    self.old = entries
            except Exception:  # noqa: BLE001 - a damaged or foreign cache file is simply rebuilt
                self.old = {}

    def get(self, kind: str, text: str, compute: Callable[[str], T]) -> T:
        key = (kind, hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest())
        if key in self.used:
            return self.used[key]  # type: ignore[return-value]
        if key in self.old:
            self.hits += 1
            value = self.old[key]
        else:
            self.misses += 1
            value = compute(text)
        self.used[key] = value
        return value  # type: ignore[return-value]

    def save(self) -> None:
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((self.version, self.used), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)


def sync_files(folder: Path, files: dict[str, str]) -> int:
    """Make `folder` hold exactly `files` (relative path -> text), writing only those that changed:
    rewriting and deleting thousands of small files is slow on a busy disk. Returns how many
    files were written or removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {folder / name: text for name, text in files.items()}
    changes = 0
    for path in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
        path.unlink()
        changes += 1
    for path, text in wanted.items():
        data = text.encode("utf-8")
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        changes += 1
    for path in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):  # folders left empty
        if not any(path.iterdir()):
            path.rmdir()
    return changes


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold `folder` for one build: `make serve` and `make site` share the cache, and two builds
    syncing the same record files at once would index each other's half-written pages."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_name(folder.name + ".lock"), "w") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
