"""The schema catalog: SchemaStore's format, one entry per schema, file names that pick one."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ttsbuilder._schema_build import build, build_catalog, render
from ttsbuilder.cli import main
from ttsbuilder.published import (
    CATALOG_FILE,
    SCHEMA_KINDS,
    catalog,
    file_match,
    schema,
    schema_file,
    schema_path,
)

SCHEMAS = Path(__file__).parent.parent / "ttsbuilder" / "schemas"

# SchemaStore's catalog format, as its documentation and its own schema for catalogs
# (https://json.schemastore.org/schema-catalog.json, a draft-04 schema) describe it,
# written down here in Draft 2020-12: "$schema", "version" and "schemas" are required; each
# entry needs "name", "description" and "url" (an absolute https URL) and may have
# "fileMatch" (unique glob strings) and "versions"; nothing else is allowed.
SCHEMASTORE_CATALOG: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["$schema", "version", "schemas"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"const": "https://json.schemastore.org/schema-catalog.json"},
        "version": {"type": "number"},
        "schemas": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "description", "url"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "description": {"type": "string"},
                    "fileMatch": {
                        "type": "array",
                        "items": {"type": "string"},
                        "uniqueItems": True,
                    },
                    "url": {"type": "string", "format": "uri", "pattern": "^https://"},
                    "versions": {
                        "type": "object",
                        "additionalProperties": {"type": "string", "pattern": "^https://"},
                    },
                },
            },
        },
    },
}


def test_the_catalog_file_is_the_one_the_builder_makes() -> None:
    text = (SCHEMAS / CATALOG_FILE).read_text(encoding="utf-8")
    assert text == render(build_catalog(build())), "catalog.json is stale: run make schemas"


def test_the_catalog_has_schemastores_format() -> None:
    checker = Draft202012Validator(
        SCHEMASTORE_CATALOG, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{e.json_path}: {e.message}" for e in checker.iter_errors(catalog())]
    assert errors == []


def test_the_shape_written_down_rejects_what_schemastore_rejects() -> None:
    """The format above is not vacuous: a plain-http url and a missing name fail it."""
    checker = Draft202012Validator(SCHEMASTORE_CATALOG)
    entry = {"name": "x", "description": "x", "url": "https://example.com/x.json"}
    base = {"$schema": "https://json.schemastore.org/schema-catalog.json", "version": 1}
    assert checker.is_valid({**base, "schemas": [entry]})
    assert not checker.is_valid({**base, "schemas": [{**entry, "url": "http://a/x.json"}]})
    assert not checker.is_valid({**base, "schemas": [{"description": "x", "url": entry["url"]}]})
    assert not checker.is_valid({"version": 1, "schemas": [entry]})


def test_one_entry_per_schema_file_with_its_id() -> None:
    entries = catalog()["schemas"]
    files = sorted(path.name for path in SCHEMAS.glob("*.schema.json"))
    assert sorted(entry["url"].rsplit("/", 1)[1] for entry in entries) == files
    for entry in entries:
        name = entry["url"].rsplit("/", 1)[1]
        published = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        assert entry["url"] == published["$id"]
        assert entry["description"] == published["title"]


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
@pytest.mark.parametrize("profile", ["enablex", "azure"])
@pytest.mark.parametrize("extension", ["json", "yaml", "yml"])
def test_a_prompt_file_name_picks_exactly_its_schema(
    kind: str, profile: str, extension: str
) -> None:
    stem = schema_file(kind, profile).removesuffix(".schema.json")
    for name in (f"welcome.{stem}.{extension}", f"ivr.menu.{stem}.{extension}"):
        matched = [
            entry["url"]
            for entry in catalog()["schemas"]
            if any(fnmatch.fnmatchcase(name, glob) for glob in entry["fileMatch"])
        ]
        assert matched == [schema(kind, profile)["$id"]], name
        assert any(fnmatch.fnmatchcase(name, glob) for glob in file_match(kind, profile))


def test_other_files_match_no_entry() -> None:
    for name in ("package.json", "tts.json", "play.yaml", "x.tts.json.bak", "tsconfig.json"):
        for entry in catalog()["schemas"]:
            assert not any(fnmatch.fnmatchcase(name, glob) for glob in entry["fileMatch"]), name


def test_the_cli_prints_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "catalog"]) == 0
    assert json.loads(capsys.readouterr().out) == catalog()


def test_the_catalog_sits_beside_the_schemas() -> None:
    assert (schema_path("play").parent / CATALOG_FILE).is_file()
    assert catalog() is not catalog()


def test_the_globs_in_the_docs_are_the_catalogs() -> None:
    """docs/schemas.md's editor settings use only the catalog's file names."""
    text = (Path(__file__).parent.parent / "docs" / "schemas.md").read_text(encoding="utf-8")
    in_docs = set(re.findall(r"\*\.[a-z-]+\.(?:json|yaml|yml)\b", text))
    globs = {glob for entry in catalog()["schemas"] for glob in entry["fileMatch"]}
    assert in_docs
    assert in_docs <= globs, in_docs - globs
