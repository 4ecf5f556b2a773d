"""The indexed words of each language with their page counts, written for typo correction in the
browser (`pagefind/words-<lang>.json`)."""
from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from rightskit.core import paths
from rightskit.core.words import INSTEAD, STOP_WORDS, SYNONYMS, SPELLING_RULES
from rightskit.core.words import SPELLING_KEEP
from rightskit.outputs.search.indexedtext import long_words
from rightskit.pages.catalog import Entry, entry_for


# Pages for contributors and maintainers, not readers (reference, review and translation
# status): still found, but ranked below reader pages (search.js multiplies their value).
CONTRIBUTOR_PAGES = ("contribute/", paths.url_of(paths.REVIEW), "about/translations/")

# --- words for typo correction -----------------------------------------------------------

def vocabulary(texts: list[str]) -> dict[str, int]:
    """Each word of four letters or more, with the number of records it appears in."""
    return vocabulary_of(long_words(text) for text in texts)


def vocabulary_of(word_sets) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for found in word_sets:
        counts.update(found)
    return dict(sorted(counts.items()))


def words_file(lang: str, vocab: dict[str, int], results: dict[str, tuple[str, str]],
               table: dict[str, Entry], elsewhere: dict | None = None) -> dict:
    """What the browser needs besides Pagefind: words with page counts (typo correction), stop
    words, spelling rules (as JavaScript replacement strings), each result's title by Pagefind
    id (so results can be ranked by their titles without fetching each one), for each hub
    the words of its issue area, which count like words of its title, synonyms of query words,
    words searched instead of some the reader types, the results meant for contributors rather
    than readers, and `elsewhere` (see `other_edition`)."""
    titles = {ident: title for ident, (title, _) in results.items()}
    topics = {}
    minor = sorted(ident for ident, (_, url) in results.items() if is_contributor_page(url, lang))
    for ident, (_, url) in results.items():
        entry = entry_for(url.lstrip("/"), lang, table)
        if entry and entry.keywords:
            topics[ident] = " ".join(entry.keywords)
    return {"lang": lang, "pages": len(titles), "words": vocab, "stop": STOP_WORDS.get(lang, []),
            "spelling": [[p, r.replace("\\", "$")] for p, r in SPELLING_RULES], "keep": sorted(SPELLING_KEEP),
            "titles": titles, "topics": topics, "synonyms": SYNONYMS.get(lang, {}), "instead": INSTEAD.get(lang, {}),
            "minor": minor, **({"elsewhere": elsewhere} if elsewhere else {})}


def is_contributor_page(url: str, lang: str) -> bool:
    """Whether a result is for contributors or maintainers (its translation too)."""
    path = url.lstrip("/")
    if path.startswith(f"{lang}/"):
        path = path[len(lang) + 1:]
    return path.startswith(CONTRIBUTOR_PAGES)


def fragment_results(bundle: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """(title, url) of every result Pagefind wrote, by language and Pagefind id (fragment name)."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for file in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        ident = file.stem
        meta = record.get("meta", {})
        out.setdefault(ident.split("_", 1)[0], {})[ident] = (meta.get("title", ""), meta.get("url") or record["url"])
    return out


def title_words(results: dict[str, tuple[str, str]]) -> set[str]:
    return {w for title, _ in results.values() for w in long_words(title)}


def other_edition(lang: str, other: str, path: str, own: set[str], theirs: set[str]) -> dict:
    """For a word typed in the other language (issue 19: "eviction" on a Spanish page, "desalojo"
    on an English one): the words of the other edition's result titles that no title of this
    edition holds, so the box can offer that edition's results. Titles, not every word: a few
    hundred words, and English fallback pages make most English words Spanish-index words too."""
    return {"lang": other, "path": path, "words": sorted(theirs - own)}
