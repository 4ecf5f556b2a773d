"""Shared fixtures: a small valid project to break on purpose, and the real site built once."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from rightskit.project import Project, load_site

REPO = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of a minimal, valid project that a test may edit."""
    target = tmp_path / "project"
    shutil.copytree(MINI, target)
    return target


def bilingual(target: Path, **options) -> Path:
    """The mini project as the real site is configured: the theme with its overrides, an English and a
    Spanish edition (every Spanish page a fallback to English) and the "last updated" plugin with
    the real site's options. `options`: the rightskit plugin's (no PDFs unless pdf=True)."""
    shutil.copytree(MINI, target)
    shutil.copytree(REPO / "overrides", target / "overrides")
    real = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", ""))
    plugins = {name: options for entry in real["plugins"] if isinstance(entry, dict) for name, options in entry.items()}
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update({key: real[key] for key in ("theme", "extra_css", "extra_javascript")})
    i18n = dict(plugins["i18n"], languages=[{k: v for k, v in lang.items() if k != "nav_translations"}
                                            for lang in plugins["i18n"]["languages"]])
    config["plugins"] = [{"rightskit": {"pdf": False, **options}}, {"i18n": i18n},
                         {"git-revision-date-localized": plugins["git-revision-date-localized"]}]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def check(root: Path):
    return load_site(Project(root))


def unhashed_removed(findings: list) -> list:
    """The findings, less the reminders that an `es:` block written by a test has no source_hash yet."""
    return [f for f in findings if "has no 'source_hash'" not in f.message]


def rightskit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rightskit.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once with PDFs by the same command `make site` runs."""
    work = tmp_path_factory.mktemp("real")
    for name in ("docs", "standards", "curricula", "overrides", "mkdocs.yml", "CONTRIBUTING.md"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copy(source, work / name)
    result = rightskit("build", cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    return work


# --- browser tests (helpers in browsing.py) ------------------------------------------------
@pytest.fixture(scope="module")
def site_root(built: Path) -> Path:
    """The site a module's browser tests load; a module may override it with its own copy."""
    return built / "site"


@pytest.fixture(scope="module")
def server(site_root: Path):
    from browsing import serve

    with serve(site_root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from browsing import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every URL it requests. A test must not leave a navigation it
    started under way: closing a context mid-navigation hangs the driver here."""
    from browsing import recording

    context = browser.new_context()
    yield recording(context.new_page())
    context.close()
