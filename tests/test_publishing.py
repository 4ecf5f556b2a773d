"""The GitHub workflows, templates and contributor files cannot run here: check their shape."""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from rightskit.content import filelint
WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict, job: str) -> list[dict]:
    return data["jobs"][job]["steps"]


def runs(data: dict, job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(data, job))


def test_every_action_is_pinned_to_a_release():
    uses = [step["uses"] for path in WORKFLOWS.glob("*.yml")
            for job in yaml.safe_load(path.read_text())["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(uses) >= 8
    for action in uses:
        assert PINNED.match(action), f"{action} is not pinned to an exact version"
        assert not action.endswith(("@main", "@master"))


def test_pull_requests_check_strictly_then_test_and_upload_the_one_build():
    data = workflow("pr.yml")
    assert "pull_request" in data["on"]
    commands = runs(data, "check-build-test")
    assert commands.index("rightskit check --strict") < commands.index("python -m pytest")
    assert "pip install --no-deps -r requirements.lock" in commands
    assert "cd tests/audit && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts" in commands  # else the audits skip
    # one build: the tests' own, kept where the upload step finds it
    assert "rightskit build" not in commands and "make site" not in commands
    tests = next(s for s in steps(data, "check-build-test") if "python -m pytest" in s.get("run", ""))
    folder = tests["env"]["RIGHTSKIT_TEST_BUILD_DIR"]
    upload = next(s for s in steps(data, "check-build-test") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == f"{folder}/real/site"
    # the tests' build starts from the last run's cache (conftest copies .cache/rightskit) and leaves its own
    cache = next(s for s in steps(data, "check-build-test") if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/rightskit"
    names = [s.get("name", "") for s in steps(data, "check-build-test")]
    keep = next(s for s in steps(data, "check-build-test") if "/real/.cache/rightskit" in s.get("run", ""))
    assert names.index(cache["name"]) < names.index(tests["name"]) < names.index(keep["name"])


def test_the_tests_build_where_ci_names(monkeypatch, tmp_path_factory, tmp_path):
    """The `built` fixture honours RIGHTSKIT_TEST_BUILD_DIR, which the upload step relies on."""
    from conftest import shared_build_folder

    monkeypatch.setenv("RIGHTSKIT_TEST_BUILD_DIR", str(tmp_path / "kept"))
    assert shared_build_folder(tmp_path_factory) == tmp_path / "kept"
    monkeypatch.delenv("RIGHTSKIT_TEST_BUILD_DIR")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert shared_build_folder(tmp_path_factory) == tmp_path_factory.getbasetemp().parent
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    assert shared_build_folder(tmp_path_factory) is None


def test_main_is_built_and_deployed_to_pages_with_the_pages_address():
    data = workflow("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    build = steps(data, "build")
    pages = next(s for s in build if s.get("uses", "").startswith("actions/configure-pages@"))
    built = next(s for s in build if s.get("run") == "rightskit build")
    assert built["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages["id"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build)
    assert "rightskit check --strict" in runs(data, "build")
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_site_address_comes_from_the_environment(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("SITE_URL", "https://rights.example.net/")
    assert load_config(str(REPO / "mkdocs.yml")).site_url == "https://rights.example.net/"
    monkeypatch.delenv("SITE_URL")
    assert load_config(str(REPO / "mkdocs.yml")).site_url == "https://rights-at-home.example.org/"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_lock_file_pins_every_dependency():
    """After adding a dependency to pyproject.toml, run `make lock` so CI installs it."""
    lines = [line for line in (REPO / "requirements.lock").read_text().splitlines()
             if line and not line.startswith("#")]
    assert all(re.match(r"^[A-Za-z0-9_.-]+==[\w.+-]+$", line) for line in lines), lines
    locked = {_name(line) for line in lines}
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    assert {_name(r) for r in wanted} <= locked


def test_pull_request_template_has_the_review_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text()
    for item in ("Facts and sources", "Own words", "US status stated correctly", "Accessibility"):
        assert re.search(rf"^- \[ \] \*\*{item}", text, re.M), item


@pytest.mark.parametrize("name", ["content-error.yml", "new-module.yml", "translation.yml"])
def test_issue_templates_are_valid_forms(name):
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / name).read_text())
    assert form["name"] and form["description"] and form["body"]
    ids = [field["id"] for field in form["body"]]
    assert len(ids) == len(set(ids))
    for field in form["body"]:
        assert field["type"] in {"input", "textarea", "dropdown", "checkboxes", "markdown"}
        assert field["attributes"]["label"]


def test_pre_commit_runs_the_local_checks():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert all(repo["repo"] == "local" for repo in config["repos"])
    # through the repository's own .venv (scripts/venv-run; tests/test_precommit.py runs it), and strict as CI
    assert hooks["rightskit-check"]["entry"] == "scripts/venv-run rightskit.cli check --strict"
    assert hooks["file-hygiene"]["entry"] == "scripts/venv-run rightskit.content.filelint"


def test_file_hygiene_finds_tabs_bom_trailing_spaces_and_bad_yaml(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"\xef\xbb\xbfid: x \nlist:\n\t- a\n")
    broken = tmp_path / "broken.yml"
    broken.write_text("title: [unclosed\n")
    assert [str(f) for f in filelint.lint(bad, "bad.yml")] == [
        "bad.yml:1: the file starts with a byte-order mark (save it as UTF-8 without BOM)",
        "bad.yml:1: trailing whitespace (delete the spaces at the end of the line)",
        "bad.yml:3: tab in YAML indentation (indent YAML with spaces only)"]
    assert [f.message[:15] for f in filelint.lint(broken, "broken.yml")] == ["malformed YAML:"]
    assert filelint.main([str(bad)]) == 1


def test_repository_files_are_clean():
    skip = {".git", ".venv", "site", ".cache", "__pycache__", ".pytest_cache", "node_modules"}
    files = []
    for folder, dirs, names in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in skip and not d.startswith("site.") and not d.endswith(".egg-info")]
        files += [Path(folder) / name for name in names]
    problems = [str(f) for p in files if p.suffix in filelint.TEXT_SUFFIXES
                for f in filelint.lint(p, str(p.relative_to(REPO)))]
    assert problems == []


def test_editorconfig_licenses_and_code_of_conduct():
    editorconfig = (REPO / ".editorconfig").read_text()
    assert "charset = utf-8" in editorconfig and "end_of_line = lf" in editorconfig
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    content = (REPO / "LICENSE-content.md").read_text()
    assert "CC BY 4.0" in content and "https://creativecommons.org/licenses/by/4.0/" in content
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in content
    assert "## How to give credit" in content
    assert "## Reporting" in (REPO / "CODE_OF_CONDUCT.md").read_text()


def test_pages_show_last_updated_even_without_git_history(built):
    """The test build runs in a copy without .git: the plugin falls back to the build date."""
    assert not (built / ".git").exists()
    page = (built / "site" / "rights" / "housing" / "index.html").read_text()
    assert "git-revision-date-localized-plugin-date" in page


def test_last_updated_plugin_never_fails_the_build():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text().replace("!ENV ", ""))
    plugin = next(p["git-revision-date-localized"] for p in config["plugins"]
                  if isinstance(p, dict) and "git-revision-date-localized" in p)
    assert plugin["fallback_to_build_date"] is True and plugin["strict"] is False


def test_deploy_refuses_the_placeholder_address_before_building_and_publishing():
    build = steps(workflow("deploy.yml"), "build")
    refuse = next(i for i, s in enumerate(build) if s.get("run") == "rightskit site-url --require-real")
    built = next(i for i, s in enumerate(build) if s.get("run") == "rightskit build")
    upload = next(i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert refuse < built < upload
    # The check sees the very address the build will print.
    assert build[refuse]["env"]["SITE_URL"] == build[built]["env"]["SITE_URL"]
