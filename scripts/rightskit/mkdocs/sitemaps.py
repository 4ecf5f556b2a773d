"""Per-language sitemaps and head alternates, shaped the way Material's browser code reads them.

Material's language-selector code treats every `<link rel="alternate">` in the head as a language
*root* and fetches `sitemap.xml` beside it; it also fetches `sitemap.xml` at the edition's base.
mkdocs-static-i18n writes per-page alternates (the same page in each language) and one sitemap at
the site root, so every page load asked for `<page>/sitemap.xml` and `/es/sitemap.xml`: 404s.
The fix: each language root carries its own sitemap, and the head carries no per-page alternate
links (the root sitemap already lists each page's hreflang alternates, which search engines read
the same way; the visible language switcher still links to the same page in the other language)."""
from __future__ import annotations

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
