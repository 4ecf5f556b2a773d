"""The engine seam (issue 24): the core writes every page of both editions to a staging docs tree,
and plain MkDocs (no rightskit plugin, no i18n plugin) builds it into a site whose pages carry the
references, panels, lists and language marks the plugin's build gives them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import bilingual_mini
from rightskit.core.findings import errors
from rightskit.core.xref import find_refs
from rightskit.outputs import staging
from rightskit.project import Project, load_site

MARKDOWN = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", {"toc": {"permalink": True}},
            "pymdownx.details", "pymdownx.superfences"]


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    work = tmp_path_factory.mktemp("staging")
    root = bilingual_mini(work / "project")
    loaded = load_site(Project(root))
    assert errors(loaded.findings) == []
    docs = work / "docs"
    return root, docs, staging.write_staging(Project(root), loaded.site, docs)


def test_the_tree_holds_every_page_in_both_editions(staged):
    root, docs, written = staged
    english = {path for path in written if path.endswith(".md") and not path.startswith("es/")}
    spanish = {path[len("es/"):] for path in written if path.startswith("es/")}
    assert {"explainers/tenancy.md", "rights/housing.md", "standards/icescr.md", "tags.md"} <= english
    assert spanish == english  # each page in each edition
    tenancy = (docs / "explainers" / "tenancy.md").read_text(encoding="utf-8")
    assert tenancy.startswith("---\ntitle: Tenancy basics\n") and "[[" not in tenancy
    assert "[ICESCR article 11](../standards/icescr.md#article-11)" in tenancy
    housing_es = (docs / "es" / "rights" / "housing.md").read_text(encoding="utf-8")
    assert "title: Vivienda" in housing_es
    assert "<!-- rk:lang en -->" in (docs / "es" / "explainers" / "tenancy.md").read_text(encoding="utf-8")
    # no reference left unexpanded outside code (where `[[not-an-id]]` is shown as written)
    assert [path for path in written if path.endswith(".md") and find_refs((docs / path).read_text(encoding="utf-8"))] == []


def test_plain_mkdocs_builds_the_tree(staged, tmp_path):
    root, docs, _ = staged
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plain = {"site_name": config["site_name"], "site_url": config["site_url"], "docs_dir": str(docs),
             "site_dir": str(tmp_path / "site"), "theme": {"name": "material", "font": False},
             "markdown_extensions": MARKDOWN, "nav": config["nav"], "plugins": []}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "rightskit" not in (tmp_path / "mkdocs.yml").read_text()
    assert staging.finish_html(site) > 0
    tenancy = (site / "explainers" / "tenancy" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../standards/icescr/#article-11"' in tenancy and "[[" not in tenancy
    tenancy_es = (site / "es" / "explainers" / "tenancy" / "index.html").read_text(encoding="utf-8")
    assert '<div lang="en">' in tenancy_es and "rk:lang" not in tenancy_es
    assert "Aún sin traducir" in tenancy_es
    assert (site / "es" / "standards" / "icescr" / "index.html").is_file()
    housing_es = (site / "es" / "rights" / "housing" / "index.html").read_text(encoding="utf-8")
    assert "Vivienda" in housing_es
    assert (site / "assets" / "site.css").is_file() or not (docs / "assets").exists()
