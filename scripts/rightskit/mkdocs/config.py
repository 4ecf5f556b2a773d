"""The rightskit plugin's options in mkdocs.yml: their types, defaults and limits, in one class
that MkDocs validates when it loads the plugin and `rightskit check` validates without building.

Every problem names its line (`mkdocs.yml:12: ...`): the lines come from core/config.py.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from rightskit.content import freshness, pagecheck
from rightskit.core import config as siteconfig
from rightskit.core import listing
from rightskit.core.findings import WARNING, Finding

SECTION = "under 'rightskit:' in mkdocs.yml's plugins"


class Flag(c.Type):
    def __init__(self, default: bool):
        super().__init__(bool, default=default)

    def run_validation(self, value):
        if not isinstance(value, bool):
            raise ValidationError(f"'{self._name}' is {value!r}: write true or false")
        return value


class Number(c.Type):
    """A whole number of at least `minimum`; `why` finishes the sentence when it is smaller."""

    def __init__(self, default: int, minimum: int, why: str):
        super().__init__(int, default=default)
        self.minimum, self.why = minimum, why

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"'{self._name}' is {value!r}, not a whole number (set it to {self.minimum} "
                                  f"or more {SECTION})")
        if value < self.minimum:
            raise ValidationError(f"'{self._name}' is {value}, and {self.why} (set it to {self.minimum} or more "
                                  f"under 'rightskit:')")
        return value


def _list_size(default: int) -> Number:
    return Number(default, 1, "a list needs at least 1 item a page")


class RightsKitConfig(Config):
    pdf = Flag(True)  # render workshop and handout PDFs after the build
    cache_dir = c.Type(str, default=".cache/rightskit")  # relative to mkdocs.yml
    page_cache = Flag(True)  # reuse converted and rendered pages (see cache.py)
    section_nav = Flag(True)  # render the navigation once per section, not once per page (navcache.py)
    pdf_workers = Number(0, 0, "it counts processes (0: one per core)")  # processes rendering PDFs
    offline = Flag(False)  # build the offline kit: file:// links and search (offline.py)
    # freshness: reviews and "as of" dates older than this warn
    review_age_months = Number(freshness.DEFAULT_REVIEW_AGE_MONTHS, 1, "a review ages in whole months")
    # pagecheck: an image in docs/ over this many kilobytes is an error (slow on a phone)
    image_limit_kb = Number(pagecheck.IMAGE_LIMIT_KB, 1, "an image needs at least 1 KB")
    # Long lists (listing.py): items on a page of a complete list, and how many a list shows where it appears.
    list_page_size = _list_size(listing.ListSizes.page)
    list_preview = _list_size(listing.ListSizes.preview)
    list_overview = _list_size(listing.ListSizes.overview)
    list_table = _list_size(listing.ListSizes.table)

    def validate(self):
        """Every option checked, not only up to the first bad one as Config.validate does, each
        problem with its line; MkDocs prefixes the plugin's and the option's name."""
        found = self.check(siteconfig.SiteConfig())
        if found and self.config_file_path:  # the file is read again only to find the lines
            site = siteconfig.read(Path(self.config_file_path))
            found = [(key, replace(f, path=site.path, line=site.option_line(key))) for key, f in found]
        return ([(key, ValidationError(str(f))) for key, f in found if f.is_error],
                [(key, str(f)) for key, f in found if not f.is_error])

    def check(self, site: siteconfig.SiteConfig) -> list[tuple[str, Finding]]:
        """Validate (filling in defaults) and return (option, finding) for each problem."""
        found = []
        for key, option in self._schema:
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as error:
                found.append((key, Finding(site.path, site.option_line(key), str(error))))
        names = sorted(name for name, _ in self._schema)
        # A name the plugin does not know is a typo, most often: a warning, which fails a strict build.
        found += [(key, Finding(site.path, site.option_line(key), f"'{key}' is not an option of the rightskit plugin",
                                f"the options are {', '.join(names)}", severity=WARNING))
                  for key in self if key not in names]
        return found

    def list_sizes(self) -> listing.ListSizes:
        return listing.ListSizes(self.list_page_size, self.list_preview, self.list_overview, self.list_table)


def load(site: siteconfig.SiteConfig) -> tuple[RightsKitConfig, list[Finding]]:
    """The plugin's options as the build will see them (defaults filled in), and a finding for each
    problem, every one in a run: what `rightskit check` reports before MkDocs starts."""
    options = RightsKitConfig()
    options.load_dict(dict(site.options))
    return options, [finding for _, finding in options.check(site)]
