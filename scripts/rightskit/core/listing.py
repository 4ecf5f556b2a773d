"""Long lists of pages, split into pages of a fixed size.

A page that lists modules (a hub, an instrument's "Cited in", the tags, all pages) shows the first
few items of each list and links to the complete list, which is written as numbered pages of at
most `ListSizes.page` items. Every page then stays the same size however many modules the site
holds. Nothing here knows about MkDocs or templates: `render.Renderer` turns these into pages.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class ListSizes:
    """How many items a list shows where it appears, and how many a page of a complete list holds.

    A list of pages with their summaries costs about 0.5 to 1 KB an item (summaries carry hover
    definitions), so ten is what a page about something else can carry and stay near the 60 KB of
    issue 13. On the shipped site (about 120 English pages) that cuts only the longest "Cited in"
    lists (an instrument's, a mechanism's, the most cited articles' and General Comments') and the
    longest hub lists (13 activities on housing); the all-pages list, the maintainers' tables and
    every other list look as they did. They are settings (`list_page_size`, `list_preview`,
    `list_overview`, `list_table` in mkdocs.yml) so that tests can see pagination on a small site."""

    page: int = 50  # items on one page of a complete list
    preview: int = 10  # lists inside a page: "Cited in" lists, a hub's modules of one type
    overview: int = 30  # lists of titles alone: all pages, by type
    table: int = 150  # rows of the maintainers' tables (review dates, translation status): about 250 bytes a row

    def __post_init__(self):
        for name in ("page", "preview", "overview", "table"):
            if getattr(self, name) < 1:
                raise ValueError(f"list sizes must be at least 1, not {name}={getattr(self, name)}")


@dataclass(frozen=True)
class Listing:
    """A complete list: its items in reading order, where its pages live and what it belongs to."""

    base: str  # docs-relative folder of its pages, e.g. standards/icescr/cited-in/article-11
    title: str  # in the language of the edition, e.g. "Pages citing ICESCR article 11"
    more: str  # the text of the link to it, with its length: "All 1,240 pages citing ICESCR article 11"
    items: tuple  # records (modules, workshops) or (title, page) pairs, as `style` says
    style: str  # how an item is written: "pages" (title and summary), "titles", "catalog"
    owner: str | None = None  # the docs page the list belongs to, linked from every page of it
    owner_title: str = ""

    @property
    def path(self) -> str:
        return page_path(self.base, 1)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class ListPage:
    """One page of a complete list."""

    listing: Listing
    number: int  # from 1
    count: int  # pages in the whole list
    start: int  # index of its first item in the whole list, from 0
    items: tuple

    @property
    def path(self) -> str:
        return page_path(self.listing.base, self.number)

    @property
    def previous(self) -> str | None:
        return page_path(self.listing.base, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return page_path(self.listing.base, self.number + 1) if self.number < self.count else None

    def links(self) -> list[tuple[int, str] | None]:
        """The numbered links of its pagination bar: (number, path), with None for a gap."""
        return [None if n is None else (n, page_path(self.listing.base, n)) for n in window(self.number, self.count)]


def page_path(base: str, number: int) -> str:
    """Page 1 is the list's folder itself (`…/cited-in/`), page n is `…/cited-in/n/`."""
    return posixpath.join(base, "index.md" if number == 1 else f"{number}.md")


def split(listing: Listing, size: int) -> list[ListPage]:
    count = max(1, -(-len(listing.items) // size))
    return [ListPage(listing, n + 1, count, n * size, tuple(listing.items[n * size:(n + 1) * size]))
            for n in range(count)]


def window(current: int, count: int, around: int = 2) -> list[int | None]:
    """Page numbers to link to: the first, the last and `around` on each side of the current one,
    with None where numbers are left out, so the bar has the same length on page 3 and page 300."""
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def folder_of(page: str) -> str:
    """The folder a page's own address names, where its complete lists go: `standards/icescr.md`
    gives `standards/icescr`, `mechanisms/special-procedures/index.md` `mechanisms/special-procedures`."""
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return stem
