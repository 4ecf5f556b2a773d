"""The preview's quick path (issue 24): an edit to a module's body builds that module's pages again in
both languages, and the site is then byte for byte what a clean build of the edited project gives;
any other edit takes the full build."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import bilingual_mini
from rightskit.mkdocs.live import LivePreview
from rightskit.core.findings import errors, format_findings
from rightskit.mkdocs.session import findings_of

URL = "http://127.0.0.1:8000/"
WATCHED = ("docs", "standards", "curricula", "overrides")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def build_once(root: Path, site: Path) -> LivePreview:
    live = LivePreview(root, "mkdocs.yml", site, URL, watched=WATCHED)
    live.full()
    job = live.session.take_search()
    assert job is not None
    job()  # the search index, which the preview runs in the background
    return live


def differences(left: dict[str, bytes], right: dict[str, bytes]) -> list[str]:
    return sorted(path for path in left.keys() | right.keys() if left.get(path) != right.get(path))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = bilingual_mini(tmp_path_factory.mktemp("live") / "project")
    config = root / "mkdocs.yml"  # searched with Pagefind, as the real site is, not MkDocs' search plugin
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", "", 1), encoding="utf-8")
    return root


def test_a_body_edit_takes_the_quick_path_and_equals_a_clean_build(project, tmp_path):
    live = build_once(project, tmp_path / "served")
    before = tree(tmp_path / "served")
    page = project / "docs" / "explainers" / "tenancy.md"  # untranslated: English and a Spanish fallback
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text.replace("A tenancy is protected by",
                                     "A tenancy, written or spoken, is protected by"), encoding="utf-8")
        outcome = live.update()
        assert outcome.quick, outcome.reason
        assert sorted(outcome.pages) == ["es/explainers/tenancy/index.html", "explainers/tenancy/index.html"]
        live.session.take_search()()
        served = tree(tmp_path / "served")
        assert "written or spoken" in served["explainers/tenancy/index.html"].decode()
        assert "written or spoken" in served["es/explainers/tenancy/index.html"].decode()
        changed = differences(before, served)
        # No other page shows a body's text: with the clean build equal below, this is the whole change
        # (the rest is the search bundle, indexed again).
        assert [path for path in changed if path.endswith(".html")] == [
            "es/explainers/tenancy/index.html", "explainers/tenancy/index.html"]
        assert any(path.startswith("pagefind/") for path in changed)

        clean = tree(build_once(project, tmp_path / "clean").site_dir)
        assert differences(served, clean) == []
    finally:
        page.write_text(text, encoding="utf-8")


def test_a_translation_body_edit_rebuilds_only_the_spanish_page(project, tmp_path):
    live = build_once(project, tmp_path / "served")
    page = project / "docs" / "rights" / "housing.es.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\nUn párrafo añadido.\n", encoding="utf-8")
        outcome = live.update()
        assert outcome.quick, outcome.reason
        assert outcome.pages == ["es/rights/housing/index.html"]
        live.session.take_search()()
        assert differences(tree(tmp_path / "served"), tree(build_once(project, tmp_path / "clean").site_dir)) == []
    finally:
        page.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("edit, reason", [
    (("summary: What a tenancy is, in a few lines.", "summary: What a lease is."), "front matter changed"),
    (("See the [activity](../activities/line.md).", "See the [[icescr]]."), "references or links changed"),
])
def test_other_edits_take_the_full_build(project, tmp_path, edit, reason):
    live = LivePreview(project, "mkdocs.yml", tmp_path / "served", URL, watched=WATCHED)
    live.full()
    page = project / "docs" / "explainers" / "tenancy.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text.replace(*edit), encoding="utf-8")
        outcome = live.update()
        assert not outcome.quick and reason in outcome.reason
    finally:
        page.write_text(text, encoding="utf-8")


def test_mkdocs_search_plugin_takes_the_full_build(mini, tmp_path):
    live = LivePreview(mini, "mkdocs.yml", tmp_path / "served", URL, watched=WATCHED)
    live.full()
    page = mini / "docs" / "activities" / "line.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    outcome = live.update()
    assert not outcome.quick and "search plugin" in outcome.reason
    assert "One more sentence." in (tmp_path / "served" / "activities" / "line" / "index.html").read_text()


def test_an_english_edit_that_turns_its_translation_stale_takes_the_full_build_then_the_quick_path(project, tmp_path):
    live = build_once(project, tmp_path / "served")
    page = project / "docs" / "rights" / "housing.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\nOne more sentence.\n", encoding="utf-8")
        outcome = live.update()  # the Spanish translation was current: the status pages change
        assert not outcome.quick and "es translation is now to update" in outcome.reason
        live.session.take_search()()
        page.write_text(text + "\nOne more sentence, and another.\n", encoding="utf-8")
        outcome = live.update()  # to update it stays: only the English page changes
        assert outcome.quick, outcome.reason
        assert outcome.pages == ["rights/housing/index.html"]
        live.session.take_search()()
        assert differences(tree(tmp_path / "served"), tree(build_once(project, tmp_path / "clean").site_dir)) == []
    finally:
        page.write_text(text, encoding="utf-8")


def test_with_pdfs_every_edit_takes_the_full_build(tmp_path):
    # Handouts and packets print module bodies: a body edit changes PDFs the quick path does not render.
    live = LivePreview(tmp_path, "mkdocs.yml", tmp_path / "site", URL, pdf=True, watched=WATCHED)
    assert live._quick() == (None, "no earlier build to start from")
    live.config = {"plugins": {}}  # as if built: the PDF rule comes before anything is read
    assert live._quick() == (None, "the preview renders PDFs (--pdf)")


def test_a_body_edit_the_check_rejects_takes_the_full_build_which_reports_it(project, tmp_path):
    live = LivePreview(project, "mkdocs.yml", tmp_path / "served", URL, watched=WATCHED)
    live.full()
    page = project / "docs" / "explainers" / "tenancy.md"
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text.replace("See the [activity]", "See [[icescr/11 and the [activity]"), encoding="utf-8")
        assert live._body_edit("docs/explainers/tenancy.md") == (
            None, "docs/explainers/tenancy.md: its body has problems the check reports")
        with pytest.raises(BaseException) as failed:  # the full build stops, with the finding for the browser
            live.update()
        assert "docs/explainers/tenancy.md:9: unclosed cross-reference '[[icescr/11'" in format_findings(
            errors(findings_of(failed.value)))
    finally:
        page.write_text(text, encoding="utf-8")
