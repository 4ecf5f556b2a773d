"""Structural properties behind the build's speed at scale (never timings: see `make bench-scale`)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO, check, rightskit
from rightskit.render import Renderer
from rightskit.scalebench import add_modules, commit_all, copy_project


def _add_term(root: Path, term: str, expansion: str) -> None:
    glossary = root / "standards" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + f"- term: {term}\n  expansion: {expansion}\n  definition: Test definition.\n",
                        encoding="utf-8")


def test_glossary_definitions_are_per_page(mini):
    _add_term(mini, "AAAQ", "Availability, accessibility, acceptability and quality")
    page = mini / "docs" / "activities" / "line.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCheck the AAAQ of each home.\n", encoding="utf-8")
    site = check(mini).site
    renderer = Renderer(site)
    line = renderer.page_markdown(site.modules["activities/line.md"], site.modules["activities/line.md"].body)
    assert "*[AAAQ]: Availability" in line
    assert "*[UPR]:" not in line  # a term the page does not use is not defined on it
    upr = site.modules["mechanisms/upr.md"]
    text = renderer.page_markdown(upr, upr.body)
    assert "*[UPR]: Universal Periodic Review" in text and "*[AAAQ]:" not in text
    # a word that merely contains a term is not a use of it
    assert renderer.abbreviations("UPRISING and AAAQs") == ""
    assert "*[UPR]:" in renderer.abbreviations("the UPR.")


# --- built sites: the real configuration plus copies of real modules ----------------------------

def _project(tmp_path: Path, name: str, extra: int) -> Path:
    root = tmp_path / name
    copy_project(REPO, root)
    add_modules(root, extra)
    commit_all(root)
    return root


def _build(root: Path, site: str) -> str:
    result = rightskit("build", "--no-pdf", "-v", "--site-dir", site, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


# The git-revision-date plugin writes the time of the build, to the second, into the tooltip of
# the date of every page git has no history for (generated pages): no two builds agree on it.
_BUILD_TIME = re.compile(rb'(git-revision-date-localized-plugin-date" title=")[^"]*(")')


# Pagefind writes its filter and metadata files in an order of its own choosing, so two clean
# builds name and fill them differently; those are compared by count, everything else (every
# index chunk and page fragment included) byte for byte.
_UNORDERED = re.compile(r"^pagefind/(filter/.*|[^/]*\.pf_meta|pagefind-entry\.json)$")


def _tree(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    tree = {name: _BUILD_TIME.sub(rb"\1\2", p.read_bytes()) for name, p in files.items() if not _UNORDERED.match(name)}
    tree["(pagefind files written in no fixed order)"] = str(sum(1 for n in files if _UNORDERED.match(n))).encode()
    return tree


def test_page_size_does_not_depend_on_the_number_of_pages(tmp_path):
    small, large = _project(tmp_path, "small", 8), _project(tmp_path, "large", 24)
    _build(small, "site")
    _build(large, "site")
    for page in ("explainers/business-and-human-rights/index.html", "activities/housing-line/index.html",
                 "index.html"):
        assert (small / "site" / page).stat().st_size == (large / "site" / page).stat().st_size, page
    # the extra modules really are in the navigation of the larger site
    assert (large / "site" / "scale" / "module-0023" / "index.html").is_file()
    assert "module-0023" not in (large / "site" / "explainers" / "business-and-human-rights" /
                                 "index.html").read_text(encoding="utf-8")


def _append(module: Path, text: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_warm_build_after_an_edit_equals_a_clean_build(tmp_path):
    """As `make site` runs again and again: each build into site/ reuses the caches and writes over
    the build before last (site.partial), and still equals a build from nothing."""
    root = _project(tmp_path, "project", 12)
    _build(root, "site")
    cold = _tree(root / "site")
    _append(root / "docs" / "scale" / "module-0003.md", "\nA new sentence citing [[icescr/12]].\n")
    _build(root, "site")
    assert (root / "site.partial").is_dir()  # the first build's folder, kept to be written over next time
    _append(root / "docs" / "scale" / "module-0005.md", "\nOne more sentence.\n")
    log = _build(root, "site")
    converted, reused = map(int, re.search(r"Page cache: (\d+) converted, (\d+) reused", log).groups())
    assert reused > 100 and 0 < converted < 5, log  # the warm build reused almost everything
    assert "no helpers (few pages changed" in log  # one page changed: no process forked to share the work
    assert "Pagefind's output reused" not in log  # a page's text changed: the index is made again
    warm = _tree(root / "site")
    shutil.rmtree(root / ".cache")
    _build(root, "site-clean")
    clean = _tree(root / "site-clean")
    assert warm.keys() == clean.keys()
    assert [p for p in warm if warm[p] != clean[p]] == []
    # and the edits did change the output: the pages themselves, and the instrument page citing one
    assert warm["scale/module-0003/index.html"] != cold["scale/module-0003/index.html"]
    assert warm["scale/module-0005/index.html"] != cold["scale/module-0005/index.html"]
    assert warm["standards/icescr/index.html"] != cold["standards/icescr/index.html"]
    # a build with nothing changed reuses Pagefind's output as well
    assert "Pagefind's output reused" in _build(root, "site")
    assert _tree(root / "site") == warm
