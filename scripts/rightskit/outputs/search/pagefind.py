"""Site search: index the built site with Pagefind, and write what the browser needs besides.

The pages on disk stay as MkDocs wrote them. Each page is handed to Pagefind with a few additions
that only the index needs (so readers never download them): its page type and issue areas as
filters, its summary, the aliases the data gives it (abbreviations, short titles, glossary terms)
and American spellings of British words. Instrument and General Comment pages are split, so each
article and each comment is a result of its own that links to its anchor.

Pagefind has no fuzzy matching, and it returns only pages that contain every word of a query.
So for each language this module also writes `pagefind/words-<lang>.json`: the indexed words
with their page counts (for correcting typos in the browser), stop words, and the spelling rules.

Nothing here imports MkDocs: the plugin (or anything else) calls `index_site` after a build.
"""
from __future__ import annotations

import contextlib
import html
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from rightskit.core import languages, model as m
from rightskit.infra import sitesync
from rightskit.outputs.search import meta as pagefind_meta
from rightskit.outputs.search.cache import RECORDS_DIR, Memo, locked, sync_files
from rightskit.pages.catalog import Entry, entries, entry_for
from rightskit.outputs.search.indexedtext import EXCLUDE, indexed_text, long_words
from rightskit.outputs.search.records import BUNDLE_DIR, PageFacts, Record, common_headings, indexable_part, language, page_address, records
from rightskit.outputs.search.vocabulary import fragment_results, other_edition, title_words
from rightskit.outputs.search.vocabulary import vocabulary_of, words_file


SEARCH_DIR = "search"  # in the build cache: Pagefind's record files and its last output

# --- running Pagefind --------------------------------------------------------------------

@dataclass
class Report:
    pages: int  # HTML files read
    records: int  # results in the index (pages plus split sections)
    languages: dict[str, int]  # records per language
    ran: bool = True  # False when Pagefind's output from identical record files was reused




def collect(site_dir: Path, table: dict[str, Entry], memo: Memo | None = None,
            parts: dict[str, str] | None = None, facts: dict[str, PageFacts | None] | None = None) -> list[Record]:
    """The records of a built site. `parts`: the indexable part of each page by its path in the
    site (as the build kept them); without it, the site's HTML files are read. `facts`: the
    `records.page_facts` of pages by the same paths, as the build found them (the same records,
    and their words, with less to parse here)."""
    if parts is None:
        parts = {file.relative_to(site_dir).as_posix(): indexable_part(file.read_text(encoding="utf-8"))
                 for file in site_dir.rglob("*.html")}
    facts = facts or {}
    # In the order of their paths' parts, as Path sorts them: the word lists follow this order.
    pages = {url: rel for rel in sorted(parts, key=lambda rel: rel.split("/"))
             if (url := page_address(rel)) is not None}
    common = common_headings([parts[rel] for rel in pages.values()])
    out: list[Record] = []
    for url, rel in pages.items():
        page_html = parts[rel]
        out += records(page_html, "/" + url, entry_for(url, language(page_html), table), common, memo, facts.get(rel))
    return out


def _record_files(items: list[Record]) -> dict[str, str]:
    """The record files Pagefind reads, by path. Each record is a small HTML file of its own; a
    section's address (`#article-11`) cannot be a file path, so it travels as the `url` meta,
    which search.js prefers."""
    files: dict[str, str] = {}
    for item in items:
        path, _, anchor = item.url.partition("#")
        folder = path.strip("/")
        if anchor:
            folder = f"{folder}/_{anchor}".lstrip("/")
            body_at = item.html.index("<div data-pagefind-body>")
            item_html = (item.html[:body_at] + f'<span data-pagefind-meta="url:{html.escape(item.url)}"></span>'
                         + item.html[body_at:])
        else:
            item_html = item.html
        files[f"{folder}/index.html".lstrip("/")] = item_html
    return files


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:  # pragma: no cover - installed with the package
        return "?"


ENTRY = "pagefind-entry.json"  # names each language's metadata; one per run, merged in the site


@dataclass
class _Run:
    """A Pagefind run over one language's records (`process` None: its bundle was up to date)."""

    work: Path
    expected: str  # the stamp written once the bundle is made
    process: subprocess.Popen | None = None


