"""The preview's builds: a full MkDocs build, or, for an edit to a page's body alone, that page
built again in every language with what the last build left (the quick path, issue 24).

MkDocs' own rebuild reads, converts and renders every page of every language (minutes at scale,
even from the page cache it walks all of them). An edit that changes only the body of a module
(its front matter, its references and links the same, no file added or removed) can change
nothing but that module's own pages:

- the navigation, page titles, prev/next links and every list (hubs, tags, catalogs, "cited in")
  are built from front matter and from the references and links of bodies, which are unchanged;
- no generated page shows a module's body text (lists show titles and summaries from front matter),
  so no other page needs writing; the JSON export and the sitemaps hold no body text either;
- an edit that turns a translation's state (current or to update, which the translation status
  pages show) is left to the full build: the first edit to the English text of a translated page
  takes it, the next ones, the translation already to update, take the quick path.

The page is then built as MkDocs builds it (`_populate_page`, `_build_page`, every plugin event)
with each language's files, navigation and theme environment kept by the plugin, so its bytes are
those of a clean build (tests/test_live.py compares). Search is indexed again in the background.
Of the content check it runs what reads the page's own body (`body_problems`); a problem found
there sends the edit to the full build, which stops and shows it. The checks across pages (links,
anchors, workshop timing from activity steps) wait for the next full build or `rightskit check`.
"""
from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config

from rightskit.content import activitycheck, markup, pagecheck, sources
from rightskit.core import languages
from rightskit.core.findings import errors
from rightskit.core import xref
from rightskit.core.yamltext import FRONT_MATTER
from rightskit.content.i18n.translations import source_hash
from rightskit.mkdocs.output import incremental
from rightskit.mkdocs.session import BuildSession, attach


@dataclass
class Outcome:
    """What one preview update did: `quick` when only the edited pages were built again."""

    quick: bool
    seconds: float
    pages: list[str]  # the site paths written by the quick path
    reason: str = ""  # why the full build ran


