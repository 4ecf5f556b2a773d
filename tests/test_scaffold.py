"""`rightskit new`: every kind starts a file that passes the check and a strict build."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import REPO, check, rightskit
from rightskit.cli import scaffold
IDS = {"module": "rights/food-sovereignty", "activity": "rent-diary", "workshop": "tenant-organizing",
       "instrument": "icrmw", "mechanism": "sr-food", "term": "NGO"}


def test_every_kind_has_an_example_id():
    assert set(IDS) == set(scaffold.KINDS)


@pytest.mark.parametrize("kind", list(IDS))
def test_new_file_passes_check_with_only_placeholder_warnings(mini, kind):
    result = rightskit("new", kind, IDS[kind], cwd=mini)
    assert result.returncode == 0, result.stderr
    assert "Next steps:" in result.stdout and "make check" in result.stdout
    findings = check(mini).findings
    assert [str(f) for f in findings if f.is_error] == []
    assert findings and all("placeholder 'TODO'" in f.message for f in findings)
    assert rightskit("check", cwd=mini).returncode == 0
    assert rightskit("check", "--strict", cwd=mini).returncode == 1  # CI will not publish a TODO


def test_all_kinds_build_strictly(mini):
    for kind, ident in IDS.items():
        assert rightskit("new", kind, ident, cwd=mini).returncode == 0
    result = rightskit("build", cwd=mini)
    assert result.returncode == 0, result.stderr
    site = mini / "site"
    for page in ("rights/food-sovereignty", "activities/rent-diary", "workshops/tenant-organizing",
                 "standards/icrmw", "mechanisms/sr-food"):
        assert (site / page / "index.html").is_file(), page
    assert "NGO" in (site / "glossary" / "index.html").read_text()


def test_pages_are_added_to_the_nav_next_to_their_folder(mini):
    result = rightskit("new", "activity", "rent-diary", cwd=mini)
    lines = (mini / "mkdocs.yml").read_text().split("\n")
    assert lines[26] == "  - activities/rent-diary.md" and lines[25] == "  - activities/line.md"
    assert "added it to the nav in mkdocs.yml (line 27)" in result.stdout


def test_nav_edit_keeps_comments_and_layout():
    config = ("site_name: X\n# a comment kept\nnav:\n  - Home:\n      - index.md   # home\n"
              "  - Rights:\n      - rights/housing.md\n      # more to come\n  - About:\n      - about/index.md\n")
    text, line = scaffold.add_to_nav(config, "rights/food.md")
    assert text == config.replace("      - rights/housing.md\n", "      - rights/housing.md\n      - rights/food.md\n")
    assert line == 8
    text, line = scaffold.add_to_nav(config, "toolkits/new.md")  # no sibling: end of the nav
    assert text.endswith("      - about/index.md\n  - toolkits/new.md\n") and line == 11


def test_refuses_to_overwrite_and_writes_nothing(mini):
    page = mini / "docs/activities/line.md"
    before, nav = page.read_text(), (mini / "mkdocs.yml").read_text()
    result = rightskit("new", "activity", "line", cwd=mini)
    assert result.returncode == 1
    assert "docs/activities/line.md already exists: nothing was written" in result.stderr
    assert page.read_text() == before and (mini / "mkdocs.yml").read_text() == nav
    mechanisms = (mini / "standards/mechanisms.yml").read_text()
    result = rightskit("new", "mechanism", "upr", cwd=mini)
    assert result.returncode == 1 and "already has a mechanism 'upr' (line 8)" in result.stderr
    assert (mini / "standards/mechanisms.yml").read_text() == mechanisms


@pytest.mark.parametrize("kind,ident", [("workshop", "Tenant_Organizing"), ("module", "rights/../x"),
                                        ("instrument", "icrmw/1"), ("activity", "rent_diary"), ("term", " NGO")])
def test_invalid_ids_are_refused(mini, kind, ident):
    result = rightskit("new", kind, ident, cwd=mini)
    assert result.returncode == 1
    assert f"'{ident}' is not a valid {kind} id (for example '{scaffold.KINDS[kind].id_example}'" in result.stderr


def test_yaml_files_point_editors_at_their_schema(mini):
    for kind in ("workshop", "instrument", "mechanism", "term"):
        created = scaffold.create(mini, kind, IDS[kind], today=dt.date(2026, 11, 25))
        first = (mini / created.path).read_text().split("\n")[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema_path = (mini / Path(created.path).parent / first.split("=", 1)[1]).resolve()
        assert schema_path == (mini / "schemas" / f"{scaffold.KINDS[kind].schema_kind}.json").resolve()
        assert (REPO / "schemas" / schema_path.name).is_file()
