""""Last updated" dates kept between builds, for the git-revision-date-localized plugin.

That plugin runs `git log` once per page on every build (minutes of a warm rebuild at 2,000 pages),
though a page's last commit can only change when HEAD does. Its own cache lives in memory, for
`mkdocs serve`; this keeps it on disk, keyed by HEAD and by the plugin's options, and hands it back
before the plugin reads the history. Only answers from git are kept: a page with no commit gets the
build date, as on a clean build. Any other HEAD, or other options, and the plugin asks git again.

On a first build at a HEAD, the dates come from one reading of the history instead
(infra/githistory.py), for the pages it settles; the plugin asks git about the rest, in its own
process pool (`ask_missing`).

Part of the MkDocs adapter, with plugin.py: it reads the plugin's attributes of version 1.6
(`last_revision_commits`, `cached_head_commit`, ...) and does nothing where they are missing.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from rightskit.infra import githistory

NAME = "git-revision-date-localized"
FILE = "git-dates.json"
_ATTRS = ("last_revision_commits", "cached_source_paths", "cached_head_commit", "cached_history_options")


def _plugin(config):
    plugin = config.plugins.get(NAME)
    if plugin is None or not plugin.config.get("enabled") or not all(hasattr(plugin, a) for a in _ATTRS):
        return None
    return plugin


def _key(plugin) -> str:
    return json.dumps([plugin.cached_head_commit, repr(plugin.cached_history_options)])


def restore(config, folder: Path) -> int:
    """Before the plugin's on_files: give it the dates of the last build at this HEAD; how many."""
    plugin = _plugin(config)
    if plugin is None or not plugin.cached_head_commit or plugin.last_revision_commits:
        return 0
    try:
        saved = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if saved.get("key") != _key(plugin):
        return 0
    dates = {path: (commit, int(stamp)) for path, (commit, stamp) in saved["dates"].items()}
    plugin.last_revision_commits.update(dates)
    plugin.cached_source_paths.update({path: path for path in dates})
    return len(dates)


def from_history(config) -> int:
    """Before the plugin's on_files, when `restore` had nothing: the pages' dates from one reading
    of the history (githistory.py), where it gives the answer the plugin's `git log` per page would;
    how many. The plugin then skips its own pass (its cache is no longer empty), and `ask_missing`
    has it ask git about the pages left out."""
    plugin = _plugin(config)
    if (plugin is None or not plugin.cached_head_commit or plugin.last_revision_commits
            or not plugin.config.get("enable_parallel_processing", True)
            or getattr(getattr(plugin, "util", None), "ignored_commits", None)):
        return 0
    docs = os.path.abspath(config.docs_dir)
    real = os.path.realpath(docs)
    pages = {path.relative_to(docs).as_posix() for path in Path(docs).rglob("*.md")}  # what the plugin dates
    dates = {}
    for name, answer in githistory.last_commits(Path(docs), wanted=pages).items():
        path = os.path.normpath(os.path.join(docs, name))
        # the plugin asks git about the file a link leads to: a linked page's history is another file's
        if os.path.realpath(path) == os.path.join(real, name):
            dates[path] = answer
    plugin.last_revision_commits.update(dates)
    plugin.cached_source_paths.update({path: path for path in dates})
    return len(dates)


def ask_missing(config, files) -> int:
    """After the plugin's on_files: the pages its cache lacks, asked of git in its process pool
    (as its on_files does when its cache is empty), not one after another as each page is built."""
    plugin = _plugin(config)
    if plugin is None or not plugin.last_revision_commits or not hasattr(plugin, "parallel_compute_commit_timestamps"):
        return 0
    try:  # the pages it never dates: none of its processes need start for them
        from mkdocs_git_revision_date_localized_plugin.exclude import exclude
    except ImportError:
        return 0
    known, globs = plugin.last_revision_commits, plugin.config.get("exclude", [])
    missing = [f for f in files.documentation_pages() if f.abs_src_path and not getattr(f, "generated_by", None)
               and str(Path(f.abs_src_path).absolute()) not in known and not exclude(f.src_path, globs)]
    if missing:
        plugin.parallel_compute_commit_timestamps(files=missing)
    return len(missing)


def save(config, folder: Path) -> None:
    """After the build: what git answered for each page (never a build-date fallback)."""
    plugin = _plugin(config)
    if plugin is None or not plugin.cached_head_commit:
        return
    dates = {path: [commit, int(stamp)] for path, (commit, stamp) in plugin.last_revision_commits.items()
             if commit and str(stamp).isdigit()}
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (FILE + ".partial")
    partial.write_text(json.dumps({"key": _key(plugin), "dates": dates}, sort_keys=True), encoding="utf-8")
    os.replace(partial, folder / FILE)


def memoize_formats(config) -> None:
    """The plugin formats each page's dates anew with Babel, twice a page, though most pages share
    a handful of commit times: the formats depend on the timestamp, locale and its fixed options.
    Call it after the plugin's on_files: its process pool pickles `util`, which a wrapper would break
    (the plugin makes a new `util` for each build, so each build is wrapped anew)."""
    plugin = _plugin(config)
    util = getattr(plugin, "util", None)
    method = getattr(util, "get_date_formats_for_timestamp", None)
    if method is None or hasattr(method, "cache_info"):
        return
    cached = functools.lru_cache(maxsize=4096)(method)
    util.get_date_formats_for_timestamp = lambda *args, **kwargs: dict(cached(*args, **kwargs))
    util.get_date_formats_for_timestamp.cache_info = cached.cache_info


def in_edition_language(config, edition) -> None:
    """Dates in the language of the edition being built, not of the page's text. The plugin takes
    the locale of the i18n plugin's file: an untranslated page shown under /es/ is an English file,
    and its "Última actualización" would be followed by "November 25, 2026". `edition()` answers
    the language being built when the page's dates are written (None: the plugin's own choice).
    Call it at each configuration: MkDocs keeps a plugin instance (and so this wrapper) from one
    configuration to the next in a process, while the i18n plugin that `edition` asks is new."""
    plugin = _plugin(config)
    method = getattr(plugin, "_get_locale", None)
    if method is None:
        return
    plugin.rightskit_edition = edition
    if getattr(method, "edition_language", False):
        return

    def locale(page):
        return plugin.rightskit_edition() or method(page)

    locale.edition_language = True
    plugin._get_locale = locale
