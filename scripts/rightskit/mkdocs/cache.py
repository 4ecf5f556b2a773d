"""Warm rebuilds for the MkDocs plugin: converted pages and rendered pages from a content-addressed
cache, so a rebuild after editing one module converts and renders only what changed, and writes a
site identical to a clean build (unlike `mkdocs build --dirty`, which skips pages instead).

Part of the MkDocs adapter, with plugin.py (the core modules never import it). Two caches:

- conversion: a page's Markdown to HTML (MkDocs' `Page.render`), keyed by the final Markdown, the
  page's place, every file's address and the Markdown settings; its log messages (broken-link
  warnings) are stored and replayed, so `--strict` fails the same way on a warm build;
- finished pages: a page's template output with the plugin's last touches (and what the search
  index reads of it), keyed by everything the template can read: the page (content, table of
  contents, metadata, addresses), the whole navigation (titles, addresses and metadata of every
  page), the configuration, the theme's files and today's date; and by the edition's English pages,
  which the last touches mark. The template's own output is not kept: a page found here is
  finished without it.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from rightskit.infra.pagecache import Store, digest, tree_signature
from rightskit.infra.workers import MIN_PER_HELPER, Helpers

LAST_BUILD = "last-build.json"  # the sources of the last successful build, to decide on helpers
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "rightskit")
# Context keys MkDocs sets for every page; anything else a plugin added goes into the page's key.
STANDARD_CONTEXT = {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                    "build_date_utc", "config", "page"}


def _versions() -> dict:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except Exception:  # noqa: BLE001 - an unknown version only weakens the key to the other parts
            out[name] = "?"
    return out


def _source_signature() -> str:
    """The rightskit package's own code and templates: an edit to them changes every key."""
    return tree_signature([Path(__file__).parents[1]])


