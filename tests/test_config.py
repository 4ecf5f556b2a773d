"""mkdocs.yml read once (core/config.py): `!ENV` resolved as MkDocs resolves it, lines kept."""
from __future__ import annotations

from rightskit.core import config as siteconfig
from rightskit.core.config import Language

CONFIG = """\
site_name: X
site_url: !ENV [SITE_URL, "https://kit.example.org/"]
plugins:
  - search
  - rightskit:
      review_age_months: 6   # a comment
      list_preview: 2
  - i18n:
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
          build: false
nav:
  - Home: index.md
  - Rights:
      - rights/housing.md
      - https://example.net/elsewhere
"""


def test_env_tag_takes_the_environment_or_its_default(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert siteconfig.parse(CONFIG).site_url == "https://kit.example.org/"
    monkeypatch.setenv("SITE_URL", "https://example.test")
    config = siteconfig.parse(CONFIG)
    assert config.site_url == "https://example.test" and config.site_url_line == 2


def test_nav_plugin_options_and_languages_keep_their_lines():
    config = siteconfig.parse(CONFIG)
    assert config.nav == {"index.md": 17, "rights/housing.md": 19}
    assert config.options == {"review_age_months": 6, "list_preview": 2}
    assert config.option_line("list_preview") == 7
    assert config.option_line("pdf") == 5  # not written: the plugin's own line
    assert config.languages == (Language("en", "English", True, True, 10), Language("es", "Español", False, False, 13))
    assert config.i18n_line == 8


def test_a_missing_or_broken_file_reads_as_defaults_or_a_finding(tmp_path):
    assert siteconfig.read(tmp_path / "mkdocs.yml", tmp_path).nav is None
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nnav: [index.md\n", encoding="utf-8")
    broken = siteconfig.read(tmp_path / "mkdocs.yml", tmp_path)
    assert broken.finding is not None and broken.finding.path == "mkdocs.yml" and broken.nav is None


def test_plugins_as_a_mapping_are_read_too():
    config = siteconfig.parse("plugins:\n  search: {}\n  rightskit:\n    pdf: false\n")
    assert config.options == {"pdf": False} and config.option_line("pdf") == 4


def test_the_projects_languages_match_the_code():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    config = siteconfig.read(root / "mkdocs.yml", root)
    assert [lang.locale for lang in config.languages] == ["en", "es"]
    assert siteconfig.language_findings(config) == []


def test_a_language_declared_in_one_place_only_is_reported_at_its_line():
    text = CONFIG.replace("build: false", "build: true\n        - locale: fr\n          name: Français")
    found = siteconfig.language_findings(siteconfig.parse(text))
    assert [(f.line, "'fr'" in f.message) for f in found] == [(text.splitlines().index("        - locale: fr") + 1, True)]
    found = siteconfig.language_findings(siteconfig.parse(CONFIG.replace("name: Español", "name: Spanish")))
    assert [(f.line, "'Spanish'" in f.message) for f in found] == [(13, True)]
    without_es = CONFIG.replace("        - locale: es\n          name: Español\n          build: false\n", "")
    found = siteconfig.language_findings(siteconfig.parse(without_es))
    assert [(f.path, f.line) for f in found] == [("mkdocs.yml", 8)] and "'es'" in found[0].message


def test_rightskit_check_reports_a_language_missing_from_the_code(mini, capsys):
    from rightskit.cli.main import main

    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    i18n = ("  - i18n:\n      languages:\n        - locale: en\n          default: true\n          name: English\n"
            "        - locale: es\n          name: Español\n        - locale: de\n          name: Deutsch\n")
    config.write_text(text.replace("markdown_extensions:", i18n + "markdown_extensions:"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("        - locale: de") + 1
    assert main(["-f", str(config), "check"]) == 1
    assert f"mkdocs.yml:{line}: the i18n plugin lists the language 'de'" in capsys.readouterr().err
