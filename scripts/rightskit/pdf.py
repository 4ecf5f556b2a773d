"""Printable PDFs: workshop facilitator guides, participant packets and module handouts.

Each document is first rendered to one self-contained HTML string (templates/handouts/);
its hash is the cache key, so a PDF is rendered again only when something it shows changed.
WeasyPrint may fetch nothing but data: URIs, so rendering never touches the network.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import segno

from . import languages, paths, translations, xref
from . import model as m
from .render import Renderer, end_time, human_minutes, pdf_path, print_facilitator_notes, strip_facilitator_notes, \
    workshop_modules

PAPERS = {"letter": "Letter", "a4": "A4"}
# Bump when a change to this module alters the output without changing the HTML.
RENDERER_VERSION = "1"

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tasklist"]


@dataclass(frozen=True)
class Document:
    name: str  # site-relative output path, e.g. pdf/housing-human-right-guide-letter.pdf
    title: str
    html: str

    @property
    def key(self) -> str:
        return hashlib.sha256((RENDERER_VERSION + self.html).encode("utf-8")).hexdigest()


@dataclass
class Report:
    rendered: int = 0
    cached: int = 0
    files: list[Path] = field(default_factory=list)
    rendered_names: list[str] = field(default_factory=list)


class Printer:
    """Builds the HTML of every printable document of a site, in one language: `site` is the site as
    readers of `lang` see it (translations.localize), and only translated documents are printed in it."""

    def __init__(self, site: m.Site, site_url: str, lang: str = languages.DEFAULT):
        self.site = site
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.lang = lang
        self._ = languages.strings(lang)
        self.renderer = Renderer(site, lang=lang)
        self.env = self.renderer.env
        self.env.filters["qr"] = qr_data_uri

    def absolute(self, page: str, anchor: str = "") -> str:
        return self.site_url + languages.site_prefix(self.lang) + paths.url_of(page, anchor)

    def wanted(self, record) -> bool:
        return self.lang == languages.DEFAULT or translations.is_translated(self.site, self.lang, record)

    def module_html(self, module: m.Module, audience: str) -> str:
        """A module's body as HTML for print: 'facilitator' keeps the notes open,
        'participant' leaves them out (and keeps only an activity's handout section)."""
        body = module.body
        if audience == "participant":
            body = strip_facilitator_notes(handout_section(body, self._("Handout")) or body)
        else:
            body = print_facilitator_notes(body, self._("For facilitators"))
        body = self.absolute_links(module.path, self.renderer.expand(module.path, body))
        return markdown.markdown(body, extensions=EXTENSIONS, output_format="html")

    def absolute_links(self, here: str, text: str) -> str:
        """Relative links become full web addresses: on paper there is no 'here'."""

        def replace(match: re.Match) -> str:
            target = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
                return match.group(0)
            page, _, anchor = target.partition("#")
            resolved = paths.resolve_relative(here, page) if page else here
            if resolved is None or not resolved.endswith(".md"):
                return match.group(0)
            return match.group(0).replace(f"({target}", f"({self.absolute(resolved, anchor)}", 1)

        return xref.expand_links(text, replace)

    def _page(self, template: str, **values) -> str:
        return self.env.get_template(f"handouts/{template}").render(
            site=self.site, minutes=human_minutes, _=self._, **values)

    def documents(self) -> list[Document]:
        docs = []
        for workshop in sorted(self.site.workshops.values(), key=lambda w: w.id):
            if self.wanted(workshop):
                docs += self.workshop_documents(workshop)
        for module in sorted(self.site.modules.values(), key=lambda x: x.path):
            if module.handout and self.wanted(module):
                docs += self.handout_documents(module)
        return docs

    def workshop_documents(self, w: m.Workshop) -> list[Document]:
        url = self.absolute(paths.workshop_page(w))
        modules = workshop_modules(self.site, w)
        handouts = [x for x in modules if x.handout]
        guide_sections = [(x, self.module_html(x, "facilitator")) for x in modules]
        packet_sections = [(x, self.module_html(x, "participant")) for x in handouts]
        out = []
        for paper, size in PAPERS.items():
            common = dict(w=w, url=url, paper=size, schedule=w.schedule(), end=end_time(w), lang=self.lang)
            out.append(Document(pdf_path("guide", w.id, paper, self.lang), f"{w.title}: {self._('facilitator guide')}",
                                self._page("guide.html.j2", kind=self._("Facilitator guide"), sections=guide_sections,
                                           modules=modules, **common)))
            out.append(Document(pdf_path("packet", w.id, paper, self.lang), f"{w.title}: {self._('participant packet')}",
                                self._page("packet.html.j2", kind=self._("Participant packet"),
                                           sections=packet_sections, **common)))
        return out

    def handout_documents(self, module: m.Module) -> list[Document]:
        url = self.absolute(module.path)
        html = self.module_html(module, "participant")
        return [Document(pdf_path("handout", module.id, paper, self.lang), module.title,
                         self._page("handout.html.j2", module=module, body=html, url=url, paper=size,
                                    kind=self._("Handout"), lang=self.lang))
                for paper, size in PAPERS.items()]


def handout_section(markdown_text: str, heading: str = "Handout") -> str:
    """An activity's '## Handout' section (in a translation, its heading in that language), if it has one:
    what participants take home."""
    match = re.search(rf"^## (?:Handout|{re.escape(heading)})\s*$(.*?)(?=^## |\Z)", markdown_text, re.M | re.S)
    return match.group(1).strip() if match else ""


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


def render_pdf(html: str, target: Path) -> None:
    from weasyprint import HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})  # no network, no files: everything is inline
    HTML(string=html, url_fetcher=fetcher).write_pdf(target, pdf_variant="pdf/ua-1",
                                                      custom_metadata=True)


def build_all(site: m.Site, site_dir: Path, *, site_url: str, cache_dir: Path, root: Path | None = None) -> Report:
    """Write every PDF into site_dir, rendering only those whose HTML is not in the cache."""
    report = Report()
    cache = cache_dir / "pdf"
    cache.mkdir(parents=True, exist_ok=True)
    documents = [doc for lang in (languages.DEFAULT, *site.translations)
                 for doc in Printer(translations.localize(site, lang), site_url, lang).documents()]
    for doc in documents:
        cached = cache / f"{doc.key}.pdf"
        if cached.exists():
            report.cached += 1
        else:
            partial = cached.with_suffix(".partial")
            render_pdf(doc.html, partial)
            partial.replace(cached)
            report.rendered += 1
            report.rendered_names.append(doc.name)
        target = site_dir / doc.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        report.files.append(target)
    # Forget PDFs no current document has, so the cache does not grow with every edit.
    keep = {f"{doc.key}.pdf" for doc in documents}
    for stale in cache.glob("*.pdf"):
        if stale.name not in keep:
            stale.unlink()
    _write_report(report, cache_dir)
    return report


def _write_report(report: Report, cache_dir: Path) -> None:
    """What the last build rendered, for people and tests wondering whether the cache worked."""
    lines = [f"# {dt.datetime.now().isoformat(timespec='seconds')}: "
             f"{report.rendered} rendered, {report.cached} from cache"]
    lines += report.rendered_names
    (cache_dir / "last-pdf-build.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

