"""Bad input gets a clear `path:line: message (hint)` finding, every problem in one run."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, rightskit


def messages(root: Path) -> list[str]:
    return [str(f) for f in check(root).findings]


def test_minimal_project_is_valid(mini):
    assert messages(mini) == []


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_malformed_yaml_names_the_line(mini):
    replace(mini / "standards/instruments/icescr.yml", "kind: treaty", "kind: [treaty")
    found = messages(mini)
    assert any(m.startswith("standards/instruments/icescr.yml:") and "malformed YAML" in m for m in found), found
    line = int(next(m for m in found if "malformed" in m).split(":")[1])
    assert 4 <= line <= 6


def test_malformed_front_matter_line_is_counted_from_the_file_start(mini):
    replace(mini / "docs/rights/housing.md", "type: issue area", "type: [issue area")
    found = [m for m in messages(mini) if "malformed YAML" in m]
    assert found and found[0].startswith("docs/rights/housing.md:")
    assert int(found[0].split(":")[1]) in (4, 5, 6)


def test_missing_required_field(mini):
    replace(mini / "standards/mechanisms.yml", "  us_access: Test.\n", "")
    assert "standards/mechanisms.yml:1: missing required field 'us_access' in mechanism" in messages(mini)


def test_wrong_type(mini):
    replace(mini / "standards/general-comments/cescr.yml", "number: 4", "number: four")
    found = messages(mini)
    assert "standards/general-comments/cescr.yml:8: 'number' must be a whole number, not text 'four'" in found


def test_bad_date_has_line_and_hint(mini):
    replace(mini / "standards/instruments/icescr.yml", "adopted: 1966-12-16", "adopted: 1966-16-12")
    assert ("standards/instruments/icescr.yml:5: 'adopted' is not a valid date: '1966-16-12' "
            "(write dates as YYYY-MM-DD)") in messages(mini)


def test_duplicate_id(mini):
    mechanisms = mini / "standards/mechanisms.yml"
    mechanisms.write_text(mechanisms.read_text() + """- id: cescr
  name: Again
  kind: treaty body
  summary: Test.
  us_access: Test.
""")
    found = messages(mini)
    assert any(m.startswith("standards/mechanisms.yml:16: duplicate mechanism id 'cescr'")
               and "already used at standards/mechanisms.yml:1" in m for m in found), found


def test_duplicate_key_in_one_mapping(mini):
    replace(mini / "docs/activities/line.md", "duration: 30", "duration: 30\nduration: 40")
    assert any("docs/activities/line.md:" in m and "'duration' is given twice" in m for m in messages(mini))


def test_unknown_reference_suggests_the_near_miss(mini):
    replace(mini / "docs/rights/housing.md", "standards: [icescr/11]", "standards: [icescr/111]")
    assert ("docs/rights/housing.md:6: unknown standard 'icescr/111' (did you mean 'icescr/11'?)"
            in messages(mini))


def test_unknown_inline_reference_names_its_line(mini):
    replace(mini / "docs/rights/housing.md", "Use the [[upr]].", "Use the [[uppr]].")
    assert "docs/rights/housing.md:12: unknown reference [[uppr]] (did you mean 'upr'?)" in messages(mini)


def test_broken_relative_link(mini):
    replace(mini / "docs/rights/housing.md", "../activities/line.md", "../activities/lines.md")
    found = messages(mini)
    assert any(m.startswith("docs/rights/housing.md:14: broken link: '../activities/lines.md' does not exist")
               for m in found), found


def test_module_outside_the_nav(mini):
    (mini / "docs/rights/extra.md").write_text("---\ntitle: Extra\nsummary: S.\ntype: explainer\n---\nText.\n")
    assert ("docs/rights/extra.md:1: page 'rights/extra.md' is not in the navigation "
            "(add '- rights/extra.md' under 'nav:' in mkdocs.yml, e.g. after 'rights/housing.md' at line 25)"
            ) in messages(mini)


def test_unknown_field_gets_a_spelling_hint(mini):
    replace(mini / "docs/mechanisms/upr.md", "summary:", "sumary:")
    found = messages(mini)
    assert any("unknown field 'sumary' in front matter (did you mean 'summary'?)" in m for m in found)
    # the misspelt key is the one mistake: not also reported as the field it was meant to be, missing
    assert not any("missing required field 'summary'" in m for m in found)


def test_inconsistent_dates_are_reported(mini):
    replace(mini / "standards/instruments/icescr.yml", "in_force: 1976-01-03", "in_force: 1960-01-03")
    assert any("entry into force (1960-01-03) is before adoption (1966-12-16)" in m for m in messages(mini))


def test_general_comment_years_follow_their_numbers(mini):
    replace(mini / "standards/general-comments/cescr.yml", "year: 1991", "year: 1989")
    assert any("General Comment 4 is dated 1989, before No. 3 (1990)" in m for m in messages(mini))


@pytest.mark.smoke
def test_every_problem_in_one_run_and_nonzero_exit(mini):
    """All the bad inputs at once: one finding each, one run, exit status 1, nothing built."""
    replace(mini / "standards/instruments/icescr.yml", "adopted: 1966-12-16", "adopted: 1966-16-12")
    replace(mini / "standards/mechanisms.yml", "  us_access: Test.\n", "", )
    replace(mini / "standards/general-comments/cescr.yml", "number: 4", "number: four")
    replace(mini / "docs/rights/housing.md", "standards: [icescr/11]", "standards: [icescr/111]")
    replace(mini / "docs/rights/housing.md", "../activities/line.md", "../activities/lines.md")
    (mini / "docs/rights/extra.md").write_text("---\ntitle: Extra\nsummary: S.\ntype: explainer\n---\nText.\n")
    (mini / "curricula/broken.yml").write_text("id: broken\ntitle: [unclosed\n")
    result = rightskit("check", cwd=mini)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": " in line and line.split(":")[1].isdigit()]
    expected = ["standards/instruments/icescr.yml:5:", "standards/mechanisms.yml:1:",
                "standards/general-comments/cescr.yml:8:", "docs/rights/housing.md:6:",
                "docs/rights/housing.md:14:", "docs/rights/extra.md:1:", "curricula/broken.yml:2:"]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("problems found.")


@pytest.mark.smoke
def test_check_passes_on_valid_project(mini):
    result = rightskit("check", cwd=mini)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


def build_over_previous_site(mini: Path):
    """Run `rightskit build` where a previous site exists; return the result and that site."""
    site = mini / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    return rightskit("build", cwd=mini), site


def test_failed_build_leaves_the_previous_site_intact(mini):
    replace(mini / "docs/rights/housing.md", "[[upr]]", "[[nope]]")
    result, site = build_over_previous_site(mini)
    assert result.returncode == 1
    assert "unknown reference [[nope]]" in result.stderr
    assert (site / "index.html").read_text() == "previous build"
    assert not (mini / "site.partial").exists()


def test_failure_inside_mkdocs_also_keeps_the_previous_site(mini):
    """A problem only MkDocs sees (a missing anchor, in strict mode) must not replace site/ either."""
    replace(mini / "docs/index.md", "(rights/housing.md)", "(rights/housing.md#no-such-anchor)")
    result, site = build_over_previous_site(mini)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (site / "index.html").read_text() == "previous build"
    assert not (mini / "site.partial").exists()


def test_successful_build_replaces_the_site(mini):
    result, site = build_over_previous_site(mini)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").read_text() != "previous build"
    assert (site / "standards" / "icescr" / "index.html").exists()
