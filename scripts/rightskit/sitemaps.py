"""Per-language sitemaps and head alternates, shaped the way Material's browser code reads them.

Material's language-selector code treats every `<link rel="alternate">` in the head as a language
*root* and fetches `sitemap.xml` beside it; it also fetches `sitemap.xml` at the edition's base.
mkdocs-static-i18n writes per-page alternates (the same page in each language) and one sitemap at
the site root, so every page load asked for `<page>/sitemap.xml` and `/es/sitemap.xml`: 404s.
The fix: each language root carries its own sitemap, and the head carries no per-page alternate
links (the root sitemap already lists each page's hreflang alternates, which search engines read
the same way; the visible language switcher still links to the same page in the other language)."""
from __future__ import annotations

import posixpath
import re

_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]+)</loc>")
# Only the language alternates (they carry hreflang); feeds (type="application/rss+xml") stay.
_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def edition_sitemap(root_sitemap: str, edition_url: str) -> str:
    """The root sitemap cut down to the URLs under `edition_url` (e.g. https://host/es/)."""
    kept = [block for block in _URL.findall(root_sitemap)
            if (loc := _LOC.search(block)) and loc.group(1).startswith(edition_url)]
    head = root_sitemap[: _URL.search(root_sitemap).start()] if _URL.search(root_sitemap) else root_sitemap
    return head + "".join(kept) + "</urlset>\n"


def drop_head_alternates(html: str) -> str:
    """The page without `<link rel="alternate" hreflang>` in its head (see the module docstring)."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return _HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:]


# --- navigation links to pages shown in English ----------------------------------------------
# Material writes a page's title into the navigation and the previous/next footer links; under
# /es/ an untranslated page's title is English, so those titles are marked lang="en" (WCAG 3.1.2).
_NAV_LINK = re.compile(r'<a href="([^"]*)"(\s+class="md-nav__link[^"]*")')
_FOOTER_LINK = re.compile(r'(<a href="([^"]*)"\s+class="md-footer__link[^"]*"[^>]*>.*?<div class="md-ellipsis")', re.S)


def mark_english_links(html: str, page_url: str, english_urls: frozenset[str], lang: str = "en") -> str:
    """`html` with navigation and footer links to `english_urls` (site-relative, e.g. es/contribute/)
    marked as `lang`. `page_url` is the site-relative address of the page holding the links."""
    base = "/" + page_url

    def target(href: str) -> str:
        href = href.split("#", 1)[0] or "./"  # a table-of-contents link points into the page itself
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, href))
        return joined.lstrip("/") + ("/" if href.endswith("/") and joined != "/" else "")

    html = _NAV_LINK.sub(lambda m: m.group(0) + (f' lang="{lang}"' if target(m.group(1)) in english_urls else ""), html)
    def footer(m: re.Match) -> str:
        if target(m.group(2)) not in english_urls:
            return m.group(0)
        # the aria-label ("Anterior: <English title>") stays: on a phone the theme hides the link's text,
        # and the label is then its only name (axe link-name)
        return m.group(1) + f' lang="{lang}"'

    return _FOOTER_LINK.sub(footer, html)


_HEADER_TOPIC = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic">\s*<span class="md-ellipsis")')


def mark_english_page(html: str, lang: str = "en") -> str:
    """A page shown in English inside another edition: its title in the head and the header, which
    the theme writes outside the marked body, are marked too (the table of contents is marked by
    `mark_english_links`, its links pointing into the page)."""
    html = html.replace("<title>", f'<title lang="{lang}">', 1)
    # the navigation's entry for the page itself opens its table of contents: a label, not a link
    # sub-lists of the table of contents are named after the page's (English) headings
    html = html.replace('<nav class="md-nav" aria-label="', f'<nav class="md-nav" lang="{lang}" aria-label="')
    html = html.replace('<label class="md-nav__link md-nav__link--active" for="__toc">',
                        f'<label class="md-nav__link md-nav__link--active" for="__toc" lang="{lang}">')
    return _HEADER_TOPIC.sub(lambda m: m.group(1) + f' lang="{lang}"', html, count=1)
