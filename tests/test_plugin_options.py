"""The rightskit plugin's options (mkdocs/config.py): typed, with defaults, and every problem
reported at its line in mkdocs.yml, by `rightskit check` and by MkDocs alike."""
from __future__ import annotations

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


def test_mkdocs_gets_every_problem_with_its_line_when_it_loads_the_plugin(mini):
    from rightskit.mkdocs.plugin import RightsKitPlugin

    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      pdf: false\n", "      pdf: false\n      list_overview: -1\n      pdf_workers: -2\n"),
                      encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("      list_overview: -1") + 1
    # What MkDocs calls for each plugin entry; it prefixes "Plugin 'rightskit' option '<key>': ".
    errors, warnings = RightsKitPlugin().load_config({"pdf": False, "list_overview": -1, "pdf_workers": -2}, str(config))
    assert [(key, str(error)) for key, error in errors] == [
        ("pdf_workers", f"mkdocs.yml:{line + 1}: 'pdf_workers' is -2, and it counts processes (0: one per core) "
                        "(set it to 0 or more under 'rightskit:')"),
        ("list_overview", f"mkdocs.yml:{line}: 'list_overview' is -1, and a list needs at least 1 item a page "
                          "(set it to 1 or more under 'rightskit:')")]
    assert warnings == []