def _start(items: list[Record], work: Path) -> _Run:
    """Start the Pagefind CLI (its binary ships in the `pagefind[bin]` wheel) over one language's
    records, into work/bundle, unless `work` already holds the bundle made from these very record
    files; `_finish` waits for it.

    `work` is a folder in the build cache (or a temporary one). The record files stay there between
    builds and only changed ones are rewritten (search_cache.sync_files). Pagefind has no incremental
    mode, but its output depends on nothing but its record files, its version and its settings:
    when none of them changed since the bundle was made, the bundle is that run's output as is.
    The CLI, not the Python API: the API waits a tenth of a second per file (2,000 pages took minutes)."""
    records, bundle, stamp = work / RECORDS_DIR, work / "bundle", work / "bundle.stamp"
    config = {"site": str(records), "output_path": str(bundle), "exclude_selectors": list(EXCLUDE)}
    run = _Run(work, json.dumps([config, pagefind_version()]))
    try:
        previous = stamp.read_text(encoding="utf-8")
    except OSError:
        previous = None
    # Unset while the records may differ from the bundle: a build stopped here must not leave a
    # stamp vouching for a bundle that no longer matches its records.
    stamp.unlink(missing_ok=True)
    changed = sync_files(records, _record_files(items))
    if not changed and previous == run.expected and bundle.is_dir():
        stamp.write_text(run.expected, encoding="utf-8")
        return run
    (work / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
    with open(work / "pagefind.log", "wb") as log:  # a file, not a pipe: nobody reads it until the end
        run.process = subprocess.Popen([sys.executable, "-m", "pagefind", "--quiet"], cwd=work, stdout=log,
                                       stderr=subprocess.STDOUT)
    return run


def _finish(run: _Run) -> bool:
    """Wait for a run started by `_start`; True if Pagefind ran."""
    if run.process is None:
        return False
    if run.process.wait() != 0:
        output = (run.work / "pagefind.log").read_text(encoding="utf-8", errors="replace")
        raise RuntimeError(f"Pagefind failed:\n{output}")
    bundle = run.work / "bundle"
    for path in pagefind_meta.stale_files(bundle):  # Pagefind adds to its output folder, never removes
        path.unlink()
    (run.work / "bundle.stamp").write_text(run.expected, encoding="utf-8")
    return True


PEAK_PER_RECORD_BYTE = 24  # Pagefind's peak memory over the bytes of its records: 0.7 GB for 36 MB, measured


def _room_for_all(languages_items) -> bool:
    """Whether every language's run fits in half the memory the machine has free (Linux's
    MemAvailable; elsewhere, never: the runs then go one at a time)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            free = next(int(line.split()[1]) * 1024 for line in info if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return False
    need = sum(PEAK_PER_RECORD_BYTE * len(item.html) for items in languages_items for item in items)
    return need <= free // 2


def _stop(runs: list[_Run]) -> None:
    """End the runs still going (another one failed, or the build stopped): no Pagefind is left behind."""
    for run in runs:
        if run.process is not None and run.process.poll() is None:
            run.process.kill()
            run.process.wait()


def _elsewhere(lang: str, results: dict[str, dict[str, tuple[str, str]]]) -> dict | None:
    """The other edition a reader of `lang` may have meant (the default language's for another
    language's readers, the first other language's for the default's)."""
    others = [other for other in sorted(results) if other != lang]
    if not others:
        return None
    other = languages.DEFAULT if lang != languages.DEFAULT else others[0]
    if other not in results:
        return None
    path = "" if other == languages.DEFAULT else f"{other}/"
    return other_edition(lang, other, path, title_words(results.get(lang, {})), title_words(results[other]))


def _merged_entry(bundles: list[Path]) -> bytes:
    """One `pagefind-entry.json` for the runs of every language: each run's names its own."""
    entries = [json.loads((b / ENTRY).read_text(encoding="utf-8")) for b in bundles]
    merged = dict(entries[0])
    merged["languages"] = {lang: v for e in entries for lang, v in sorted(e.get("languages", {}).items())}
    return _compact_json(merged)


def _words(record_html: str) -> frozenset[str]:
    return long_words(indexed_text(record_html))


def _compact_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def index_site(site_dir: Path, site: m.Site, editions: dict[str, m.Site] | None = None,
               aliases: dict[str, dict[str, tuple[str, ...]]] | None = None, cache_dir: Path | None = None,
               parts: dict[str, str] | None = None, facts: dict[str, PageFacts | None] | None = None,
               side_by_side: bool = True) -> Report:
    """Index a built site into site_dir/pagefind/, with one index and one word list per language.
    `editions` gives the site as each other language's readers see it (translations.localize), so
    pages under /<lang>/ get their summaries, aliases and filters in that language; `aliases` adds
    words by language and URL (translations.search_aliases: Spanish terms for English fallbacks).
    `parts`: each page's `indexable_part`, by its path in site_dir, as the build produced them; then
    only those pages are indexed, and nothing is read back (see `collect`). `facts`: the pages'
    `records.page_facts` by the same paths, as the build found them while writing its pages.
    `side_by_side`: the languages' Pagefind runs may go at once, when their memory fits."""
    site_dir = Path(site_dir)
    table = entries(site)
    for lang, edition in (editions or {}).items():
        extra = (aliases or {}).get(lang, {})
        table.update({f"{lang}/{url}": replace(entry, aliases=entry.aliases + extra.get(url, ()))
                      for url, entry in entries(edition, site, lang).items()})
    memo = Memo(cache_dir)  # with no cache_dir, in memory: the same results, nothing kept
    items = collect(site_dir, table, memo, parts, facts)
    if not items:  # nothing marked for the index (a theme without our overrides): no search
        shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # an earlier build's, in a reused folder
        return Report(0, 0, {})
    pages, count = len({i.url.split("#")[0] for i in items}), len(items)
    by_lang: dict[str, list[Record]] = {}
    for item in items:
        by_lang.setdefault(item.lang, []).append(item)
    with contextlib.ExitStack() as stack:
        work = Path(cache_dir) / SEARCH_DIR if cache_dir else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        stack.enter_context(locked(work))  # `make serve` and `make site` share the cache
        # One Pagefind run per language, each over its own records: Pagefind holds everything it
        # indexes in memory, and a language whose records did not change keeps its last run's output.
        # Each run keeps to one core, so the runs go side by side when the memory they will hold
        # fits in half of what the machine has free, else one after the other (at 2,000 extra
        # modules they peak at 0.7 and 0.8 GB, beside the build's own 1 GB). A failed or interrupted
        # run is stopped with every other.
        together = side_by_side and _room_for_all(by_lang.values())
        runs: list[_Run] = []
        try:
            ran = False
            for lang, lang_items in sorted(by_lang.items()):
                runs.append(_start(lang_items, work / lang))
                if not together:
                    ran |= _finish(runs[-1])
            if together:
                for run in runs:
                    ran |= _finish(run)
        finally:
            _stop(runs)
        for old in (work / RECORDS_DIR, work / BUNDLE_DIR, *(p for p in work.iterdir() if p.is_dir()
                                                                and p.name not in by_lang)):
            shutil.rmtree(old, ignore_errors=True)  # a language gone, or the single run of earlier versions
        bundles = [work / lang / "bundle" for lang in sorted(by_lang)]
        out = site_dir / BUNDLE_DIR
        sitesync.mirror(bundles, out, skip=(ENTRY, "words-*.json"))
        files = {ENTRY: _merged_entry(bundles)}
        results: dict[str, dict[str, tuple[str, str]]] = {}
        for bundle in bundles:
            results.update(fragment_results(bundle))
        for lang, lang_items in sorted(by_lang.items()):
            texts = [item.words if item.words is not None else memo.get("words", item.html, _words)
                     for item in lang_items]
            files[f"words-{lang}.json"] = _compact_json(words_file(
                lang, vocabulary_of(texts), results.get(lang, {}), table, _elsewhere(lang, results)))
        memo.save()
        for path in out.glob("words-*.json"):
            if path.name not in files:
                path.unlink()
        for name, data in files.items():
            if not sitesync.same_bytes(out / name, data):
                (out / name).write_bytes(data)
    return Report(pages, count, {lang: len(lang_items) for lang, lang_items in by_lang.items()}, ran)
