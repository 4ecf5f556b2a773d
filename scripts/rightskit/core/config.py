"""mkdocs.yml, read once, as MkDocs reads it, with the line of everything the project uses.

`!ENV` is resolved the way MkDocs resolves it (`pyyaml_env_tag`, a MkDocs dependency), so
`site_url: !ENV [SITE_URL, "https://…"]` is the address the build will use, not the text "!ENV".
Other MkDocs-only tags (`!relative`, `!!python/name:`) read as None: nothing here uses them.
Nothing here imports MkDocs (the core may not); mkdocs/config.py types the plugin's options.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml_env_tag import construct_env_tag

from rightskit.core import languages as langs
from rightskit.core import yamltext
from rightskit.core.findings import Finding
from rightskit.core.yamltext import LineList, LineMap

PLUGIN = "rightskit"
I18N = "i18n"


_LOADERS = yamltext.loaders_with("!ENV", construct_env_tag)


@dataclass(frozen=True)
class Language:
    """One language of the i18n plugin's block."""

    locale: str
    name: str
    default: bool
    build: bool
    line: int


@dataclass
class SiteConfig:
    """What the project reads of mkdocs.yml. `path` is how findings name the file."""

    path: str = "mkdocs.yml"
    site_url: str = ""
    site_url_line: int = 1
    nav: dict[str, int] | None = None  # docs-relative page: its line, in nav order; None: no nav
    options: dict = field(default_factory=dict)  # the rightskit plugin's options, as written
    option_lines: dict[str, int] = field(default_factory=dict)
    plugin_line: int = 1  # the `- rightskit:` entry (or the plugins list when it is absent)
    languages: tuple[Language, ...] = ()  # the i18n plugin's languages; () without the plugin
    i18n_line: int = 1
    finding: Finding | None = None  # the file could not be read

    def option_line(self, name: str) -> int:
        return self.option_lines.get(name, self.plugin_line)


def read(file: Path, root: Path | None = None) -> SiteConfig:
    """The configuration in `file`; an empty one (defaults) when the file does not exist."""
    path = yamltext.rel(file, root) if root is not None else file.name
    if not file.is_file():
        return SiteConfig(path)
    text, finding = yamltext.read_text(file, root if root is not None else file.parent)
    if finding:
        return SiteConfig(path, finding=finding)
    return parse(text, path)


def parse(text: str, path: str = "mkdocs.yml") -> SiteConfig:
    parsed = yamltext.parse_yaml(text, path, loaders=_LOADERS)
    data = parsed.data
    if parsed.finding or not isinstance(data, LineMap):
        return SiteConfig(path, finding=parsed.finding)
    config = SiteConfig(path, site_url=str(data.get("site_url") or "").strip(),
                        site_url_line=data.line_of("site_url"),
                        nav=nav_lines(data) if "nav" in data else None,
                        plugin_line=data.line_of("plugins"), i18n_line=data.line_of("plugins"))
    plugins = data.get("plugins")
    for name, options, line in _plugins(plugins):
        if name == PLUGIN:
            config.plugin_line = line
            if isinstance(options, LineMap):
                config.options = dict(options)
                config.option_lines = dict(options.key_lines)
        elif name == I18N:
            config.i18n_line = line
            config.languages = _languages(options)
    return config


def _plugins(plugins) -> list[tuple[str, object, int]]:
    """(name, options, line) of each plugin: `plugins:` is a list of names or one-key mappings,
    or a mapping of names to options."""
    entries = []
    if isinstance(plugins, LineList):
        for index, entry in enumerate(plugins):
            if isinstance(entry, str):
                entries.append((entry, None, plugins.line_of(index)))
            elif isinstance(entry, LineMap):
                entries += [(str(name), options, entry.line_of(name)) for name, options in entry.items()]
    elif isinstance(plugins, LineMap):
        entries += [(str(name), options, plugins.line_of(name)) for name, options in plugins.items()]
    return entries


def _languages(options) -> tuple[Language, ...]:
    listed = options.get("languages") if isinstance(options, LineMap) else None
    if not isinstance(listed, LineList):
        return ()
    return tuple(Language(str(item.get("locale") or ""), str(item.get("name") or ""), item.get("default") is True,
                          item.get("build", True) is not False, listed.line_of(index))
                 for index, item in enumerate(listed) if isinstance(item, LineMap))


def language_findings(config: SiteConfig) -> list[Finding]:
    """The i18n plugin's languages must be the ones the code has catalogs, dates and page suffixes
    for (languages.py): a language added in one place only would build half an edition."""
    if not config.languages:
        return []  # a one-language project (no i18n plugin)
    found = []
    for language in config.languages:
        if language.locale not in langs.LANGUAGES:
            found.append(Finding(config.path, language.line, f"the i18n plugin lists the language '{language.locale}', "
                                 f"which rightskit does not know (it knows {', '.join(langs.LANGUAGES)})",
                                 "add it to LANGUAGES in scripts/rightskit/core/languages.py with a strings "
                                 "catalog, or remove it here"))
        elif language.name != langs.NAMES[language.locale]:
            found.append(Finding(config.path, language.line, f"the name of '{language.locale}' is '{language.name}' "
                                 f"here but '{langs.NAMES[language.locale]}' in languages.py",
                                 "use the same name in both, as the language writes it"))
        if language.default and language.locale != langs.DEFAULT:
            found.append(Finding(config.path, language.line, f"'{language.locale}' is the default language here, "
                                 f"but the pages' source language is '{langs.DEFAULT}'",
                                 f"set 'default: true' on '{langs.DEFAULT}' only"))
    listed = {language.locale for language in config.languages}
    for locale in langs.LANGUAGES:
        if locale not in listed:
            found.append(Finding(config.path, config.i18n_line, f"the i18n plugin does not list '{locale}' "
                                 f"({langs.NAMES[locale]}), one of rightskit's languages",
                                 f"add '- locale: {locale}' with 'name: {langs.NAMES[locale]}' under 'languages:'"))
    return found


def nav_lines(config: LineMap) -> dict[str, int]:
    """{docs-relative page: its line} for each page in a parsed mkdocs.yml's nav, in nav order;
    links to other sites are left out."""
    paths: dict[str, int] = {}

    def walk(node, line: int) -> None:
        if isinstance(node, str):
            if "://" not in node:
                paths.setdefault(node, line)
        elif isinstance(node, LineMap):
            for key, value in node.items():
                walk(value, node.line_of(key))
        elif isinstance(node, LineList):
            for index, value in enumerate(node):
                walk(value, node.line_of(index))

    if "nav" in config:
        walk(config["nav"], config.line_of("nav"))
    return paths
