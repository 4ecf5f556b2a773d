"""Last-updated dates from one reading of the git history (infra/githistory.py): each answer it
gives is the one the last-updated plugin gets by asking git about the file alone, and the files it
cannot settle that way are left to the plugin. A small repository made here holds each case."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs_git_revision_date_localized_plugin.util import Util

from rightskit.infra import githistory
from rightskit.mkdocs import gitdates


def _git(root: Path, *args: str, when: int | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid")
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    return subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def _commit(root: Path, when: int, files: dict[str, str | None], message: str = "change") -> None:
    for name, text in files.items():
        path = root / name
        if text is None:
            _git(root, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _git(root, "add", name)
    _git(root, "commit", "-q", "-m", message, when=when)


def _text(n: int) -> str:
    return "".join(f"Line {n}.{i} of a page long enough for git to tell one file from another.\n" for i in range(8))


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _commit(root, 1_700_000_000, {"docs/kept.md": _text(1), "docs/spaced.md": _text(2), "docs/moved.md": _text(3),
                                  "docs/edited.md": _text(4), "docs/old.md": _text(5), "docs/ñ página.md": _text(6),
                                  "README.md": "readme\n"})
    _commit(root, 1_700_100_000, {"docs/spaced.md": _text(2).replace("\n", "  \n", 1),  # whitespace only
                                  "docs/edited.md": _text(4) + "more\n"})
    _commit(root, 1_700_200_000, {"docs/moved.md": None, "docs/area/renamed.md": _text(3)})  # a pure rename
    _commit(root, 1_700_300_000, {"docs/old.md": None, "docs/replaced.md": _text(7)})  # added beside a deletion
    _commit(root, 1_700_400_000, {"docs/area/added.md": _text(8), "docs/ñ página.md": _text(6) + "más\n"})
    _commit(root, 1_700_500_000, {"docs/edited.md": _text(4) + "more\nagain\n", "README.md": "readme 2\n"})
    return root


def _per_file(root: Path, name: str) -> tuple[str, int]:
    """The plugin's own answer for docs/`name`, asked of git for that file alone."""
    util = Util(config={"enable_git_follow": True, "strict": False, "fallback_to_build_date": True},
                mkdocs_dir=str(root))
    return util.get_git_commit_timestamp(str(root / "docs" / name))


def test_every_answer_is_the_one_git_gives_for_the_file_alone(repo):
    found = githistory.last_commits(repo / "docs")
    assert sorted(found) == ["area/added.md", "edited.md", "kept.md", "spaced.md", "ñ página.md"]
    for name, answer in found.items():
        assert answer == _per_file(repo, name), name
    assert found["edited.md"][1] == 1_700_500_000 and found["kept.md"][1] == 1_700_000_000
    assert found["spaced.md"][1] == 1_700_100_000  # a change of spaces alone still counts, as git says


def test_what_one_reading_cannot_settle_is_left_to_git(repo):
    found = githistory.last_commits(repo / "docs")
    # The renamed page's date is that of its text before the move (the plugin follows renames):
    # the commit that names it first is not its answer.
    assert "area/renamed.md" not in found and _per_file(repo, "area/renamed.md")[1] == 1_700_000_000
    assert "replaced.md" not in found  # added where a page went: could be a rename
    _git(repo, "checkout", "-q", "-b", "side")
    _commit(repo, 1_700_600_000, {"docs/kept.md": _text(1) + "side\n"})
    _git(repo, "checkout", "-q", "main")
    _commit(repo, 1_700_700_000, {"docs/edited.md": _text(9)})
    _git(repo, "merge", "-q", "--no-edit", "side", when=1_700_800_000)
    assert githistory.last_commits(repo / "docs") == {}  # with merges, git simplifies the history per file
    assert githistory.last_commits(repo.parent) == {}  # not a repository


def test_the_reading_stops_once_the_pages_asked_about_are_settled(repo):
    assert githistory.last_commits(repo / "docs", wanted={"edited.md"}) == {"edited.md": _per_file(repo, "edited.md")}


def test_the_plugin_gets_the_dates_of_linked_pages_from_git(repo):
    (repo / "docs" / "link.md").symlink_to(repo / "README.md")
    _commit(repo, 1_700_900_000, {"docs/other.md": _text(10)})
    _git(repo, "add", "docs/link.md")
    _git(repo, "commit", "-q", "-m", "link", when=1_700_950_000)
    plugin = SimpleNamespace(config={"enabled": True}, last_revision_commits={}, cached_source_paths={},
                             cached_head_commit="abc", cached_history_options=(),
                             util=SimpleNamespace(ignored_commits=[]))
    config = SimpleNamespace(plugins={gitdates.NAME: plugin}, docs_dir=str(repo / "docs"))
    assert gitdates.from_history(config) == 6
    docs = str(repo / "docs")
    assert plugin.last_revision_commits[os.path.join(docs, "other.md")] == _per_file(repo, "other.md")
    assert os.path.join(docs, "link.md") not in plugin.last_revision_commits  # git dates README.md for it
    assert gitdates.from_history(config) == 0  # the cache is filled: nothing read again
    plugin.last_revision_commits.clear()
    plugin.util.ignored_commits = ["abc"]  # commits the plugin skips: only it knows which answer follows
    assert gitdates.from_history(config) == 0


def test_pages_the_reading_left_out_are_asked_of_git_together():
    asked = []
    plugin = SimpleNamespace(config={"enabled": True, "exclude": ["reference/*"]}, cached_source_paths={},
                             last_revision_commits={"/p/docs/a.md": ("c1", 1)}, cached_head_commit="abc",
                             cached_history_options=(), parallel_compute_commit_timestamps=lambda files: asked.extend(files))

    def page(src: str, generated: bool = False):
        return SimpleNamespace(src_path=src, abs_src_path=f"/p/docs/{src}", generated_by="x" if generated else None)

    pages = [page("a.md"), page("b.md"), page("reference/c.md"), page("list.md", generated=True)]
    config = SimpleNamespace(plugins={gitdates.NAME: plugin})
    assert gitdates.ask_missing(config, SimpleNamespace(documentation_pages=lambda: pages)) == 1
    assert [f.src_path for f in asked] == ["b.md"]  # not a page it dates already, excludes, or generated
    plugin.last_revision_commits = {}  # its own pass has not run: nothing to complete
    assert gitdates.ask_missing(config, SimpleNamespace(documentation_pages=lambda: pages)) == 0
