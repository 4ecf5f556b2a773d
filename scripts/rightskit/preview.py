"""The live preview's error page: when a rebuild fails, every page of the preview shows the
problems instead, and the live-reload script brings the site back once they are fixed.
(The server itself is MkDocs', driven from cli.py: this module stays free of MkDocs.)"""
from __future__ import annotations

from pathlib import Path

from .render import environment

WATCHED = ("docs", "standards", "curricula", "overrides")  # besides mkdocs.yml


def error_page(report: str) -> str:
    lines = [line for line in report.splitlines() if line.strip()]
    count = sum(1 for line in lines if ": " in line and line.split(":")[1:2] and line.split(":")[1].isdigit()) or 1
    return environment().get_template("preview/errors.html.j2").render(report=report.strip(), count=count)


def show_errors(site_dir: Path, report: str) -> None:
    """Put the error page in place of every page of the last good preview (the browser stays on
    its page and reloads it), and as the home page and 404 when there was none."""
    html = error_page(report)
    targets = set(site_dir.rglob("*.html")) | {site_dir / "index.html", site_dir / "404.html"}
    site_dir.mkdir(parents=True, exist_ok=True)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
