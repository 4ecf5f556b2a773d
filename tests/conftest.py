"""Shared fixtures and helpers: a small valid project to break on purpose (and a bilingual copy of
it for tests that build it), the CLI run in-process, and the real site built once per run."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from rightskit.project import Project, load_site

REPO = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")


def pytest_collection_modifyitems(config, items):
    """Tests that need no built site run first (a stable sort: files keep their order otherwise).
    Under pytest-xdist one worker builds the real site while the other works through these,
    instead of both waiting for it. And a test that opens Chromium must say so (`-m "not browser"`
    leaves those out): one that uses the browser fixtures without the marker stops the run."""
    unmarked = [item.nodeid for item in items
                if "browser" in item.fixturenames and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("tests that launch Chromium need @pytest.mark.browser: " + ", ".join(unmarked))
    items.sort(key=lambda item: "built" in item.fixturenames)


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


# The pieces that make the mini project look and build as the real one does: the real theme
# overrides (which mark pages for Pagefind), styles, scripts and navigation; Spanish by the i18n
# plugin; page dates from git; one explainer that scalebench.add_modules copies; the tags page;
# and Spanish for two pages and the issue area.
THEME = """  features:
    - navigation.tabs
    - navigation.prune
    - navigation.indexes
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: deep orange
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: deep orange
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
"""
ASSETS = """extra_css:
  - assets/site.css
  - assets/print.css
  - assets/search.css
extra_javascript:
  - assets/filter.js
  - assets/print.js
  - assets/search.js
"""
PLUGINS = """  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: es
          name: Español
          build: true
  - git-revision-date-localized:
      type: date
      locale: en
      fallback_to_build_date: true
      enable_creation_date: false
      strict: false
"""
EXPLAINER = """---
title: Tenancy basics
summary: What a tenancy is, in a few lines.
type: explainer
issue_areas: [housing]
standards: [icescr/11]
reviewed: 2026-01-15
---
A tenancy is protected by [[icescr/11]]. See the [activity](../activities/line.md).

## Sources

- [ICESCR](https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-economic-social-and-cultural-rights), OHCHR
"""
TAGS = """---
title: Tags
type: page
summary: Every page, by issue area.
---
Choose an issue area to see its pages.
"""
AREA_ES = """  es:
    title: Vivienda
    summary: Prueba.
"""


def bilingual_mini(root: Path, extra: int = 0, lists: dict | None = None) -> Path:
    """A copy of the mini project at `root` in English and Spanish, with the real theme overrides,
    `extra` copies of a small explainer (docs/scale/, as `make bench-scale` adds them), the
    plugin's list sizes `lists`, and git history: a few dozen pages where the real project has
    hundreds, for tests that build often or grow the site."""
    from rightskit.devtools.scalebench import add_modules, commit_all

    shutil.copytree(MINI, root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "docs" / "explainers").mkdir()
    (root / "docs" / "explainers" / "tenancy.md").write_text(EXPLAINER, encoding="utf-8")
    (root / "docs" / "tags.md").write_text(TAGS, encoding="utf-8")
    settings = "".join(f"      {key}: {value}\n" for key, value in (lists or {}).items())
    _edit(root / "mkdocs.yml", ("  name: material\n", "  name: material\n  custom_dir: overrides\n" + THEME),
          ("plugins:\n", ASSETS + "plugins:\n"),
          ("      pdf: false\n", "      pdf: false\n" + settings + PLUGINS),
          ("  - rights/housing.md\n", "  - rights/housing.md\n  - explainers/tenancy.md\n  - tags.md\n"))
    _edit(root / "standards" / "issue-areas.yml", ("  title: Housing\n", "  title: Housing\n" + AREA_ES))
    add_modules(root, extra)
    for args in (("new", "translation", "docs/rights/housing.md"), ("new", "translation", "docs/tags.md"),
                 ("translation", "--mark-current", "standards/issue-areas.yml")):
        result = rightskit(*args, cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
    _edit(root / "docs" / "rights" / "housing.es.md", ("title: Housing", "title: Vivienda"))
    _edit(root / "docs" / "tags.es.md", ("title: Tags", "title: Etiquetas"))
    commit_all(root)
    return root


def _edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, (path, old)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def check(root: Path):
    return load_site(Project(root))


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file by `new`; the text must be there."""
    _edit(path, (old, new))


def messages(root: Path) -> list[str]:
    """Every finding of loading the project at `root`, as `path:line: message (hint)`."""
    return [str(f) for f in check(root).findings]


@pytest.fixture
def fake_pdf_rendering(monkeypatch) -> list[str]:
    """PDF builds that write a small placeholder file instead of rendering with WeasyPrint, for
    tests of which documents are rendered and which cached files are kept (a real render of the
    mini project's 18 takes half a minute). Gives the names rendered, in order."""
    from rightskit.outputs.print import pdf

    rendered: list[str] = []

    def render(todo, workers, done=lambda: None):
        for cached, doc in todo.items():
            cached.write_bytes(b"%PDF-1.7\n" + doc.key.encode())
            rendered.append(doc.name)
            done()

    monkeypatch.setattr(pdf, "_render_many", render)
    return rendered


