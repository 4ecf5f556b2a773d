"""The edition (version, date, license, address) and the site address from configuration."""
from __future__ import annotations

import datetime as dt
import subprocess

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


def test_build_date_is_reproducible_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25 00:00 UTC
    assert ed.build_date() == dt.date(2025, 11, 25)
    line = ed.current("https://kit.test/").line()
    assert line.startswith(f"Version {ed.version()} · 25 November 2025 ·") and line.endswith("CC BY 4.0")


ENV_SITE_URL = 'site_url: !ENV [SITE_URL, "https://rights-at-home.example.org/"]'


def _with_env_site_url(mini):
    """The mini project with its address written as mkdocs.yml writes it: from SITE_URL, else a placeholder."""
    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://example.invalid/\n" in text
    config.write_text(text.replace("site_url: https://example.invalid/", ENV_SITE_URL), encoding="utf-8")
    return config


def test_site_url_from_the_environment_reaches_the_pdfs(mini, monkeypatch, capsys):
    from rightskit.cli.main import main

    config = _with_env_site_url(mini)
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true"), encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://example.test")
    assert main(["-f", str(config), "build"]) == 0
    assert "placeholder" not in capsys.readouterr().err
    pdfs = sorted((mini / "site" / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        if "-flipcharts-" not in pdf.name:  # a flip chart carries no footer, so no address (issue 20)
            assert "https://example.test/" in text, pdf.name
        assert "example.org" not in text and "example.invalid" not in text, pdf.name
    housing = subprocess.run(["pdftotext", str(mini / "site" / "pdf" / "housing-packet-letter.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
    assert "https://example.test/workshops/housing/" in housing
    for page in (mini / "site").rglob("*.html"):
        assert "example.org" not in page.read_text(encoding="utf-8"), page
    assert '<link rel="canonical" href="https://example.test/' in (mini / "site" / "index.html").read_text(encoding="utf-8")


def test_the_placeholder_address_from_env_default_warns_loudly(mini, monkeypatch, capsys):
    from rightskit.cli.main import main

    config = _with_env_site_url(mini)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["-f", str(config), "build", "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert "WARNING: The site address is still the placeholder 'https://rights-at-home.example.org/'" in err


def test_site_url_require_real_refuses_the_placeholder_and_an_empty_address(mini, monkeypatch, capsys):
    from rightskit.cli.main import main

    config = _with_env_site_url(mini)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["-f", str(config), "site-url", "--require-real"]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml:" in err and "refusing to publish" in err and "SITE_URL is not set" in err
    # What configure-pages would give without a Pages site: an empty base URL, then the slash.
    monkeypatch.setenv("SITE_URL", "/")
    assert main(["-f", str(config), "site-url", "--require-real"]) == 1
    assert "SITE_URL is '/'" in capsys.readouterr().err
    # Without --require-real the placeholder only warns (previews and tests build with it).
    monkeypatch.delenv("SITE_URL")
    assert main(["-f", str(config), "site-url"]) == 0
    out = capsys.readouterr()
    assert "WARNING" in out.err and out.out.strip() == "https://rights-at-home.example.org/"


def test_site_url_require_real_passes_with_a_real_address(mini, monkeypatch, capsys):
    from rightskit.cli.main import main

    config = _with_env_site_url(mini)
    monkeypatch.setenv("SITE_URL", "https://rights.example.test/kit")
    assert main(["-f", str(config), "site-url", "--require-real"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "https://rights.example.test/kit/" and not out.err
