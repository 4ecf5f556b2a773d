"""The caches and page-weight steps behind fast warm rebuilds (issue 13): what they keep, when they
let go, and that they change no output. Timings are for `make bench-scale`, never asserted here."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from types import SimpleNamespace

import pytest

from rightskit.mkdocs import gitdates as plugin_gitdates
from rightskit.outputs.search import pagefind
from rightskit.outputs.search import vocabulary
from rightskit.outputs.search import cache as search_cache
from rightskit.infra import sitesync
from rightskit.mkdocs.pageweight import compact_navigation


def test_navigation_loses_its_indentation_and_nothing_else():
    page = ('<header>\n    <b>x</b>\n</header>\n<nav class="md-nav">\n  <ul>\n    <li>\n      <a href="a/">\n'
            '        A  page\n      </a>\n      <nav class="md-nav">\n        <a href="b/">B</a>\n      </nav>\n'
            '    </li>\n  </ul>\n</nav>\n<article>\n<pre>  keep\n    this</pre>\n</article>')
    out = compact_navigation(page)
    assert out.startswith("<header>\n    <b>x</b>\n</header>\n")  # outside <nav>: untouched
    assert out.endswith("<article>\n<pre>  keep\n    this</pre>\n</article>")
    nav = out[out.index("<nav"):out.index("<article>")]
    assert nav == ('<nav class="md-nav">\n<ul>\n<li>\n<a href="a/">\nA  page\n</a>\n<nav class="md-nav">\n'
                   '<a href="b/">B</a>\n</nav>\n</li>\n</ul>\n</nav>\n')
    assert compact_navigation(out) == out
    assert compact_navigation("<p>no navigation</p>") == "<p>no navigation</p>"


def test_compacting_twice_or_in_parts_gives_the_page_compacting_once_gives():
    """The navigation rendered once for a section is compacted once (navcache.py), its pages'
    entries apart, and each page again as a whole: the same bytes as the whole page compacted once
    with the pattern that matches every run with a line break, on random pages."""
    import random

    from rightskit.mkdocs import pageweight

    every_run = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
    rng = random.Random(24)
    bits = ["<nav>", "</nav>", "<li>", "</li>", "a", "b c", " ", "  ", "\n", "\r\n", "\t", " \n ", "\n\n"]
    for _ in range(3000):
        page = "".join(rng.choice(bits) for _ in range(rng.randint(0, 14)))
        once = pageweight.compact_navigation(page)
        assert once == _compact_with(every_run, page), repr(page)
        assert pageweight.compact_navigation(once) == once
        inside = "<nav>" + page.replace("<nav>", "").replace("</nav>", "") + "</nav>"
        cut = rng.randint(0, len(inside))
        parts = pageweight.compact(inside[:cut]) + pageweight.compact(inside[cut:])
        assert pageweight.compact_navigation(parts) == pageweight.compact_navigation(inside), repr(inside)


def _compact_with(pattern, page: str) -> str:
    out, depth, start, copied = [], 0, 0, 0
    for tag in re.finditer(r"<(/?)nav\b", page):
        if not tag.group(1):
            start = tag.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                end = page.index(">", tag.end()) + 1
                out += [page[copied:start], pattern.sub("\n", page[start:end])]
                copied = end
    return "".join(out + [page[copied:]])


def test_search_memo_is_kept_by_content_and_dropped_with_the_code(tmp_path, monkeypatch):
    calls = []

    def count(text):
        calls.append(text)
        return len(text)

    memo = search_cache.Memo(tmp_path)
    assert memo.get("n", "abc", count) == 3 and memo.get("n", "abc", count) == 3
    memo.get("n", "unused later", count)
    memo.save()
    again = search_cache.Memo(tmp_path)
    assert again.get("n", "abc", count) == 3 and calls == ["abc", "unused later"] and again.hits == 1
    again.save()  # keeps only what this build used
    third = search_cache.Memo(tmp_path)
    third.get("n", "unused later", count)
    assert third.misses == 1
    monkeypatch.setattr(search_cache, "code_version", lambda: "other code")
    assert search_cache.Memo(tmp_path).old == {}


def test_record_files_are_synced_not_rewritten(tmp_path):
    folder = tmp_path / "records"
    search_cache.sync_files(folder, {"a/index.html": "A", "b/_x/index.html": "B"})
    before = (folder / "a" / "index.html").stat().st_mtime_ns
    search_cache.sync_files(folder, {"a/index.html": "A", "c/index.html": "C"})
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == ["a", "a/index.html", "c",
                                                                                     "c/index.html"]
    assert (folder / "a" / "index.html").stat().st_mtime_ns == before
    assert vocabulary.vocabulary(["eviction eviction tenant", "eviction is bad"]) == \
        vocabulary.vocabulary_of([vocabulary.long_words("eviction eviction tenant"), vocabulary.long_words("eviction is bad")])


def _git_plugin(head: str):
    plugin = SimpleNamespace(config={"enabled": True}, last_revision_commits={}, cached_source_paths={},
                             cached_head_commit=head, cached_history_options=({"type": "date"}, ()))
    return SimpleNamespace(plugins={plugin_gitdates.NAME: plugin}), plugin


def test_last_updated_dates_are_reused_only_at_the_same_head(tmp_path):
    config, plugin = _git_plugin("abc123")
    plugin.last_revision_commits = {"/p/docs/a.md": ("c1", 1700000000), "/p/docs/new.md": ("", 1764000000)}
    plugin_gitdates.save(config, tmp_path)
    saved = json.loads((tmp_path / plugin_gitdates.FILE).read_text())
    assert list(saved["dates"]) == ["/p/docs/a.md"]  # a build-date fallback is never kept

    config, plugin = _git_plugin("abc123")
    assert plugin_gitdates.restore(config, tmp_path) == 1
    assert plugin.last_revision_commits == {"/p/docs/a.md": ("c1", 1700000000)}
    assert plugin.cached_source_paths == {"/p/docs/a.md": "/p/docs/a.md"}

    config, plugin = _git_plugin("def456")  # a new commit: git is asked again
    assert plugin_gitdates.restore(config, tmp_path) == 0 and plugin.last_revision_commits == {}
    config, plugin = _git_plugin("abc123")
    plugin.config["enabled"] = False  # `make serve` turns the plugin off
    assert plugin_gitdates.restore(config, tmp_path) == 0


def test_one_build_at_a_time_syncs_the_record_files(tmp_path):
    import fcntl

    folder = tmp_path / "records"
    with search_cache.locked(folder):
        with open(tmp_path / "records.lock") as other:
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                taken = False
            except BlockingIOError:
                taken = True
    assert taken


# --- writing the site over an earlier build (sitesync, plugin_output) ---------------------------

def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _aged(path, data: bytes) -> None:
    """A file left by an earlier build: written a minute before this one starts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, ns=(time.time_ns() - 60 * 10**9,) * 2)


