"""`rightskit bench --scale`: our build against stock MkDocs + Material as the site grows.

For each size N, a copy of the project gets N extra modules: copies of the real explainers, retitled
and placed in navigation groups of 50 (so they carry the same cross-references, headings,
admonitions and glossary terms as real content). The same files are then built, each build in its
own process so its peak memory can be read:

- ours: `rightskit check` and `rightskit build --no-pdf` (the full HTML build, search included);
- a warm rebuild of ours after editing one module (the cache in .cache/rightskit is kept);
- stock: `mkdocs build` with Material's stock settings (search plugin, `navigation.tabs`), the same
  Markdown extensions and navigation, and no rightskit plugin (`[[id]]` references stay text);
- stock with `navigation.prune` too, as this site sets it: the same pages, each with only its own
  section's navigation, so its ms a page is the fairer comparison with ours;
- at the smallest and the largest size, the preview's save to reload for a body edit of one module:
  `rightskit serve` against stock `mkdocs serve` (with `navigation.prune`) on the same files
  (previewbench.py).

Timings are printed and written as JSON; tests never assert them.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from rightskit.content.load import Project
from rightskit.devtools import previewbench

DEFAULT_SIZES = [0, 100, 500, 2000]
GROUP = 50  # modules per navigation group: small sections keep pruned pages small
SCALE_DIR = "scale"  # docs/scale/: one level deep, like the originals, so their relative links still work
SOURCES = "explainers"  # docs/explainers/*.md are copied round-robin
_IGNORE_ANYWHERE = shutil.ignore_patterns(".venv", ".cache", ".git", "__pycache__")
_IGNORE_AT_ROOT = shutil.ignore_patterns("site", "site.*", "tests")  # the built site and its swap folders


@dataclass
class Run:
    seconds: float
    pages: int
    html_bytes: int
    peak_mb: float
    cpu_seconds: float = 0.0  # user + system, the process and the children it waited for

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0

    @property
    def kb_per_page(self) -> float:
        return self.html_bytes / self.pages / 1024 if self.pages else 0.0


@dataclass
class Row:
    modules: int
    ours: Run
    stock: Run
    warm: Run | None = None
    check_seconds: float = 0.0
    extra: dict = field(default_factory=dict)
    stock_prune: Run | None = None
    preview: dict | None = None  # engine -> previewbench.PreviewTimes, at the sizes that time it

    @property
    def speedup(self) -> float:
        return self.stock.seconds / self.ours.seconds if self.ours.seconds else 0.0

    @property
    def speedup_prune(self) -> float:
        return self.stock_prune.seconds / self.ours.seconds if self.stock_prune and self.ours.seconds else 0.0


# --- building the test projects ------------------------------------------------------------

def copy_project(source: Path, dest: Path) -> None:
    root = str(source)

    # Only at the top: a pattern such as "site.*" would also drop overrides/assets/site.css.
    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = _IGNORE_ANYWHERE(folder, names)
        return skipped | _IGNORE_AT_ROOT(folder, names) if folder == root else skipped

    shutil.copytree(source, dest, ignore=ignore)


def retitle(markdown: str, suffix: str) -> str:
    """The same module under a new title (front matter `title:` line)."""
    return re.sub(r"^title: *(.*)$", lambda m: f"title: {_plain(m.group(1))} ({suffix})", markdown, count=1,
                  flags=re.M)


def _plain(title: str) -> str:
    title = title.strip()
    if len(title) > 1 and title[0] == title[-1] and title[0] in "'\"":
        return title[1:-1]
    return title


def add_modules(root: Path, count: int, docs_dir: str = "docs", config_file: str = "mkdocs.yml") -> list[str]:
    """Write `count` copies of real modules under docs/scale/ and list them in the navigation,
    in a last top-level "Scale" tab of groups of 50. Returns their docs-relative paths."""
    docs = root / docs_dir
    sources = sorted((docs / SOURCES).glob("*.md"))
    if not sources:
        raise SystemExit(f"no modules to copy in {docs / SOURCES}")
    texts = [s.read_text(encoding="utf-8") for s in sources]
    folder = docs / SCALE_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for n in range(count):
        name = f"{SCALE_DIR}/module-{n:04d}.md"
        (docs / name).write_text(retitle(texts[n % len(texts)], f"copy {n + 1}"), encoding="utf-8")
        written.append(name)
    if count:
        config = root / config_file
        groups = [written[i:i + GROUP] for i in range(0, count, GROUP)]
        nav = "".join(f"      - Group {g + 1}:\n" + "".join(f"          - {p}\n" for p in group)
                      for g, group in enumerate(groups))
        config.write_text(append_to_nav(config.read_text(encoding="utf-8"), f"  - Scale:\n{nav}"), encoding="utf-8")
    return written


def append_to_nav(config: str, entries: str) -> str:
    """Add entries at the end of the top-level `nav:` block (the last tab), as a partner's
    modules would be added."""
    lines = config.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    except StopIteration:
        raise SystemExit("mkdocs.yml has no top-level nav: to add the extra modules to") from None
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-", "#")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end]) + entries + "".join(lines[end:])


def commit_all(root: Path) -> None:
    """Make the copy a git checkout, as in CI: page dates then come from history, not the clock."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "bench"]):
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)


