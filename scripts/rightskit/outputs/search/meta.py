"""Which files of a Pagefind bundle are live, read from the bundle's own metadata.

Pagefind names its index, filter and fragment files by the hash of their content and, run again
over an output folder, writes only the names it does not find there: an unchanged record's
fragment is left as it was, and the files of records that changed or went away stay too, unused.
Reusing an output folder (outputs/search/pagefind.py keeps one in the build cache) therefore needs the stale files
removed, and modification times cannot tell them apart. The metadata can: `pagefind-entry.json`
names each language's meta file, and each meta file (gzip, a signature, then CBOR) names every
fragment, index chunk and filter chunk of its language.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
CHUNK_FOLDERS = ("fragment", "index", "filter")
_NAME = re.compile(r"^[A-Za-z0-9-]+_[0-9a-f]+$")


def _strings(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return _strings(list(value.keys())) | _strings(list(value.values()))
    return set()


def chunk_names(meta_file: Path) -> set[str]:
    """Every fragment, index and filter name a language's meta file refers to."""
    data = gzip.decompress(meta_file.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{meta_file}: not a Pagefind meta file")
    value = cbor2.loads(data[len(SIGNATURE):])
    return {s for s in _strings(value) if _NAME.match(s)}


def stale_files(bundle: Path) -> list[Path]:
    """The files in a Pagefind output folder that its current metadata does not refer to."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry.get("languages", {})
    metas = {f"pagefind.{lang['hash']}.pf_meta" for lang in languages.values()}
    wasm = {f"wasm.{lang['wasm']}.pagefind" for lang in languages.values() if lang.get("wasm")} | {"wasm.unknown.pagefind"}
    live: set[str] = set()
    for name in metas:
        live |= chunk_names(bundle / name)
    stale = [p for p in bundle.glob("pagefind.*.pf_meta") if p.name not in metas]
    stale += [p for p in bundle.glob("wasm.*.pagefind") if p.name not in wasm]
    for folder in CHUNK_FOLDERS:
        stale += [p for p in (bundle / folder).glob("*") if p.is_file() and p.name.split(".")[0] not in live]
    return sorted(stale)
