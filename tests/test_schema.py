"""Reference pages and JSON Schemas come from schema.py, the same definitions the loader uses."""
from __future__ import annotations

import dataclasses
import json

import pytest
import yaml

from conftest import REPO
from rightskit.content import load
from rightskit.core import fields, schema
from rightskit.pages.environment import environment


def test_loader_reads_exactly_the_documented_fields():
    assert load.INSTRUMENT_FIELDS == schema.field_names(schema.INSTRUMENT.fields)
    assert load.ARTICLE_FIELDS == schema.field_names(schema.ARTICLE)
    assert load.MODULE_FIELDS == schema.field_names(schema.MODULE.fields)
    assert load.WORKSHOP_FIELDS == schema.field_names(schema.WORKSHOP.fields)
    assert load.AGENDA_FIELDS == schema.field_names(schema.AGENDA_ITEM)
    assert load.MECHANISM_FIELDS == schema.field_names(schema.MECHANISM.fields)


@pytest.mark.smoke
def test_committed_schemas_match_the_code():
    """schemas/ is what editors read: regenerate it with `rightskit schemas` after changing schema.py."""
    for kind in schema.KINDS.values():
        committed = (REPO / schema.SCHEMA_DIR / kind.schema_file).read_text(encoding="utf-8")
        assert committed == schema.schema_text(kind), f"run `rightskit schemas` ({kind.schema_file} is stale)"


def test_schema_shape_follows_the_fields():
    instrument = schema.json_schema(schema.INSTRUMENT)
    assert instrument["type"] == "object" and instrument["additionalProperties"] is False
    assert {"id", "title", "kind", "official_text", "summary"} <= set(instrument["required"])
    assert "adopted" not in instrument["required"]
    assert instrument["properties"]["kind"]["enum"] == list(schema.INSTRUMENT.fields[3].allowed)
    assert instrument["properties"]["us"]["properties"]["signed"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    article = instrument["properties"]["articles"]["items"]
    assert article["required"] == ["number", "title", "summary"]
    mechanisms = schema.json_schema(schema.MECHANISM)
    # the loader's own pattern (core/fields.py), so the editor underlines what the check reports
    assert mechanisms["type"] == "array"
    assert mechanisms["items"]["properties"]["official_site"]["pattern"] == fields.URL_PATTERN


def test_every_example_fits_its_own_schema():
    for kind in schema.KINDS.values():
        data = yaml.safe_load(schema.example_yaml(kind))
        record = data[0] if kind.shape == "list" else data
        body = schema.json_schema(kind)
        body = body["items"] if kind.shape == "list" else body
        assert set(body["required"]) <= set(record), kind.name
        assert set(record) <= set(body["properties"]), kind.name


def test_reference_page_lists_every_field_with_type_required_allowed_and_example():
    pages = dict(schema.reference_pages(environment()))
    page = pages["contribute/reference/instrument.md"]
    assert "| `kind` | text | yes | treaty, declaration, principles, ilo convention |" in page
    assert "| `us.signed` | date (YYYY-MM-DD) | no |" in page
    assert "| `articles[].number` | text | yes |" in page
    assert "official_text: https://www.ohchr.org/" in page  # the example record
    assert set(pages) == {f"{schema.REFERENCE_DIR}/index.md"} | {k.page for k in schema.KINDS.values()}


def test_adding_a_field_changes_the_page_and_the_schema(monkeypatch):
    before_page = dict(schema.reference_pages(environment()))["contribute/reference/mechanism.md"]
    before_schema = schema.schema_text(schema.MECHANISM)
    extra = schema.Field("founded", "integer", "The year it was set up.", "no", example=1985)
    changed = dataclasses.replace(schema.MECHANISM, fields=schema.MECHANISM.fields + (extra,))
    monkeypatch.setitem(schema.KINDS, "mechanism", changed)
    after_page = dict(schema.reference_pages(environment()))["contribute/reference/mechanism.md"]
    after_schema = json.loads(schema.schema_text(changed))
    assert after_page != before_page
    assert "| `founded` | whole number | no |  | The year it was set up. | `1985` |" in after_page
    assert "founded:" not in before_page and "founded: 1985" in after_page
    assert after_schema["items"]["properties"]["founded"] == {
        "type": ["integer", "null"], "minimum": 1, "description": "The year it was set up.", "examples": [1985]}
    assert "founded" not in json.loads(before_schema)["items"]["properties"]


def test_built_site_publishes_the_schemas_and_reference(built):
    for kind in schema.KINDS.values():
        published = built / "site" / schema.SCHEMA_DIR / kind.schema_file
        assert json.loads(published.read_text()) == schema.json_schema(kind)
        assert (built / "site" / schema.REFERENCE_DIR / kind.name / "index.html").is_file()
