"""The tool that showed the reorganised code builds the same site (issue 18) finds real
differences and ignores only build dates."""
from __future__ import annotations

from pathlib import Path

from rightskit.devtools.compare_builds import differences


def _site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_dates_are_masked_and_words_are_not(tmp_path):
    old = _site(tmp_path / "old", {"index.html": "<p>Built 2026-12-01 10:00 UTC, November 25, 2026</p>",
                                   "data/a.json": '{"built": "2026-12-01T10:00:00Z", "n": 1}',
                                   "es/index.html": "<p>25 de noviembre de 2026: vivienda</p>"})
    new = _site(tmp_path / "new", {"index.html": "<p>Built 2026-12-07 12:30 UTC, December 7, 2026</p>",
                                   "data/a.json": '{"built": "2026-12-07T12:30:00Z", "n": 2}',
                                   "es/index.html": "<p>7 de diciembre de 2026: vivienda</p>",
                                   "extra/index.html": "<p>new page</p>"})
    assert differences(old, new) == ["data/a.json: differs", "extra/index.html: only in new"]
