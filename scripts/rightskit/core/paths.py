"""Where each record lives on the site: its source page under docs/ and its web address.

One place decides this, so links, the JSON export, PDFs and the plugin always agree.
"""
from __future__ import annotations

import posixpath

from rightskit.core import model as m
STANDARDS_INDEX = "standards/index.md"
GENERAL_COMMENTS_INDEX = "standards/general-comments/index.md"
MECHANISMS_INDEX = "mechanisms/index.md"
WORKSHOPS_INDEX = "workshops/index.md"
GLOSSARY = "glossary.md"
TRANSLATIONS = "about/translations.md"  # which pages are translated, stale or missing
FINDER_PAGE = "mechanisms/finder.md"  # the mechanism finder, generated when there are pathways
ALL_PAGES = "all-pages.md"  # every page by type: where search leads without JavaScript
REVIEW = "about/review.md"  # for maintainers: what needs review, oldest first
TAGS = "tags.md"  # the tags: each issue area, leading to the pages filed under it
DATA_DIR = "data"
PDF_DIR = "pdf"


def instrument_page(instrument: m.Instrument | str) -> str:
    ident = instrument if isinstance(instrument, str) else instrument.id
    return f"standards/{ident}.md"


def tag_page(area: m.IssueArea | str) -> str:
    """The first page of the list of pages an issue area tags (its later pages are 2.md, 3.md…)."""
    ident = area if isinstance(area, str) else area.id
    return f"{TAGS[:-3]}/{ident}/index.md"


def general_comments_page(body: str) -> str:
    return f"standards/general-comments/{body}.md"


def mechanism_page(mechanism: m.Mechanism) -> str:
    return mechanism.guide or f"mechanisms/{mechanism.id}.md"


def workshop_page(workshop: m.Workshop | str) -> str:
    ident = workshop if isinstance(workshop, str) else workshop.id
    return f"workshops/{ident}.md"


def page_of(target: m.Target | m.Module | m.Workshop | m.IssueArea) -> tuple[str, str]:
    """(docs-relative page, anchor) of anything that can be linked to."""
    if isinstance(target, m.Instrument):
        return instrument_page(target), ""
    if isinstance(target, m.Article):
        return instrument_page(target.instrument_id), target.anchor
    if isinstance(target, m.GeneralComment):
        return general_comments_page(target.body), target.anchor
    if isinstance(target, m.Mechanism):
        return mechanism_page(target), ""
    if isinstance(target, m.Workshop):
        return workshop_page(target), ""
    if isinstance(target, m.IssueArea):
        return target.hub, ""
    return target.path, ""


def url_of(page: str, anchor: str = "") -> str:
    """Site-relative web address of a page, as MkDocs writes it with directory URLs."""
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/"
    return url + (f"#{anchor}" if anchor else "")


def url(target) -> str:
    return url_of(*page_of(target))


def link_from(from_page: str, target) -> str:
    """A relative Markdown link from one docs page to a target, which MkDocs then checks."""
    page, anchor = page_of(target)
    relative = posixpath.relpath(page, posixpath.dirname(from_page) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def resolve_relative(from_page: str, target: str) -> str | None:
    """The docs-relative path a relative link points at, or None when it leaves docs/."""
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return from_page
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target))
    if joined.startswith("../") or joined == "..":
        return None
    if target.endswith("/"):
        joined += "/index.md"
    return joined


def pdf_name(kind: str, ident: str, paper: str) -> str:
    """kind: 'guide', 'packet', 'handout', or a kit sheet ('runsheet', 'referrals', 'before-after', 'tally',
    'wall', 'flipcharts'); paper: 'letter', 'a4' or 'large-print'."""
    return f"{PDF_DIR}/{ident.replace('/', '-')}-{kind}-{paper}.pdf"


def generated_pages(site: m.Site) -> set[str]:
    pages = {STANDARDS_INDEX, GENERAL_COMMENTS_INDEX, MECHANISMS_INDEX, WORKSHOPS_INDEX, GLOSSARY, ALL_PAGES}
    if site.translations:
        pages.add(TRANSLATIONS)
    pages.add(REVIEW)
    pages |= {instrument_page(i) for i in site.instruments.values()}
    pages |= {general_comments_page(g.body) for g in site.general_comments.values()}
    pages |= {mechanism_page(x) for x in site.mechanisms.values() if not x.guide}
    pages |= {workshop_page(w) for w in site.workshops.values()}
    if site.pathways:
        pages.add(FINDER_PAGE)
    pages |= reference_pages()
    # Every page of a list is generated too, but only the first page of a tag's list always exists
    # (the others depend on the list sizes in mkdocs.yml): a hand-written page may link to that one.
    if TAGS in site.modules:
        pages |= {tag_page(a) for a in {a for x in site.modules.values() for a in x.issue_areas} if a in site.issue_areas}
    return pages


def reference_pages() -> set[str]:
    from rightskit.core import schema  # schema describes the records; it needs nothing from here

    return {f"{schema.REFERENCE_DIR}/index.md"} | {kind.page for kind in schema.KINDS.values()}
