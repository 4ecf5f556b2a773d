"""`rightskit serve` rebuilds on a YAML edit, shows content problems in the browser, and recovers."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO
from rightskit.cli import preview
TIMEOUT = 90  # seconds: generous, the machine is shared; this bounds a hang, it does not time the preview


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, condition, what: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        page = fetch(url)
        if condition(page):
            return page
        time.sleep(0.3)
    pytest.fail(f"the preview never showed {what} within {TIMEOUT} s")


@pytest.fixture
def served(mini: Path):
    yield from _serve(mini)


@pytest.fixture
def served_with_search(mini: Path):
    """The small project with the site's own templates, which mark what search indexes."""
    shutil.copytree(REPO / "overrides", mini / "overrides")
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n", 1))
    yield from _serve(mini)


def _serve(root: Path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "rightskit.cli", "serve", "-a", f"127.0.0.1:{port}"],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield root, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_picks_up_a_yaml_edit_shows_errors_and_recovers(served):
    root, url = served
    page = url + "standards/icescr/"
    wait_for(page, lambda text: "Test summary of the covenant" in text, "the instrument page")
    record = root / "standards/instruments/icescr.yml"
    text = record.read_text()
    record.write_text(text.replace("Test summary of the covenant.", "A summary edited during preview."))
    wait_for(page, lambda text: "A summary edited during preview." in text, "the edited YAML")

    record.write_text(text.replace("kind: treaty", "kind: [treaty"))
    broken = wait_for(page, lambda text: "preview is paused" in text, "the error page")
    assert "standards/instruments/icescr.yml:5: malformed YAML" in broken, broken[:1500]
    assert "livereload" in broken  # so the browser reloads by itself once fixed

    record.write_text(text)
    wait_for(page, lambda text: "Test summary of the covenant" in text and "paused" not in text, "the fixed page")


def test_serve_watches_the_content_folders():
    assert set(preview.WATCHED) == {"docs", "standards", "curricula", "overrides"}


def test_error_page_counts_the_problems(tmp_path):
    report = "a.yml:1: one\nb.md:2: two (hint)\n2 problems found."
    preview.show_errors(tmp_path, report)
    html = (tmp_path / "index.html").read_text()
    assert "2 problems" in html and "b.md:2: two (hint)" in html
    assert (tmp_path / "404.html").read_text() == html


def test_serve_indexes_search_after_serving_each_rebuild(served_with_search):
    root, url = served_with_search
    words = url + "pagefind/words-en.json"
    wait_for(words, lambda text: '"words"' in text, "the search index")
    module = root / "docs" / "rights" / "housing.md"
    module.write_text(module.read_text() + "\nQuokkas inspect every tenancy.\n")
    wait_for(words, lambda text: '"quokkas"' in text, "the edited page in the search index")


def test_background_runs_jobs_in_turn_and_keeps_only_the_newest_waiting():
    import threading

    ran, started, release = [], threading.Event(), threading.Event()
    background = preview.Background()
    background.start(lambda: (started.set(), release.wait(10), ran.append("first")))
    assert started.wait(10)
    background.start(lambda: ran.append("second"))  # waits its turn...
    background.start(lambda: ran.append("third"))  # ...and is replaced: only the newest index matters
    assert ran == []  # start never blocks the rebuild that called it
    release.set()
    background.wait()
    assert ran == ["first", "third"]
    background.start(lambda: ran.append("again"))
    background.wait()
    assert ran[-1] == "again" and background.thread is None
