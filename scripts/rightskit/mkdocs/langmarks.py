"""Language marks on a built page of another edition, for what it still shows in English.

Material writes a page's title into the navigation, the previous/next footer links, the header and
the head; under /es/ an untranslated page's title is English, so those places are marked
lang="en" (WCAG 3.1.2), as render.mark_language already marks a fallback page's body.

A pass over a built page's HTML and its address alone (no MkDocs object), so it can run after any
engine that writes Material's markup: `mark_english` on one page, `mark_built_pages` over a site
folder. The page is read with a parser (htmlscan.py), and the marks spliced in where it found the
tags. Part of the MkDocs adapter, with thememarkup.py: both know Material's markup.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from rightskit.mkdocs.htmlscan import Scan, is_start

# The active entry of the navigation: the page itself, a label that opens its table of contents.
_ACTIVE_LABEL = '<label class="md-nav__link md-nav__link--active" for="__toc">'
_HEADER_TOPIC = '<div class="md-header__topic" data-md-component="header-topic">'
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _fallback(scan: Scan) -> bool:
    for index, tag in enumerate(scan.tags):
        if tag.kind == "start" and tag.text == '<div lang="en">':
            following = scan.next_tag(index)
            if following is not None and is_start(scan.tags[following], "h1"):
                return True
    return False


def is_fallback(html: str) -> bool:
    """Whether the page's body is English text shown in another edition (render.mark_language)."""
    return _fallback(Scan(html))


def _target(href: str, page_url: str) -> str:
    """The site-relative address a link on the page at `page_url` leads to (without its #anchor)."""
    base = "/" + page_url
    href = href.split("#", 1)[0] or "./"  # a table-of-contents link points into the page itself
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, href))
    return joined.lstrip("/") + ("/" if href.endswith("/") and joined != "/" else "")


def _links(scan: Scan, page_url: str, english_urls: frozenset[str], lang: str) -> None:
    tags = scan.tags
    for index, tag in enumerate(tags):
        if is_start(tag, "a", ("href", "*"), ("class", "md-nav__link*")):
            if _target(tag.attrs[0][1], page_url) in english_urls:
                scan.add_attribute(tag, "class", f'lang="{lang}"')
        elif is_start(tag, "a", ("href", "*"), ("class", "md-footer__link*")):
            if _target(tag.attrs[0][1], page_url) not in english_urls:
                continue
            # the aria-label ("Anterior: <English title>") stays: on a phone the theme hides the link's
            # text, and the label is then its only name (axe link-name)
            title = next((t for t in tags[index + 1:] if is_start(t, "div", ("class", "md-ellipsis"))), None)
            if title is not None:
                scan.add_attribute(title, "class", f'lang="{lang}"')


def mark_english_links(html: str, page_url: str, english_urls: frozenset[str], lang: str = "en") -> str:
    """`html` with navigation and footer links to `english_urls` (site-relative, e.g. es/contribute/)
    marked as `lang`. `page_url` is the site-relative address of the page holding the links."""
    scan = Scan(html)
    _links(scan, page_url, english_urls, lang)
    return scan.result()


def _destinations(scan: Scan, page_url: str, english_urls: frozenset[str], note: str, lang: str) -> None:
    tags = scan.tags
    start = next((i for i, t in enumerate(tags) if is_start(t, "article", ("class", "md-content__inner*"))), None)
    if start is None:
        return
    end = scan.closing(start, "article")
    for index in range(start + 1, len(tags) if end is None else end):
        tag = tags[index]
        if not is_start(tag, "a", ("href", "*")):
            continue
        href = tag.attrs[0][1]
        if not href or href.startswith(("#", "http:", "https:", "mailto:")):
            continue
        target = _target(href, page_url)
        if target not in english_urls or target == page_url:
            continue
        close = scan.closing(index, "a")
        if close is None:
            continue
        if not any(key == "hreflang" for key, _ in tag.attrs):
            scan.insert(tag.end - 1, f' hreflang="{lang}"')
        scan.insert(tags[close].end, f' <span class="rk-in-english">({note})</span>')


def mark_english_destinations(html: str, page_url: str, english_urls: frozenset[str], note: str,
                              lang: str = "en") -> str:
    """Links in the body of a page of another edition to a page shown in English: the link gets
    `hreflang`, and a visible note after it ("(en inglés)"), so a reader on a phone knows before
    tapping, as the `lang` mark alone tells only a screen reader. A fallback page's own English
    body is left alone: there the whole text is English already."""
    scan = Scan(html)
    _destinations(scan, page_url, english_urls, note, lang)
    return scan.result()