def test_a_build_over_an_earlier_one_rewrites_only_what_changed(tmp_path):
    folder, asset = tmp_path / "site", tmp_path / "style.css"
    asset.write_bytes(b"body{}")
    for name, data in {"same/index.html": b"A", "changed.html": b"old", "gone/index.html": b"x",
                       "assets/style.css": b"body{}", "pagefind/kept.js": b"k"}.items():
        _aged(folder / name, data)
    before = (folder / "same/index.html").stat().st_mtime_ns
    output = sitesync.Output(folder)
    output.write_bytes(b"A", folder / "same" / "index.html")
    output.write_bytes(b"new", folder / "changed.html")
    output.write_bytes(b"B", folder / "added" / "index.html")
    output.copy(asset, folder / "assets" / "style.css")
    (folder / "data.json").write_text("{}")  # written by a plugin, not through the Output
    assert output.finish(leave=("pagefind",)) == 1
    assert _files(folder) == {"same/index.html": b"A", "changed.html": b"new", "added/index.html": b"B",
                              "assets/style.css": b"body{}", "data.json": b"{}", "pagefind/kept.js": b"k"}
    assert not (folder / "gone").exists()  # emptied folders go too
    assert (folder / "same/index.html").stat().st_mtime_ns == before and output.written == 2


def test_mirror_and_rotate(tmp_path):
    source, dest = tmp_path / "bundle", tmp_path / "site" / "pagefind"
    for name, data in {"a.js": b"a", "fragment/x": b"x"}.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(data)
    _aged(dest / "a.js", b"a")
    _aged(dest / "fragment" / "old", b"o")
    before = (dest / "a.js").stat().st_mtime_ns
    assert sitesync.mirror(source, dest) == 2
    assert _files(dest) == _files(source) and (dest / "a.js").stat().st_mtime_ns == before

    final, staging = tmp_path / "out", tmp_path / "out.partial"
    final.mkdir()
    (final / "v").write_text("1")
    staging.mkdir()
    (staging / "v").write_text("2")
    sitesync.rotate(final, staging)
    assert (final / "v").read_text() == "2" and (staging / "v").read_text() == "1"  # kept for the next build