def stock_config(root: Path, config_file: str = "mkdocs.yml", docs_dir: str = "docs", prune: bool = False) -> Path:
    """A stock MkDocs + Material configuration for the same files: Material's defaults plus
    `navigation.tabs` (and `navigation.prune` with `prune`), the search plugin, our Markdown
    extensions (so the pages render the same constructs) and our navigation without the pages only
    the rightskit plugin generates. Written as stock.yml (stock-prune.yml) in `root`."""
    text = (root / config_file).read_text(encoding="utf-8")
    ours = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader
    docs = root / docs_dir

    def keep(node):
        if isinstance(node, str):
            return node if "://" in node or (docs / node).is_file() else None
        if isinstance(node, list):
            items = [x for x in (keep(n) for n in node) if x is not None]
            return items or None
        if isinstance(node, dict):
            items = {k: v for k, v in ((k, keep(v)) for k, v in node.items()) if v is not None}
            return items or None
        return node

    stock = {
        "site_name": ours.get("site_name", "Stock"),
        "site_url": ours.get("site_url"),
        "docs_dir": docs_dir,
        "theme": {"name": "material", "features": ["navigation.tabs"] + (["navigation.prune"] if prune else [])},
        "plugins": ["search"],
        "nav": keep(ours.get("nav", [])) or [],
    }
    path = root / ("stock-prune.yml" if prune else "stock.yml")
    # The extensions' block is copied as written: it may hold tags such as !!python/name.
    path.write_text(yaml.safe_dump(stock, sort_keys=False, allow_unicode=True) + top_level_block(text, "markdown_extensions"),
                    encoding="utf-8")
    return path


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, for the few values the stock configuration takes."""


def _env(loader: _ConfigLoader, node: yaml.Node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
    return next((os.environ[n] for n in names if n in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def top_level_block(config: str, key: str) -> str:
    """A top-level key of mkdocs.yml with its indented value, as written ("" when absent)."""
    lines = config.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return ""
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "#")) or not lines[end].strip()):
        end += 1
    return "".join(lines[start:end]).rstrip("\n") + "\n"


# --- measuring one build --------------------------------------------------------------------

def measure(command: list[str], cwd: Path, site: Path) -> Run:
    """Run a build in its own process; wall time, pages written and the process's peak memory."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="true")
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read()
    # wait4 gives this child's own resource usage (the largest of it and its own children).
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{output.decode(errors='replace')[-3000:]}")
    pages = list(site.rglob("*.html")) if site.is_dir() else []
    return Run(seconds, len(pages), sum(p.stat().st_size for p in pages), usage.ru_maxrss / 1024,
               usage.ru_utime + usage.ru_stime)


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def edit_one_module(root: Path, docs_dir: str = "docs", number: int = 0) -> Path:
    """A typical contributor edit: one more sentence in one module's body."""
    target = root / docs_dir / SCALE_DIR / f"module-{number:04d}.md"
    if not target.is_file():
        target = sorted((root / docs_dir / SOURCES).glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nOne more sentence, added by the benchmark.\n",
                      encoding="utf-8")
    return target