def _snapshot(root: Path, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file in `names` (files and folders), by path relative to the project."""
    found = {}
    for name in names:
        top = root / name
        if top.is_file():
            status = top.stat()
            found[name] = (status.st_mtime_ns, status.st_size)
            continue
        for folder, _, files in os.walk(top):
            for file in files:
                path = os.path.join(folder, file)
                status = os.stat(path)
                found[os.path.relpath(path, root).replace(os.sep, "/")] = (status.st_mtime_ns, status.st_size)
    return found


def _split(text: str) -> tuple[str, str]:
    match = FRONT_MATTER.match(text)
    return (match.group(0), text[match.end():]) if match else ("", text)


def _state(recorded: str, body: str) -> str:
    return "current" if recorded == source_hash(body) else "to update"


def body_problems(site, module, docs: Path) -> list:
    """What `rightskit check` finds in one page's body: its Markdown (facilitator blocks, brackets),
    headings, HTML, images, Sources section and activity steps. Links and references are left out:
    the quick path runs only when they are unchanged."""
    alone = dataclasses.replace(site, modules={module.path: module})
    return (markup.check(alone, lambda page: None) + pagecheck.check([module], docs)
            + sources.check(alone) + activitycheck.check(alone))


def _references(body: str) -> tuple:
    return (tuple(found.target for found in xref.find_refs(body)),
            tuple(found.target for found in xref.find_all_links(body)))


class LivePreview:
    """The builds of one preview of the project in `root`, into `site_dir`, served at `url`."""

    def __init__(self, root: Path, config_file: str, site_dir: Path, url: str, *, pdf: bool = False,
                 watched: tuple[str, ...] = ("docs",), session: BuildSession | None = None):
        self.watched = (config_file, *watched)
        self.root, self.config_file, self.site_dir, self.url, self.pdf = root, config_file, site_dir, url, pdf
        self.session = session or BuildSession(defer_search=True)
        self.config = None
        self.sources: dict[str, str] = {}  # every docs Markdown file's text as the last build read it
        self.pages: dict[str, list] = {}  # (language, page) of each source file, by its real path
        self.files: dict[str, tuple[int, int]] = {}
        self.docs = "docs/"  # the docs folder, relative to root

    def load_config(self):
        config = load_config(str(self.root / self.config_file), site_dir=str(self.site_dir))
        config.plugins["rightskit"].config.pdf = self.pdf
        attach(config, self.session)
        if "git-revision-date-localized" in config.plugins:  # one `git log` a page: not worth it in preview
            config.plugins["git-revision-date-localized"].config["enabled"] = False
        config.site_url = self.url
        return config

    def full(self, config=None) -> None:
        """Build the whole site (as `mkdocs serve` would, each rebuild rewriting only the files that
        change), and remember what the quick path needs."""
        self.config = None  # a failed build leaves nothing to build on
        config = config or self.load_config()
        # Taken before the build reads them: a file saved during the build is then seen as changed.
        docs = os.path.relpath(config.docs_dir, self.root).replace(os.sep, "/") + "/"
        files = _snapshot(self.root, self.watched)
        texts = {path: (self.root / path).read_text(encoding="utf-8") for path in files
                 if path.startswith(docs) and path.endswith(".md")}
        with incremental(self.site_dir):
            build(config, serve_url=self.url)
        self.files, self.sources, self.docs = files, texts, docs
        # Each source file's pages, by language: the file of a page the i18n plugin shows in two
        # editions (an untranslated module) is read by both.
        self.pages = {}
        for lang, state in config.plugins["rightskit"].states.items():
            for file in state.files.documentation_pages():
                if file.page is not None and file.abs_src_path:  # generated pages have no source file
                    self.pages.setdefault(os.path.realpath(file.abs_src_path), []).append((lang, file.page))
        self.config = config

    def update(self, before_full=lambda: None) -> Outcome:
        """After an edit: the quick path when it can show the edit exactly, else the full build
        (after calling `before_full`). The quick path writes only pages, never the search bundle,
        so it need not wait for an indexing still running."""
        start = time.perf_counter()
        try:
            pages, reason = self._quick()
        except Exception as error:  # noqa: BLE001 - whatever went wrong, the full build shows the site or its problems
            pages, reason = None, f"the quick path failed ({error or error.__class__.__name__})"
        if pages is not None:
            return Outcome(True, time.perf_counter() - start, pages)
        before_full()
        self.full()
        return Outcome(False, time.perf_counter() - start, [], reason)

    def _quick(self) -> tuple[list[str] | None, str]:
        if self.config is None:
            return None, "no earlier build to start from"
        if self.pdf:  # handouts and packets print module bodies
            return None, "the preview renders PDFs (--pdf)"
        if any(name.split("/")[-1] == "search" for name in self.config.plugins):  # its index of every page is written once, after them all
            return None, "MkDocs' search plugin indexes the whole site at once (this site's search is Pagefind's)"
        now = _snapshot(self.root, self.watched)
        if now.keys() != self.files.keys():
            return None, "a file was added or removed"
        changed = sorted(path for path in now if now[path] != self.files[path])
        texts = {}
        for path in changed:
            text, reason = self._body_edit(path)
            if text is None:
                return None, reason
            if text != self.sources[path]:
                texts[path] = text
        plugin = self.config.plugins["rightskit"]
        missing = [path for path in texts if os.path.realpath(self.root / path) not in self.pages]
        if missing:
            return None, f"{missing[0]} is not a page of the last build"
        written = self._build_pages(plugin, [self.root / path for path in texts])
        self.sources.update(texts)
        self.files = now
        job = plugin.search_job(self.site_dir, *plugin.rewritten_parts(self.site_dir))
        self.session.pending_search = job
        return written, ""

    def _body_edit(self, path: str) -> tuple[str | None, str]:
        """The file's new text when the edit is to the body of a module alone, else why not."""
        if path not in self.sources:
            return None, f"{path} is not a page"
        plugin = self.config.plugins["rightskit"]
        docs_path = path[len(self.docs):]
        english = languages.source_path(docs_path)
        if english not in plugin.site.modules:
            return None, f"{path} is not a module"
        text = (self.root / path).read_text(encoding="utf-8")
        (old_head, old_body), (head, body) = _split(self.sources[path]), _split(text)
        if head != old_head or not head:
            return None, f"{path}: its front matter changed"
        if docs_path == english:
            for lang, edition in plugin.site.translations.items():
                page = edition.pages.get(english)
                if page is not None and ((page.source_hash == source_hash(body))
                                         != (page.source_hash == source_hash(old_body))):
                    return None, f"{path}: its {lang} translation is now {_state(page.source_hash, body)}"
        if _references(body) != _references(old_body):
            return None, f"{path}: its references or links changed"
        if docs_path == english:
            module = plugin.site.modules[english]
        else:
            module = plugin.site.translations[languages.page_language(docs_path)].pages[english]
        if errors(body_problems(plugin.site, dataclasses.replace(module, body=body), self.root / self.docs)):
            return None, f"{path}: its body has problems the check reports"
        return text, ""

    def _build_pages(self, plugin, sources: list[Path]) -> list[str]:
        """Each page read from `sources` built again in every language, with what MkDocs built
        that language with; returns the site paths written."""
        config = self.config
        i18n = config.plugins.get("i18n")
        was = (plugin.lang, getattr(i18n, "current_language", None))
        wanted = [page for path in sources for page in self.pages[os.path.realpath(path)]]
        written = []
        try:
            for lang, state in plugin.states.items():
                pages = [page for page_lang, page in wanted if page_lang == lang]
                if not pages:
                    continue
                if i18n is not None:  # the configuration as this language's build had it
                    i18n.current_language = lang
                    config = i18n.on_config(config)
                plugin.lang = lang
                documents = state.files.documentation_pages()
                for page in pages:
                    _populate_page(page, config, state.files)
                    _build_page(page, config, documents, state.nav, state.env)
                    written.append(page.file.dest_uri)
        finally:
            plugin.lang = was[0]
            if i18n is not None and i18n.current_language != was[1]:
                i18n.current_language = was[1]
                i18n.on_config(config)
        return written
