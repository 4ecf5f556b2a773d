"""What a build says while it runs (issue 21): a line per stage, counters for the pages and the
PDFs (a bar on a terminal, a line every tenth of the way in a log), and a closing count of every
PDF written, in each language."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import bilingual
from rightskit.cli.main import main
from rightskit.infra.progress import Progress
from rightskit.outputs.print import pdf

# The mini activity in Spanish: its handout is then printed in Spanish too (es/pdf/).
LINE_ES = """---
title: La línea de la vivienda
summary: Una línea de opiniones sobre los elementos de una vivienda adecuada.
type: activity
issue_areas: [housing]
standards: [cescr-gc-4]
duration: 30
group_size: 6-20
materials: [Cinta]
objectives: [Nombrar los elementos.]
level: introductory
key_points: [Un hogar es más que un techo.]
online: Use una encuesta con cinco respuestas en lugar de la línea.
handout: true
reviewed: 2026-01-15
---
## Resumen

Las personas participantes se colocan en una línea.

## Pasos

1. Pónganse de pie (30 min).

## Hoja informativa

Los siete elementos, para las personas participantes.

## Fuentes

- [PIDESC](https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-economic-social-and-cultural-rights), ACNUDH
"""


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def fake_render(html: str, target: Path) -> None:
    """WeasyPrint takes seconds a document, and what is tested here is the counting around it
    (test_workshops and test_print_* render real PDFs)."""
    target.write_bytes(b"%PDF-1.7\n% " + str(len(html)).encode() + b"\n%%EOF\n")


@pytest.fixture
def project(tmp_path) -> Path:
    root = bilingual(tmp_path / "project", pdf=True, pdf_workers=2)
    (root / "docs" / "activities" / "line.es.md").write_text(LINE_ES, encoding="utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "translation", "--mark-current", "docs/activities/line.es.md"]) == 0
    return root


def test_build_reports_its_stages_and_counts_every_pdf_by_language(project, monkeypatch, capsys):
    monkeypatch.setattr(pdf, "render_pdf", fake_render)  # the pool's processes are forked: they see it too
    capsys.readouterr()
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    out, err = capsys.readouterr()
    site = project / "site"
    english, spanish = sorted((site / "pdf").glob("*.pdf")), sorted((site / "es" / "pdf").glob("*.pdf"))
    assert english and spanish  # the Spanish handout, in its three sizes
    assert all(p.name.startswith("activities-line-handout") for p in spanish)
    pages = sum(1 for _ in site.rglob("index.html"))
    total = len(english) + len(spanish)
    assert f"({pages} pages, {total} PDFs: {len(english)} en, {len(spanish)} es)." in out

    lines = err.splitlines()
    assert lines[0] == "Checking content and data…"
    assert re.match(r"Checking content and data: [\d.]+ s$", lines[1])
    # the stages, in the order they run, each language's pages converted then written
    order = ["Converting pages (en): 0/", "Writing pages (en): 0/", "Converting pages (es): 0/",
             "Writing pages (es): 0/", "Search index…", "Search index: ", f"PDFs: 0/{total}"]
    found = [next((n for n, line in enumerate(lines) if line.startswith(start)), None) for start in order]
    assert None not in found and found == sorted(found), dict(zip(order, found))
    for label in ("Converting pages (en)", "Writing pages (en)", "Converting pages (es)", "Writing pages (es)"):
        done = [line for line in lines if line.startswith(label + ":")]
        last = re.match(rf"{re.escape(label)}: (\d+)/(\d+) in [\d.]+ s$", done[-1])
        assert last and last.group(1) == last.group(2) and int(last.group(2)) > 0, done
        assert len(done) <= 5, done  # a line every quarter of the way, not one a page
    counts = [line for line in lines if line.startswith("PDFs: ")]
    assert counts[-1].startswith(f"PDFs: {total}/{total} in ")
    assert counts[-1].endswith(f", {total} rendered, 0 from cache")
    steps = [int(re.match(r"PDFs: (\d+)/", line).group(1)) for line in counts]
    assert steps == sorted(steps) and len(steps) <= 11


def test_the_offline_kit_reports_its_stages_and_counts_every_pdf_by_language(project, monkeypatch, capsys):
    """`make offline`: the same stages as the site, then the zip, and the closing line counts the
    PDFs in the kit by language."""
    import zipfile

    monkeypatch.setattr(pdf, "render_pdf", fake_render)
    capsys.readouterr()
    assert main(["-f", str(project / "mkdocs.yml"), "offline", "-o", str(project / "kit.zip")]) == 0
    out, err = capsys.readouterr()
    with zipfile.ZipFile(project / "kit.zip") as kit:
        names = kit.namelist()
    english = [n for n in names if re.match(r"[^/]+/pdf/[^/]+\.pdf$", n)]
    spanish = [n for n in names if re.match(r"[^/]+/es/pdf/[^/]+\.pdf$", n)]
    assert english and spanish
    total = len(english) + len(spanish)
    assert f"; {total} PDFs: {len(english)} en, {len(spanish)} es). Unzip it" in out, out

    lines = err.splitlines()
    order = ["Checking content and data…", "Converting pages (en): 0/", "Converting pages (es): 0/",
             f"PDFs: 0/{total}", f"PDFs: {total}/{total} in ", "Zipping into ", "Zipping into "]
    found, at = [], 0
    for start in order:  # each in turn, after the one before
        at = next((n for n in range(at, len(lines)) if lines[n].startswith(start)), None)
        assert at is not None, (start, lines)
        found.append(at)
        at += 1
    assert lines[found[-2]].endswith("…") and re.search(r": [\d.]+ s$", lines[found[-1]]), lines


def test_the_second_build_counts_the_pdfs_from_the_cache(project, monkeypatch, capsys):
    monkeypatch.setattr(pdf, "render_pdf", fake_render)
    capsys.readouterr()
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    first = capsys.readouterr().out
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    out, err = capsys.readouterr()
    total = int(re.search(r"(\d+) PDFs:", first).group(1))
    assert f"{total} PDFs: " in out
    assert f"PDFs: {total}/{total} in " in err and f"0 rendered, {total} from cache" in err


def test_a_counter_of_nothing_still_ends():
    out = io.StringIO()
    progress = Progress(out, clock=Clock())
    counter = progress.counter("PDFs", 0)
    counter.finish()
    assert out.getvalue().splitlines()[-1].startswith("PDFs: 0/0 in ")


def test_a_log_gets_a_line_every_tenth_of_the_way():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, tty=False, clock=clock)
    counter = progress.counter("PDFs", 148)
    for _ in range(148):
        clock.now += 1.5
        counter.advance()
    lines = out.getvalue().splitlines()
    assert lines[0] == "PDFs: 0/148"
    assert lines[1:-1] == [f"PDFs: {n}/148" for n in (15, 30, 45, 60, 74, 89, 104, 119, 134)]
    assert lines[-1] == "PDFs: 148/148 in 3 min 42 s"
    assert "\r" not in out.getvalue()


def test_a_terminal_gets_a_bar_redrawn_in_place():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, tty=True, clock=clock)
    counter = progress.counter("PDFs", 4)
    counter.advance(1)
    assert out.getvalue().endswith("\rPDFs: [######..................] 1/4")
    clock.now = 5
    counter.advance(3)
    assert out.getvalue().count("\n") == 1 and out.getvalue().endswith("\rPDFs: 4/4 in 5.0 s\033[K\n")
    with progress.stage("Search index") as stage:
        clock.now = 17
        stage.note = "12 pages"
    assert out.getvalue().endswith("Search index…\nSearch index: 12 pages, 12 s\n")


def test_a_stage_or_line_ends_the_counter_before_it():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, tty=False, clock=clock)
    progress.counter("Writing pages (en)", 10).advance(4)
    clock.now = 2
    progress.line("next")
    assert out.getvalue().splitlines()[-2:] == ["Writing pages (en): 4/10 in 2.0 s", "next"]


def test_the_cli_draws_a_bar_when_stderr_is_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", Terminal())
    assert Progress.to_stderr().tty
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not Progress.to_stderr().tty
