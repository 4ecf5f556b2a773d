"""The BuildSession between a command and the plugin: the checked content goes in once, the
deferred search job comes out, and a build stopped by content problems hands back its findings."""
from __future__ import annotations

import pytest

from rightskit.mkdocs.build import mkdocs_build
from rightskit.mkdocs.session import BuildSession, findings_of
from rightskit.project import Project, load_site


def test_a_content_failure_carries_its_findings(mini, tmp_path):
    mechanisms = mini / "standards" / "mechanisms.yml"
    text = mechanisms.read_text(encoding="utf-8")
    mechanisms.write_text(text.replace("  kind: treaty body\n", "  kind: tribunal\n", 1), encoding="utf-8")
    line = text.splitlines().index("  kind: treaty body") + 1
    with pytest.raises(Exception) as failure:
        mkdocs_build(mini / "mkdocs.yml", tmp_path / "site", pdf=False)
    found = findings_of(failure.value)
    assert found and [(f.path, f.line) for f in found if f.is_error] == [("standards/mechanisms.yml", line)]
    assert findings_of(ValueError("unrelated")) is None


def test_the_session_hands_over_the_site_once_and_defers_search(mini, tmp_path, monkeypatch):
    from rightskit.outputs.search import pagefind

    indexed = []
    monkeypatch.setattr(pagefind, "index_site", lambda site_dir, *a, **k: indexed.append(site_dir) or
                        pagefind.Report(0, 0, {}))
    site = load_site(Project(mini)).site
    site.mechanisms["upr"].name = "Preloaded review"  # seen only if the build used this copy
    session = BuildSession(site=site, defer_search=True)
    mkdocs_build(mini / "mkdocs.yml", tmp_path / "site", pdf=False, session=session)
    assert session.site is None
    assert "Preloaded review" in (tmp_path / "site" / "data" / "mechanisms.json").read_text(encoding="utf-8")
    assert indexed == []  # the build left the indexing to the command
    job = session.take_search()
    assert job is not None and session.pending_search is None
    job()
    assert indexed == [tmp_path / "site"]
