"""The offline kit: the whole site with every PDF in one zip, to unzip on a laptop and open
from file:// with no network.

Browsers do not let a page opened from file:// fetch files, so Pagefind cannot load its index
there. The offline build therefore also writes the same search records as classic scripts
(`search/offline-<lang>.js`, loaded with a <script> tag, which file:// allows), and
assets/offline-search.js answers the search box's queries from them.
Nothing here imports MkDocs.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from rightskit.core import htmltext
from rightskit.core import model as m
from rightskit.pages import catalog
from rightskit.outputs.search import records as search_records
from rightskit.outputs.search.indexedtext import indexed_text
INDEX_DIR = "search"
FOLDER = "rights-at-home"  # the zip's one top folder: the offline PDFs name their links' files in it
SCRIPT = "assets/offline-search.js"
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_FILTER = re.compile(r'<span data-pagefind-filter="(type|area)"[^>]*>(.*?)</span>', re.S)


def _directory_url(rel: str) -> str:
    """The address a page has on the web site ('rights/housing/'), from its offline file name."""
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel[: -len(".html")] + "/"


def _shown(record_html: str) -> str:
    """A record without the words only the index needs (records.INDEX_WORDS, always at its end)."""
    at = record_html.find(f'<div id="{search_records.INDEX_WORDS}">')
    return record_html if at < 0 else record_html[:at]


def records(site_dir: Path, site: m.Site) -> dict[str, list[list]]:
    """Per language: [file-relative url, title, type, [areas], text, shown] for every search result:
    `text` is what the search matches (the ranking words included), `shown` the page's own text
    that excerpts come from, as search.js does online."""
    table = catalog.entries(site)
    out: dict[str, list[list]] = {}
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if search_records.page_address(rel) is None:  # Pagefind's files, the 404 page
            continue
        page_html = file.read_text(encoding="utf-8")
        lang = search_records.language(page_html)
        entry = catalog.entry_for(_directory_url(rel), lang, table)
        for record in search_records.records(page_html, rel, entry):
            body = record.html[record.html.find("data-pagefind-body"):]
            title = _H1.search(body)
            filters = _FILTER.findall(body)
            out.setdefault(lang, []).append([
                record.url, " ".join(htmltext.words(title.group(1)).split()) if title else record.url,
                next((v for k, v in filters if k == "type"), ""), [v for k, v in filters if k == "area"],
                " ".join(indexed_text(record.html).split()),
                " ".join(indexed_text(_shown(record.html)).split())])
    return out


def write_index(site_dir: Path, site: m.Site) -> list[Path]:
    """search/offline-<lang>.js for each language: the records and the word list for typos."""
    folder = site_dir / INDEX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, items in records(site_dir, site).items():
        words_file = site_dir / search_records.BUNDLE_DIR / f"words-{lang}.json"
        words = json.loads(words_file.read_text(encoding="utf-8")) if words_file.is_file() else None
        data = json.dumps({"records": items, "words": words}, ensure_ascii=False, separators=(",", ":"))
        target = folder / f"offline-{lang}.js"
        target.write_text(f"window.__rkOffline = window.__rkOffline || {{}};\n"
                          f"window.__rkOffline[{json.dumps(lang)}] = {data};\n", encoding="utf-8")
        written.append(target)
    return written


def zip_site(site_dir: Path, target: Path, folder: str = FOLDER) -> int:
    """Zip the site under one top folder; returns the number of files."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    count = 0
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(site_dir.rglob("*")):
            if file.is_file():
                # PDFs are compressed already; storing them saves time and nothing else.
                kind = zipfile.ZIP_STORED if file.suffix == ".pdf" else zipfile.ZIP_DEFLATED
                archive.write(file, f"{folder}/{file.relative_to(site_dir).as_posix()}", compress_type=kind)
                count += 1
        archive.writestr(f"{folder}/README-OFFLINE.txt",
                         "Rights at Home, offline edition.\n\nUnzip this folder, then open index.html in a web "
                         "browser. Everything works without a network: pages, search and every PDF.\n")
    partial.replace(target)
    return count + 1
