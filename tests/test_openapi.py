"""The OpenAPI 3.1 document: openapi-spec-validator accepts it; every route and body; fresh."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from ttsbuilder import _flatten, _generator_friendly, openapi
from ttsbuilder.openapi import COMPONENTS, build, openapi_document, openapi_file
from ttsbuilder.profiles import PROFILES
from ttsbuilder.published import SCHEMA_KINDS, registry, schema
from ttsbuilder.routes import ROUTES
from ttsbuilder.strategies import mutations, payloads
from ttsbuilder.validation import validate

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "data" / "seed"
BODY_KINDS = [kind for kind in SCHEMA_KINDS if kind != "tts"]


@pytest.mark.parametrize("profile", list(PROFILES))
def test_openapi_spec_validator_accepts_it(profile: str) -> None:
    validate_spec(openapi_document(profile))  # raises on any error


@pytest.mark.parametrize("profile", list(PROFILES))
def test_the_shipped_file_is_what_the_published_schemas_build(profile: str) -> None:
    shipped = (ROOT / "ttsbuilder" / "schemas" / openapi_file(profile)).read_text("utf-8")
    assert shipped == openapi.render(build(profile)), "stale: run make schemas"


def test_every_route_and_every_body_kind_is_there() -> None:
    document = openapi_document()
    operations = {
        (method.upper(), path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }
    assert set(operations) == {(route.method, route.path) for route in ROUTES}
    for route in ROUTES:
        operation = operations[route.method, route.path]
        assert operation["operationId"] == route.name
        assert [p["name"] for p in operation.get("parameters", [])] == list(route.parameters)
        if route.body is None:
            assert "requestBody" not in operation
            continue
        reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert reference == COMPONENTS + route.body
    assert {route.body for route in ROUTES} - {None} == set(BODY_KINDS)


def _body_validator(document: dict[str, Any], kind: str) -> Draft202012Validator:
    """A validator for one body component, resolving references inside the document."""
    uri = "urn:voice-api-openapi"
    registry: Registry[Any] = Registry().with_resource(uri, DRAFT202012.create_resource(document))
    return Draft202012Validator({"$ref": f"{uri}#/components/schemas/{kind}"}, registry=registry)


SAMPLES = sorted(path.name for path in SEED.glob("*.json") if path.name != "advanced_tree.json")
KIND_OF = {"dial_out": "dial-out", "recording": "recording"}


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_body_components_judge_the_seed_samples_as_validate_does(sample: str) -> None:
    body = json.loads((SEED / sample).read_text(encoding="utf-8"))
    stem = sample.removesuffix(".json")
    kind = next((k for prefix, k in KIND_OF.items() if stem.startswith(prefix)), stem)
    checker = _body_validator(openapi_document(), kind)
    has_errors = any(problem.is_error for problem in validate(body, kind))
    assert checker.is_valid(body) is not has_errors


def test_a_broken_tree_fails_the_play_component() -> None:
    checker = _body_validator(openapi_document(), "play")
    assert not checker.is_valid({"text_to_speech_option": {"break": {"value": "9s"}}})
    azure = _body_validator(openapi_document("azure"), "play-azure")
    assert azure.is_valid({"text_to_speech_option": {"break": {"value": "9s"}}})


def test_flatten_resolves_refs_across_files_and_embedded_resources() -> None:
    root, definitions = _flatten.flatten("dial-out")
    assert root == "dial-out"
    for definition in definitions.values():
        for ref in _refs(definition):
            assert ref.startswith(_flatten.LOCAL)
            assert ref[len(_flatten.LOCAL) :] in definitions
    # The same walk over a bundled form: one document holding the other as a resource.
    bundled = {
        "$id": "https://ttsbuilder.dev/schemas/bundle.schema.json",
        "$ref": "tts.schema.json#/$defs/tree",
        "$defs": {"tts": _flatten.schema("tts")},
    }
    flat = _flatten._Flattener().run(bundled)[1]
    assert "tts.tree" in flat
    assert flat["bundle"] == {"$ref": "#/$defs/tts.tree"}


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for key, value in node.items() if key != "enum" for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def test_the_cli_prints_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ttsbuilder", "schema", "openapi", "--profile", "azure"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == openapi_document("azure")


def test_the_doctests_run() -> None:
    assert doctest.testmod(openapi).failed == 0
    assert doctest.testmod(_flatten).failed == 0


def _component(profile: str, kind: str) -> Draft202012Validator:
    """The validator of ``kind``'s body component in ``profile``'s shipped document."""
    document = openapi_document(profile)
    route = next(route for route in ROUTES if route.body == kind)
    body = document["paths"][route.path][route.method.lower()]["requestBody"]
    name = body["content"]["application/json"]["schema"]["$ref"].removeprefix(COMPONENTS)
    return _body_validator(document, name)


def _nested(depth: int, leaf: dict[str, Any]) -> dict[str, Any]:
    tree = leaf
    for _ in range(depth):
        tree = {"rate": "fast", "text": "a", "prosody": tree}
    return tree


# Trees at the edges the rewrite for generators touches: member names (suffixes, case,
# unknown), the order of members, the depth limit, attributes beside members.
EDGE_TREES: list[dict[str, Any]] = [
    {
        "text2": "b",
        "text": "a",
        "break3": {"value": "1s"},
        "say-as1": {"interpret-as": "cardinal", "text": "3"},
    },
    {"text0": "a"},
    {"text02": "a"},
    {"Text": "a"},
    {"texts": "a"},
    {"pitch": "high"},
    {"prosody": {"pitch": "high", "text7": "a", "silence": {"type": "leading", "value": "1s"}}},
    {"prosody": {"pitch": "high", "prosody2": {"volume": "loud", "text": "a"}}},
    {"express-as": {"style": "gentle", "text3": "a", "prosody9": {"rate": "slow", "text": "b"}}},
    {"express-as": {"style": "gentle", "express-as": {"style": "gentle", "text": "a"}}},
    {"break": {"value": "1s"}, "break2": {"type": "leading", "value": "1s"}},
    {"silence": {"type": "leading", "value": "1s"}, "silence2": {"value": "1s"}},
    {"prosody": _nested(14, {"text": "deep"})},
    {"prosody": _nested(15, {"text": "deep"})},
    {"prosody": _nested(16, {"text": "deep"})},
    {"prosody": _nested(15, {"prosody3": {"text": "deep"}})},
]


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("tree", EDGE_TREES)
def test_the_play_component_judges_the_edge_trees_as_the_published_schema(
    profile: str, tree: dict[str, Any]
) -> None:
    body = {"text_to_speech_option": tree}
    published = Draft202012Validator(schema("play", profile), registry=registry())
    assert _component(profile, "play").is_valid(body) is published.is_valid(body)


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("kind", BODY_KINDS)
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_each_body_component_judges_as_its_published_schema(
    profile: str, kind: Any, data: st.DataObject
) -> None:
    """The rewrite for generators changes the words, not what is valid."""
    body = data.draw(
        st.one_of(
            payloads(kind, profile, warnings=True),
            mutations(kind, profile, warnings=True).map(lambda mutation: mutation.document),
        )
    )
    published = Draft202012Validator(schema(kind, profile), registry=registry())
    assert _component(profile, kind).is_valid(body) is published.is_valid(body)


@pytest.mark.parametrize("profile", list(PROFILES))
def test_a_tree_16_levels_deep_is_checked_in_linear_time(profile: str) -> None:
    """Each member is checked once: twice a level would be 2^16 checks at the deepest."""
    body = {"text_to_speech_option": {"prosody": _nested(15, {"text": "deep"})}}
    checker = _component(profile, "play")
    began = time.perf_counter()
    assert checker.is_valid(body)
    assert time.perf_counter() - began < 5.0


def test_the_rewrite_s_doctests_run() -> None:
    assert doctest.testmod(_generator_friendly).failed == 0