def bench_size(project: Project, size: int, work: Path, warm: bool = True, preview: bool = False,
               preview_rounds: int = 3) -> Row:
    root = work / f"project-{size}"
    copy_project(project.root, root)
    add_modules(root, size, project.docs_dir, project.config_file)
    commit_all(root)
    stock = stock_config(root, project.config_file, project.docs_dir)
    rightskit = python_command("-m", "rightskit.cli", "-f", project.config_file)
    check = measure(rightskit + ["check"], root, work / "none")
    ours = measure(rightskit + ["build", "--no-pdf", "--site-dir", str(work / f"ours-{size}")], root,
                   work / f"ours-{size}")
    warm_run = None
    if warm:
        # As `make site` runs again after an edit: into the same site folder, with the cache kept.
        # The first rebuild after a cold one has no earlier folder to write over yet (sitesync.rotate),
        # so the second, after another edit, is the one reported.
        site = work / f"ours-{size}"
        for number in (0, 1):
            edit_one_module(root, project.docs_dir, number)
            warm_run = measure(rightskit + ["build", "--no-pdf", "--site-dir", str(site)], root, site)
    stock_run = measure(python_command("-m", "mkdocs", "build", "-q", "-f", stock.name, "-d",
                                       str(work / f"stock-{size}")), root, work / f"stock-{size}")
    shutil.rmtree(work / f"stock-{size}", ignore_errors=True)  # 2,000 stock pages are over 1 GB
    pruned = stock_config(root, project.config_file, project.docs_dir, prune=True)
    prune_run = measure(python_command("-m", "mkdocs", "build", "-q", "-f", pruned.name, "-d",
                                       str(work / f"stock-{size}")), root, work / f"stock-{size}")
    times = preview_times(root, project, preview_rounds) if preview else None
    for name in (f"ours-{size}", f"ours-{size}.partial", f"stock-{size}", f"project-{size}"):
        shutil.rmtree(work / name, ignore_errors=True)
    return Row(size, ours, stock_run, warm_run, check.seconds, stock_prune=prune_run, preview=times)


def preview_times(root: Path, project: Project, rounds: int) -> dict:
    """Save to reload for body edits of one extra module (an explainer at size 0): ours, after the
    builds above (so from their page cache, as a contributor's `make serve` starts), then stock
    `mkdocs serve`, which builds every page again on each save: one timed edit after the first,
    so that 2,000 extra modules stay affordable."""
    page = f"{project.docs_dir}/{SCALE_DIR}/module-0000.md"
    if not (root / page).is_file():
        page = previewbench.default_page(root)
    stock = stock_config(root, project.config_file, project.docs_dir, prune=True)
    return {"ours": previewbench.measure(root, page, rounds, project.config_file),
            "stock": previewbench.measure(root, page, 1, project.config_file, stock=stock)}


# --- reporting ---------------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return {"cpu": cpu, "cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "system": platform.platform(terse=True),
            "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
            "markdown": version("markdown")}


