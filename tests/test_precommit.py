"""pre-commit runs what CI runs (issue 22): every hook goes through scripts/venv-run, which finds
the project's .venv by itself, so a commit from a shell where .venv is not activated, or from an
IDE with no `python` on its PATH, runs the same `rightskit check --strict` as a pull request."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WRAPPER = REPO / "scripts" / "venv-run"
pytestmark = pytest.mark.skipif(os.name == "nt", reason="the wrapper is a POSIX shell script")


def _hooks() -> dict:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def _bare_path(tmp_path: Path) -> str:
    """A PATH with no virtual environment on it, and a `python` that fails loudly if used."""
    decoy = tmp_path / "decoy-bin"
    decoy.mkdir()
    for name in ("python", "python3", "rightskit"):
        (decoy / name).write_text("#!/bin/sh\necho 'the wrong python was used' >&2\nexit 99\n")
        (decoy / name).chmod(0o755)
    return f"{decoy}:/usr/bin:/bin"


def _checkout(tmp_path: Path) -> Path:
    """A checkout with the wrapper and no .venv yet."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy2(WRAPPER, root / "scripts" / "venv-run")
    return root


def _run(wrapper: Path, *args: str, path: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": path, "HOME": str(cwd), "NO_MKDOCS_2_WARNING": "true"}  # nothing activated, no VIRTUAL_ENV
    return subprocess.run(["sh", str(wrapper), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_wrapper_finds_the_venv_python_without_it_on_the_path(tmp_path):
    root = _checkout(tmp_path)
    fake = root / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text('#!/bin/sh\necho "venv python: $*"\necho "PYTHONPATH=$PYTHONPATH"\n')
    fake.chmod(0o755)
    ran = _run(root / "scripts" / "venv-run", "rightskit.cli", "check", "--strict", path=_bare_path(tmp_path),
               cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "venv python: -m rightskit.cli check --strict" in ran.stdout
    # this checkout's code comes first, whichever clone .venv's editable install points at
    assert f"PYTHONPATH={root / 'scripts'}" in ran.stdout
    assert "wrong python" not in ran.stderr


def test_without_a_venv_the_wrapper_says_run_make_install(tmp_path):
    root = _checkout(tmp_path)
    ran = _run(root / "scripts" / "venv-run", "rightskit.cli", "check", "--strict", path=_bare_path(tmp_path),
               cwd=tmp_path)
    assert ran.returncode == 1
    assert f"no Python environment in {root}/.venv: run `make install` first" in ran.stderr
    assert "wrong python" not in ran.stderr


@pytest.mark.skipif(not (Path(sys.prefix) / "bin" / "python").exists() or sys.prefix == sys.base_prefix,
                    reason="the tests are not running in a virtual environment to lend the checkout")
def test_the_check_hook_fails_on_a_warning_from_a_plain_shell_as_ci_does(tmp_path, mini):
    """The hook's own command, run as pre-commit runs it (from the checkout, nothing activated):
    the clean project passes, and a TODO, a warning that a non-strict check lets through, fails."""
    root = _checkout(tmp_path)
    shutil.copytree(REPO / "scripts" / "rightskit", root / "scripts" / "rightskit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (root / ".venv").symlink_to(sys.prefix)
    for part in mini.iterdir():
        shutil.move(str(part), root / part.name)
    command = _hooks()["rightskit-check"]["entry"].split()
    assert command[0] == "scripts/venv-run"
    path = _bare_path(tmp_path)
    ran = _run(root / command[0], *command[1:], path=path, cwd=root)
    assert ran.returncode == 0, ran.stderr
    assert "no problems found" in ran.stdout
    page = root / "docs" / "rights" / "housing.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTODO: say more.\n", encoding="utf-8")
    ran = _run(root / command[0], *command[1:], path=path, cwd=root)
    assert ran.returncode == 1
    assert "docs/rights/housing.md:" in ran.stderr and "placeholder 'TODO'" in ran.stderr
    assert "--strict: warnings count as problems." in ran.stderr


def test_every_hook_runs_through_the_wrapper_and_the_check_is_strict_and_verbose():
    hooks = _hooks()
    for hook in hooks.values():
        assert "scripts/venv-run " in hook["entry"], f"{hook['id']} does not use the project's .venv"
    check = hooks["rightskit-check"]
    assert check["entry"].split()[1:] == ["rightskit.cli", "check", "--strict"]
    assert check["verbose"] is True  # pre-commit hides a passing hook's output: warnings would go unseen
    # CI runs the same command (and the Makefile's PR checklist target does too)
    workflow = (REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert "run: rightskit check --strict" in workflow
    # the schema hook watches the file the schemas are generated from
    assert (REPO / "scripts" / "rightskit" / "core" / "schema.py").is_file()
    assert "core/schema" in hooks["schemas-current"]["files"]
