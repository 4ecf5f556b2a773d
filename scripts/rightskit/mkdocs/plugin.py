"""The MkDocs plugin: a thin adapter between MkDocs' events and the rightskit core.

All the knowledge lives in load, render, export and pdf; this class only hands their results
to MkDocs at the right moment, so the core can move to another MkDocs-compatible engine.
"""
from __future__ import annotations

import functools
import logging
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from rightskit.core import edition as ed
from rightskit.outputs import export
from rightskit.content import freshness
from rightskit.mkdocs import langmarks
from rightskit.mkdocs import navcache
from rightskit.mkdocs.config import RightsKitConfig
from rightskit.mkdocs.session import BuildSession, ContentFailed
from rightskit.core import languages
from rightskit.core import paths
from rightskit.core import schema
from rightskit.core import typography
from rightskit.outputs.search import pagefind
from rightskit.outputs.search import records as search_records
from rightskit.mkdocs import sitemaps
from rightskit.content.i18n import translations
from rightskit.mkdocs import pageweight
from rightskit.mkdocs import htmlscan, thememarkup
from rightskit.mkdocs import gitdates as plugin_gitdates
from rightskit.core.findings import errors
from rightskit.infra.progress import QUIET, Counter
from rightskit.infra.pagecache import digest
from rightskit.pages import mdbrackets, mdext
from rightskit.project import Project, load_site
from rightskit.pages.environment import environment
from rightskit.pages.htmlmarks import apply_language_marks, label_checkboxes
from rightskit.pages import officiallinks
from rightskit.pages.render import Page, Renderer
from rightskit.pages.render import tag_folder as render_tag_folder

log = logging.getLogger("mkdocs.plugins.rightskit")
NO_ENGLISH: frozenset[str] = frozenset()  # the English edition marks no page as English


