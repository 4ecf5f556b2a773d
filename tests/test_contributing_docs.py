"""The contributor guide's sample messages are real output, and it covers the contributor tools."""
from __future__ import annotations

import re

from conftest import REPO, rightskit
from test_mistakes import MISTAKES

GUIDES = [REPO / "CONTRIBUTING.md", *sorted((REPO / "docs" / "contribute").glob("*.md"))]
FINDING = re.compile(r"^[\w./-]+\.(?:md|yml|yaml):\d+: ")


def text_blocks(path):
    return re.findall(r"^```text\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def test_sample_findings_are_what_the_check_prints():
    """Each sample is one of the seeded mistakes, whose exact output test_mistakes asserts."""
    real = {m.expected for m in MISTAKES}
    samples = [line for path in GUIDES for block in text_blocks(path) for line in block.splitlines()
               if FINDING.match(line)]
    assert len(samples) >= 5
    for sample in samples:
        assert sample in real, f"not real output: {sample}"


def test_sample_scaffold_message_is_what_rightskit_new_prints(mini):
    samples = [line for path in GUIDES for block in text_blocks(path) for line in block.splitlines()
               if line.startswith("Created ")]
    assert samples
    result = rightskit("new", "activity", "rent-diary", cwd=mini)
    assert result.stdout.splitlines()[0] in samples


def test_guide_covers_nav_preview_scaffolding_and_schemas():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("## Every page must be in the navigation", "## Preview while you write", "make serve",
                   "## Start a new file with `rightskit new`", "rightskit check --strict",
                   "/contribute/reference/", "schemas/", "yaml-language-server", "pre-commit install"):
        assert needle in text, needle
    for kind in ("module", "activity", "workshop", "instrument", "mechanism", "term"):
        assert f"rightskit new {kind} " in text, kind


def test_mkdocs_yml_mentions_no_missing_files():
    assert "FIELD-NOTES" not in (REPO / "mkdocs.yml").read_text()
