"""The caches and page-weight steps behind fast warm rebuilds (issue 13): what they keep, when they
let go, and that they change no output. Timings are for `make bench-scale`, never asserted here."""
from __future__ import annotations

import json
from types import SimpleNamespace

from rightskit import plugin_gitdates, search, search_cache
from rightskit.pageweight import compact_navigation


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
    assert search.vocabulary(["eviction eviction tenant", "eviction is bad"]) == \
        search.vocabulary_of([search.long_words("eviction eviction tenant"), search.long_words("eviction is bad")])


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