class _Capture(logging.Handler):
    """Collects the log records emitted while one page converts, to replay them on a cache hit."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if not any(r is record for r in self.records):
            self.records.append(record)


def _toc_to_json(items) -> list:
    return [{"title": i.title, "id": i.id, "level": i.level, "children": _toc_to_json(i.children)} for i in items]


def _toc_from_json(items: list) -> list:
    out = []
    for data in items:
        link = AnchorLink(data["title"], data["id"], data["level"])
        link.children = _toc_from_json(data["children"])
        out.append(link)
    return out


class BuildCache:
    def __init__(self, folder: Path, config):
        self.root_cache = Path(folder)
        self.markdown = Store(folder, "markdown")
        self.convert = Store(folder, "convert")
        self.root = Path(config.config_file_path).resolve().parent
        self._model_key: str | None = None
        self.generated = Store(folder, "generated")
        self.post = Store(folder, "post")  # finished pages, with what the search index reads of each
        self._english_key: tuple[frozenset[str], str] | None = None
        self.english: frozenset[str] | None = None  # the edition's English pages, set by prepare()
        self.rendered = 0  # templates rendered by this process
        # The plugin's own changes to each converted page (on_page_content), made where the page is
        # converted and kept with it: `touch(html)`, and the key of what it reads besides the HTML.
        self.touch: Callable[[str], str] | None = None
        self._touch_key = ""
        self.touched: dict[str, tuple[str, str]] = {}  # page source -> (its content, touched)
        self.config = config
        self._files_key: str | None = None
        self._global_key: str | None = None
        self._meta_keys: set[str] | None = None
        base = {k: config.get(k) for k in ("markdown_extensions", "mdx_configs", "use_directory_urls",
                                           "validation")}
        self.settings = digest(_versions(), _source_signature(), base)
        self.helpers = Helpers()
        self.warm = False
        self._sources: dict | None = None
        self._state: dict | None = None

    # --- both cores ---------------------------------------------------------------------------
    def _few_changes(self, files, site) -> bool:
        """Whether this build differs from the last one in this cache by a few page sources only,
        with the same code, settings, model and files: then nearly every page is in the cache and
        helpers would only repeat the lookups on the other core. (Only a speed decision: whatever
        it says, each page's own key decides what is reused.)"""
        if self._model_key is None:
            self._model_key = _model_signature(site, self.root)
        self._sources = {f.src_uri: _source_stamp(f) for f in files.documentation_pages()}
        self._state = {"settings": self.settings, "model": self._model_key, "files": self._files_signature(files)}
        try:
            last = json.loads((self.root_cache / LAST_BUILD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if last.get("state") != self._state:
            return False
        before = last.get("sources", {})
        return sum(1 for uri, stamp in self._sources.items() if before.get(uri) != stamp) < MIN_PER_HELPER

    def remember_build(self) -> None:
        """After a successful build: what `_few_changes` compares the next build with."""
        if self._sources is None:
            return
        path = self.root_cache / LAST_BUILD
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"state": self._state, "sources": self._sources}), encoding="utf-8")

    def start_conversions(self, files, site=None, touch: Callable[[str], str] | None = None,
                          touch_key: str = "") -> int:
        """Fork helpers that read, prepare and convert their share of the pages into the cache,
        exactly as MkDocs is about to (its page loop, without the events after conversion), and
        make `touch(html)` of each, which on_page_content then takes from `touched`; `touch_key`
        names everything `touch` reads besides the HTML."""
        self.touch, self._touch_key = touch, touch_key
        self.warm = site is not None and self._few_changes(files, site)
        if self.warm:
            return 0
        config = self.config

        def convert(file) -> None:  # pragma: no cover - runs in a helper
            page = file.page if file.page is not None else Page(None, file, config)
            config._current_page = page
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)

        return self.helpers.start(files.documentation_pages(), lambda f: ("convert", f.src_uri), convert)

    def start_rendering(self, env, nav, files) -> int:
        """Fork helpers that render their share of the pages into the cache, as MkDocs' page
        loop is about to (the page marked active, the plugins' context events, the template, the
        plugins' post-page events)."""
        from mkdocs.commands.build import get_context

        if self.warm:  # the same navigation and few changed pages: few renders to share
            return 0
        config = self.config
        doc_files = files.documentation_pages()

        def render(file) -> None:  # pragma: no cover - runs in a helper
            page = file.page
            config._current_page = page
            page.active = True
            try:
                context = get_context(nav, doc_files, config, page)
                template = env.get_template(page.meta.get("template", "main.html"))
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                # and the last touches (post_page), which the build process would otherwise make alone
                config.plugins.on_post_page(template.render(context), page=page, config=config)
            finally:
                page.active = False

        return self.helpers.start(doc_files, lambda f: ("render", f.src_uri), render)

    def jinja_dir(self) -> str:
        folder = self.root_cache / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder)

    # --- the rightskit additions to a page -------------------------------------------------------
    def page_markdown(self, site, module, markdown: str, compute) -> str:
        """`compute()` (Renderer.page_markdown), from the cache when the page's Markdown and the
        model's records are unchanged: a page's additions depend on the records, never on
        another page's prose, except for what each page cites."""
        if self._model_key is None:
            self._model_key = _model_signature(site, self.root)
        key = digest(self.settings, self._model_key, str(dt.date.today()), module.path, markdown)
        return self.markdown.text(key, compute)

    # --- the generated pages ------------------------------------------------------------------
    def generated_pages(self, renderer) -> list:
        """`renderer.pages()` (instruments, mechanisms, workshops, the indexes, ...), from the
        cache when what they read is unchanged: the records and every module's fields but its
        prose (as for the additions above), plus the two things they take from the prose, the
        dated markers (review page) and each translation's state (translations page).
        tests/test_build_caches.py checks that the pages do not read the prose otherwise."""
        from rightskit.content import freshness
        from rightskit.content.i18n import translations
        from rightskit.pages.render import Page as Generated

        site = renderer.site
        if self._model_key is None:
            self._model_key = _model_signature(site, self.root)
        markers = [(d.kind, str(d.date), d.text, d.path) for d in freshness.dated_markers(site)]
        states = [[(p.path, p.title, p.state, p.translation, p.recorded) for p in translations.status(site, lang)]
                  for lang in sorted(site.translations)]
        key = digest(self.settings, self._model_key, str(renderer.today), renderer.lang, renderer.review_age_months,
                     renderer.directory_urls, _translated_pages(site), markers, states)
        entry = self.generated.get(key)
        if entry is not None:
            return [Generated(*fields) for fields in entry["pages"]]
        pages = renderer.pages()
        self.generated.put(key, {"pages": [[p.path, p.content, p.source, p.english_title] for p in pages]})
        return pages

    # --- conversion -----------------------------------------------------------------------
    def install(self, page: Page) -> None:
        """Make this page's conversion go through the cache (called before MkDocs converts it)."""
        page.render = lambda config, files: self._render(page, config, files)

    def _files_signature(self, files) -> str:
        if self._files_key is None:
            self._files_key = digest(sorted((f.src_uri, f.url, str(f.inclusion)) for f in files))
        return self._files_key

    def _render(self, page: Page, config, files) -> None:
        markdown = page.markdown
        if markdown is None or "--8<--" in markdown:  # snippets read other files: not in the key
            return Page.render(page, config, files)
        key = digest(self.settings, self._files_signature(files), page.file.src_uri, page.file.url,
                     str(page.file.inclusion), markdown, self._touch_key)
        entry = self.convert.get(key)
        if entry is None and self.helpers.wait_for(("convert", page.file.src_uri)):
            entry = self.convert.get(key)
        if entry is None:
            entry = self._convert(page, config, files)
            self.convert.put(key, entry)
        else:
            self._reuse(page, entry, files)
        if entry.get("touched") is not None:
            self.touched[page.file.src_uri] = (page.content, entry["touched"])

    def _reuse(self, page: Page, entry: dict, files) -> None:
        page.content = entry["content"]
        page.toc = TableOfContents(_toc_from_json(entry["toc"]))
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if entry["links"] is not None:
            page.links_to_anchors = {}
            for src_uri, anchors in entry["links"].items():
                target = files.get_file_from_path(src_uri)
                if target is not None:
                    page.links_to_anchors[target] = anchors
        for name, level, message in entry["log"]:
            logging.getLogger(name).log(level, message)

    def _convert(self, page: Page, config, files) -> dict:
        capture = _Capture()
        loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
        for logger in loggers:
            logger.addHandler(capture)
        try:
            Page.render(page, config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
        links = None
        if page.links_to_anchors is not None:
            links = {f.src_uri: dict(anchors) for f, anchors in page.links_to_anchors.items()}
        return {"content": page.content, "toc": _toc_to_json(page.toc), "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()), "links": links,
                "log": [(r.name, r.levelno, r.getMessage()) for r in capture.records],
                "touched": None if self.touch is None or page.content is None else self.touch(page.content)}

    # --- rendering ------------------------------------------------------------------------
    def prepare(self, env, nav, files, english: frozenset[str]) -> None:
        """Once every page is converted: the parts of every page's key that all pages share, and
        a template loader that looks pages up in the cache first; `english`, the pages this
        edition shows in English (post_page)."""
        config = self.config
        self.english = english
        theme = config.theme
        self._meta_keys, self._nav_meta_keys = _template_words(theme.dirs)
        # Other pages appear in a page through the navigation and the previous/next links: their
        # titles, addresses and the few metadata keys templates read through another variable.
        pages = [(f.src_uri, f.url, f.page.title if f.page else None,
                  self._meta(f.page.meta, self._nav_meta_keys) if f.page else None)
                 for f in files.documentation_pages()]
        settings = {k: config.get(k) for k in ("site_name", "site_url", "site_description", "site_author",
                                               "copyright", "repo_url", "repo_name", "edit_uri", "extra",
                                               "extra_css", "extra_javascript", "use_directory_urls",
                                               "google_analytics", "remote_branch", "remote_name")}
        self._global_key = digest(
            self.settings, str(dt.date.today()), Path(config.config_file_path).read_text(encoding="utf-8"),
            _json(settings), _json(dict(theme)), _theme_signature(theme), _nav_signature(nav.items), pages)
        original = env.get_template

        def get_template(name, *args, **kwargs):
            return _CachedTemplate(original(name, *args, **kwargs), self)

        env.get_template = get_template

    def page_key(self, context) -> str | None:
        page = context.get("page")
        if self._global_key is None or page is None or not isinstance(page, Page):
            return None
        extra = {k: v for k, v in context.items() if k not in STANDARD_CONTEXT}
        extra_json = _json(extra, strict=True)
        if extra_json is None:  # a plugin put something we cannot describe: render it every time
            return None
        return digest(self._global_key, page.file.src_uri, page.url, page.canonical_url, page.edit_url,
                      page.title, self._meta(page.meta), page.content, _toc_to_json(page.toc or []), extra_json)

    def _meta(self, meta: dict, keys: set[str] | None | bool = False) -> str:
        """The metadata a template can read: the keys the templates name (or all of them, when a
        template uses the metadata as a whole). Plugins add keys no template reads, some of them
        different at every build (the git-revision-date plugin's raw build time)."""
        keys = self._meta_keys if keys is False else keys
        if keys is None:
            return _json(meta)
        return _json([bool(meta), {k: v for k, v in meta.items() if k in keys}])

    # --- after rendering ----------------------------------------------------------------------
    def _english_digest(self, english: frozenset[str]) -> str:
        if self._english_key is None or self._english_key[0] is not english:
            self._english_key = (english, digest(sorted(english)))  # once a build: the same set every page
        return self._english_key[1]

    def finished(self, render_key: str) -> "_Finished | None":
        """The finished page whose template output has this key (page_key), if an earlier build
        or a helper made it."""
        entry = self.post.get_bytes(digest(render_key, self._english_digest(self.english)))
        if entry is None:
            return None
        html, facts = _unpacked(entry)
        page = _Finished(html)
        page.facts = facts
        return page

    def post_page(self, output: str, url: str, english: frozenset[str], compute, facts) -> tuple[str, dict]:
        """`compute()` (the plugin's last touches to a page's HTML: language marks, compact
        navigation), from the cache when the HTML, its address and the edition's English pages
        are the same as in an earlier build; with `facts(html)` of that finished HTML (what the
        search index reads of the page, a JSON-able dict), kept beside it under the same key.
        Finding them here puts their parsing in the helpers' share of the pages (start_rendering),
        not in the search step after every page is written. A page the template loader found
        finished (`_Finished`) passes through; one it rendered (`_Rendered`) is stored under its
        template's key, so the next build needs neither the template nor its output."""
        if isinstance(output, _Finished):
            return str(output), output.facts
        if isinstance(output, _Rendered) and english is self.english:
            key = digest(output.key, self._english_digest(english))
        else:  # a page whose template context has no key: by its HTML
            key = digest(self.settings, self._english_digest(english), url, output)
            entry = self.post.get_bytes(key)
            if entry is not None:
                return _unpacked(entry)
        final = compute()
        found = facts(final)
        self.post.put_bytes(key, _packed(final, found))
        return final, found

    def prune(self) -> None:
        self.post.prune()
        self.generated.prune()
        self.markdown.prune()
        self.convert.prune()


# A finished page's entry: the facts' JSON, a NUL (which JSON text never holds), the HTML. One entry,
# one file: creating a file in the store costs more than its bytes.
def _packed(html: str, facts: dict) -> bytes:
    return json.dumps(facts).encode("utf-8") + b"\0" + html.encode("utf-8", "surrogatepass")


def _unpacked(entry: bytes) -> tuple[str, dict]:
    head, _, html = entry.partition(b"\0")
    return html.decode("utf-8", "surrogatepass"), json.loads(head)


class _Finished(str):
    """A page as the plugin's last touches leave it, found in the cache instead of rendering its
    template: MkDocs hands it to on_post_page, where post_page returns it with its `facts`."""
    facts: dict


class _Rendered(str):
    """A template's output, with the key (page_key) of everything that made it."""
    key: str


class _CachedTemplate:
    """A page template that finds its page finished in the cache when the page's key is known."""

    def __init__(self, template, cache: BuildCache):
        self.template = template
        self.cache = cache

    def __getattr__(self, name):
        return getattr(self.template, name)

    def render(self, *args, **kwargs):
        context = args[0] if args else kwargs
        key = self.cache.page_key(context) if isinstance(context, dict) else None
        if key is None:
            return self.template.render(*args, **kwargs)
        found = self.cache.finished(key)
        if found is None and self.cache.helpers.wait_for(("render", context["page"].file.src_uri)):
            found = self.cache.finished(key)
        if found is not None:
            return found
        self.cache.rendered += 1
        output = _Rendered(self.template.render(*args, **kwargs))
        output.key = key
        return output


def _model_signature(site, root: Path) -> str:
    """Everything a page's additions may read: the YAML records (by their files) and every
    module's fields but its prose (with what the prose cites)."""
    records = tree_signature([root / "standards", root / "curricula"])
    modules = []
    for module in site.modules.values():
        fields = {k: v for k, v in vars(module).items() if k not in ("body", "body_line", "source", "inline_refs",
                                                                      "links", "standards", "mechanisms")}
        fields["cited"] = [r.target for r in module.standards + module.mechanisms + module.inline_refs]
        fields["links"] = [r.target for r in module.links]
        modules.append(fields)
    return digest(records, modules)


def _source_stamp(file) -> str:
    """A page source's identity without reading it: size and modification time, or for a page
    that exists only in memory (a generated page), the hash of its content."""
    if file.abs_src_path:
        try:
            stat = os.stat(file.abs_src_path)
            return f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            return ""
    return digest(file.content_string)


def _translated_pages(site) -> str:
    """The translated pages' fields but their prose (titles, summaries, recorded source hashes)."""
    return _json({lang: {path: {k: v for k, v in vars(page).items() if k not in ("body", "body_line", "source")}
                         for path, page in sorted(edition.pages.items())}
                  for lang, edition in sorted(site.translations.items())})


_WHOLE_META = re.compile(r"meta\s*\||meta\.(items|keys|values)\b|\{\{[\s\w.]*meta\s*\}\}|\bin\s+[\w.]*meta\b(?![.\[\w])")


_OTHER_META = re.compile(r"\b(?!page\b)\w+\.meta\.(\w+)")


def _template_words(dirs) -> tuple[set[str] | None, set[str] | None]:
    """(every word in the theme's templates, where a metadata key must be named to be read;
    the keys read through a variable other than `page`, such as `nav_item.meta.icon`), or
    (None, None) when some template uses a page's metadata as a whole."""
    words: set[str] = set()
    others: set[str] = set()
    for folder in dirs:
        for path in Path(folder).rglob("*"):
            if path.suffix not in (".html", ".xml", ".j2", ".jinja") or ".icons" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if _WHOLE_META.search(text):
                return None, None
            words.update(re.findall(r"\w+", text))
            others.update(_OTHER_META.findall(text))
    return words, others


def _theme_signature(theme) -> str:
    """The project's template overrides, file by file; the installed themes by their versions
    (in every key already): walking Material's thousands of icons would cost a second a build."""
    custom = theme.custom_dir
    return tree_signature([custom]) if custom else ""


def _nav_signature(items) -> list:
    out = []
    for item in items:
        if isinstance(item, Section):
            out.append(["section", item.title, _nav_signature(item.children)])
        elif isinstance(item, Link):
            out.append(["link", item.title, item.url])
        else:
            out.append(["page", item.title, item.url, item.file.src_uri])
    return out


def _json(value, strict: bool = False) -> str | None:
    """Deterministic JSON of metadata and plugin context; with strict, None when some value is an
    object without a stable description (its str() would name a memory address)."""
    unstable = []

    def default(obj):
        if isinstance(obj, (dt.date, dt.datetime)):
            return obj.isoformat()
        if hasattr(obj, "__dict__"):
            return {"__class__": type(obj).__name__,
                    **{k: v for k, v in vars(obj).items() if not k.startswith("_") and not callable(v)}}
        text = str(obj)
        if " at 0x" in text:
            unstable.append(text)
        return text

    try:
        text = json.dumps(value, sort_keys=True, default=default)
    except (TypeError, ValueError, RecursionError):
        return None if strict else repr(value)
    return None if strict and unstable else text
