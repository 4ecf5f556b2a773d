"""Which edition a reader holds: the project's version, the build date, the content license and
the site's address. Printed on every PDF and shown in the site footer.

The address comes from the configuration (`site_url` in mkdocs.yml, read by config.py with its
`!ENV` resolved) unless the environment variable SITE_URL overrides it at build time, as the
deploy workflow does.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from rightskit.core import languages
CONTENT_LICENSE = "CC BY 4.0"
CONTENT_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "example.invalid")


@dataclass(frozen=True)
class Edition:
    version: str
    date: dt.date
    site_url: str

    @property
    def license(self) -> str:
        return CONTENT_LICENSE

    @property
    def license_url(self) -> str:
        return CONTENT_LICENSE_URL

    def footer_html(self, lang: str = languages.DEFAULT) -> str:
        """The site footer's edition sentence in `lang`, with the license as a link (copyright.html)."""
        _ = languages.strings(lang if lang in languages.LANGUAGES else languages.DEFAULT)
        link = f'<a href="{escape(CONTENT_LICENSE_URL)}" rel="license">{escape(CONTENT_LICENSE)}</a>'
        return _("Version {version}, built {date}. Content licensed under {license}; code under the MIT License.",
                 version=escape(self.version), date=escape(languages.human_date(self.date, _.lang)), license=link)

    def line(self, _: languages.Strings | None = None) -> str:
        """One line for the foot of a printed page, in the language of the strings catalog `_`."""
        _ = _ or languages.strings(languages.DEFAULT)
        return _("Version {version} · {date} · {license}", version=self.version,
                 date=languages.human_date(self.date, _.lang), license=CONTENT_LICENSE)


def site_url(configured: str | None) -> str:
    """The site's address: SITE_URL from the environment wins over the configuration."""
    url = (os.environ.get("SITE_URL") or configured or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    return url


def is_placeholder(url: str) -> bool:
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split(":")[0]
    return not host or any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS)


def placeholder_warning(url: str) -> str:
    return (f"The site address is still the placeholder '{url or '(none)'}': every printed link and QR code "
            "points nowhere. Set site_url in mkdocs.yml or build with SITE_URL=https://your.site/ make site.")


def version() -> str:
    """The package version: from the installed metadata, else from pyproject.toml."""
    try:
        from importlib.metadata import version as installed

        return installed("rightskit")
    except Exception:  # noqa: BLE001 - not installed (e.g. run from a checkout): read the file
        pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M)
        return match.group(1) if match else "0"


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def current(configured_url: str | None) -> Edition:
    return Edition(version(), build_date(), site_url(configured_url))
