"""The MkDocs plugin: a thin adapter between MkDocs' events and the rightskit core.

All the knowledge lives in load, render, export and pdf; this class only hands their results
to MkDocs at the right moment, so the core can move to another MkDocs-compatible engine.
"""
from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import edition as ed
from . import export, freshness, schema, search
from .findings import errors, format_findings
from .load import Project, load_site
from .render import Renderer, environment, label_checkboxes

log = logging.getLogger("mkdocs.plugins.rightskit")


class RightsKitConfig(Config):
    pdf = c.Type(bool, default=True)  # render workshop and handout PDFs after the build
    cache_dir = c.Type(str, default=".cache/rightskit")  # relative to mkdocs.yml
    page_cache = c.Type(bool, default=True)  # reuse converted and rendered pages (see plugin_cache.py)
    pdf_workers = c.Type(int, default=0)  # processes rendering PDFs; 0: one per core
    offline = c.Type(bool, default=False)  # build the offline kit: file:// links and search (offline.py)
    review_age_months = c.Type(int, default=12)  # freshness: reviews and "as of" dates older than this warn


class RightsKitPlugin(BasePlugin[RightsKitConfig]):
    supports_multiple_instances = False
    preloaded = None  # the checked site, when `rightskit build` has just loaded it

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir).resolve()
        self.project = Project(self.root, docs_dir=os.path.relpath(docs, self.root),
                               config_file=Path(config.config_file_path).name)
        if self.preloaded is not None:
            self.site, self.preloaded = self.preloaded, None
        else:
            loaded = load_site(self.project)
            if errors(loaded.findings):
                raise PluginError("The content has problems:\n" + format_findings(loaded.findings))
            for finding in loaded.findings:  # warnings only: INFO, so a strict build is not stopped by them
                log.info("%s", finding)
            self.site = loaded.site
        self.cache = None
        env = environment()
        if self.config.page_cache:
            from .plugin_cache import BuildCache

            self.cache = BuildCache(self.root / self.config.cache_dir, config)
            env.bytecode_cache = FileSystemBytecodeCache(self.cache.jinja_dir())
        self.renderer = Renderer(self.site, env, review_age_months=self.config.review_age_months)
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
            from . import offline

            config.use_directory_urls = False  # from file:// a folder link would not open its index.html
            config.extra_javascript.append(offline.SCRIPT)
        self.renderer.directory_urls = config.use_directory_urls
        return config

    @event_priority(-100)  # last: the helpers must see the navigation as MkDocs will use it
    def on_nav(self, nav, *, config, files):
        self.nav = nav
        if self.cache:
            self.cache.start_conversions(files)
        return nav

    def on_pre_page(self, page, *, config, files):
        if self.cache:
            self.cache.install(page)
        return page

    @event_priority(-100)  # after every other plugin has changed the pages and the environment
    def on_env(self, env, *, config, files):
        if self.cache:
            env.bytecode_cache = FileSystemBytecodeCache(self.cache.jinja_dir())  # compiled theme templates
            self.cache.prepare(env, self.nav, files)
            self.cache.start_rendering(env, self.nav, files)
        return env

    def on_build_error(self, *, error):
        if getattr(self, "cache", None):
            self.cache.helpers.wait_all()

    def on_files(self, files: Files, *, config):
        for page in self.renderer.pages():
            file = File.generated(config, page.path, content=page.content)
            if page.source and not page.source.endswith("/"):
                # Generated pages are edited through the YAML they came from.
                file.edit_uri = os.path.relpath(self.root / page.source, self.project.docs).replace(os.sep, "/")
            else:
                file.edit_uri = None
            files.append(file)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        module = self.site.modules.get(page.file.src_uri)
        if module is None:  # a generated page
            if page.edit_url:  # its edit link climbs out of docs/ to the YAML: tidy the "/../"
                parts = urlsplit(page.edit_url)
                page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
            return markdown + self.renderer.abbreviations(markdown)
        if module.issue_areas and "tags" not in page.meta:
            page.meta["tags"] = [self.site.issue_areas[a].title for a in module.issue_areas]
        if self.cache:
            return self.cache.page_markdown(self.site, module, markdown,
                                            lambda: self.renderer.page_markdown(module, markdown))
        return self.renderer.page_markdown(module, markdown)

    def on_page_content(self, html, *, page, config, files):
        return label_checkboxes(html)

    def on_post_build(self, *, config):
        if self.cache:
            self.cache.helpers.wait_all()
            self.cache.prune()
            log.info("Page cache: %d converted, %d reused; %d rendered, %d reused", self.cache.convert.misses,
                     self.cache.convert.hits, self.cache.render.misses, self.cache.render.hits)
        site_dir = Path(config.site_dir)
        export.write_json(self.site, site_dir)
        schema.write_schemas(site_dir / schema.SCHEMA_DIR)
        report = search.index_site(site_dir, self.site)
        log.info("Search: %d pages indexed as %d results (%s)", report.pages, report.records,
                 ", ".join(f"{lang}: {n}" for lang, n in sorted(report.languages.items())))
        if self.config.offline:
            from . import offline

            offline.write_index(site_dir, self.site)
        if self.config.pdf:
            from . import pdf  # WeasyPrint is slow to import; only pay for it when PDFs are wanted

            report = pdf.build_all(self.site, site_dir, site_url=config.site_url or "",
                                   cache_dir=self.root / self.config.cache_dir, root=self.root,
                                   edition=self.edition, workers=self.config.pdf_workers or None)
            log.info("PDFs: %d rendered, %d from cache", report.rendered, report.cached)
