"""The built site through two checkers nobody here wrote (issue 21): the Nu HTML checker finds no
error on any page, and pa11y (WCAG 2 AA) none on the pages a reader meets first and a sample of
thirty more across both languages. `make test` installs both (tests/audit/package.json, with
npm; Java and Node.js from Debian's packages when missing)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

AUDIT = Path(__file__).parent / "audit"
VNU = AUDIT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = AUDIT / "node_modules" / "pa11y"
INSTALL = "`make test` installs it (cd tests/audit && npm ci --ignore-scripts)"

# The pages the issue names: home, a rights hub, a module, the finder, the Spanish home, an instrument.
FIRST = ["", "rights/housing/", "activities/housing-line/", "mechanisms/finder/", "es/", "standards/icescr/"]
SAMPLE = 30


def pages(site: Path) -> list[str]:
    """Every page of the site as its address below the root ("" for the home page), sorted."""
    folders = (index.parent.relative_to(site).as_posix() for index in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def sample(addresses: list[str], count: int) -> list[str]:
    """`count` pages spread evenly over the sorted list: each section and both languages, the
    same pages on every run."""
    step = len(addresses) / count
    return [addresses[int(n * step)] for n in range(count)]


def test_sample_spreads_over_the_site():
    addresses = [f"{lang}{section}/{n}/" for lang in ("", "es/") for section in "abcdef" for n in range(10)]
    chosen = sample(addresses, 30)
    assert len(set(chosen)) == 30
    assert {a.split("/")[0] for a in chosen if not a.startswith("es/")} == set("abcdef")
    assert sum(a.startswith("es/") for a in chosen) == 15


def report(found: dict[str, list[dict]], key: str) -> str:
    rules = Counter(issue[key] for issues in found.values() for issue in issues)
    lines = [f"{count} x {rule}" for rule, count in rules.most_common()]
    for where, issues in found.items():
        lines += [f"{where}: {issue[key]}: {issue['message']} ({issue.get('selector') or issue.get('extract')})"
                  for issue in issues[:5]]
    return "\n".join(lines)


def nu_checker(files: list[str]) -> list[dict]:
    """The Nu HTML checker's errors on `files`; skips when it cannot run here."""
    if not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs Java: `make test` installs Debian's default-jre-headless")
    if not VNU.is_file():
        pytest.skip(f"the Nu HTML checker (vnu.jar) is not installed: {INSTALL}")
    result = subprocess.run(["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    # The checker writes its JSON report on stderr, as one line; Java may say something before it.
    report_line = next((line for line in reversed((result.stderr + result.stdout).splitlines())
                        if line.startswith('{"')), None)
    assert report_line, f"no report from the Nu checker (exit {result.returncode}):\n{result.stderr[-2000:]}"
    return json.loads(report_line)["messages"]


def test_nu_html_checker_reports_what_the_theme_used_to_write(tmp_path):
    """The checker, run as below, does find errors: those it found in the theme's markup before
    (mkdocs/thememarkup.py), on a page of their own."""
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body>'
                    '<input type="checkbox" autocomplete="off" id="a"><label for="__toc">Contents</label>'
                    '</body></html>', encoding="utf-8")
    messages = nu_checker([str(page)])
    assert len(messages) == 2, messages
    assert "autocomplete" in messages[0]["message"] and "for" in messages[1]["message"], messages


@pytest.mark.browser  # with the browser tests: it needs the built site
def test_nu_html_checker_finds_no_error_on_any_page(site_root):
    files = sorted(str(path) for path in site_root.rglob("*.html"))
    assert len(files) > 100, "the built site has fewer pages than expected"
    messages = nu_checker(files)
    found: dict[str, list[dict]] = {}
    for message in messages:
        where = message.get("url", "?").removeprefix("file:" + str(site_root) + "/")
        found.setdefault(where, []).append(dict(message, rule=message["message"][:90]))
    assert not messages, f"{len(messages)} Nu checker errors on {len(found)} pages:\n" + report(found, "rule")


@pytest.mark.browser
def test_pa11y_finds_no_error_on_first_pages_and_a_sample(site_root, server):
    node = shutil.which("node")
    if not node:
        pytest.skip("pa11y needs Node.js: `make test` installs Debian's nodejs")
    if not PA11Y.is_dir():
        pytest.skip(f"pa11y is not installed: {INSTALL}")
    addresses = pages(site_root)
    assert set(FIRST) <= set(addresses), set(FIRST) - set(addresses)
    chosen = FIRST + [a for a in sample(addresses, SAMPLE) if a not in FIRST]
    assert any(a.startswith("es/") for a in chosen[len(FIRST):]) and len(chosen) >= 30
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH="/usr/bin/chromium", PUPPETEER_SKIP_DOWNLOAD="1")
    result = subprocess.run([node, str(AUDIT / "pa11y-pages.js"), server, *chosen], capture_output=True,
                            text=True, env=env, cwd=AUDIT, timeout=800)
    assert result.returncode == 0, result.stderr
    found = {where: issues for where, issues in json.loads(result.stdout).items() if issues}
    assert len(json.loads(result.stdout)) == len(chosen)
    assert not found, f"pa11y errors on {len(found)} of {len(chosen)} pages:\n" + report(found, "code")