def test_mkdocs_writes_go_through_the_output_only_during_a_build(tmp_path):
    from mkdocs import utils

    from rightskit.mkdocs.output import incremental

    original = utils.write_file
    _aged(tmp_path / "old.html", b"old")
    with incremental(tmp_path):
        utils.clean_directory(str(tmp_path))  # MkDocs' first step: must not empty the folder
        assert (tmp_path / "old.html").exists()
        utils.write_file(b"page", str(tmp_path / "new.html"))
    assert utils.write_file is original
    assert _files(tmp_path) == {"new.html": b"page"}


# --- search: Pagefind's output kept in the cache -------------------------------------------------

def _pagefind(records, out) -> None:
    import subprocess
    import sys

    (out.parent / "pagefind.json").write_text(json.dumps({"site": str(records), "output_path": str(out)}))
    subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], cwd=out.parent, check=True)


def _record(folder, name: str, text: str) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "index.html").write_text(
        f'<html lang="en"><body><div data-pagefind-body><h1>{name}</h1><p>{text}</p></div></body></html>')


def test_stale_pagefind_files_are_found_from_its_metadata(tmp_path):
    from rightskit.outputs.search import meta as pagefind_meta
    records, reused, fresh = tmp_path / "records", tmp_path / "a" / "out", tmp_path / "b" / "out"
    for folder in (reused, fresh):
        folder.parent.mkdir()
    _record(records, "alpha", "tenant rights")
    _record(records, "beta", "health clinic")
    _pagefind(records, reused)
    assert pagefind_meta.stale_files(reused) == []
    _record(records, "beta", "a clinic edited")  # Pagefind keeps the old fragment and index beside the new
    _pagefind(records, reused)
    stale = pagefind_meta.stale_files(reused)
    assert {p.parent.name for p in stale} >= {"fragment", "index"}
    for path in stale:
        path.unlink()
    _pagefind(records, fresh)
    assert _files(reused) == _files(fresh)


def _search_page(title: str, text: str) -> str:
    return (f'<!doctype html><html lang="en"><body><article><div data-pagefind-body><h1>{title}</h1><p>{text}</p>'
            '<aside class="md-source-file"><span title="December 3, 2026 06:18:02 UTC">December 3, 2026</span>'
            '</aside></div></article></body></html>')


def test_pagefind_runs_again_only_when_a_record_changed(tmp_path):
    from rightskit.core import model
    from rightskit.outputs.search import pagefind
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(_search_page("Housing", "Adequate housing for everyone."))
    (site / "a" / "index.html").write_text(_search_page("Health", "Clinics near you."))
    assert pagefind.index_site(site, model.Site(), cache_dir=cache).ran
    first = _files(site / "pagefind")
    # A new build time in the "last updated" box is no change to what is indexed.
    (site / "a" / "index.html").write_text(_search_page("Health", "Clinics near you.").replace("06:18:02", "07:00:00"))
    shutil.rmtree(site / "pagefind")
    assert not pagefind.index_site(site, model.Site(), cache_dir=cache).ran
    assert _files(site / "pagefind") == first
    (site / "a" / "index.html").write_text(_search_page("Health", "Clinics and pharmacies near you."))
    assert pagefind.index_site(site, model.Site(), cache_dir=cache).ran
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    pagefind.index_site(fresh, model.Site())  # no cache at all
    assert _files(site / "pagefind") == _files(fresh / "pagefind")


def test_pagefind_runs_once_per_language_and_again_only_for_a_changed_one(tmp_path):
    """Pagefind holds all it indexes in memory, so each language gets a run of its own (half the
    peak at 2,000 extra modules); their outputs are merged into one bundle, as one run writes it."""
    from rightskit.core import model
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "es").mkdir(parents=True)
    (site / "index.html").write_text(_search_page("Housing", "Adequate housing for everyone."))
    (site / "es" / "index.html").write_text(_search_page("Vivienda", "Vivienda adecuada.").replace('lang="en"', 'lang="es"'))
    assert pagefind.index_site(site, model.Site(), cache_dir=cache).ran
    work = cache / pagefind.SEARCH_DIR
    assert sorted(p.relative_to(work).as_posix() for p in work.glob("*/records/**/*.html")) == [
        "en/records/index.html", "es/records/es/index.html"]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "es"} and entry["version"]
    assert {p.name for p in (site / "pagefind").glob("*.pf_meta")} == {
        f"pagefind.{v['hash']}.pf_meta" for v in entry["languages"].values()}
    english = _files(work / "en" / "bundle")
    stamps = {p: p.stat().st_mtime_ns for p in (work / "en" / "bundle").rglob("*") if p.is_file()}
    (site / "es" / "index.html").write_text(
        _search_page("Vivienda", "Vivienda adecuada para todos.").replace('lang="en"', 'lang="es"'))
    assert pagefind.index_site(site, model.Site(), cache_dir=cache).ran
    assert _files(work / "en" / "bundle") == english  # English was not indexed again
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    pagefind.index_site(fresh, model.Site())
    assert _files(site / "pagefind") == _files(fresh / "pagefind")


