"""The edition (version, date, license, address) and the site address from configuration."""
from __future__ import annotations

import datetime as dt

from rightskit.core import edition as ed
def test_site_url_comes_from_the_environment_before_the_configuration(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert ed.site_url("https://configured.example.org") == "https://configured.example.org/"
    monkeypatch.setenv("SITE_URL", "https://rights.example.net/kit")
    assert ed.site_url("https://configured.example.org/") == "https://rights.example.net/kit/"


def test_placeholder_addresses_are_recognized():
    assert ed.is_placeholder("https://rights-at-home.example.org/")
    assert ed.is_placeholder("")
    assert not ed.is_placeholder("https://rightsathome.org/")
    assert not ed.is_placeholder("https://example.organic.com/")


def test_configured_site_url_is_read_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nsite_url: 'https://kit.test/' # deployed\nnav: []\n", encoding="utf-8")
    assert ed.configured_site_url(config) == "https://kit.test/"


def test_build_date_is_reproducible_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25 00:00 UTC
    assert ed.build_date() == dt.date(2025, 11, 25)
    line = ed.current("https://kit.test/").line()
    assert line.startswith(f"Version {ed.version()} · 25 November 2025 ·") and line.endswith("CC BY 4.0")


def test_site_url_override_reaches_the_pdfs_and_the_placeholder_warns(mini, monkeypatch):
    from conftest import rightskit
    from pdfread import all_text

    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true"), encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://kit.rights.test/")
    run = rightskit("build", cwd=mini)
    assert run.returncode == 0, run.stderr
    assert "placeholder" not in run.stderr
    text = all_text(mini / "site" / "pdf" / "housing-packet-letter.pdf")
    assert "https://kit.rights.test/workshops/housing/" in text
    assert "example.invalid" not in text
    monkeypatch.delenv("SITE_URL")
    run = rightskit("build", "--no-pdf", cwd=mini)
    assert run.returncode == 0 and "WARNING: The site address is still the placeholder" in run.stderr