def table(rows: list[Row]) -> str:
    head = ("| extra modules | build (CPU) | pages | ms a page | HTML a page | peak memory "
            "| stock build (CPU) | stock ms a page | stock HTML a page | stock peak | stock/ours "
            "| stock+prune build (CPU) | stock+prune ms a page | stock+prune HTML a page | stock+prune/ours "
            "| warm rebuild (CPU) | check |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        warm = f"{r.warm.seconds:.1f} s ({r.warm.cpu_seconds:.1f} s)" if r.warm else "-"
        lines.append(
            f"| {r.modules:,} | {r.ours.seconds:.1f} s ({r.ours.cpu_seconds:.1f} s) | {r.ours.pages:,} | {r.ours.ms_per_page:.1f} "
            f"| {r.ours.kb_per_page:.0f} KB | {r.ours.peak_mb:.0f} MB | {r.stock.seconds:.1f} s ({r.stock.cpu_seconds:.1f} s) "
            f"| {r.stock.ms_per_page:.1f} | {r.stock.kb_per_page:.0f} KB | {r.stock.peak_mb:.0f} MB "
            f"| {r.speedup:.2f}x | {_prune_cells(r)} | {warm} | {r.check_seconds:.2f} s |")
    previews = [r for r in rows if r.preview]
    if previews:
        lines += ["", "| extra modules | save to reload, ours (median, min-max) | edits "
                  "| save to reload, stock `mkdocs serve` + prune | edits | stock first build |",
                  "|---|---|---|---|---|---|"]
        for r in previews:
            ours, stock = r.preview["ours"], r.preview["stock"]
            lines.append(f"| {r.modules:,} | {_spread(ours.reloads)} | {len(ours.reloads)} "
                         f"| {_spread(stock.reloads)} | {len(stock.reloads)} | {stock.first_build:.1f} s |")
    return "\n".join(lines)


def _prune_cells(r: Row) -> str:
    p = r.stock_prune
    if p is None:
        return "- | - | - | -"
    return f"{p.seconds:.1f} s ({p.cpu_seconds:.1f} s) | {p.ms_per_page:.1f} | {p.kb_per_page:.0f} KB | {r.speedup_prune:.2f}x"


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[len(ordered) // 2]:.2f} s ({ordered[0]:.2f}-{ordered[-1]:.2f})"


def as_json(rows: list[Row], started: str) -> dict:
    def run(r: Run | None):
        return None if r is None else {**asdict(r), "ms_per_page": round(r.ms_per_page, 2),
                                       "kb_per_page": round(r.kb_per_page, 1)}

    return {"date": started, "machine": machine(), "group_size": GROUP,
            "sources": f"docs/{SOURCES}/*.md, copied round-robin",
            "rows": [{"modules": r.modules, "ours": run(r.ours), "stock": run(r.stock), "warm": run(r.warm),
                      "stock_prune": run(r.stock_prune),
                      "check_seconds": round(r.check_seconds, 3), "stock_over_ours": round(r.speedup, 2),
                      "stock_prune_over_ours": round(r.speedup_prune, 2),
                      "preview": None if not r.preview else {engine: asdict(t) for engine, t in r.preview.items()}}
                     for r in rows]}


def run(project: Project, sizes: list[int] | None = None, out: Path | None = None, warm: bool = True,
        preview: bool = True) -> int:
    sizes = DEFAULT_SIZES if sizes is None else sizes
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = out or project.root / ".cache" / "rightskit" / "bench-scale.json"
    print(f"Scale benchmark, {started}: the site plus N copies of docs/{SOURCES}/*.md in nav groups of {GROUP};\n"
          "ours = `rightskit build --no-pdf` (search included), stock = MkDocs + Material stock settings on the\n"
          "same files (and again with navigation.prune); each build in its own process. Warm = our rebuild after\n"
          "editing one module. At the smallest and largest size, the preview's save to reload, ours and stock.\n", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="rightskit-scale-") as tmp:
        timed = {min(sizes), max(sizes)} if preview and sizes else set()
        for size in sizes:
            rows.append(bench_size(project, size, Path(tmp), warm=warm, preview=size in timed))
            r = rows[-1]
            print(f"  {size:>5} modules: ours {r.ours.seconds:.1f} s, stock {r.stock.seconds:.1f} s, "
                  f"stock+prune {r.stock_prune.seconds:.1f} s", flush=True)
            if r.preview:
                print(f"         preview save to reload: ours {_spread(r.preview['ours'].reloads)}, "
                      f"stock serve {_spread(r.preview['stock'].reloads)}", flush=True)
    print()
    print(table(rows))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(as_json(rows, started), indent=2) + "\n", encoding="utf-8")
    print(f"\nWritten to {os.path.relpath(out)}. Machine: {machine()['cpu']}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}.")
    return 0
