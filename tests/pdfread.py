"""Reading built PDFs back for the print-layout tests: text per page, body area only, word boxes.

Poppler's pdftotext does the reading (poppler-utils is a system dependency of the tests)."""
from __future__ import annotations

import functools
import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4
# The page margins of print.css: running heads sit above TOP, running feet below BOTTOM.
TOP, BOTTOM = 22 * MM, 20 * MM


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def _pdftotext(path: Path, *options: str) -> str:
    return _read(str(path), path.stat().st_mtime_ns, options)


@functools.lru_cache(maxsize=512)
def _read(path: str, mtime: int, options: tuple[str, ...]) -> str:
    """One pdftotext run over the whole document (pages end in form feeds); several tests read the
    same PDFs the same way, so each reading is kept (keyed by modification time, in case of a rebuild)."""
    return subprocess.run(["pdftotext", *options, path, "-"], capture_output=True, text=True, check=True).stdout


def _pages(text: str) -> list[str]:
    """The text of each page: pdftotext ends every page, the last included, with a form feed."""
    return text.split("\f")[:-1]


def body_lines(path: Path) -> list[list[str]]:
    """The non-empty text lines of each page's body area (running heads and feet cut off)."""
    sizes = page_sizes(path)
    pages: list[str] = []
    first = 0
    while first < len(sizes):  # one reading per run of pages of the same size (the crop box is per run)
        last = first
        while last + 1 < len(sizes) and sizes[last + 1] == sizes[first]:
            last += 1
        width, height = sizes[first]
        text = _pdftotext(path, "-layout", "-f", str(first + 1), "-l", str(last + 1), "-x", "0", "-y", str(int(TOP)),
                          "-W", str(int(width)), "-H", str(int(height - TOP - BOTTOM)))
        read = _pages(text)
        assert len(read) == last - first + 1, (path, first, last, len(read))
        pages += read
        first = last + 1
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def all_text(path: Path) -> str:
    """The whole text, in reading order; pages end in form feeds."""
    return _pdftotext(path)


def layout_text(path: Path) -> str:
    """The whole text as laid out on the page (-layout keeps a hyphen at a line's end, as printed)."""
    return _pdftotext(path, "-layout")


def words(path: Path, page: int = 1) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)
    return [Word(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in found]