@pytest.mark.parametrize("room, side_by_side", [(False, True), (True, True), (True, False)],
                         ids=["no-room", "side-by-side", "preview-one-at-a-time"])
def test_a_failed_pagefind_run_leaves_no_other_running(tmp_path, monkeypatch, room, side_by_side):
    """The languages' runs go side by side when their memory fits and the caller allows it (a
    preview's background indexing does not), else one after the other: when waiting for one
    fails, every run started is stopped and reaped, not left behind, and one after the other, the
    next is not started."""
    together = room and side_by_side
    from rightskit.core import model
    site = tmp_path / "site"
    (site / "es").mkdir(parents=True)
    (site / "index.html").write_text(_search_page("Housing", "Adequate housing for everyone."))
    (site / "es" / "index.html").write_text(_search_page("Vivienda", "Vivienda adecuada.").replace('lang="en"', 'lang="es"'))
    started, start = [], pagefind._start

    def start_and_keep(items, work):
        run = start(items, work)
        started.append(run)
        return run

    def fail(run):
        raise RuntimeError("Pagefind failed")

    monkeypatch.setattr(pagefind, "_start", start_and_keep)
    monkeypatch.setattr(pagefind, "_finish", fail)
    monkeypatch.setattr(pagefind, "_room_for_all", lambda languages_items: room)
    try:
        pagefind.index_site(site, model.Site(), cache_dir=tmp_path / "cache", side_by_side=side_by_side)
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failure was not reported")
    assert len(started) == (2 if together else 1) and all(run.process is not None for run in started)
    assert all(run.process.returncode is not None for run in started)  # ended and reaped
    assert not (tmp_path / "cache" / pagefind.SEARCH_DIR / "en" / "bundle.stamp").exists()
    assert not (tmp_path / "cache" / pagefind.SEARCH_DIR / "es" / "bundle.stamp").exists()


def test_pagefind_runs_side_by_side_only_when_the_memory_fits(monkeypatch, tmp_path):
    from rightskit.outputs.search.records import Record
    meminfo = tmp_path / "meminfo"
    real_open = open

    def fake_open(path, *args, **kwargs):
        return real_open(meminfo if path == "/proc/meminfo" else path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    records = [[Record("/a/", "en", "x" * 1000)], [Record("/es/a/", "es", "y" * 1000)]]
    need = 2 * 1000 * pagefind.PEAK_PER_RECORD_BYTE
    meminfo.write_text(f"MemTotal: 99999999 kB\nMemAvailable: {2 * need // 1024 + 1} kB\n")
    assert pagefind._room_for_all(records)
    meminfo.write_text(f"MemTotal: 99999999 kB\nMemAvailable: {2 * need // 1024 - 2} kB\n")
    assert not pagefind._room_for_all(records)
    meminfo.write_text("no such line\n")
    assert not pagefind._room_for_all(records)


# --- generated pages from the cache -----------------------------------------------------------

def test_generated_pages_do_not_read_the_prose_of_modules(mini):
    """The generated-pages cache (plugin_cache.generated_pages) keys on every module's fields but
    its prose: a template that starts reading a module's body must change that key too."""
    from dataclasses import replace as changed

    from conftest import check
    from rightskit.pages.render import Renderer

    site = check(mini).site
    today = dt.date(2026, 12, 1)
    before = [(p.path, p.content) for p in Renderer(site, today=today).pages()]
    site.modules = {path: changed(module, body=module.body + "\n\nAnother paragraph of prose, no reference.\n")
                    for path, module in site.modules.items()}
    assert [(p.path, p.content) for p in Renderer(site, today=today).pages()] == before


def test_the_offline_kit_keeps_the_sites_pdfs_in_the_cache(mini, tmp_path, fake_pdf_rendering):
    """`make site`, `make offline`, `make site`: the last renders nothing (rendering is faked:
    what is tested is which files the cache keeps)."""
    from rightskit.outputs.print import pdf
    from rightskit.project import Project, load_site

    site = load_site(Project(mini)).site
    cache = tmp_path / "cache"

    def build(offline: bool) -> int:
        before = len(fake_pdf_rendering)
        pdf.build_all(site, tmp_path / ("kit" if offline else "site"), site_url="https://kit.test/",
                      cache_dir=cache, workers=1, offline=offline)
        return len(fake_pdf_rendering) - before

    first = build(offline=False)
    assert first > 0 and build(offline=True) == first  # the kit's own PDFs: links to files, no QR code
    assert build(offline=False) == 0 and build(offline=True) == 0
