"""Reading built PDFs back for the print-layout tests: text per page, body area only, word boxes.

Poppler's pdftotext does the reading (poppler-utils is a system dependency of the tests)."""
from __future__ import annotations

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


def body_lines(path: Path) -> list[list[str]]:
    """The non-empty text lines of each page's body area (running heads and feet cut off)."""
    pages = []
    for number, (width, height) in enumerate(page_sizes(path), start=1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), "-x", "0", "-y", str(int(TOP)),
             "-W", str(int(width)), "-H", str(int(height - TOP - BOTTOM)), str(path), "-"],
            capture_output=True, text=True, check=True).stdout
        pages.append([line.strip() for line in text.splitlines() if line.strip()])
    return pages


def all_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(path: Path, page: int = 1) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)
    return [Word(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in found]