def unhashed_removed(findings: list) -> list:
    """The findings, less the reminders that an `es:` block written by a test has no source_hash yet."""
    return [f for f in findings if "has no 'source_hash'" not in f.message]


@dataclass
class Ran:
    """What a command run in-process did, read as a finished subprocess would be."""
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _inside(cwd: Path):
    """In `cwd` (the CLI reads `-f mkdocs.yml` from there), with MkDocs' loggers as they were
    afterwards: a build points them at the stream it printed to."""
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    saved = [(logger.handlers[:], logger.level) for logger in loggers]
    before = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)
        for logger, (handlers, level) in zip(loggers, saved):
            logger.handlers[:] = handlers
            logger.setLevel(level)


def rightskit(*args: str, cwd: Path) -> Ran:
    """`rightskit ARGS` run in `cwd`, in this process: the same `main` as the console script,
    without a second of importing per call."""
    from rightskit.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with _inside(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as stop:  # argparse on a bad argument, as the console script would exit
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            if not isinstance(stop.code, (int, type(None))):
                print(stop.code, file=sys.stderr)
    return Ran(code or 0, out.getvalue(), err.getvalue())


def rightskit_process(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`rightskit ARGS` as its own process, for the few end-to-end runs that must be one."""
    return subprocess.run([sys.executable, "-m", "rightskit.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


REAL_PARTS = ("docs", "standards", "curricula", "overrides", "mkdocs.yml", "CONTRIBUTING.md")
CACHE = Path(".cache") / "rightskit"  # the plugin's default cache_dir (mkdocs/config.py)


def _build_real(work: Path) -> None:
    """Copy the real project into `work` and build it with PDFs by the command `make site` runs;
    as its own process, end to end. Raises with the build's output if it fails.
    The checkout's build cache comes along when there is one (after `make site`): its entries are
    content-addressed (a PDF by its HTML, WeasyPrint's version and the layout code; a page by all
    it reads), so what they give is what rendering again would, and only what changed is rendered."""
    for name in REAL_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copy(source, work / name)
    if (REPO / CACHE).is_dir():
        shutil.copytree(REPO / CACHE, work / CACHE, ignore=shutil.ignore_patterns("*.partial", "*.lock"))
    result = rightskit_process("build", cwd=work)
    if result.returncode != 0:
        raise RuntimeError(f"the real site did not build:\n{result.stdout}{result.stderr}")


def shared_build_folder(tmp_path_factory) -> Path | None:
    """Where the one real build of this run lives when several processes share it, or None when
    this process builds its own. CI names the folder (RIGHTSKIT_TEST_BUILD_DIR) so that the
    workflow uploads, as the reviewers' preview, the very site the tests checked: one build."""
    chosen = os.environ.get("RIGHTSKIT_TEST_BUILD_DIR")
    if chosen:
        return Path(chosen)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    return None


def _this_run() -> str:
    """Names this test run, so a build a named folder kept from an earlier run is never reused."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once with PDFs by the same command `make site` runs. Under
    pytest-xdist the workers share one build: the first to ask builds it under a file lock in
    the run's common temporary folder, the others wait for it and use it."""
    from filelock import FileLock

    shared = shared_build_folder(tmp_path_factory)
    if shared is None:  # one process: its own folder
        work = tmp_path_factory.mktemp("real")
        _build_real(work)
        return work
    shared.mkdir(parents=True, exist_ok=True)
    work, done, failed = shared / "real", shared / "real.done", shared / "real.failed"
    with FileLock(str(shared / "real.lock")):
        if failed.is_file() and failed.read_text(encoding="utf-8").startswith(_this_run() + "\n"):
            # one failed build is reported by every test that needs it, not repeated
            pytest.fail(failed.read_text(encoding="utf-8").split("\n", 1)[1], pytrace=False)
        if not (done.is_file() and done.read_text(encoding="utf-8") == _this_run()):
            shutil.rmtree(work, ignore_errors=True)  # a worker stopped mid-build, or an earlier run's
            done.unlink(missing_ok=True)
            work.mkdir()
            try:
                _build_real(work)
            except RuntimeError as error:
                failed.write_text(f"{_this_run()}\n{error}", encoding="utf-8")
                raise
            done.write_text(_this_run(), encoding="utf-8")
    return work


# --- browser tests (helpers in browsing.py) ------------------------------------------------
@pytest.fixture(scope="module")
def site_root(request) -> Path:
    """The site a module's browser tests load; a module may override it with its own copy.
    RIGHTSKIT_TEST_SITE names a site already built (`rightskit build --site-dir …`) to test
    instead of building one, for a quick run of browser tests after a change to the site."""
    if os.environ.get("RIGHTSKIT_TEST_SITE"):
        return Path(os.environ["RIGHTSKIT_TEST_SITE"])
    return request.getfixturevalue("built") / "site"


@pytest.fixture(scope="module")
def server(site_root: Path):
    from rightskit.devtools.localserver import serve

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
