"""A content-addressed store for build results (converted pages, rendered pages).

An entry is found by the hash of everything that went into it, so a stale entry is never read:
a changed input is a different key. Entries a build did not use are removed after it succeeds
once they are a day old, so the store holds about a day's builds. Nothing here knows about MkDocs.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from pathlib import Path

FORMAT = "1"  # bump when the shape of an entry changes
KEEP_SECONDS = 24 * 3600


def digest(*parts: object) -> str:
    """A stable hash of JSON-able parts (anything else by its str())."""
    h = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part if isinstance(part, str) else json.dumps(part, sort_keys=True, default=str)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def tree_signature(folders: list[str | Path]) -> str:
    """What a set of (small) folders holds: each file's name and the hash of its bytes."""
    entries = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    data = Path(path).read_bytes()
                except OSError:
                    continue
                entries.append((os.path.relpath(path, folder), hashlib.sha256(data).hexdigest()))
    return digest([str(f) for f in folders], entries)


class Store:
    """Entries of one kind under root/kind/, one compressed file each."""

    def __init__(self, root: Path, kind: str):
        self.folder = Path(root) / kind
        self.used: set[str] = set()
        self._folders: set[Path] = set()  # made already: one mkdir a folder, not one an entry
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get_bytes(self, key: str) -> bytes | None:
        try:
            data = zlib.decompress(self._path(key).read_bytes())
        except (OSError, zlib.error):
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return data

    def put_bytes(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        partial = path.with_name(f"{key}.{os.getpid()}.partial")  # never a half-written entry
        data = zlib.compress(data, 1)
        try:
            partial.write_bytes(data)
        except FileNotFoundError:  # the folder was removed since (`make clean` during `make serve`)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
        os.replace(partial, path)
        self.used.add(key)

    def text(self, key: str, compute) -> str:
        """The text stored under `key`, or `compute()`'s, stored there for next time."""
        cached = self.get_bytes(key)
        if cached is not None:
            return cached.decode("utf-8", "surrogatepass")
        result = compute()
        self.put_bytes(key, result.encode("utf-8", "surrogatepass"))
        return result

    def get(self, key: str) -> dict | None:
        data = self.get_bytes(key)
        return None if data is None else json.loads(data)

    def put(self, key: str, value: dict) -> None:
        self.put_bytes(key, json.dumps(value).encode("utf-8", "surrogatepass"))

    def prune(self, keep_seconds: float = KEEP_SECONDS) -> int:
        """Remove the entries this build did not use that are older than `keep_seconds` (so a
        preview and a site build, which differ in their address, do not evict each other's
        pages); returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        cutoff = time.time() - keep_seconds
        for sub in self.folder.iterdir():
            for entry in sub.iterdir():
                try:
                    if entry.name not in self.used and entry.stat().st_mtime < cutoff:
                        entry.unlink()
                        removed += 1
                except OSError:
                    pass
        return removed