def _title(scan: Scan, lang: str) -> None:
    title = next((t for t in scan.tags if t.kind == "start" and t.text == "<title>"), None)
    if title is not None:
        scan.insert(title.end - 1, f' lang="{lang}"')
    # the navigation's entry for the page itself opens its table of contents: a label, not a link
    for tag in scan.tags:
        if tag.kind == "start" and tag.text == _ACTIVE_LABEL:
            scan.insert(tag.end - 1, f' lang="{lang}"')
    for index, tag in enumerate(scan.tags):
        if tag.kind == "start" and tag.text == _HEADER_TOPIC:
            following = scan.next_tag(index)
            if following is not None and is_start(scan.tags[following], "span", ("class", "md-ellipsis")):
                scan.add_attribute(scan.tags[following], "class", f'lang="{lang}"')
            break


def mark_english_title(html: str, lang: str = "en") -> str:
    """A page whose title is English in another edition (an untranslated record's generated page):
    its title in the head, the header and the navigation's entry for the page itself, which the
    theme writes outside the body, where the template has marked the title already."""
    scan = Scan(html)
    _title(scan, lang)
    return scan.result()


def _whole_page(scan: Scan, lang: str) -> None:
    for tag in scan.tags:
        if is_start(tag, "nav", ("class", "md-nav"), ("aria-label", "*")):
            scan.add_attribute(tag, "class", f'lang="{lang}"')
    _title(scan, lang)


def mark_english_page(html: str, lang: str = "en") -> str:
    """A page shown in English inside another edition: its title as in `mark_english_title`, and
    the sub-lists of its table of contents, named after the page's (English) headings (the table's
    own links are marked by `mark_english_links`, pointing into the page)."""
    scan = Scan(html)
    _whole_page(scan, lang)
    return scan.result()


def _toc_parts(scan: Scan) -> None:
    tags, html = scan.tags, scan.html
    parts: dict[str, list[tuple[str, str]]] = {}
    for index, tag in enumerate(tags):
        if tag.kind != "start" or tag.name not in _HEADINGS or not tag.attrs or tag.attrs[0][0] != "id":
            continue
        close = scan.closing(index, tag.name)
        for at in range(index + 1, len(tags) if close is None else close):
            span = tags[at]
            if span.kind == "start" and span.name == "span" and len(span.attrs) == 1 and span.attrs[0][0] == "lang":
                end = scan.closing(at, "span")
                if end is not None:
                    parts.setdefault(tag.attrs[0][1], []).append((span.attrs[0][1], html[span.end:tags[end].start]))
    if not parts:
        return
    for index, tag in enumerate(tags):
        if not (is_start(tag, "a", ("href", "#*"), ("class", "md-nav__link*")) and len(tag.attrs) == 2):
            continue
        found = parts.get(tag.attrs[0][1][1:])
        following = scan.next_tag(index) if found else None
        if following is None or tags[following].text != '<span class="md-ellipsis">':
            continue
        end = scan.closing(following, "span")
        if end is None:
            continue
        start, stop = tags[following].end, tags[end].start
        text = html[start:stop]
        for lang, part in found:
            if part.strip() and "<" not in part:
                text = text.replace(part, f'<span lang="{lang}">{part}</span>', 1)
        if text != html[start:stop]:
            scan.replace(start, stop, text)


def mark_toc_parts(html: str) -> str:
    """Table-of-contents entries of headings that hold a part in another language (an untranslated
    article's title under "Artículo 28:"): the same part is marked in the entry. The theme writes the
    entry from the heading's text, so it would otherwise lose the mark."""
    scan = Scan(html)
    _toc_parts(scan)
    return scan.result()


def mark(scan: Scan, page_url: str, english_urls: frozenset[str], note: str, lang: str = "en") -> None:
    """Every mark above, as changes to `scan` (a whole page): a fallback page (English body) as a
    whole, else its links to pages shown in English. `english_urls`: the site-relative addresses of
    the pages this edition shows in English; `note`: the edition's words for "in English"."""
    if _fallback(scan):
        english_urls = english_urls | {page_url}
        _whole_page(scan, lang)
    else:
        if page_url in english_urls:  # a generated page of an untranslated record: only its title
            _title(scan, lang)
        _destinations(scan, page_url, english_urls, note, lang)
    _toc_parts(scan)
    _links(scan, page_url, english_urls, lang)


def mark_english(html: str, page_url: str, english_urls: frozenset[str], note: str, lang: str = "en") -> str:
    """The page with every mark (`mark`)."""
    scan = Scan(html)
    mark(scan, page_url, english_urls, note, lang)
    return scan.result()


def mark_built_pages(site_dir: Path, edition: str, english_urls: frozenset[str], note: str,
                     directory_urls: bool = True) -> int:
    """`mark_english` over every page an engine wrote under `site_dir`/`edition`/; returns how many changed."""
    changed = 0
    for path in sorted((Path(site_dir) / edition).rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        url = relative[: -len("index.html")] if directory_urls and relative.endswith("/index.html") else relative
        html = path.read_text(encoding="utf-8")
        marked = mark_english(html, url, english_urls, note)
        if marked != html:
            path.write_text(marked, encoding="utf-8")
            changed += 1
    return changed
