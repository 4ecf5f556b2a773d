"""What the contributor guide promises holds (issue 22): its PR checklist is what CI runs, its
step format is the one the check sums, its examples render as written on the published page,
the workshop guide's start times are the ones the loader takes, and glossary terms have anchors."""
from __future__ import annotations

import datetime as dt
import re

import markdown
import yaml

from conftest import REPO, check
from rightskit.content import activitycheck
from rightskit.core.fields import Fields
from rightskit.core.yamltext import parse_yaml
from test_schema_agreement import schema_errors

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
WORKSHOPS = (REPO / "docs" / "contribute" / "workshops.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def test_the_pr_checklist_is_what_ci_runs():
    before_pr = GUIDE.split("Before you open a pull request", 1)[1].split("```", 2)[1]
    assert "rightskit check --strict" in before_pr and "rightskit build --no-pdf" in before_pr
    assert "make site" not in before_pr and "make check" not in before_pr
    workflow = (REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert "rightskit check --strict" in workflow
    make_pr = re.search(r"^pr: .*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    assert make_pr.split() == ["$(BIN)/rightskit", "check", "--strict", "$(BIN)/rightskit", "build", "--no-pdf"]


def test_pre_commit_set_up_is_two_lines_and_names_the_wrapper():
    commit = section(GUIDE, "## Before you commit")
    commands = [line for line in commit.split("```sh", 1)[1].split("```", 1)[0].splitlines() if line.strip()]
    assert len(commands) == 2 and commands[0].startswith("make install") and "pre-commit install" in commands[1]
    assert "scripts/venv-run" in commit and "rightskit check --strict" in commit


def test_the_documented_steps_are_the_format_the_check_sums():
    steps = GUIDE.split("### Writing the steps", 1)[1]  # its example has a "## Steps" heading of its own
    example = steps.split("```markdown", 1)[1].split("```", 1)[0]
    numbered = [line for line in example.splitlines() if re.match(r"^\d+\. ", line)]
    assert len(numbered) == 3 and all(activitycheck.STEP.match(line) for line in numbered)
    assert activitycheck.step_minutes(example) == [5, 20, 5]
    assert activitycheck.STEP_EXAMPLE in GUIDE
    # the scaffold writes the same shape
    scaffold = (REPO / "scripts" / "rightskit" / "templates" / "scaffold" / "activity.md.j2").read_text(encoding="utf-8")
    assert activitycheck.step_minutes(scaffold) == [10, 25, 10]


def test_examples_render_as_written_on_the_published_page():
    """The Contributing page is CONTRIBUTING.md through Python-Markdown: a `\\|` kept for GitHub's
    tables would show its backslash there, so the custom-text example is outside any table."""
    html = markdown.markdown(GUIDE, extensions=["tables", "attr_list", "def_list", "admonition", "fenced_code"])
    assert "<code>[[icescr/11|the right to housing]]</code>" in html
    for page in (GUIDE, WORKSHOPS, *(p.read_text(encoding="utf-8") for p in (REPO / "docs" / "contribute").glob("*.md"))):
        assert "\\|" not in page


def test_workshop_guide_example_is_a_valid_workshop_with_reviewed():
    example = WORKSHOPS.split("```yaml", 1)[1].split("```", 1)[0]
    assert example.startswith("\n# yaml-language-server: $schema=../schemas/workshop.json")
    assert schema_errors("workshop", yaml.safe_load(example)) == []
    assert "`reviewed`" in WORKSHOPS


def _start(value: str) -> tuple[dt.time, list]:
    findings: list = []
    data = parse_yaml(f"start: {value}\n", "w.yml").data
    return Fields(data, "w.yml", findings, "workshop", ("start",)).time("start", dt.time(10, 0)), findings


def test_the_start_times_the_workshop_guide_names_are_the_ones_the_loader_takes():
    said = WORKSHOPS.split("a start time that is not", 1)[1].split("\n", 1)[0]
    accepted, rejected = said.split("; not ")
    for value in re.findall(r"`([^`]+)`", accepted):
        if ":" not in value or value.startswith("H"):
            continue  # the pattern itself, H:MM or HH:MM
        for written in (value, f'"{value}"'):  # "with or without quotes"
            time, findings = _start(written)
            assert findings == [] and time.strftime("%H:%M") == value.zfill(5), written
    for value in re.findall(r"`([^`]+)`", rejected):
        assert _start(f'"{value}"')[1], value


def test_glossary_terms_have_anchors_that_links_are_checked_against(mini):
    page = mini / "docs" / "rights" / "housing.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Use the [[upr]].", "Use the [[upr]] ([what is it?](../glossary.md#upr))."), encoding="utf-8")
    assert check(mini).findings == []
    page.write_text(page.read_text(encoding="utf-8").replace("glossary.md#upr", "glossary.md#the-upr"),
                    encoding="utf-8")
    assert [(f.path, f.line, f.message) for f in check(mini).findings] == [
        ("docs/rights/housing.md", 12, "broken anchor: '#the-upr' is not on '../glossary.md'")]
    assert "../glossary.md#security-of-tenure" in GUIDE  # the guide's example names a real term's anchor
    assert "- term: security of tenure" in (REPO / "standards" / "glossary.yml").read_text(encoding="utf-8")
