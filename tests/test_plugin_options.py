"""The rightskit plugin's options (mkdocs/config.py): typed, with defaults, and every problem
reported at its line in mkdocs.yml, by `rightskit check` and by MkDocs alike."""
from __future__ import annotations

import pytest

from rightskit.core import config as siteconfig
from rightskit.mkdocs.config import load

CONFIG = """\
site_name: X
plugins:
  - rightskit:
      pdf: "no"
      list_table: 0
      review_age_months: 6
      list_sise: 4
"""


def test_defaults_fill_in_what_is_not_written():
    options, found = load(siteconfig.parse("plugins:\n  - rightskit:\n      list_preview: 2\n"))
    assert found == []
    assert options.pdf is True and options.review_age_months == 12 and options.list_sizes().preview == 2


def test_every_bad_option_is_a_finding_at_its_line():
    _, found = load(siteconfig.parse(CONFIG))
    described = sorted((f.line, f.severity, f.message) for f in found)
    assert [(line, severity) for line, severity, _ in described] == [(4, "error"), (5, "error"), (7, "warning")]
    assert described[0][2] == "'pdf' is 'no': write true or false"
    assert described[1][2].startswith("'list_table' is 0, and a list needs at least 1 item a page")
    assert described[2][2] == "'list_sise' is not an option of the rightskit plugin"


def test_rightskit_check_reports_them_and_uses_the_review_age(mini, capsys):
    from rightskit.cli.main import main

    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      pdf: false\n", "      pdf: false\n      review_age_months: zero\n"),
                      encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("      review_age_months: zero") + 1
    assert main(["-f", str(config), "check"]) == 1
    assert f"mkdocs.yml:{line}: 'review_age_months' is 'zero', not a whole number" in capsys.readouterr().err


def test_mkdocs_reports_the_line_when_it_loads_the_plugin(mini, caplog):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      pdf: false\n", "      pdf: false\n      list_overview: -1\n"),
                      encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("      list_overview: -1") + 1
    with pytest.raises(Abort):
        load_config(str(config))
    assert f"option 'list_overview': mkdocs.yml:{line}: 'list_overview' is -1" in caplog.text
