"""Every page the site has, in every language, written as plain Markdown files: the seam that lets
another engine build the site (issue 24).

The MkDocs plugin hands MkDocs the generated pages in memory and rewrites each hand-written page's
Markdown as MkDocs reads it. Here the same Renderer writes both to a staging docs tree instead:

- `<target>/<path>.md`: the English edition, generated pages and modules alike, with references
  expanded, panels and lists added and the glossary's hover definitions appended;
- `<target>/<lang>/<path>.md`: each other edition (`/es/`), from the translation where there is
  one and from the English text, marked as English, where there is not;
- every other file of the docs folder (styles, scripts, images) copied once, at the root, where
  each edition's pages already point.

Any engine that converts Markdown with the project's Python-Markdown extensions then builds the tree
with no plugin; `finish_html` is the pass over its HTML that the plugin otherwise does page by page
(language marks, checkbox labels). Nothing here imports MkDocs.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from rightskit.content.i18n import translations
from rightskit.content.load import Project
from rightskit.core import languages
from rightskit.core import model as m
from rightskit.core.yamltext import FRONT_MATTER
from rightskit.pages.environment import environment
from rightskit.pages.htmlmarks import apply_language_marks, label_checkboxes
from rightskit.pages.render import Renderer


def editions(site: m.Site) -> list[str]:
    return [languages.DEFAULT, *sorted(site.translations)]


def write_staging(project: Project, site: m.Site, target: Path, *, today=None) -> list[str]:
    """Write the staging docs tree of `site` (loaded and checked from `project`) to `target`;
    returns the paths written, relative to it."""
    written = []

    def write(path: str, text: str) -> None:
        file = target / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        written.append(path)

    for lang in editions(site):
        prefix = languages.site_prefix(lang)
        renderer = Renderer(translations.localize(site, lang), environment(), lang=lang, today=today)
        for page in renderer.pages():
            content = page.content
            if not renderer.is_list_page(page.path):  # as the plugin does: list pages carry no hover definitions
                content += renderer.abbreviations(_body(content))
            write(prefix + page.path, content)
        for path, module in renderer.site.modules.items():
            source = project.docs / languages.translation_path(path, lang)
            if not source.is_file():
                source = project.docs / path
            text = source.read_text(encoding="utf-8")
            match = FRONT_MATTER.match(text)
            head, body = (match.group(0), text[match.end():]) if match else ("", text)
            write(prefix + path, head + renderer.page_markdown(module, body))
    for folder, _, files in os.walk(project.docs):
        for name in files:
            source = Path(folder) / name
            relative = source.relative_to(project.docs).as_posix()
            if not relative.endswith(".md"):
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / relative)
                written.append(relative)
    return written


def _body(content: str) -> str:
    match = FRONT_MATTER.match(content)
    return content[match.end():] if match else content


def finish_html(site_dir: Path) -> int:
    """The plugin's pass over each page's HTML, for a site another engine built from the staging
    tree: language marks become `lang` attributes, task-list checkboxes get their labels.
    Returns the number of pages changed."""
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        finished = label_checkboxes(apply_language_marks(html))
        if finished != html:
            page.write_text(finished, encoding="utf-8")
            changed += 1
    return changed