class RightsKitPlugin(BasePlugin[RightsKitConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.session = BuildSession()  # a command replaces it with its own (session.attach)
        self._converted = self._written = Counter(QUIET, "pages", 0, 0.0)  # this language's pages (see on_nav, on_env)

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        # Glossary definitions on each term's first mention only: the site adds them, so it trims them.
        if mdext.FIRST_MENTION not in config.markdown_extensions:
            config.markdown_extensions.append(mdext.FIRST_MENTION)
        # The same links, found with less work (a tenth of a large build's CPU time went on brackets).
        if mdbrackets.NAME not in config.markdown_extensions:
            config.markdown_extensions.append(mdbrackets.NAME)
        self._config = config  # this language's: the page cache keys on its Markdown settings
        # With mkdocs-static-i18n, MkDocs builds once per language; the content is loaded for the first.
        self.lang = _current_language(config)
        plugin_gitdates.in_edition_language(config, lambda: getattr(_i18n(config), "current_language", None))
        if self.lang != languages.DEFAULT and getattr(self, "site", None) is not None:
            return config
        self.root = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir).resolve()
        self.project = Project(self.root, docs_dir=os.path.relpath(docs, self.root),
                               config_file=Path(config.config_file_path).name)
        preloaded = self.session.take_site()
        if preloaded is not None:
            self.site = preloaded
        else:
            loaded = load_site(self.project)
            if errors(loaded.findings):
                raise ContentFailed(loaded.findings)
            for finding in loaded.findings:  # warnings only: INFO, so a strict build is not stopped by them
                log.info("%s", finding)
            self.site = loaded.site
        self.renderers: dict[str, Renderer] = {}
        # Each language's files, navigation and theme environment as MkDocs last built them: the
        # preview's quick path (live.py) re-renders one page with them instead of building again.
        self.states: dict[str, BuiltLanguage] = {}
        self.english_urls: dict[str, frozenset[str]] = {}  # by language: see `_english_urls`
        self.navigations: dict[str, navcache.SectionNavigation] = {}  # by language (navcache.py)
        self.chunks = htmlscan.Chunks()  # renewed for each language (on_env)
        self.caches: dict = {}
        # Each page's indexable part by where it is written, in every language: search reads these
        # instead of the site folder, which also holds the build before last's pages (sitesync).
        self.search_parts: dict[str, str] = {}
        self.search_facts: dict[str, search_records.PageFacts | None] = {}  # the same pages' (see on_post_page)
        # Aged dates are logged, not raised: a strict build must not fail the day a review turns a year old.
        for finding in freshness.check(self.site, self.renderer.today, self.config.review_age_months):
            log.info("%s", finding)
        # SITE_URL (set by the deploy workflow) overrides site_url; the footer shows the edition.
        self.edition = ed.current(config.site_url)
        config.site_url = self.edition.site_url or config.site_url
        config.extra["edition"] = self.edition
        if ed.is_placeholder(self.edition.site_url):
            log.info(ed.placeholder_warning(self.edition.site_url))
        if self.config.offline:
            from rightskit.outputs import offline
            config.use_directory_urls = False  # from file:// a folder link would not open its index.html
            config.extra_javascript.append(offline.SCRIPT)
        self.directory_urls = config.use_directory_urls  # every language's renderer (see `renderer`)
        for renderer in self.renderers.values():
            renderer.directory_urls = self.directory_urls
        return config

    @property
    def renderer(self) -> Renderer:
        """The renderer of the language being built, over the site as its readers see it."""
        if self.lang not in self.renderers:
            self.renderers[self.lang] = Renderer(translations.localize(self.site, self.lang), environment(),
                                                 lang=self.lang, review_age_months=self.config.review_age_months,
                                                 sizes=self.config.list_sizes())
            self.renderers[self.lang].directory_urls = getattr(self, "directory_urls", True)
        return self.renderers[self.lang]

    @property
    def cache(self):
        """The page cache of the language being built: one per language, so an untranslated page's
        English Markdown never brings back another language's panels and notices."""
        if not self.config.page_cache or not hasattr(self, "caches"):
            return None
        if self.lang not in self.caches:
            from rightskit.mkdocs.cache import BuildCache

            self.caches[self.lang] = BuildCache(self.root / self.config.cache_dir / f"pages-{self.lang}",
                                                self._config)
        return self.caches[self.lang]

    @event_priority(-100)  # last: the helpers must see the navigation as MkDocs will use it
    def on_nav(self, nav, *, config, files):
        self.nav = nav
        # MkDocs converts every page, then writes every page: minutes on a cold build.
        self._converted = self.session.progress.counter(f"Converting pages ({self.lang})", len(files.documentation_pages()), 4)
        if self.cache:
            self.cache.start_conversions(files, self.renderer.site, self._touch_content,
                                         digest(self.lang, self.site.official_pages.get(self.lang, {})))
        plugin_gitdates.memoize_formats(config)  # after the last-updated plugin's on_files
        return nav

    def on_pre_page(self, page, *, config, files):
        if self.cache:
            self.cache.install(page)
        return page

    @event_priority(-100)  # after every other plugin has changed the pages and the environment
    def on_env(self, env, *, config, files):
        if self.cache:
            env.bytecode_cache = FileSystemBytecodeCache(self.cache.jinja_dir())  # compiled theme templates
            self.cache.prepare(env, self.nav, files, self._marked_english())
        if self.config.section_nav:  # after the page cache's wrapping of the templates, before its helpers fork
            self.navigations[self.lang] = navcache.SectionNavigation(env, self.nav)
        # Pieces of pages read by the last touches (htmlscan.py): the same navigation entries on every
        # page of a section. One memo a language, started empty before the helpers fork.
        self.chunks = htmlscan.Chunks()
        if self.cache:
            self.cache.start_rendering(env, self.nav, files)
        self._written = self.session.progress.counter(f"Writing pages ({self.lang})", len(files.documentation_pages()), 4)
        self.states[self.lang] = BuiltLanguage(files, self.nav, env)
        return env

    def on_pre_build(self, *, config):
        # Before the last-updated plugin reads git: its answers from the last build at this HEAD.
        restored = plugin_gitdates.restore(config, self.root / self.config.cache_dir)
        if restored:
            log.info("Last-updated dates: %d from the cache (same git HEAD)", restored)
        elif read := plugin_gitdates.from_history(config):
            log.info("Last-updated dates: %d from one reading of the git history", read)

    def on_build_error(self, *, error):
        for cache in getattr(self, "caches", {}).values():
            cache.helpers.wait_all()

    # After mkdocs-static-i18n (priority -100) has picked this language's files: it cannot handle
    # files that exist only in memory, and generated pages exist in every language anyway.
    @event_priority(-110)
    def on_files(self, files: Files, *, config):
        others = [lang for lang in _build_languages(config) if lang != self.lang]
        self.english_generated = set()
        for page in (self.cache.generated_pages(self.renderer) if self.cache else self.renderer.pages()):
            if page.english_title:
                self.english_generated.add(languages.site_prefix(self.lang) + paths.url_of(page.path))
            file = self._generated(config, page, self.lang)
            if others:  # what the i18n plugin's language switcher and sitemap read
                file.alternates = {self.lang: file}
                file.alternates.update({lang: self._generated(config, page, lang) for lang in others})
                file.locale = file.locale_alternate_of = self.lang
                file.localization = None if self.lang == languages.DEFAULT else self.lang
                file.norm_src_uri = page.path
            files.append(file)
        _memoize_lookups(files)
        plugin_gitdates.ask_missing(config, files)  # after the last-updated plugin's on_files
        return files

    def _generated(self, config, page: Page, lang: str) -> File:
        file = File.generated(config, page.path, content=page.content)
        file.dest_uri = languages.site_prefix(lang) + file.dest_uri
        if page.source and not page.source.endswith("/"):
            # Generated pages are edited through the YAML they came from.
            file.edit_uri = os.path.relpath(self.root / page.source, self.project.docs).replace(os.sep, "/")
        else:
            file.edit_uri = None
        return file

    def on_page_markdown(self, markdown, *, page, config, files):
        # A translation (rights/housing.es.md) is rendered as its English page in this language.
        module = self.renderer.site.modules.get(languages.source_path(page.file.src_uri))
        if module is None:  # a generated page
            if page.edit_url:  # its edit link climbs out of docs/ to the YAML: tidy the "/../"
                parts = urlsplit(page.edit_url)
                page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
            if self.renderer.is_list_page(page.file.src_uri):
                return markdown  # the same summaries fifty times over: their hover definitions would double the page
            return markdown + self.renderer.abbreviations(markdown)
        if module.issue_areas and "tags" not in page.meta:
            page.meta["tags"] = [self.renderer.site.issue_areas[a].title for a in module.issue_areas]
        if self.cache:
            return self.cache.page_markdown(self.renderer.site, module, markdown,
                                            lambda: self.renderer.page_markdown(module, markdown))
        return self.renderer.page_markdown(module, markdown)

    def on_page_context(self, context, *, page, config, nav):
        if page.file.generated_by and self.renderer.is_list_page(page.file.src_uri):
            # A page of a list has no history of its own: the last-updated plugin would stamp it
            # with the time of the build, and so rewrite (and re-render) every list page each build.
            for key in [k for k in page.meta if k.startswith("git_")]:
                del page.meta[key]
        # The tags under a page's title (Material's partials/tags.html) lead to the list of the
        # pages filed under each issue area, which the renderer writes a page at a time.
        names = page.meta.get("tags") or []
        if names:
            folders = {area.title: render_tag_folder(area) for area in self.renderer.site.issue_areas.values()
                       if f"tag:{area.id}" in self.renderer.lists()}
            context["tags"] = [TagLink(name, self._site_url(folders[name] + "/index.md") if name in folders else None)
                               for name in names]
        return context

    def _site_url(self, path: str) -> str:
        """Site-relative address of a generated page of this language (Material's `url` filter
        makes it relative to the page)."""
        address = paths.url_of(path) if self.directory_urls else path[:-3] + ".html"
        return languages.site_prefix(self.lang) + address

    def on_page_content(self, html, *, page, config, files):
        self._converted.advance()
        # Made where the page was converted (cache.py), in a helper for its share of the pages
        found = self.cache.touched.pop(page.file.src_uri, None) if self.cache else None
        if found is not None and found[0] is html:
            return found[1]
        return self._touch_content(html)

    def _touch_content(self, html: str) -> str:
        html = label_checkboxes(apply_language_marks(html))
        # An English page shown in this edition links to the Spanish official pages too: its reader chose Spanish.
        return officiallinks.localize(html, self.site.official_pages.get(self.lang, {}), self.lang)

    def on_post_page(self, output, *, page, config):
        if self.cache:  # a pure function of the page's HTML, its address and, in an edition, its English pages
            output, facts = self.cache.post_page(output, page.url, self._marked_english(),
                                                 lambda: self._post_page(output, page), _search_facts)
            # Found by whichever process rendered the page (cache.py start_rendering), so the
            # search step parses nothing again; without the page cache, it reads the pages itself.
            self.search_facts[page.file.abs_dest_path] = (
                None if facts["facts"] is None else search_records.PageFacts.from_json(facts["facts"]))
        else:
            output = self._post_page(output, page)
        self.search_parts[page.file.abs_dest_path] = search_records.indexable_part(output)
        self._written.advance()
        return output

    def on_post_template(self, output_content, *, template_name, config):
        # 404.html is the theme's page too, written without the page events
        if not template_name.endswith(".html"):
            return output_content
        output = thememarkup.tidy(output_content)
        if template_name == "404.html" and self.lang != languages.DEFAULT:
            # Every edition's build writes the theme's pages to the site's root: the last (Spanish) one
            # replaced the English 404 that hosts serve for any missing address. The edition's goes
            # to its own folder instead, and MkDocs skips the root's for an empty one.
            target = Path(config.site_dir) / languages.site_prefix(self.lang) / template_name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
            return ""
        return output

    def _marks_english(self) -> bool:
        return self.lang != languages.DEFAULT and self.lang in self.site.translations

    def _post_page(self, output: str, page) -> str:
        output = sitemaps.drop_head_alternates(output)  # Material reads them as language roots (sitemaps.py)
        marks = None
        if self._marks_english():
            marks = functools.partial(langmarks.mark, page_url=page.url, english_urls=self._english_urls(),
                                      note=self.renderer._("in English"))
        output = thememarkup.tidy(output, marks, self.chunks)
        return typography.finish(pageweight.compact_navigation(output), self.lang)

    def _marked_english(self) -> frozenset[str]:
        """The pages whose English the last touches mark in this edition (none in the English one)."""
        return self._english_urls() if self._marks_english() else NO_ENGLISH

    def _english_urls(self) -> frozenset[str]:
        """The site-relative addresses of the pages this edition shows in English, once a build."""
        if self.lang not in self.english_urls:
            edition = self.site.translations[self.lang]
            self.english_urls[self.lang] = frozenset(
                {languages.site_prefix(self.lang) + paths.url_of(path)
                 for path in self.site.modules if path not in edition.pages} | self.english_generated)
        return self.english_urls[self.lang]

    # After mkdocs-static-i18n (priority -100) has built the other languages into the same site_dir,
    # so the search index, JSON and PDFs are written once, for every language.
    @event_priority(-110)
    def on_post_build(self, *, config):
        self.session.progress.end_counter()
        if getattr(_i18n(config), "building", False):  # inside the i18n plugin's build of another language
            return
        for cache in self.caches.values():
            cache.helpers.wait_all()
            cache.prune()
            cache.remember_build()
            log.info("Page cache: %d converted, %d reused; %d rendered, %d reused%s", cache.convert.misses,
                     cache.convert.hits, cache.rendered, cache.post.hits,
                     "; no helpers (few pages changed since the last build)" if cache.warm else "")
        for lang, navigation in self.navigations.items():
            log.info("Navigation (%s): %d pages from %d renders of their section, %d rendered alone", lang,
                     navigation.hits + navigation.misses, navigation.misses, navigation.usual)
        plugin_gitdates.save(config, self.root / self.config.cache_dir)
        site_dir = Path(config.site_dir)
        export.write_json(self.site, site_dir)
        schema.write_schemas(site_dir / schema.SCHEMA_DIR)
        others = [lang for lang in _build_languages(config) if lang != languages.DEFAULT]
        root_sitemap = site_dir / "sitemap.xml"
        if root_sitemap.is_file() and config.site_url:  # each language root carries its own (sitemaps.py)
            for lang in others:
                (site_dir / lang / "sitemap.xml").write_text(sitemaps.edition_sitemap(
                    root_sitemap.read_text(encoding="utf-8"), config.site_url.rstrip("/") + f"/{lang}/"), encoding="utf-8")
        self.other_languages = others
        self.built_parts, self.built_facts = self._take_parts(site_dir)
        index = self.search_job(site_dir, self.built_parts, self.built_facts)
        if self.session.defer_search:
            self.session.pending_search = index
        else:
            index()
        if self.config.offline:
            from rightskit.outputs import offline
            with self.session.progress.stage("Offline search index"):
                offline.write_index(site_dir, self.site)
        if self.config.pdf:
            from rightskit.outputs.print import pdf  # WeasyPrint is slow to import; only pay for it when PDFs are wanted

            report = pdf.build_all(self.site, site_dir, site_url=config.site_url or "",
                                   cache_dir=self.root / self.config.cache_dir, root=self.root,
                                   edition=self.edition, workers=self.config.pdf_workers or None,
                                   progress=self.session.progress, offline=self.config.offline)
            log.info("PDFs: %d rendered, %d from cache", report.rendered, report.cached)

    def _take_parts(self, site_dir: Path) -> tuple[dict[str, str], dict[str, search_records.PageFacts | None]]:
        """The search parts and facts of the pages written since the last call, by path in the site."""
        def relative(by_path: dict) -> dict:
            return {Path(os.path.relpath(path, site_dir)).as_posix(): value for path, value in by_path.items()}

        parts, facts = relative(self.search_parts), relative(self.search_facts)
        self.search_parts, self.search_facts = {}, {}
        return parts, facts

    def search_job(self, site_dir: Path, parts: dict[str, str], facts: dict | None = None):
        """The search indexing of the site in `site_dir`, whose pages' indexable parts are `parts`
        (by path in the site) and their `records.page_facts`, those the build found, `facts`, as a
        job to run now or in the background."""
        others = self.other_languages
        site, editions = self.site, {lang: translations.localize(self.site, lang) for lang in others}
        aliases = {lang: translations.search_aliases(self.site, lang) for lang in others}
        cache_dir = self.root / self.config.cache_dir

        def index() -> None:
            with self.session.progress.stage("Search index") as stage:
                # In the background of a preview, one Pagefind run at a time: the other core stays
                # free for the next edit's pages (two runs at once doubled its save to reload).
                report = pagefind.index_site(site_dir, site, editions, aliases, cache_dir=cache_dir, parts=parts,
                                             facts=facts, side_by_side=not self.session.defer_search)
                stage.note = f"{report.pages} pages" + ("" if report.ran else ", unchanged")
            log.info("Search: %d pages indexed as %d results (%s)%s", report.pages, report.records,
                     ", ".join(f"{lang}: {n}" for lang, n in sorted(report.languages.items())),
                     "" if report.ran else "; Pagefind's output reused (no record changed)")

        return index

    def rewritten_parts(self, site_dir: Path) -> tuple[dict[str, str], dict[str, search_records.PageFacts | None]]:
        """The search parts and facts of the last build with those of the pages written since (the quick path's)."""
        parts, facts = self._take_parts(site_dir)
        self.built_parts = {**self.built_parts, **parts}
        self.built_facts = {**self.built_facts, **facts}
        return self.built_parts, self.built_facts


@dataclass(frozen=True)
class BuiltLanguage:
    """What MkDocs built one language with: enough to build one of its pages again."""

    files: Files
    nav: object
    env: object


@dataclass(frozen=True)
class TagLink:
    """What Material's tags partial reads of a tag: its name, its address and whether it is hidden."""

    name: str
    url: str | None
    hidden: bool = False


def _search_facts(output: str) -> dict:
    """What the search index reads of a finished page (records.page_facts), as the page cache keeps it."""
    facts = search_records.page_facts(search_records.indexable_part(output))
    return {"facts": None if facts is None else facts.to_json()}


def _memoize_lookups(files: Files) -> None:
    """Every link in every page is resolved through `files.get_file_from_path`, which the i18n
    plugin's Files answer by building three paths a call (about 5% of converting a page). The
    files are all known by now (this runs last among the files events), so each answer is kept."""
    lookup, answers = files.get_file_from_path, {}

    def get_file_from_path(path: str):
        if path not in answers:
            answers[path] = lookup(path)
        return answers[path]

    files.get_file_from_path = get_file_from_path


def _i18n(config):
    return config.plugins.get("i18n")


def _current_language(config) -> str:
    """The language MkDocs is building: mkdocs-static-i18n builds the default first, then the others."""
    return getattr(_i18n(config), "current_language", None) or languages.DEFAULT


def _build_languages(config) -> list[str]:
    i18n = _i18n(config)
    return list(i18n.build_languages) if i18n is not None else [languages.DEFAULT]
