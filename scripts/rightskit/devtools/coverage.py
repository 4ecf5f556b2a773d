"""How much of an edition a reader gets in its language, measured on a built site (issue 19's
targets: at least 90% of the pages for readers translated, at most 10% of the words in article
bodies English):

- pages for readers: the hand-written pages outside contribute/ whose built page in the edition
  is not the English fallback (mkdocs/langmarks.is_fallback);
- words: in the article body of every page of the edition (contribute/ left out), those inside an
  element marked `lang="en"` count as English. The site marks every English passage that way
  (WCAG 3.1.2), a fallback page's whole body included, so the mark is what is measured.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

from rightskit.content.i18n.translations import CONTRIBUTOR_PAGES
from rightskit.core import languages, paths
from rightskit.mkdocs import langmarks

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SKIPPED = frozenset({"script", "style", "template", "svg"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _Words(HTMLParser):
    """Words of the <article class="md-content__inner"> element: all of them, and the English ones."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool, bool]] = []  # tag, in English, skipped
        self.depth = 0  # elements open inside the article; 0 outside it
        self.total = self.english = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if not self.depth:
            if tag == "article" and "md-content__inner" in (values.get("class") or ""):
                self.depth = 1
                self.stack = [(tag, False, False)]
            return
        if tag in VOID:
            return
        _, english, skipped = self.stack[-1]
        lang = (values.get("lang") or "").lower()
        if lang:
            english = lang.split("-")[0] != self.lang.split("-")[0]
        self.stack.append((tag, english, skipped or tag in SKIPPED))
        self.depth += 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        # to the matching tag: HTML lets some elements close themselves (<p>, <li>)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                self.depth = len(self.stack)
                return

    def handle_data(self, data):
        if not self.depth or self.stack[-1][2]:
            return
        count = len(WORD.findall(data))
        self.total += count
        if self.stack[-1][1]:
            self.english += count


def body_words(html: str, lang: str) -> tuple[int, int]:
    """(words, English words) in the page's article body, in an edition of language `lang`."""
    parser = _Words(lang)
    parser.feed(html)
    parser.close()
    return parser.total, parser.english


@dataclass
class EditionCoverage:
    lang: str
    translated: int = 0  # pages for readers shown in the edition's language
    readers: int = 0  # pages for readers
    words: int = 0
    english_words: int = 0
    mostly_english: list[str] = field(default_factory=list)  # site-relative pages, over half English
    untranslated: list[str] = field(default_factory=list)  # pages for readers shown in English

    @property
    def pages_percent(self) -> float:
        return 100 * self.translated / self.readers if self.readers else 100.0

    @property
    def english_percent(self) -> float:
        return 100 * self.english_words / self.words if self.words else 0.0

    def summary(self) -> str:
        return (f"{self.lang}: {self.translated} of {self.readers} pages for readers translated "
                f"({self.pages_percent:.1f}%); {self.english_words:,} of {self.words:,} words in article bodies "
                f"English ({self.english_percent:.1f}%); {len(self.mostly_english)} pages mostly English")


def edition_coverage(site_dir: Path, lang: str, reader_pages: Iterable[str]) -> EditionCoverage:
    """The coverage of edition `lang` in the site built at `site_dir`; `reader_pages` are the
    hand-written pages (docs-relative, e.g. rights/housing.md), contributors' pages included or not."""
    prefix = languages.site_prefix(lang)
    out = EditionCoverage(lang)
    for page in sorted(reader_pages):
        if page.startswith(CONTRIBUTOR_PAGES):
            continue
        built = site_dir / (prefix + paths.url_of(page)) / "index.html"
        out.readers += 1
        if built.is_file() and not langmarks.is_fallback(built.read_text(encoding="utf-8")):
            out.translated += 1
        else:
            out.untranslated.append(page)
    root = site_dir / prefix
    for file in sorted(root.rglob("*.html")):
        where = file.relative_to(site_dir).as_posix()
        if where.startswith(prefix + CONTRIBUTOR_PAGES):
            continue
        words, english = body_words(file.read_text(encoding="utf-8"), lang)
        out.words += words
        out.english_words += english
        if words and english * 2 > words:
            out.mostly_english.append(where)
    return out
